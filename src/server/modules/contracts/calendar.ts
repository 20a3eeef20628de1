import { loadDefaultCalendar } from '../../../domain/calendar/default-holidays';
import { isRestDay } from '../../../domain/calendar/periods';
import type { NonWorkingDay } from '../../../domain/contracts/deadlines';

const calendar = loadDefaultCalendar();

/**
 * Rest days of the statutory calendar (weekends unless a make-up working day, and the State Council's
 * holidays) for the contract clocks: a 15-day review period ending on a rest day runs to the next working day.
 * Uses the holiday table shipped with the platform (the same data the case module seeds into `calendar_days`).
 */
export const contractRestDay: NonWorkingDay = (date) => isRestDay(calendar, date);
