import { sql } from 'kysely';
import { DEFAULT_RULE_SET, RuleSet } from '../../../domain/risk/rule-set';
import { SIGNAL_KINDS } from '../../../domain/risk/signals';
import type { DbOrTrx } from '../../db';
import { isPostgres } from '../../db/dialect';

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
 * Σ weight × severity × decay per enterprise, as one set-based SQL aggregate: one pass over the signals of
 * the window, one row per enterprise back. Weights and severity steps come from the rule set as CASE
 * expressions; the decay is the domain's formula 0.5^(age / halfLife) = exp(−ln2 · age / halfLife),
 * evaluated per signal by the database (SQLite's math functions are built into better-sqlite3;
 * PostgreSQL has exp natively). A join against a JS-computed decay table was tried first: SQLite's
 * planner nested the small tables outside the signal scan, which was several times slower.
 */
export async function scorePoints(db: DbOrTrx, rules: RuleSet, today: number, enterpriseIds?: string[]): Promise<Map<string, number>> {
  const weight = `case s.kind ${SIGNAL_KINDS.map((k) => `when ${lit(k)} then ${num(rules.weights[k])}`).join(' ')} else 0 end`;
  const sev = [
    '1.0',
    ...rules.severity.workersThresholds.map((t) => `(case when coalesce(s.workers_affected, 0) >= ${num(t)} then ${num(rules.severity.step)} else 0 end)`),
    ...rules.severity.amountThresholds.map((t) => `(case when coalesce(s.amount, 0) >= ${num(t)} then ${num(rules.severity.step)} else 0 end)`),
  ].join(' + ');
  const k = (-Math.LN2 / rules.halfLifeDays).toPrecision(17);
  const decay = `exp(cast(${k} * (${today} - s.occurred_day) as double precision))`;
  const out = new Map<string, number>();
  const run = async (ids?: string[]) => {
    const filter = ids ? sql` and s.enterprise_id in (${sql.join(ids)})` : sql``;
    // SQLite: read the covering (enterprise, day, kind, workers, amount) index in enterprise order, so the
    // GROUP BY streams instead of sorting every signal of the window. PostgreSQL hash-aggregates a scan.
    const source = !ids && !isPostgres(db as never) ? sql`risk_signals s indexed by risk_signals_enterprise` : sql`risk_signals s`;
    const rows = await sql<{ enterprise_id: string; points: number }>`
      select s.enterprise_id as enterprise_id, sum((${sql.raw(weight)}) * (${sql.raw(sev)}) * ${sql.raw(decay)}) as points
      from ${source}
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

const HARD_RULE_KINDS = ['wage_arrears_complaint', 'asset_seizure', 'dispute_case'] as const;

/**
 * The few signals the hard rules look at: recent wage-arrears complaints, seizures and dispute cases.
 * One index range per enterprise (the longest of the three windows, the kinds filtered in the index) —
 * three OR'ed ranges per enterprise cost three index seeks each — then each kind's own window.
 */
export async function hardRuleSignals(db: DbOrTrx, rules: RuleSet, today: number, enterpriseIds?: string[]): Promise<HardRuleRow[]> {
  const h = rules.hardRules;
  const since: Record<(typeof HARD_RULE_KINDS)[number], number> = { wage_arrears_complaint: today - h.collectiveWageWindowDays, asset_seizure: today - h.assetSeizureWindowDays, dispute_case: today - h.disputeClusterDays };
  const oldest = Math.min(...Object.values(since));
  const out: HardRuleRow[] = [];
  const run = async (ids?: string[]) => {
    const from = ids && !isPostgres(db as never) ? sql`risk_signals as s indexed by risk_signals_enterprise` : 'risk_signals as s';
    let q = db
      .selectFrom(from as 'risk_signals as s')
      .select(['s.id', 's.enterprise_id', 's.kind', 's.occurred_day', 's.workers_affected', 's.amount'])
      .where('s.occurred_day', '<=', today)
      .where('s.occurred_day', '>', oldest)
      // A literal list, so that SQLite can use the partial index `risk_signals_hard` (migration 0021).
      .where(sql<boolean>`s.kind in (${sql.raw(HARD_RULE_KINDS.map(lit).join(', '))})`);
    if (ids) q = q.where('s.enterprise_id', 'in', ids);
    for (const r of await q.execute()) if (r.occurred_day > since[r.kind as keyof typeof since]) out.push(r);
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

/** Month-over-month drops in insured headcount for months from `minMonthIndex` on (for some enterprises). */
export async function headcountDrops(db: DbOrTrx, minMonthIndex: number, enterpriseIds?: string[]): Promise<HeadcountDrop[]> {
  const query = (ids?: string[]) => {
    let q = db
      .selectFrom('insured_headcount as c')
      .innerJoin('insured_headcount as p', (j) => j.onRef('p.enterprise_id', '=', 'c.enterprise_id').on('p.month_index', '=', sql<number>`c.month_index - 1`))
      .select(['c.enterprise_id', 'c.region_id', 'c.month', 'p.month as prev_month', 'c.insured_count as curr', 'p.insured_count as prev'])
      .where('c.month_index', '>=', minMonthIndex)
      .whereRef('p.insured_count', '>', 'c.insured_count');
    if (ids) q = q.where('c.enterprise_id', 'in', ids);
    return q.execute();
  };
  if (!enterpriseIds) return query();
  const out: HeadcountDrop[] = [];
  for (let i = 0; i < enterpriseIds.length; i += 2000) for (const r of await query(enterpriseIds.slice(i, i + 2000))) out.push(r);
  return out;
}

/** The signals of the window for a few enterprises, to explain their score signal by signal. */
export async function windowSignals(db: DbOrTrx, rules: RuleSet, today: number, enterpriseIds: string[]): Promise<HardRuleRow[]> {
  const out: HardRuleRow[] = [];
  for (let i = 0; i < enterpriseIds.length; i += 2000) {
    // SQLite: stay on the covering enterprise index (the planner otherwise picks the day index for long IN lists).
    const from = isPostgres(db as never) ? 'risk_signals as s' : sql`risk_signals as s indexed by risk_signals_enterprise`;
    const rows = await db
      .selectFrom(from as 'risk_signals as s')
      .select(['s.id', 's.enterprise_id', 's.kind', 's.occurred_day', 's.workers_affected', 's.amount'])
      .where('s.enterprise_id', 'in', enterpriseIds.slice(i, i + 2000))
      .where('s.occurred_day', '>', today - rules.windowDays)
      .where('s.occurred_day', '<=', today)
      .execute();
    for (const r of rows) out.push(r);
  }
  return out;
}

/** Enterprises whose credit grade carries points under these rules (B and/or C), for some or all enterprises. */
export async function creditGrades(db: DbOrTrx, rules: RuleSet, enterpriseIds?: string[]): Promise<{ id: string; credit_grade: string | null }[]> {
  const grades = (['B', 'C'] as const).filter((g) => rules.creditGradePoints[g] > 0);
  if (grades.length === 0) return [];
  const q = db.selectFrom('enterprises').select(['id', 'credit_grade']).where('credit_grade', 'in', grades);
  if (!enterpriseIds) return q.execute();
  const out: { id: string; credit_grade: string | null }[] = [];
  for (let i = 0; i < enterpriseIds.length; i += 2000) out.push(...(await q.where('id', 'in', enterpriseIds.slice(i, i + 2000)).execute()));
  return out;
}
