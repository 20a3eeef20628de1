import type { IdentifierCheck } from './uscc';

/** GB 11643-1999 公民身份号码: weights of the first 17 digits and the check-code table (ISO 7064 MOD 11-2). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
/** Province-level codes of GB/T 2260 used as the first two digits. */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54,
  61, 62, 63, 64, 65, 71, 81, 82, 83, 91,
]);

export function idNumberCheckDigit(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

function isRealDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * Validates an 18-digit resident ID number: structure, province code, birth date (a real date, not
 * before 1900 and not after `today`), and the check digit.
 */
export function validateIdNumber(raw: string, today?: string): IdentifierCheck {
  const value = raw.trim().toUpperCase();
  if (value.length === 0) return { valid: false, reason: '身份证号码不能为空' };
  if (value.length !== 18) return { valid: false, reason: `身份证号码应为18位，当前为${value.length}位` };
  if (!/^[0-9]{17}[0-9X]$/.test(value)) return { valid: false, reason: '身份证号码前17位应为数字，末位为数字或X' };
  if (!PROVINCES.has(Number(value.slice(0, 2)))) return { valid: false, reason: '身份证号码的地址码不正确' };
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  if (!isRealDate(y, m, d) || y < 1900) return { valid: false, reason: '身份证号码中的出生日期不存在' };
  const birth = value.slice(6, 14);
  if (today && birth > today.replaceAll('-', '')) return { valid: false, reason: '身份证号码中的出生日期晚于今天' };
  if (value[17] !== idNumberCheckDigit(value.slice(0, 17))) return { valid: false, reason: '身份证号码校验位不正确' };
  return { valid: true };
}

/** 110101********1234-style mask used in lists and exports. */
export function maskIdNumber(value: string): string {
  if (value.length < 10) return '*'.repeat(value.length);
  return value.slice(0, 6) + '*'.repeat(value.length - 10) + value.slice(-4);
}

export function maskPhone(value: string): string {
  if (value.length < 7) return '*'.repeat(value.length);
  return value.slice(0, 3) + '****' + value.slice(-4);
}

/** Mainland mobile numbers: 11 digits starting with 1[3-9]. */
export function isMobilePhone(value: string): boolean {
  return /^1[3-9][0-9]{9}$/.test(value);
}
