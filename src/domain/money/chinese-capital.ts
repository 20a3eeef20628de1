/**
 * Amounts in Chinese financial capitals (中文大写金额), as written on settlement documents and agreements.
 * The rules follow 中国人民银行《支付结算办法》附件一《正确填写票据和结算凭证的基本规定》:
 * - 壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分零整, and 壹拾 (never a bare 拾) for a leading ten;
 * - an amount ending at 元 ends with 整; after 角 整 may be omitted (we omit it); after 分 no 整;
 * - zeros between digits are written once as 零; a zero in the 元 (or 万) position followed by a non-zero 角 (or 仟)
 *   may be written or left out — we leave it out (壹万贰仟零伍拾元伍角, 壹拾万柒仟元整);
 * - 角 zero and 分 non-zero: 零 after 元 is required (叁仟元零伍分).
 */
const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'] as const;

/** Largest amount accepted: below ten trillion yuan, so that amounts in fen stay exact integers. */
export const MAX_CAPITAL_AMOUNT = 9_999_999_999_999.99;

/** Rounds yuan half-up to whole fen, reading the amount as the decimal it was typed as (0.285 → 29). */
export function toFen(amount: number): number {
  if (!Number.isFinite(amount)) throw new RangeError('金额必须是有限数字');
  const fen = Math.round(Number((Math.abs(amount) * 100).toFixed(6)));
  return amount < 0 ? -fen : fen;
}

function group(n: number): string {
  // n in 1..9999; zeros inside collapse to one 零, trailing zeros are dropped.
  let out = '';
  let pendingZero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(n / 10 ** pos) % 10;
    if (d === 0) {
      if (out) pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DIGITS[d]! + SMALL_UNITS[pos]!;
  }
  return out;
}

function integerCapital(n: number): string {
  if (n === 0) return '';
  if (n >= 1e8) {
    const rest = n % 1e8;
    return integerCapital(Math.floor(n / 1e8)) + '亿' + (rest === 0 ? '' : (rest < 1e7 ? '零' : '') + integerCapital(rest));
  }
  if (n >= 1e4) {
    const rest = n % 1e4;
    return group(Math.floor(n / 1e4)) + '万' + (rest === 0 ? '' : (rest < 1e3 ? '零' : '') + group(rest));
  }
  return group(n);
}

/**
 * `12000` → `人民币壹万贰仟元整`; `12050.5` → `人民币壹万贰仟零伍拾元伍角`; `3000.05` → `人民币叁仟元零伍分`;
 * `0` → `人民币零元整`; `0.5` → `人民币伍角`. Negative amounts are refused (write 退还/扣除 in words instead).
 */
export function toChineseCapital(amount: number, options: { prefix?: string } = {}): string {
  const prefix = options.prefix ?? '人民币';
  const fen = toFen(amount);
  if (fen < 0) throw new RangeError('大写金额不能为负数');
  if (fen > Math.round(MAX_CAPITAL_AMOUNT * 100)) throw new RangeError('金额超出可转换范围');
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (fen === 0) return `${prefix}零元整`;
  let out = yuan > 0 ? integerCapital(yuan) + '元' : '';
  if (jiao === 0 && cents === 0) return `${prefix}${out}整`;
  if (jiao > 0) out += DIGITS[jiao]! + '角';
  else if (yuan > 0) out += '零';
  if (cents > 0) out += DIGITS[cents]! + '分';
  return prefix + out;
}

/** `12000` → `12,000.00`; `-1234.5` → `-1,234.50`. */
export function formatYuan(amount: number): string {
  const fen = toFen(amount);
  const abs = Math.abs(fen);
  const int = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fen < 0 ? '-' : ''}${int}.${String(abs % 100).padStart(2, '0')}`;
}
