import { sql } from 'kysely';
import { DEFAULT_RULE_SET, RuleSet } from '../../../domain/risk/rule-set';
import { decayTable } from '../../../domain/risk/scoring';
import { SIGNAL_KINDS } from '../../../domain/risk/signals';
import type { DbOrTrx } from '../../db';

export interface StoredRuleSet {
  version: number;
  rules: RuleSet;
  note: string | null;
  createdAt: string | null;
  createdBy: string | null;
}

/** The current rule set: the highest version, or the built-in defaults as version 0. */
export async function currentRuleSet(db: DbOrTrx): Promise<StoredRuleSet> {
  const row = await db.selectFrom('risk_rule_sets').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!row) return { version: 0, rules: DEFAULT_RULE_SET, note: '系统默认规则', createdAt: null, createdBy: null };
  return { version: row.version, rules: RuleSet.parse(JSON.parse(row.rules)), note: row.note, createdAt: row.created_at, createdBy: row.created_by };
}

const num = (n: number) => (Number.isFinite(n) ? String(n) : '0');
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Σ weight × severity × decay per enterprise, as one set-based SQL aggregate: the weights and the
 * decay-by-age table are computed in the domain (JS) and joined as VALUES lists, so the database does
 * one pass over the signals of the window and returns one row per enterprise.
 */
export async function scorePoints(db: DbOrTrx, rules: RuleSet, today: number, enterpriseIds?: string[]): Promise<Map<string, number>> {
  const weights = SIGNAL_KINDS.map((k) => `(${lit(k)}, ${num(rules.weights[k])})`).join(', ');
  // Literal numbers are cast so PostgreSQL sees double precision rather than numeric.
  const decay = decayTable(rules)
    .map((f, age) => `(${age}, ${f.toPrecision(15)})`)
    .join(', ');
  const sev = [
    '1.0',
    ...rules.severity.workersThresholds.map((t) => `(case when coalesce(s.workers_affected, 0) >= ${num(t)} then ${num(rules.severity.step)} else 0 end)`),
    ...rules.severity.amountThresholds.map((t) => `(case when coalesce(s.amount, 0) >= ${num(t)} then ${num(rules.severity.step)} else 0 end)`),
  ].join(' + ');
  const out = new Map<string, number>();
  const run = async (ids?: string[]) => {
    const filter = ids ? sql` and s.enterprise_id in (${sql.join(ids)})` : sql``;
    const rows = await sql<{ enterprise_id: string; points: number }>`
      with w(kind, weight) as (values ${sql.raw(weights)}),
           d(age, f) as (values ${sql.raw(decay)})
      select s.enterprise_id as enterprise_id, sum(w.weight * (${sql.raw(sev)}) * d.f) as points
      from risk_signals s
      join w on w.kind = s.kind
      join d on d.age = ${today} - s.occurred_day
      where s.occurred_day > ${today - rules.windowDays} and s.occurred_day <= ${today}${filter}
      group by s.enterprise_id`.execute(db);
    for (const r of rows.rows) out.set(r.enterprise_id, Number(r.points));
  };
  if (!enterpriseIds) await run();
  else for (let i = 0; i < enterpriseIds.length; i += 2000) await run(enterpriseIds.slice(i, i + 2000));
  return out;
}

export interface HardRuleRow {
  id: string;
  enterprise_id: string;
  kind: string;
  occurred_day: number;
  workers_affected: number | null;
  amount: number | null;
}

/** The few signals the hard rules look at: recent wage-arrears complaints, seizures and dispute cases. */
export async function hardRuleSignals(db: DbOrTrx, rules: RuleSet, today: number, enterpriseIds?: string[]): Promise<HardRuleRow[]> {
  const h = rules.hardRules;
  const out: HardRuleRow[] = [];
  const run = async (ids?: string[]) => {
    let q = db
      .selectFrom('risk_signals as s')
      .select(['s.id', 's.enterprise_id', 's.kind', 's.occurred_day', 's.workers_affected', 's.amount'])
      .where('s.occurred_day', '<=', today)
      .where((eb) =>
        eb.or([
          eb.and([eb('s.kind', '=', 'wage_arrears_complaint'), eb('s.occurred_day', '>', today - h.collectiveWageWindowDays)]),
          eb.and([eb('s.kind', '=', 'asset_seizure'), eb('s.occurred_day', '>', today - h.assetSeizureWindowDays)]),
          eb.and([eb('s.kind', '=', 'dispute_case'), eb('s.occurred_day', '>', today - h.disputeClusterDays)]),
        ]),
      );
    if (ids) q = q.where('s.enterprise_id', 'in', ids);
    out.push(...(await q.execute()));
  };
  if (!enterpriseIds) await run();
  else for (let i = 0; i < enterpriseIds.length; i += 2000) await run(enterpriseIds.slice(i, i + 2000));
  return out;
}

export interface HeadcountDrop {
  enterprise_id: string;
  region_id: string;
  month: string;
  prev_month: string;
  curr: number;
  prev: number;
}

/** Month-over-month drops in insured headcount for months from `minMonthIndex` on. */
export async function headcountDrops(db: DbOrTrx, minMonthIndex: number): Promise<HeadcountDrop[]> {
  return db
    .selectFrom('insured_headcount as c')
    .innerJoin('insured_headcount as p', (j) => j.onRef('p.enterprise_id', '=', 'c.enterprise_id').on('p.month_index', '=', sql<number>`c.month_index - 1`))
    .select(['c.enterprise_id', 'c.region_id', 'c.month', 'p.month as prev_month', 'c.insured_count as curr', 'p.insured_count as prev'])
    .where('c.month_index', '>=', minMonthIndex)
    .whereRef('p.insured_count', '>', 'c.insured_count')
    .execute();
}

/** The signals of the window for a few enterprises, to explain their score signal by signal. */
export async function windowSignals(db: DbOrTrx, rules: RuleSet, today: number, enterpriseIds: string[]): Promise<HardRuleRow[]> {
  const out: HardRuleRow[] = [];
  for (let i = 0; i < enterpriseIds.length; i += 2000) {
    out.push(
      ...(await db
        .selectFrom('risk_signals as s')
        .select(['s.id', 's.enterprise_id', 's.kind', 's.occurred_day', 's.workers_affected', 's.amount'])
        .where('s.enterprise_id', 'in', enterpriseIds.slice(i, i + 2000))
        .where('s.occurred_day', '>', today - rules.windowDays)
        .where('s.occurred_day', '<=', today)
        .execute()),
    );
  }
  return out;
}
