import type { AppContext } from '../context';
import { todayInChina } from '../lib/clock';
import { remindObligations } from '../modules/cases/agreements';
import type { Job } from './scheduler';

const HOUR = 3600_000;

/**
 * Sends the performance reminder (SMS to the obligor and a timeline row) for every agreement with an
 * obligation due within 3 days or overdue that was not reminded in the last 24 hours. Idempotent per day.
 */
export async function runObligationReminders(ctx: AppContext): Promise<string> {
  const today = todayInChina(ctx.clock);
  const soon = new Date(Date.parse(`${today}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
  const since = new Date(ctx.clock.now().getTime() - 24 * HOUR).toISOString();
  const cases = await ctx.db
    .selectFrom('agreement_obligations as o')
    .innerJoin('dispute_cases as c', 'c.id', 'o.case_id')
    .select(['c.id', 'c.region_id', 'c.status', 'c.case_no', 'c.enterprise_id'])
    .distinct()
    .where('o.fulfilled_on', 'is', null)
    .where('o.due_date', '<=', soon)
    .where((eb) => eb.or([eb('o.reminded_at', 'is', null), eb('o.reminded_at', '<', since)]))
    .execute();
  let reminded = 0;
  for (const c of cases) {
    try {
      await remindObligations(ctx, { principal: null, ip: null }, c);
      reminded++;
    } catch (e) {
      ctx.log.warn({ err: e, caseId: c.id }, 'scheduled obligation reminder failed');
    }
  }
  return `reminded ${reminded} of ${cases.length} cases`;
}

/** Jobs of the dispute-case module. */
export const CASE_JOBS: Job[] = [{ name: 'case-obligation-reminders', everyMs: 6 * HOUR, leaseMs: 30 * 60_000, run: runObligationReminders }];
