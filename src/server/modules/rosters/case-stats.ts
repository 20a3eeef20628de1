import { sql } from 'kysely';
import type { DbOrTrx } from '../../db';

/**
 * A mediator's case figures for a year, for the yearly evaluation (考评), read from the dispute-case module's
 * `dispute_cases`. A case counts for a mediator when it is designated to them (`case_mediators`, 企业劳动争议
 * 协商调解规定 第二十五条: 调解委员会根据案件情况指定调解员) or, for a case nobody was designated to, when
 * their account recorded an action on it. Cases count in the year they were closed; consultations answered
 * are not mediation cases. Satisfaction is the mean of the parties' ratings (满意度, 1–5) given on the portal
 * for those cases; null when nobody rated.
 */
export interface MediatorCaseStats {
  cases: number | null;
  /** success / (success + failed), percent (as the case statistics): withdrawn and declined are not results. */
  successRate: number | null;
  /** Share of closed cases closed within the statutory (or agreed extended) time limit, percent. */
  withinLimitRate: number | null;
  /** Mean satisfaction score of the parties' portal ratings (out of 5, one decimal); null when none. */
  satisfaction: number | null;
  success?: number;
  failed?: number;
}

export type MediatorCaseStatsProvider = (
  db: DbOrTrx,
  mediatorIds: readonly string[],
  year: number,
) => Promise<Map<string, MediatorCaseStats>>;

export const NO_CASE_STATS: MediatorCaseStats = { cases: null, successRate: null, withinLimitRate: null, satisfaction: null };
const pct = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 10);

/** The figures of many mediators in one grouped query (the roster page shows a page of them). */
export const disputeCaseStats: MediatorCaseStatsProvider = async (db, mediatorIds, year) => {
  const out = new Map<string, MediatorCaseStats>();
  if (!mediatorIds.length) return out;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const handled = () =>
    db
      .selectFrom('mediators as m')
      .innerJoin('dispute_cases as c', (j) =>
        j.on(
          sql<boolean>`(exists (select 1 from case_mediators cm where cm.case_id = c.id and cm.mediator_id = m.id)
          or (not exists (select 1 from case_mediators cm2 where cm2.case_id = c.id)
              and m.user_id is not null
              and exists (select 1 from case_events e where e.case_id = c.id and e.actor_id = m.user_id)))`,
        ),
      )
      .where('m.id', 'in', [...mediatorIds])
      .where('c.closed_on', '>=', from)
      .where('c.closed_on', '<=', to)
      .where('c.result', 'in', ['success', 'failed', 'withdrawn', 'declined']);
  const ratings = await handled()
    .innerJoin('case_ratings as r', 'r.case_id', 'c.id')
    .select(['m.id as mediator_id', sql<number>`avg(r.score)`.as('avg')])
    .groupBy('m.id')
    .execute();
  const satisfaction = new Map(ratings.map((r) => [r.mediator_id, Math.round(Number(r.avg) * 10) / 10]));
  const rows = await handled()
    .select([
      'm.id as mediator_id',
      sql<number>`count(*)`.as('cases'),
      sql<number>`sum(case when c.result = 'success' then 1 else 0 end)`.as('success'),
      sql<number>`sum(case when c.result = 'failed' then 1 else 0 end)`.as('failed'),
      sql<number>`sum(case when c.closed_in_time = 1 then 1 else 0 end)`.as('in_time'),
    ])
    .groupBy('m.id')
    .execute();
  for (const id of mediatorIds)
    out.set(id, { cases: 0, successRate: null, withinLimitRate: null, satisfaction: null, success: 0, failed: 0 });
  for (const r of rows) {
    const cases = Number(r.cases);
    const success = Number(r.success);
    const failed = Number(r.failed);
    out.set(r.mediator_id, {
      cases,
      success,
      failed,
      successRate: pct(success, success + failed),
      withinLimitRate: pct(Number(r.in_time), cases),
      satisfaction: satisfaction.get(r.mediator_id) ?? null,
    });
  }
  return out;
};

let provider: MediatorCaseStatsProvider = disputeCaseStats;
/** Replace the source of the figures (tests; a future satisfaction survey). */
export function registerMediatorCaseStats(p: MediatorCaseStatsProvider): void {
  provider = p;
}
export const mediatorCaseStatsMany = (db: DbOrTrx, ids: readonly string[], year: number) => provider(db, ids, year);
export const mediatorCaseStats = async (db: DbOrTrx, mediatorId: string, year: number) =>
  (await provider(db, [mediatorId], year)).get(mediatorId) ?? NO_CASE_STATS;
/** The dispute-case module is merged, so the figures are always available. */
export const caseStatsAvailable = () => true;
