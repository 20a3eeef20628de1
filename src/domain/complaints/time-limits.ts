import { addWorkingDays, type Calendar, workingDaysBetween } from '../calendar';

/**
 * 关于实施《劳动保障监察条例》若干规定（劳动和社会保障部令第25号）第十八条（待核对，不在法规数据集中）:
 * 符合条件的投诉，应当在接到投诉之日起5个工作日内依法受理，并于受理之日立案查处。
 */
export const ACCEPTANCE_WORKING_DAYS = 5;
/** 劳动保障监察条例 第十七条: 调查应当自立案之日起60个工作日内完成。 */
export const INVESTIGATION_WORKING_DAYS = 60;
/** 劳动保障监察条例 第十七条: 对情况复杂的，经劳动保障行政部门负责人批准，可以延长30个工作日。 */
export const EXTENSION_WORKING_DAYS = 30;
/** 劳动保障监察条例 第二十条: 违法行为在2年内未被发现，也未被举报、投诉的，不再查处（自行为终了之日起计算）。 */
export const LIMITATION_YEARS = 2;

/** Last day to decide whether to accept a complaint received on `receivedOn`. */
export function acceptanceDue(cal: Calendar, receivedOn: string): string {
  return addWorkingDays(cal, receivedOn, ACCEPTANCE_WORKING_DAYS);
}

/** Last day of the investigation of a case opened (立案) on `openedOn`, with the one approved extension if any. */
export function investigationDue(cal: Calendar, openedOn: string, extended: boolean): string {
  return addWorkingDays(cal, openedOn, INVESTIGATION_WORKING_DAYS + (extended ? EXTENSION_WORKING_DAYS : 0));
}

export type DeadlineState = 'ok' | 'due_soon' | 'overdue';
/** Working days left before a deadline warns (local setting). */
export const DUE_SOON_WORKING_DAYS = 5;

export interface DeadlineView {
  due: string;
  workingDaysLeft: number;
  state: DeadlineState;
}

/** Where today stands against a deadline, in working days (negative when overdue). */
export function deadlineView(cal: Calendar, today: string, due: string): DeadlineView {
  const left = today <= due ? workingDaysBetween(cal, today, due) : -workingDaysBetween(cal, due, today);
  const state: DeadlineState = today > due ? 'overdue' : left <= DUE_SOON_WORKING_DAYS ? 'due_soon' : 'ok';
  return { due, workingDaysLeft: left, state };
}

/** Whether a violation that ended on `endedOn` may still be dealt with on a complaint received on `receivedOn` (第二十条). */
export function withinLimitation(endedOn: string, receivedOn: string): boolean {
  const y = Number(endedOn.slice(0, 4)) + LIMITATION_YEARS;
  const md = endedOn.slice(4) === '-02-29' ? '-02-28' : endedOn.slice(4);
  return receivedOn <= `${y}${md}`;
}
