/**
 * Article citations in user queries and legal texts: "劳动合同法第47条", "第四十七条",
 * "《中华人民共和国劳动争议调解仲裁法》第二十七条", "调解仲裁法 第27条".
 *
 * Statutes number their articles in Chinese numerals (第一百零七条); users type either form,
 * so both directions of the conversion live here.
 */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const DIGIT_CHARS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Characters that may form a Chinese article number. */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千';

/**
 * Parses a Chinese numeral below 10 000 ("一百零七" → 107, "十七" → 17) or an Arabic number
 * ("47", "４７"). Returns undefined for anything else.
 */
export function chineseToInt(input: string): number | undefined {
  const s = toHalfWidthDigits(input.trim());
  if (s === '') return undefined;
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  let digit: number | undefined;
  let lastUnit = Infinity;
  for (const ch of s) {
    if (ch in DIGITS) {
      if (digit !== undefined && digit !== 0) return undefined; // "二三" is not a number
      digit = DIGITS[ch];
      continue;
    }
    const unit = UNITS[ch];
    if (unit === undefined || unit >= lastUnit) return undefined;
    // A bare unit means one of it: "十七" = 17, but only "十" may lead without a digit.
    if (digit === undefined && !(unit === 10 && total === 0)) return undefined;
    total += (digit ?? 1) * unit;
    digit = undefined;
    lastUnit = unit;
  }
  if (digit !== undefined) total += digit;
  return total > 0 || s === '零' || s === '〇' ? total : undefined;
}

/**
 * Writes an integer 1..9999 the way statutes number articles: 10 → 十, 11 → 十一,
 * 107 → 一百零七, 110 → 一百一十.
 */
export function intToChinese(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) {
    throw new RangeError(`不支持的条文序号：${n}`);
  }
  if (n === 0) return '零';
  if (n >= 10 && n < 20) return '十' + (n === 10 ? '' : DIGIT_CHARS[n - 10]);
  const places: [number, string][] = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
    [1, ''],
  ];
  let out = '';
  let pendingZero = false;
  for (const [value, unit] of places) {
    const d = Math.floor(n / value) % 10;
    if (d === 0) {
      if (out !== '') pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DIGIT_CHARS[d] + unit;
  }
  return out;
}

/** "第四十七条" for 47. */
export function articleLabel(no: number): string {
  return `第${intToChinese(no)}条`;
}

export interface Citation {
  /** The law named before the article number as written ("劳动合同法", "实施条例"), if any. */
  lawHint?: string;
  articleNo: number;
  /** Offset and length of the whole citation in the input, for highlighting and stripping. */
  start: number;
  length: number;
}

const NUMBER = `[${CHINESE_NUMERAL_CHARS}0-9０-９]{1,8}`;
// The law name: a run of CJK (and the brackets of "解释（一）") ending in a word that names a
// legal instrument, never crossing a "第" ("第四十六条和实施条例第27条" is two citations). Kept lazy-free and anchored at the number so that "根据劳动合同法第47条"
// captures "根据劳动合同法" and the resolver trims the leading verb.
const LAW_NAME = String.raw`(?:《[^《》]{2,60}》|(?:(?!第)[\u4e00-\u9fa5（）()]){0,40}?(?:法|条例|规定|办法|规则|解释(?:[（(][一二三四五][）)]|[一二三四五])?|通知))`;
const CITATION_RE = new RegExp(String.raw`(${LAW_NAME})?\s*第\s*(${NUMBER})\s*条`, 'g');

/** Every article citation found in the text, in order. */
export function parseCitations(text: string): Citation[] {
  const out: Citation[] = [];
  for (const m of text.matchAll(CITATION_RE)) {
    const articleNo = chineseToInt(m[2]);
    if (articleNo === undefined || articleNo < 1) continue;
    const rawLaw = m[1] ? cleanLawHint(m[1]) : undefined;
    const cite: Citation = { articleNo, start: m.index, length: m[0].length };
    if (rawLaw) cite.lawHint = rawLaw;
    out.push(cite);
  }
  return out;
}

/** The first citation in the text, if any. */
export function parseCitation(text: string): Citation | undefined {
  return parseCitations(text)[0];
}

/**
 * True when the query is essentially a citation ("劳动合同法第47条", "第四十七条 ") rather than a
 * question that happens to mention one.
 */
export function isBareCitation(text: string): boolean {
  const cites = parseCitations(text);
  if (cites.length === 0) return false;
  let rest = text;
  for (const c of [...cites].reverse()) {
    rest = rest.slice(0, c.start) + rest.slice(c.start + c.length);
  }
  return rest.replace(/[\s，,。.、；;：:？?！!“”"'《》]|的|规定|内容|原文|全文/g, '') === '';
}

const LEADING_WORDS = /^(?:根据|依据|依照|按照|参照|适用|违反|以及|或者|按|依|据|见|查|看|请问|关于|对于|和|及|与|或|《)+/;

function cleanLawHint(raw: string): string | undefined {
  const s = raw
    .replace(/[《》\s]/g, '')
    .replace(LEADING_WORDS, '')
    .replace(/^中华人民共和国/, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
  // "本法"/"本条例" point at the enclosing law, which the caller knows and we do not.
  if (s === '' || /^本/.test(s)) return undefined;
  return s;
}

function toHalfWidthDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
