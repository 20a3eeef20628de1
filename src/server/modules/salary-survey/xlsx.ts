import ExcelJS from 'exceljs';
import { FIELD_LABELS, OCCUPATIONS, SurveyData, type WageCell } from '../../../domain/salary-survey';
import { INDUSTRY_SECTIONS } from '../../../domain/enterprise/industries';
import { badRequest } from '../../errors';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SHEET_ECON = '经济指标与人工成本';
const SHEET_PAY = '职工薪酬';
const FIELDS = Object.keys(FIELD_LABELS);

const toBuffer = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

/** The import template: labels in column A, values in column B; one employee per row on the second sheet. */
export async function surveyWorkbook(data: SurveyData | null, title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const s1 = wb.addWorksheet(SHEET_ECON);
  s1.columns = [{ header: '指标', width: 28 }, { header: '数值', width: 16 }, { header: '说明', width: 40 }];
  s1.getRow(1).font = { bold: true };
  for (const f of FIELDS) {
    const [g, k] = f.split('.') as ['economic' | 'laborCost', string];
    const unit = f === 'economic.avgEmployees' ? '人' : '万元';
    s1.addRow([FIELD_LABELS[f], data ? (data[g] as Record<string, number>)[k] : null, `${unit}${f === 'laborCost.total' ? '；应等于下列六项之和' : ''}`]);
  }
  s1.addRow([]);
  s1.addRow([title]);
  const s2 = wb.addWorksheet(SHEET_PAY);
  s2.columns = [{ header: '职业类别代码', width: 14 }, { header: '年度应发工资（元）', width: 20 }, { header: '本年工作月数', width: 14 }, { header: '备注', width: 30 }];
  s2.getRow(1).font = { bold: true };
  for (const r of data?.employees ?? []) s2.addRow([r.occupation, r.annualPay, r.months, r.note ?? null]);
  const s3 = wb.addWorksheet('职业类别代码');
  s3.columns = [{ header: '代码', width: 8 }, { header: '职业大类（GB/T 6565-2015）', width: 36 }];
  for (const [k, v] of Object.entries(OCCUPATIONS)) s3.addRow([k, v]);
  return toBuffer(wb);
}

function num(v: ExcelJS.CellValue, field: string, problems: { field: string; message: string }[]): number {
  const raw = v && typeof v === 'object' && 'result' in v ? v.result : v;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw.replace(/,/g, '')) : NaN;
  if (!Number.isFinite(n)) problems.push({ field, message: `${field}：应为数字` });
  return Number.isFinite(n) ? n : 0;
}

/** Reads an uploaded workbook into survey data; every unreadable cell is named (sheet!cell). */
export async function parseSurveyWorkbook(buf: Buffer): Promise<SurveyData> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw badRequest('无法读取文件，请上传由模板填写的 .xlsx 文件', [{ field: 'file', message: '不是有效的 .xlsx 文件' }]);
  }
  const s1 = wb.getWorksheet(SHEET_ECON);
  const s2 = wb.getWorksheet(SHEET_PAY);
  if (!s1 || !s2) throw badRequest(`文件缺少工作表“${!s1 ? SHEET_ECON : SHEET_PAY}”，请使用下载的模板`, [{ field: 'file', message: '工作表不完整' }]);
  const problems: { field: string; message: string }[] = [];
  const byLabel = new Map<string, { value: ExcelJS.CellValue; address: string }>();
  s1.eachRow((row) => {
    const label = String(row.getCell(1).value ?? '').trim();
    if (label) byLabel.set(label, { value: row.getCell(2).value, address: `${SHEET_ECON}!B${row.number}` });
  });
  const data = { economic: {} as Record<string, number>, laborCost: {} as Record<string, number>, employees: [] as SurveyData['employees'] };
  for (const f of FIELDS) {
    const [g, k] = f.split('.') as ['economic' | 'laborCost', string];
    const cell = byLabel.get(FIELD_LABELS[f]!);
    if (!cell) problems.push({ field: f, message: `${SHEET_ECON}：缺少“${FIELD_LABELS[f]}”` });
    else data[g][k] = num(cell.value, cell.address, problems);
  }
  s2.eachRow((row, n) => {
    if (n === 1) return;
    const occ = row.getCell(1).value;
    if (occ === null || occ === undefined || String(occ).trim() === '') return;
    const note = row.getCell(4).value;
    data.employees.push({
      occupation: String(occ).trim(),
      annualPay: num(row.getCell(2).value, `${SHEET_PAY}!B${n}`, problems),
      months: num(row.getCell(3).value, `${SHEET_PAY}!C${n}`, problems),
      ...(note ? { note: String(note).slice(0, 100) } : {}),
    });
  });
  if (problems.length) throw badRequest(`文件有${problems.length}处无法读取`, problems.slice(0, 50));
  const parsed = SurveyData.safeParse(data);
  if (!parsed.success) throw badRequest('文件内容不完整', parsed.error.issues.slice(0, 50).map((i) => ({ field: i.path.join('.'), message: i.message })));
  return parsed.data;
}

const label = (v: string, names: Record<string, string>) => (v === '*' ? '合计' : (names[v] ?? v));

/** 工资价位 export: one row per industry × occupation cell; suppressed cells say so and carry no figures. */
export async function resultsWorkbook(year: number, cells: WageCell[], minEnterprises: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${year}年工资价位`);
  ws.columns = [
    { header: '行业', width: 30 },
    { header: '职业大类', width: 26 },
    { header: '企业数', width: 8 },
    { header: '职工数', width: 8 },
    { header: 'P10', width: 12 },
    { header: 'P25', width: 12 },
    { header: 'P50（中位数）', width: 14 },
    { header: 'P75', width: 12 },
    { header: 'P90', width: 12 },
    { header: '平均', width: 12 },
    { header: '备注', width: 24 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const c of cells) {
    ws.addRow([
      label(c.industry, INDUSTRY_SECTIONS),
      label(c.occupation, OCCUPATIONS),
      c.enterprises,
      c.suppressed ? null : c.employees,
      c.p10,
      c.p25,
      c.p50,
      c.p75,
      c.p90,
      c.mean,
      c.suppressed ? `样本企业少于${minEnterprises}家，不予公布` : null,
    ]);
  }
  ws.addRow([]);
  ws.addRow([`单位：元/年。分位数按线性插值（PERCENTILE.INC）计算；样本企业少于${minEnterprises}家的单元格不公布数值。`]);
  return toBuffer(wb);
}
