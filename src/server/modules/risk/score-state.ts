import type { RuleSet } from '../../../domain/risk/rule-set';
import { SIGNAL_KINDS, type SignalKind } from '../../../domain/risk/signals';
import { prepared, rawSqlite, type DbOrTrx } from '../../db';

/**
 * Incremental scoring (SQLite). `risk_score_state` holds each enterprise's signal points — Σ weight × severity
 * × decay over the window, exactly what `scorePoints` sums — as of one day, one rule set and one high-water mark
 * of the signal table (`risk_score_basis`). A full recompute writes it; a batch of new signals on the same day
 * under the same rules adds its own terms (a signal's term depends only on the day, so on a fixed day the sum of
 * an enterprise is the stored sum plus the new terms). Anything else — another day (signals age and fall out of
 * the window, future-dated ones come in), a new rule set, or signals stored without passing through here (the
 * mark no longer matches) — falls back to the set-based aggregate until the next full recompute.
 * PostgreSQL always uses the aggregate (concurrent batches would race on the stored sums).
 */

/** The signal fields a score term depends on. */
export interface NewSignal {
  enterprise_id: string;
  kind: string;
  occurred_day: number;
  workers_affected?: number | null;
  amount?: number | null;
}

/** The parts of a rule set the signal points depend on (credit points and hard rules are computed apart). */
export function rulesKey(rules: RuleSet): string {
  return JSON.stringify([rules.halfLifeDays, rules.windowDays, SIGNAL_KINDS.map((k) => rules.weights[k]), rules.severity.workersThresholds, rules.severity.amountThresholds, rules.severity.step]);
}

/** The decay constant exactly as `scorePoints` writes it into its SQL. */
export const decayConstant = (rules: RuleSet) => Number((-Math.LN2 / rules.halfLifeDays).toPrecision(17));

/** One signal's points on `today`, in the same order of operations as the SQL aggregate; 0 outside the window. */
export function signalTerm(rules: RuleSet, today: number, s: NewSignal): number {
  if (s.occurred_day <= today - rules.windowDays || s.occurred_day > today) return 0;
  const weight = rules.weights[s.kind as SignalKind] ?? 0;
  let sev = 1.0;
  for (const t of rules.severity.workersThresholds) sev += (s.workers_affected ?? 0) >= t ? rules.severity.step : 0;
  for (const t of rules.severity.amountThresholds) sev += (s.amount ?? 0) >= t ? rules.severity.step : 0;
  return weight * sev * Math.exp(decayConstant(rules) * (today - s.occurred_day));
}

const inWindow = (rules: RuleSet, today: number, s: NewSignal) => s.occurred_day > today - rules.windowDays && s.occurred_day <= today;

const signalsMark = (raw: NonNullable<ReturnType<typeof rawSqlite>>) => Number((prepared(raw, 'select coalesce(max(rowid), 0) as m from risk_signals').get() as { m: number }).m);

/**
 * Signal points of `enterpriseIds` from the stored state plus `newSignals` (all rows the caller has just
 * inserted), or undefined when the state cannot be used and the caller must aggregate.
 */
export function incrementalPoints(db: DbOrTrx, rules: RuleSet, today: number, enterpriseIds: string[], newSignals: NewSignal[]): { points: Map<string, number>; touched: Set<string> } | undefined {
  const raw = rawSqlite(db);
  if (!raw) return undefined;
  const basis = prepared(raw, `select day, rules_key, signals_mark from risk_score_basis where id = 'current'`).get() as { day: number; rules_key: string; signals_mark: number } | undefined;
  if (!basis || basis.day !== today || basis.rules_key !== rulesKey(rules)) return undefined;
  if (signalsMark(raw) !== Number(basis.signals_mark) + newSignals.length) return undefined;
  const points = new Map<string, number>();
  const st = prepared(raw, 'select points from risk_score_state where enterprise_id = ?');
  for (const id of enterpriseIds) {
    const r = st.get(id) as { points: number } | undefined;
    if (r) points.set(id, r.points);
  }
  const only = new Set(enterpriseIds);
  const touched = new Set<string>();
  for (const s of newSignals) {
    if (!only.has(s.enterprise_id) || !inWindow(rules, today, s)) continue;
    points.set(s.enterprise_id, (points.get(s.enterprise_id) ?? 0) + signalTerm(rules, today, s));
    touched.add(s.enterprise_id);
  }
  return { points, touched };
}

/**
 * After a full recompute: the state is every enterprise's aggregate, valid for today and these rules. On
 * PostgreSQL only the basis row is written (it tells the daily job that today's full recompute has run).
 */
export async function writeFullState(db: DbOrTrx, rules: RuleSet, today: number, points: Map<string, number>, at: string): Promise<void> {
  const raw = rawSqlite(db);
  if (!raw) {
    await db
      .insertInto('risk_score_basis')
      .values({ id: 'current', day: today, rules_key: rulesKey(rules), signals_mark: 0, updated_at: at })
      .onConflict((oc) => oc.column('id').doUpdateSet({ day: today, rules_key: rulesKey(rules), signals_mark: 0, updated_at: at }))
      .execute();
    return;
  }
  raw.prepare('delete from risk_score_state').run();
  const st = prepared(raw, 'insert into risk_score_state (enterprise_id, points) values (?, ?)');
  for (const [id, p] of points) st.run(id, p);
  prepared(raw, `insert into risk_score_basis (id, day, rules_key, signals_mark, updated_at) values ('current', ?, ?, ?, ?)
    on conflict (id) do update set day = excluded.day, rules_key = excluded.rules_key, signals_mark = excluded.signals_mark, updated_at = excluded.updated_at`).run(today, rulesKey(rules), signalsMark(raw), at);
}

/** Whether a full recompute has run today under these rules (the daily job's test). */
export async function scoresAreCurrent(db: DbOrTrx, rules: RuleSet, today: number): Promise<boolean> {
  const b = await db.selectFrom('risk_score_basis').select(['day', 'rules_key']).where('id', '=', 'current').executeTakeFirst();
  return !!b && Number(b.day) === today && b.rules_key === rulesKey(rules);
}

/** After an incremental batch: the enterprises that got new terms, and the new signal mark. */
export function writeIncrementalState(db: DbOrTrx, points: Map<string, number>, touched: Set<string>, at: string): void {
  const raw = rawSqlite(db);
  if (!raw) return;
  const st = prepared(raw, 'insert into risk_score_state (enterprise_id, points) values (?, ?) on conflict (enterprise_id) do update set points = excluded.points');
  for (const id of touched) st.run(id, points.get(id)!);
  prepared(raw, `update risk_score_basis set signals_mark = ?, updated_at = ? where id = 'current'`).run(signalsMark(raw), at);
}
