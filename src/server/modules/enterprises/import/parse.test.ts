import fc from 'fast-check';
import iconv from 'iconv-lite';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { decodeText, parseCsvBuffer, splitSimpleCsv } from './parse';

/** What parseCsvBuffer got from csv-parse before the fast path (same options). */
function viaCsvParse(text: string, delimiter: string) {
  const records = parseCsv(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  return records.map((r) => ({ row: r.info.lines, cells: r.record }));
}

describe('CSV fast path (no quotes)', () => {
  it('returns exactly what csv-parse returns, for any quote-free text', () => {
    const piece = fc.constantFrom('a', 'B', '中', '企业', '1', ' ', '\u3000', '\u00a0', '\u2003', '\t', ',', ';', '\r\n', '\n', '\r\n\r\n', '', '—');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom(',', ';'), (parts, delimiter) => {
        const text = parts.join('');
        const fast = splitSimpleCsv(text, delimiter);
        if (fast) expect(fast).toEqual(viaCsvParse(text, delimiter));
      }),
      { numRuns: 3000 },
    );
  });

  it('declines texts it cannot split safely', () => {
    expect(splitSimpleCsv('a,"b,c"\n', ',')).toBeUndefined();
    expect(splitSimpleCsv('a,b\rc,d', ',')).toBeUndefined();
    expect(splitSimpleCsv('a\tb\n', '\t')).toBeUndefined();
    expect(splitSimpleCsv('a,\ufeffb\n', ',')).toBeUndefined();
  });

  it('quoted files still go through csv-parse', () => {
    const sheet = parseCsvBuffer(Buffer.from('企业名称,地址\r\n"甲公司","云溪区, 新桥路1号"\r\n', 'utf8'));
    expect(sheet.rows).toEqual([
      { row: 1, cells: ['企业名称', '地址'] },
      { row: 2, cells: ['甲公司', '云溪区, 新桥路1号'] },
    ]);
  });
});

describe('GB18030 decoding', () => {
  it('decodes what Chinese Excel writes (and random bytes) as iconv-lite does', () => {
    const text = '企业名称,统一社会信用代码,所属街道\r\n云溪基准企业（甲）有限公司,91440300MA5XXXXX0X,新桥街道\r\n𠀀𪚥😀,€,①\r\n';
    const buf = iconv.encode(text, 'gb18030');
    expect(decodeText(buf)).toEqual({ text, encoding: 'gb18030' });
    // every BMP character but the 18 vertical forms (see decodeGb18030) and surrogates, and astral ones
    let all = '';
    for (let c = 0x20; c <= 0xffff; c++) if ((c < 0xd800 || c > 0xdfff) && !(c >= 0xfe10 && c <= 0xfe19) && !(c >= 0xe78d && c <= 0xe796) && !(c >= 0xe81e && c <= 0xe864)) all += String.fromCharCode(c);
    all += '𠀀𪚥😀';
    const valid = iconv.encode(all, 'gb18030');
    expect(decodeText(valid).text).toBe(iconv.decode(valid, 'gb18030'));
    const random = Buffer.from(Array.from({ length: 20_000 }, (_, i) => ((i * 2654435761) >>> 24) | (i % 7 === 0 ? 0x80 : 0)));
    expect(decodeText(random).text).toBe(iconv.decode(random, 'gb18030'));
  });
});
