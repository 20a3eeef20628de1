import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { usccCheckChar, validateUscc } from './uscc';
import { idNumberCheckDigit, maskIdNumber, maskPhone, validateIdNumber } from './id-number';

describe('validateUscc (GB 32100-2015)', () => {
  it.each([
    ['91350100M000100Y43', true, undefined], // example code published with GB 32100-2015
    ['91110000802100433B', true, undefined],
    ['91350100m000100y43', true, undefined], // lower case is normalised
    ['91350100M000100Y44', false, '校验位'],
    ['91350100M000100Y4', false, '18位'],
    ['91350100M000100I43', false, '不允许的字符'],
    ['9135A100M000100Y43', false, '行政区划码'],
    ['', false, '不能为空'],
  ])('%s → %s', (code, valid, reason) => {
    const r = validateUscc(code);
    expect(r.valid).toBe(valid);
    if (!r.valid) expect(r.reason).toContain(reason);
  });

  it('accepts any body completed with its check character, and rejects every other final character', () => {
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const body = fc.tuple(
      fc.constantFrom(...'123456789ANY'.split('')),
      fc.constantFrom(...'1239'.split('')),
      fc.stringMatching(/^[0-9]{6}$/),
      fc.array(fc.constantFrom(...chars.split('')), { minLength: 9, maxLength: 9 }),
    );
    fc.assert(
      fc.property(body, ([a, b, div, org]) => {
        const b17 = a + b + div + org.join('');
        const good = usccCheckChar(b17);
        expect(validateUscc(b17 + good).valid).toBe(true);
        const bad = chars[(chars.indexOf(good) + 1) % 31]!;
        expect(validateUscc(b17 + bad).valid).toBe(false);
      }),
    );
  });
});

describe('validateIdNumber (GB 11643-1999)', () => {
  it.each([
    ['11010519491231002X', true, undefined], // example in GB 11643-1999
    ['11010519491231002x', true, undefined],
    ['110105194912310021', false, '校验位'],
    ['110105194902300020', false, '出生日期'], // 30 Feb
    ['991105194912310021', false, '地址码'],
    ['11010519491231002', false, '18位'],
    ['1101051949123100AX', false, '数字'],
  ])('%s → %s', (value, valid, reason) => {
    const r = validateIdNumber(value, '2026-11-26');
    expect(r.valid).toBe(valid);
    if (!r.valid) expect(r.reason).toContain(reason);
  });

  it('rejects a birth date after today', () => {
    const body = '11010520300101001';
    const r = validateIdNumber(body + idNumberCheckDigit(body), '2026-11-26');
    expect(r).toEqual({ valid: false, reason: '身份证号码中的出生日期晚于今天' });
  });

  it('masks', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskPhone('13800138000')).toBe('138****8000');
  });
});
