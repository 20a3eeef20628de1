import raw from '../../../data/calendar/holidays.json';
import { type Calendar, type CalendarRow, HolidayTable, calendarFromTable } from './holidays';

/**
 * The arrangements shipped with the platform (2024–2026). They seed the administrator's table; code that computes
 * deadlines takes a `Calendar` built from whatever table the platform holds, not this module.
 */
export function loadDefaultHolidayTable(): HolidayTable {
  return HolidayTable.parse(raw);
}

export function defaultCalendarRows(): CalendarRow[] {
  return loadDefaultHolidayTable().years.flatMap((y) => y.rows);
}

export function loadDefaultCalendar(): Calendar {
  return calendarFromTable(loadDefaultHolidayTable());
}
