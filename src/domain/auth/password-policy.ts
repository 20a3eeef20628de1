/**
 * Password policy for real (non-demo) accounts: at least 10 characters from at least three of the
 * four classes (lower case, upper case, digits, symbols).
 */
export function checkPasswordPolicy(password: string): { ok: true } | { ok: false; reason: string } {
  if (password.length < 10) return { ok: false, reason: '密码长度至少10位' };
  if (password.length > 128) return { ok: false, reason: '密码长度不能超过128位' };
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return { ok: false, reason: '密码须包含大写字母、小写字母、数字、符号中的至少三类' };
  return { ok: true };
}

/** 5 failed logins lock the account for 15 minutes; sessions end after 30 min idle or 12 h. */
export const AUTH_LIMITS = {
  maxFailedLogins: 5,
  lockMinutes: 15,
  idleMinutes: 30,
  absoluteHours: 12,
  smsCodeMinutes: 5,
  smsResendSeconds: 60,
  smsMaxAttempts: 5,
} as const;
