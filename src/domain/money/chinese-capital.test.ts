import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatYuan, toChineseCapital, toFen } from './chinese-capital';

describe('toChineseCapital (正确填写票据和结算凭证的基本规定)', () => {
  it.each([
    // the brief's and the rule's own examples
    [12000, '人民币壹万贰仟元整'],
    [12050.5, '人民币壹万贰仟零伍拾元伍角'],
    [0, '人民币零元整'],
    [3000.05, '人民币叁仟元零伍分'],
    [1409.5, '人民币壹仟肆佰零玖元伍角'],
    [6007.14, '人民币陆仟零柒元壹角肆分'],
    [1680.32, '人民币壹仟陆佰捌拾元叁角贰分'], // 元位是0、角位不是0：不写零
    [107000.53, '人民币壹拾万柒仟元伍角叁分'], // 万位是0、千位不是0：不写零
    [325.04, '人民币叁佰贰拾伍元零肆分'], // 角位是0、分位不是0：元后写零
    // leading ten is 壹拾
    [10, '人民币壹拾元整'],
    [16, '人民币壹拾陆元整'],
    [100000, '人民币壹拾万元整'],
    [110000, '人民币壹拾壹万元整'],
    // zeros inside a group
    [101, '人民币壹佰零壹元整'],
    [1001, '人民币壹仟零壹元整'],
    [1010, '人民币壹仟零壹拾元整'],
    [1100, '人民币壹仟壹佰元整'],
    // zeros across 万
    [10001, '人民币壹万零壹元整'],
    [10010, '人民币壹万零壹拾元整'],
    [10100, '人民币壹万零壹佰元整'],
    [11000, '人民币壹万壹仟元整'],
    [20050, '人民币贰万零伍拾元整'],
    [100001, '人民币壹拾万零壹元整'],
    [1000000, '人民币壹佰万元整'],
    [1000100, '人民币壹佰万零壹佰元整'],
    [10000000, '人民币壹仟万元整'],
    [10001000, '人民币壹仟万壹仟元整'],
    [10000001, '人民币壹仟万零壹元整'],
    // 亿
    [100000000, '人民币壹亿元整'],
    [100000001, '人民币壹亿零壹元整'],
    [100010000, '人民币壹亿零壹万元整'],
    [101000000, '人民币壹亿零壹佰万元整'],
    [110000000, '人民币壹亿壹仟万元整'],
    [1000010000, '人民币壹拾亿零壹万元整'],
    [123456789, '人民币壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元整'],
    [1234567890123.45, '人民币壹万贰仟叁佰肆拾伍亿陆仟柒佰捌拾玖万零壹佰贰拾叁元肆角伍分'],
    [1000000000000, '人民币壹万亿元整'],
    // fractions only
    [0.5, '人民币伍角'],
    [0.05, '人民币伍分'],
    [0.35, '人民币叁角伍分'],
    [0.01, '人民币壹分'],
    [1.01, '人民币壹元零壹分'],
    [10.1, '人民币壹拾元壹角'],
    [100.01, '人民币壹佰元零壹分'],
    // float noise and half-up rounding of the typed decimal
    [0.1 + 0.2, '人民币叁角'],
    [0.285, '人民币贰角玖分'],
    [1.005, '人民币壹元零壹分'],
    [12049.999, '人民币壹万贰仟零伍拾元整'],
  ])('%d → %s', (amount, words) => {
    expect(toChineseCapital(amount)).toBe(words);
  });

  it('takes another prefix', () => {
    expect(toChineseCapital(12000, { prefix: '' })).toBe('壹万贰仟元整');
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY, 1e13])('refuses %d', (amount) => {
    expect(() => toChineseCapital(amount)).toThrow(RangeError);
  });

  it('never writes 零 twice in a row, never starts with 零 or a bare 拾, and ends correctly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999_999 }), (fen) => {
        const words = toChineseCapital(fen / 100, { prefix: '' });
        expect(words).not.toMatch(/零零|零[元万亿]|^零|^拾/);
        expect(words).toMatch(fen % 100 === 0 ? /元整$/ : /[角分]$/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('formatYuan', () => {
  it.each([
    [12000, '12,000.00'],
    [0, '0.00'],
    [999.999, '1,000.00'],
    [1234567.8, '1,234,567.80'],
    [-1234.5, '-1,234.50'],
    [0.05, '0.05'],
  ])('%d → %s', (n, s) => {
    expect(formatYuan(n)).toBe(s);
  });

  it('toFen rounds the typed decimal half-up', () => {
    expect(toFen(2.675)).toBe(268);
    expect(toFen(-2.675)).toBe(-268);
  });
});
