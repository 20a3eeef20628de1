import { describe, expect, it } from 'vitest';
import { articleLabel, chineseToInt, intToChinese, isBareCitation, parseCitation, parseCitations } from './citation';

// Reference spelling of 1..199 built independently of the code under test.
function reference(n: number): string {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let s = hundreds ? `${d[hundreds]}百` : '';
  if (hundreds && tens === 0 && ones) s += '零';
  if (tens) s += hundreds || tens > 1 ? `${d[tens]}十` : '十';
  return s + d[ones];
}

describe('Chinese numerals', () => {
  const table = Array.from({ length: 199 }, (_, i) => [i + 1, reference(i + 1)] as const);
  it.each(table)('%i ↔ %s', (n, text) => {
    expect(intToChinese(n)).toBe(text);
    expect(chineseToInt(text)).toBe(n);
  });

  it.each([
    ['一百零七', 107],
    ['一百一十', 110],
    ['二十', 20],
    ['两百', 200],
    ['一千零一', 1001],
    ['47', 47],
    ['４７', 47],
  ])('%s → %i', (text, n) => expect(chineseToInt(text)).toBe(n));

  it.each(['', '二三', '百', '十十', 'abc', '一百十'])('rejects %j', (text) => {
    expect(chineseToInt(text)).toBeUndefined();
  });

  it('labels articles', () => {
    expect(articleLabel(47)).toBe('第四十七条');
    expect(articleLabel(10)).toBe('第十条');
    expect(articleLabel(119)).toBe('第一百一十九条');
  });
});

describe('parseCitation', () => {
  it.each([
    ['劳动合同法第47条', '劳动合同法', 47],
    ['劳动合同法第四十七条', '劳动合同法', 47],
    ['实施条例第二十七条', '实施条例', 27],
    ['调解仲裁法 第27条', '调解仲裁法', 27],
    ['《中华人民共和国劳动争议调解仲裁法》第二十七条规定', '劳动争议调解仲裁法', 27],
    ['根据劳动法第四十四条，加班费怎么算', '劳动法', 44],
    ['劳动争议司法解释（二）第9条', '劳动争议司法解释（二）', 9],
    ['工伤保险条例 第 14 条', '工伤保险条例', 14],
  ])('%s', (text, lawHint, articleNo) => {
    expect(parseCitation(text)).toMatchObject({ lawHint, articleNo });
  });

  it('leaves the law open when none is named, or when it is "本法"', () => {
    expect(parseCitation('第四十七条')).toEqual({ articleNo: 47, start: 0, length: 5 });
    expect(parseCitation('依照本法第四十七条')?.lawHint).toBeUndefined();
  });

  it('finds every citation in a text', () => {
    const cites = parseCitations('劳动合同法第三十八条、第四十六条和实施条例第27条');
    expect(cites.map((c) => [c.lawHint, c.articleNo])).toEqual([
      ['劳动合同法', 38],
      [undefined, 46],
      ['实施条例', 27],
    ]);
  });

  it('ignores numbers that are not article numbers', () => {
    expect(parseCitations('第二次签合同，第三个月')).toEqual([]);
  });

  it('tells a bare citation from a question', () => {
    expect(isBareCitation('劳动合同法第47条')).toBe(true);
    expect(isBareCitation(' 第四十七条 的规定')).toBe(true);
    expect(isBareCitation('劳动合同法第47条怎么理解')).toBe(false);
    expect(isBareCitation('被辞退了')).toBe(false);
  });
});
