import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parse as parseCsv } from 'csv-parse/sync';

export type SheetFormat = 'xlsx' | 'csv';
export interface ParsedSheet {
  format: SheetFormat;
  encoding: string | null;
  /** Every row of the first sheet as trimmed text, with its 1-based row number in the file. */
  rows: { row: number; cells: string[] }[];
}

export function detectFormat(fileName: string, buf: Buffer): SheetFormat | undefined {
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) return 'xlsx';
  if (/\.(csv|txt)$/i.test(fileName)) return 'csv';
  if (/\.xlsx$/i.test(fileName)) return undefined; // named .xlsx but not a zip: corrupt or an old .xls
  return buf.subarray(0, 4096).includes(0) ? undefined : 'csv';
}

/**
 * Text of a CSV file: UTF-8 (with or without BOM), UTF-16 (Excel's “Unicode text”), or GB18030 — what
 * Chinese Excel writes for “CSV (逗号分隔)”. A strict UTF-8 decode decides: GB18030 bytes are almost never valid UTF-8.
 */
export function decodeText(buf: Buffer): { text: string; encoding: string } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf16le'), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf16be'), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buf, 'gb18030'), encoding: 'gb18030' };
  }
}

export function parseCsvBuffer(buf: Buffer): ParsedSheet {
  const { text, encoding } = decodeText(buf);
  const firstLine = text.split('\n', 1)[0] ?? '';
  const delimiter = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : firstLine.includes(',') ? ',' : (firstLine.match(/;/g)?.length ?? 0) > 0 ? ';' : ',';
  const records = parseCsv(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  return { format: 'csv', encoding, rows: records.map((r) => ({ row: r.info.lines, cells: r.record })) };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text).trim();
    if ('error' in v) return '';
  }
  return String(v as unknown).trim();
}

/** First worksheet of an .xlsx, streamed (a 100,000-row ledger never sits in memory as a workbook). */
export async function parseXlsxBuffer(buf: Buffer, onRow?: (n: number) => void | Promise<void>): Promise<ParsedSheet> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buf), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' });
  const rows: ParsedSheet['rows'] = [];
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = row.values as ExcelJS.CellValue[];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      rows.push({ row: row.number, cells });
      if (onRow && rows.length % 5000 === 0) await onRow(rows.length);
    }
    break; // the first worksheet is the ledger
  }
  return { format: 'xlsx', encoding: null, rows };
}

export async function parseSheet(fileName: string, buf: Buffer, onRow?: (n: number) => void | Promise<void>): Promise<ParsedSheet | undefined> {
  const format = detectFormat(fileName, buf);
  if (format === 'csv') return parseCsvBuffer(buf);
  if (format === 'xlsx') return parseXlsxBuffer(buf, onRow);
  return undefined;
}
