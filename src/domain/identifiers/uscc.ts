/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 * 18 characters: registration authority (1), organisation type (1), administrative division (6 digits),
 * organisation code (9), check character (1). Characters come from a 31-symbol set without I, O, Z, S, V.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** GB 32100-2015 第4.3条 / 附录: weights of positions 1–17 are 3^(i-1) mod 31. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type IdentifierCheck = { valid: true } | { valid: false; reason: string };

/** Check character for the first 17 characters (GB 32100-2015: C18 = 31 − (Σ Ci·Wi mod 31), 31 → 0). */
export function usccCheckChar(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(body17[i]!) * WEIGHTS[i]!;
  const c = 31 - (sum % 31);
  return CHARSET[c === 31 ? 0 : c]!;
}

export function validateUscc(raw: string): IdentifierCheck {
  const value = raw.trim().toUpperCase();
  if (value.length === 0) return { valid: false, reason: '统一社会信用代码不能为空' };
  if (value.length !== 18) return { valid: false, reason: `统一社会信用代码应为18位，当前为${value.length}位` };
  for (const ch of value) {
    if (!CHARSET.includes(ch)) {
      return { valid: false, reason: `统一社会信用代码含有不允许的字符“${ch}”（不使用I、O、Z、S、V）` };
    }
  }
  if (!/^[0-9]{6}$/.test(value.slice(2, 8))) {
    return { valid: false, reason: '统一社会信用代码第3至8位应为登记管理机关行政区划码（数字）' };
  }
  const expected = usccCheckChar(value.slice(0, 17));
  if (value[17] !== expected) return { valid: false, reason: '统一社会信用代码校验位不正确' };
  return { valid: true };
}

export function normalizeUscc(raw: string): string {
  return raw.trim().toUpperCase();
}
