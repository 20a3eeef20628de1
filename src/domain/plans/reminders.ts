/** Days relative to a deadline at which the responsible units are reminded (negative = before). */
export const REMINDER_OFFSETS = [-30, -7, -1, 0, 1, 7, 30] as const;

export type ReminderKind = 'before' | 'due' | 'after';

export interface ScheduledReminder {
  deadline: string;
  offsetDays: number;
  kind: ReminderKind;
  remindOn: string;
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export const kindOf = (offset: number): ReminderKind => (offset < 0 ? 'before' : offset === 0 ? 'due' : 'after');

/** The full reminder schedule of one deadline. */
export function reminderSchedule(deadline: string): ScheduledReminder[] {
  return REMINDER_OFFSETS.map((offsetDays) => ({ deadline, offsetDays, kind: kindOf(offsetDays), remindOn: addDays(deadline, offsetDays) }));
}

/**
 * Reminders to send on `today` for one task: for each open deadline, the latest schedule entry
 * already reached that was not sent before. Only the latest one, so a task imported long after its
 * deadline gets one "overdue" reminder rather than the whole backlog; nothing once the task is done.
 */
export function dueReminders(
  task: { deadlines: string[]; done: boolean },
  today: string,
  alreadySent: ReadonlySet<string>,
): ScheduledReminder[] {
  if (task.done) return [];
  const out: ScheduledReminder[] = [];
  for (const deadline of [...new Set(task.deadlines)].sort()) {
    const reached = reminderSchedule(deadline).filter((r) => r.remindOn <= today);
    const latest = reached[reached.length - 1];
    if (!latest) continue;
    if (alreadySent.has(reminderKey(latest))) continue;
    out.push(latest);
  }
  return out;
}

export const reminderKey = (r: { deadline: string; offsetDays: number }) => `${r.deadline}|${r.offsetDays}`;

export function reminderMessage(taskTitle: string, r: ScheduledReminder): string {
  if (r.kind === 'before') return `任务“${taskTitle}”将于${r.deadline}到期（还有${-r.offsetDays}天），请及时报送进展。`;
  if (r.kind === 'due') return `任务“${taskTitle}”今天（${r.deadline}）到期，请报送完成情况。`;
  return `任务“${taskTitle}”已逾期${r.offsetDays}天（时限${r.deadline}），请尽快报送进展并说明原因。`;
}
