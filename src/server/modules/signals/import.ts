import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { SIGNAL_KIND_LABELS, SIGNAL_KINDS, type SignalKind } from '../../../domain/risk/signals';
import { badRequest } from '../../errors';

/** Column headers accepted in an import file (Chinese as in the template, or the API field names). */
const HEADERS: Record<string, string> = {
  来源: 'source',
  数据来源: 'source',
  source: 'source',
  来源编号: 'externalId',
  外部编号: 'externalId',
  externalid: 'externalId',
  类型: 'kind',
  信号类型: 'kind',
  kind: 'kind',
  统一社会信用代码: 'uscc',
  uscc: 'uscc',
  发生时间: 'occurredAt',
  发生日期: 'occurredAt',
  occurredat: 'occurredAt',
  涉及人数: 'workersAffected',
  workersaffected: 'workersAffected',
  涉及金额: 'amount',
  '涉及金额（元）': 'amount',
  amount: 'amount',
  说明: 'details',
  情况说明: 'details',
  details: 'details',
};
const KIND_BY_LABEL = new Map<string, SignalKind>(SIGNAL_KINDS.map((k) => [SIGNAL_KIND_LABELS[k], k]));

export const IMPORT_TEMPLATE_HEADERS = ['来源', '来源编号', '信号类型', '统一社会信用代码', '发生日期', '涉及人数', '涉及金额（元）', '情况说明'];

/** Decodes CSV bytes: UTF-8 (with or without BOM), else GB18030 as saved by Excel on Chinese Windows. */
function decodeCsv(buf: Buffer): string {
  const text = buf.toString('utf8');
  if (!text.includes('\uFFFD')) return text.replace(/^\uFEFF/, '');
  return iconv.decode(buf, 'gb18030');
}

function toRow(header: string[], cells: unknown[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  header.forEach((h, i) => {
    const field = HEADERS[h.trim().toLowerCase()] ?? HEADERS[h.trim()];
    if (!field) return;
    let v = cells[i];
    if (v instanceof Date) v = v.toISOString().slice(0, 10);
    if (v && typeof v === 'object' && 'text' in (v as object)) v = (v as { text: unknown }).text;
    if (v === undefined || v === null || v === '') return;
    if (field === 'workersAffected' || field === 'amount') {
      const n = Number(String(v).replace(/[,，\s]/g, ''));
      row[field] = Number.isFinite(n) ? n : v;
    } else if (field === 'kind') {
      const s = String(v).trim();
      row[field] = KIND_BY_LABEL.get(s) ?? s;
    } else row[field] = String(v).trim();
  });
  return row;
}

/** Rows of an uploaded CSV or xlsx file as signal objects, in file order (row numbers = index + 2). */
export async function parseSignalFile(filename: string, buf: Buffer): Promise<Record<string, unknown>[]> {
  const lower = filename.toLowerCase();
  let table: unknown[][];
  if (lower.endsWith('.csv')) {
    table = parse(decodeCsv(buf), { skip_empty_lines: true, relax_column_count: true }) as unknown[][];
  } else if (lower.endsWith('.xlsx')) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(buf as never);
    } catch {
      throw badRequest('无法读取该Excel文件，请使用 .xlsx 格式');
    }
    const ws = wb.worksheets[0];
    if (!ws) throw badRequest('Excel文件中没有工作表');
    table = [];
    ws.eachRow({ includeEmpty: false }, (r) => {
      const values = r.values as unknown[];
      table.push(values.slice(1));
    });
  } else throw badRequest('仅支持 .csv 或 .xlsx 文件', [{ field: 'file', message: '仅支持 .csv 或 .xlsx 文件' }]);
  const [header, ...rest] = table;
  if (!header) throw badRequest('文件为空', [{ field: 'file', message: '文件为空' }]);
  const names = header.map((h) => String(h ?? ''));
  if (!names.some((h) => HEADERS[h.trim()] === 'uscc' || HEADERS[h.trim().toLowerCase()] === 'uscc')) {
    throw badRequest('缺少“统一社会信用代码”列', [{ field: 'file', message: `表头应包含：${IMPORT_TEMPLATE_HEADERS.join('、')}` }]);
  }
  if (rest.length > 10000) throw badRequest('每次最多导入10000行', [{ field: 'file', message: '每次最多导入10000行' }]);
  return rest.map((cells) => toRow(names, cells));
}
