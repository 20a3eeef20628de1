import { type Calendar, calendarCovers, calendarEntry } from './holidays';
import { addDays, addMonths, isWeekend } from './iso-date';

export { addDays, addMonths, addYears, daysBetween, formatChineseDate, isValidIsoDate } from './iso-date';

/**
 * Rest days: the holidays of the State Council's arrangement, and Saturdays and Sundays unless the arrangement makes
 * them working days (调休上班).
 * 国务院关于职工工作时间的规定 第七条: 国家机关、事业单位实行统一的工作时间，星期六和星期日为周休息日。
 */
export function isRestDay(calendar: Calendar, date: string): boolean {
  const entry = calendarEntry(calendar, date);
  if (entry) return entry.kind === 'holiday';
  return isWeekend(date);
}

export function isWorkingDay(calendar: Calendar, date: string): boolean {
  return !isRestDay(calendar, date);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(calendar: Calendar, date: string): string {
  let d = addDays(date, 1);
  // The longest run of rest days in any arrangement is 9 days; a month of them is bad data.
  for (let i = 0; isRestDay(calendar, d); i++) {
    if (i > 31) throw new RangeError(`${date}之后连续一个月没有工作日，请检查节假日安排`);
    d = addDays(d, 1);
  }
  return d;
}

/** `date` itself when it is a working day, otherwise the next working day. */
export function onOrNextWorkingDay(calendar: Calendar, date: string): string {
  return isRestDay(calendar, date) ? nextWorkingDay(calendar, date) : date;
}

export interface PeriodOptions {
  /**
   * Move a last day that is a rest day to the next working day.
   * 民法典 第二百零三条: 期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日。
   * 民事诉讼法 第八十五条: 期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期。
   * In both, 法定休假日 is read as every day off (weekends included, 调休上班 days excluded), as courts apply it.
   */
  rollOverRestDays: boolean;
}

/**
 * Last day of a period of `days` calendar days that runs from an event.
 * 民法典 第二百零一条: 按照年、月、日、小时计算期间的，开始的当日不计入，自下一日开始计算。
 * 劳动人事争议仲裁办案规则 第十九条: 仲裁期间的计算，本规则未规定的，仲裁委员会可以参照民事诉讼关于期间计算的有关规定执行。
 */
export function endOfPeriod(calendar: Calendar, eventDate: string, days: number, options: PeriodOptions): string {
  const end = addDays(eventDate, days);
  return options.rollOverRestDays ? onOrNextWorkingDay(calendar, end) : end;
}

/**
 * Last day of a period counted in months (a year = 12 months): the corresponding day of the last month, or its
 * last day when it has none (民法典 第二百零二条), then rolled over like `endOfPeriod`.
 */
export function endOfPeriodInMonths(calendar: Calendar, eventDate: string, months: number, options: PeriodOptions): string {
  const end = addMonths(eventDate, months);
  return options.rollOverRestDays ? onOrNextWorkingDay(calendar, end) : end;
}

/**
 * The `n`th working day after `date` (the day itself is not counted); with negative `n`, the `|n|`th working day
 * before it. A period counted in working days needs no roll-over: its last day is a working day by construction.
 * 劳动保障监察条例 第十七条: 调查……应当自立案之日起60个工作日内完成；对情况复杂的……可以延长30个工作日。
 * 劳动人事争议仲裁办案规则 第八十条: 本规则规定的“三日”、“五日”、“十日”指工作日，“十五日”、“四十五日”指自然日。
 */
export function addWorkingDays(calendar: Calendar, date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError('工作日天数应为整数');
  const step = n < 0 ? -1 : 1;
  let d = date;
  for (let left = Math.abs(n), streak = 0; left > 0;) {
    d = addDays(d, step);
    if (isWorkingDay(calendar, d)) {
      left--;
      streak = 0;
    } else if (++streak > 31) {
      throw new RangeError(`${date}前后连续一个月没有工作日，请检查节假日安排`);
    }
  }
  return d;
}

/** Working days after `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(calendar: Calendar, from: string, to: string): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(calendar, d)) count++;
  return count;
}

/** Dates in [from, to] that fall in a year the calendar does not know (for a warning next to a deadline). */
export function uncoveredYears(calendar: Calendar, from: string, to: string): number[] {
  const years: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    if (!calendarCovers(calendar, `${y}-01-01`)) years.push(y);
  }
  return years;
}
