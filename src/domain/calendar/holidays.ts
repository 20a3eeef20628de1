import { z } from 'zod';
import { IsoDate, yearOf } from './iso-date';

/**
 * The State Council publishes each year's public-holiday arrangement (国务院办公厅关于××年部分节假日安排的通知):
 * the days off (放假, including the days moved next to the holiday, 调休) and the weekend days worked in exchange
 * (调休上班). The table is data an administrator extends every year; nothing here reads a file.
 */
export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export const CalendarDayKind = z.enum(CALENDAR_DAY_KINDS);
export type CalendarDayKind = z.infer<typeof CalendarDayKind>;

export const CALENDAR_DAY_KIND_LABELS = {
  holiday: '放假',
  workday: '调休上班',
} as const satisfies Record<CalendarDayKind, string>;

/** One date of an arrangement: `holiday` = a day off, `workday` = a weekend day worked (调休上班). */
export const CalendarRow = z.object({
  date: IsoDate,
  kind: CalendarDayKind,
  /** The holiday it belongs to, e.g. 春节, 国庆节. */
  name: z.string().trim().min(1).max(20),
});
export type CalendarRow = z.infer<typeof CalendarRow>;

/** One year's arrangement with the notice it comes from, as stored in data/calendar/holidays.json. */
export const HolidayYear = z.object({
  year: z.number().int().min(2000).max(2100),
  /** Document number of the notice, e.g. 国办发明电〔2024〕12号. */
  source: z.string().min(1),
  title: z.string().min(1),
  published: IsoDate,
  note: z.string().optional(),
  rows: z.array(CalendarRow).min(1),
});
export type HolidayYear = z.infer<typeof HolidayYear>;

export const HolidayTable = z.object({ description: z.string().optional(), years: z.array(HolidayYear) }).superRefine((table, ctx) => {
  for (const [i, y] of table.years.entries()) {
    for (const [j, row] of y.rows.entries()) {
      // An arrangement may reach into the neighbouring year (e.g. a New Year break starting on 31 December).
      if (Math.abs(yearOf(row.date) - y.year) > 1) {
        ctx.addIssue({ code: 'custom', path: ['years', i, 'rows', j, 'date'], message: `${row.date}不属于${y.year}年的放假安排` });
      }
    }
  }
});
export type HolidayTable = z.infer<typeof HolidayTable>;

export interface Calendar {
  readonly days: ReadonlyMap<string, CalendarRow>;
  /** Years whose arrangement is known; outside them only weekends are rest days. */
  readonly years: ReadonlySet<number>;
}

export class CalendarConflictError extends Error {
  constructor(readonly date: string) {
    super(`${date}同时被登记为放假日和调休上班日`);
    this.name = 'CalendarConflictError';
  }
}

/**
 * Builds a calendar from rows. `years` lists the years whose arrangement the rows complete; by default every year
 * that has a row. A date given twice with the same kind is accepted; with different kinds it is an error.
 */
export function buildCalendar(rows: readonly CalendarRow[], options: { years?: readonly number[] } = {}): Calendar {
  const days = new Map<string, CalendarRow>();
  for (const row of rows) {
    const existing = days.get(row.date);
    if (existing && existing.kind !== row.kind) throw new CalendarConflictError(row.date);
    if (!existing) days.set(row.date, row);
  }
  const years = new Set(options.years ?? rows.map((r) => yearOf(r.date)));
  return { days, years };
}

export function calendarFromTable(table: HolidayTable): Calendar {
  return buildCalendar(
    table.years.flatMap((y) => y.rows),
    { years: table.years.map((y) => y.year) },
  );
}

export const EMPTY_CALENDAR: Calendar = buildCalendar([]);

/** The arrangement's entry for a date, if any. */
export function calendarEntry(calendar: Calendar, date: string): CalendarRow | undefined {
  return calendar.days.get(date);
}

/** Whether the year's arrangement is in the table (a warning is due when a period runs into an unknown year). */
export function calendarCovers(calendar: Calendar, date: string): boolean {
  return calendar.years.has(yearOf(date));
}
