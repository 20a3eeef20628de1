import { z } from 'zod';

/** Status of a plan task: derived from its dates and its approved reports, never stored. */
export const TaskStatus = z.enum(['not_started', 'in_progress', 'done', 'overdue']);
export type TaskStatus = z.infer<typeof TaskStatus>;

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  not_started: '未开始',
  in_progress: '进行中',
  done: '已完成',
  overdue: '已逾期',
};

export interface TaskFacts {
  startOn: string | null;
  dueOn: string;
  /** Set when the lead unit approved a report that declared the task complete. */
  doneOn: string | null;
  /** Stage deadlines not yet met (stage done_on null). */
  openStageDues: readonly string[];
  /** Number of progress reports submitted (any review state). */
  reportCount: number;
}

/**
 * The status on `today` (YYYY-MM-DD, local calendar):
 *  - done when the lead unit approved completion;
 *  - overdue when the final deadline or an unmet stage deadline lies before today;
 *  - in progress once the start date is reached or any report was filed;
 *  - not started otherwise.
 */
export function taskStatus(t: TaskFacts, today: string): TaskStatus {
  if (t.doneOn) return 'done';
  if (t.dueOn < today) return 'overdue';
  if (t.openStageDues.some((d) => d < today)) return 'overdue';
  if (t.reportCount > 0) return 'in_progress';
  if (t.startOn && t.startOn <= today) return 'in_progress';
  return 'not_started';
}

/** The next deadline a unit works towards: the earliest unmet stage deadline, else the final one. */
export function nextDeadline(t: Pick<TaskFacts, 'dueOn' | 'openStageDues'>): string {
  const dues = [...t.openStageDues, t.dueOn].sort();
  return dues[0]!;
}

/** Review of a progress report by the lead unit: workflow as data. */
export const ReportStatus = z.enum(['submitted', 'approved', 'returned']);
export type ReportStatus = z.infer<typeof ReportStatus>;
export const ReviewDecision = z.enum(['approve', 'return']);
export type ReviewDecision = z.infer<typeof ReviewDecision>;

export const REPORT_TRANSITIONS = {
  submitted: ['approve', 'return'],
  approved: [],
  returned: [],
} as const satisfies Record<ReportStatus, readonly ReviewDecision[]>;

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = { submitted: '待审核', approved: '已通过', returned: '已退回' };
