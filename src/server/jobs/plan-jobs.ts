import { generateReminders } from '../modules/plans/progress';
import { runScheduledWorkReports } from '../modules/reports/service';
import type { Job } from './scheduler';

const HOUR = 3600_000;

/** Jobs of the plans module: daily reminders before and after deadlines, and the periodic work reports. */
export const PLAN_JOBS: Job[] = [
  { name: 'plan-reminders', everyMs: HOUR, leaseMs: 10 * 60_000, run: async (ctx) => `created ${await generateReminders(ctx)}` },
  { name: 'work-reports', everyMs: 6 * HOUR, leaseMs: 30 * 60_000, run: runScheduledWorkReports },
];
