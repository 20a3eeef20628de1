import { sql } from 'kysely';
import { nextDeadline } from '../../../domain/risk/alert-lifecycle';
import { HARD_RULE_LABELS } from '../../../domain/risk/hard-rules';
import { isHigher, LEVEL_LABELS, type AlertLevel, type RiskLevel } from '../../../domain/risk/levels';
import type { RuleSet } from '../../../domain/risk/rule-set';
import { dayNumber } from '../../../domain/risk/signals';
import { insertMany, prepared, rawSqlite, type DbOrTrx, type Trx } from '../../db';
import { newId } from '../../lib/ids';
import { addTimelineEvent, addTimelineEvents, type TimelineEvent } from '../enterprises/timeline';
import { assess, evidenceOf, reasonsOf, scoreReason, type AlertReason, type Assessment } from './engine';
import { windowSignals } from './repo';
import { phase } from './profile';
import { writeFullState, writeIncrementalState, type NewSignal } from './score-state';

export interface RecomputeSummary {
  enterprises: number;
  levelChanges: number;
  opened: number;
  raised: number;
  updated: number;
  regionalOpened: number;
}

interface Actor {
  id: string | null;
  name: string | null;
}

/**
 * Sets enterprises.risk_level / risk_score for the rows whose values changed. SQLite: one prepared
 * primary-key update per row inside the transaction; PostgreSQL: a few hundred rows per UPDATE … FROM VALUES.
 */
async function writeEnterpriseRisk(trx: DbOrTrx, changes: { id: string; score: number; level: RiskLevel }[]): Promise<void> {
  const raw = rawSqlite(trx);
  if (raw) {
    const st = prepared(raw, 'update enterprises set risk_score = ?, risk_level = ? where id = ?');
    for (const c of changes) st.run(c.score, c.level, c.id);
    return;
  }
  for (let i = 0; i < changes.length; i += 500) {
    const values = sql.join(changes.slice(i, i + 500).map((c) => sql`(${c.id}, ${c.score}, ${c.level})`));
    await sql`with v(id, score, level) as (values ${values})
      update enterprises set risk_score = cast(v.score as real), risk_level = v.level from v where enterprises.id = v.id`.execute(trx);
  }
}

/** Current levels of the enterprises an assessment covers (all of them for a full recompute). */
async function currentRisk(db: DbOrTrx, ids?: string[]) {
  const rows: { id: string; region_id: string; coordinator_user_id: string | null; risk_level: string | null; risk_score: number }[] = [];
  const base = db.selectFrom('enterprises').select(['id', 'region_id', 'coordinator_user_id', 'risk_level', 'risk_score']);
  if (!ids) return base.execute();
  for (let i = 0; i < ids.length; i += 2000) for (const r of await base.where('id', 'in', ids.slice(i, i + 2000)).execute()) rows.push(r);
  return rows;
}

/** What would change if these results were applied: enterprises whose level differs from today's. */
export async function levelChanges(db: DbOrTrx, assessment: Assessment, ids?: string[]) {
  const current = await currentRisk(db, ids);
  const changes: { id: string; from: RiskLevel; to: RiskLevel; score: number; scoreBefore: number }[] = [];
  for (const e of current) {
    const a = assessment.enterprises.get(e.id);
    const to: RiskLevel = a?.level ?? 'none';
    const score = a?.score ?? 0;
    if (to !== e.risk_level || Math.abs(score - Number(e.risk_score)) > 0.05) changes.push({ id: e.id, from: e.risk_level as RiskLevel, to, score, scoreBefore: Number(e.risk_score) });
  }
  return { current, changes };
}

const ALERT_EVENT_TITLES: Record<string, string> = { open: '风险预警生成', raise: '风险预警升级', update: '风险预警新增原因', assign: '风险预警分派', assess: '风险预警研判', handle: '风险预警处置', close: '风险预警销号', escalate: '风险预警超时督办', letter: '生成预警文书' };

/** An alert event of an enterprise, mirrored onto the enterprise's timeline (regional alerts have none). */
function timelineOf(e: { alertId: string; enterpriseId: string | null; regionId: string; at: string; action: string; level: string; actor: Actor; note?: string | null }): TimelineEvent | undefined {
  if (!e.enterpriseId) return undefined;
  const title = `${ALERT_EVENT_TITLES[e.action] ?? `风险预警：${e.action}`}（${LEVEL_LABELS[e.level as RiskLevel] ?? e.level}）`;
  return { enterpriseId: e.enterpriseId, regionId: e.regionId, at: e.at, kind: `alert.${e.action}`, module: 'alerts', title, detail: e.note ?? null, refType: 'alert', refId: e.alertId, actorId: e.actor.id, actorName: e.actor.name };
}

type AlertEventInput = { alertId: string; enterpriseId: string | null; regionId: string; at: string; action: string; from: string | null; to: string | null; level: string; actor: Actor; note?: string; data?: unknown };

function eventRow(e: AlertEventInput) {
  return {
    id: newId(),
    alert_id: e.alertId,
    enterprise_id: e.enterpriseId,
    region_id: e.regionId,
    at: e.at,
    action: e.action,
    from_status: e.from,
    to_status: e.to,
    level: e.level,
    actor_id: e.actor.id,
    actor_name: e.actor.name,
    note: e.note ?? null,
    data: e.data === undefined ? null : JSON.stringify(e.data),
  };
}

async function addEvent(trx: DbOrTrx, e: AlertEventInput) {
  const t = timelineOf(e);
  if (t) await addTimelineEvent(trx, t);
  await trx.insertInto('alert_events').values(eventRow(e)).execute();
}
export { addEvent as insertAlertEvent };

interface Target {
  openKey: string;
  scope: 'enterprise' | 'regional';
  enterpriseId: string | null;
  regionId: string;
  coordinatorId: string | null;
  level: AlertLevel;
  score: number;
  reasons: AlertReason[];
  evidence: string[];
}

/**
 * One open alert per enterprise (or street): a new finding opens one, a higher level raises the open one
 * (escalates rather than duplicates), new reasons are merged into it. After a close (销号) a new alert is
 * opened only on evidence the closed alert did not have.
 */
async function reconcileAlerts(trx: DbOrTrx, targets: Target[], at: string, actor: Actor) {
  const res = { opened: 0, raised: 0, updated: 0, regionalOpened: 0 };
  const keys = targets.map((t) => t.openKey);
  const open = new Map<string, { id: string; level: string; status: string; reasons: string; evidence: string; region_id: string; enterprise_id: string | null; level_since: string; due_at: string | null; escalated_for: string | null }>();
  for (let i = 0; i < keys.length; i += 2000) {
    const rows = await trx.selectFrom('alerts').select(['id', 'open_key', 'level', 'status', 'reasons', 'evidence', 'region_id', 'enterprise_id', 'level_since', 'due_at', 'escalated_for']).where('open_key', 'in', keys.slice(i, i + 2000)).execute();
    for (const r of rows) open.set(r.open_key!, r);
  }
  const needNew = targets.filter((t) => !open.has(t.openKey));
  const lastClosed = new Map<string, Set<string>>();
  const entIds = needNew.filter((t) => t.enterpriseId).map((t) => t.enterpriseId!);
  for (let i = 0; i < entIds.length; i += 2000) {
    const rows = await trx.selectFrom('alerts').select(['enterprise_id', 'evidence', 'closed_at']).where('enterprise_id', 'in', entIds.slice(i, i + 2000)).where('status', '=', 'closed').orderBy('closed_at').execute();
    for (const r of rows) lastClosed.set(r.enterprise_id!, new Set(JSON.parse(r.evidence) as string[]));
  }
  const regionalClosed = needNew.filter((t) => t.scope === 'regional');
  for (const t of regionalClosed) {
    const r = await trx.selectFrom('alerts').select('evidence').where('scope', '=', 'regional').where('region_id', '=', t.regionId).where('status', '=', 'closed').orderBy('closed_at', 'desc').limit(1).executeTakeFirst();
    if (r) lastClosed.set(t.openKey, new Set(JSON.parse(r.evidence) as string[]));
  }

  const fresh: { t: Target; id: string }[] = [];
  for (const t of targets) {
    if (open.has(t.openKey)) continue;
    const closed = lastClosed.get(t.enterpriseId ?? t.openKey);
    if (closed && !t.evidence.some((e) => !closed.has(e))) continue;
    fresh.push({ t, id: newId() });
  }
  // New alerts (prepared statements on SQLite, multi-row on PostgreSQL); a concurrent recompute's alert wins
  // the open_key and ours is skipped.
  const inserted = await insertMany(
    trx,
    'alerts',
    fresh.map(({ t, id }) => ({
      id,
      scope: t.scope,
      enterprise_id: t.enterpriseId,
      region_id: t.regionId,
      open_key: t.openKey,
      level: t.level,
      status: 'open',
      score: t.score,
      reasons: JSON.stringify(t.reasons),
      evidence: JSON.stringify(t.evidence),
      coordinator_user_id: t.coordinatorId,
      assignee_kind: null,
      assignee_user_id: null,
      assignee_org_unit_id: null,
      assignee_name: null,
      findings: null,
      actions_taken: null,
      result: null,
      escalated_for: null,
      due_at: nextDeadline(t.level, 'open', at)!.dueAt,
      opened_at: at,
      level_since: at,
      assessed_at: null,
      closed_at: null,
      updated_at: at,
    })),
    { onConflictDoNothing: 'open_key', chunk: 200 },
  );
  const ok = new Set(inserted.map((r) => r.id));
  const opened = fresh.filter((c) => ok.has(c.id));
  if (opened.length) {
    const notes = opened.map(({ t }) => t.reasons.map((r) => r.text).join('；'));
    await insertMany(trx, 'alert_events', opened.map(({ t, id }, i) => ({ id: newId(), alert_id: id, enterprise_id: t.enterpriseId, region_id: t.regionId, at, action: 'open', from_status: null, to_status: 'open', level: t.level, actor_id: actor.id, actor_name: actor.name, note: notes[i]!, data: null })), { chunk: 200 });
    await addTimelineEvents(
      trx,
      opened.map(({ t, id }, i) => timelineOf({ alertId: id, enterpriseId: t.enterpriseId, regionId: t.regionId, at, action: 'open', level: t.level, actor, note: notes[i]! })).filter((x): x is TimelineEvent => !!x),
    );
  }
  for (const { t } of opened) {
    if (t.scope === 'regional') res.regionalOpened++;
    else res.opened++;
  }

  // Raised / updated alerts: collected, then written a few hundred per statement (one UPDATE … FROM a VALUES
  // list, multi-row event and timeline inserts) — a 10,000-signal batch touches thousands of open alerts.
  const changed: { id: string; level: string; score: number; reasons: string; evidence: string; levelSince: string; dueAt: string | null; escalatedFor: string | null }[] = [];
  const events: Parameters<typeof eventRow>[0][] = [];
  for (const t of targets) {
    const existing = open.get(t.openKey);
    if (!existing) continue;
    const oldReasons = JSON.parse(existing.reasons) as AlertReason[];
    const oldCodes = new Set(oldReasons.map((r) => r.code));
    const newCodes = t.reasons.filter((r) => !oldCodes.has(r.code)).map((r) => r.code);
    const raise = isHigher(t.level, existing.level as RiskLevel);
    // Same level and reasons: nothing to record. (Evidence is completed when the alert is closed.)
    if (!raise && newCodes.length === 0) continue;
    const oldEvidence = new Set(JSON.parse(existing.evidence) as string[]);
    // Keep reasons the open alert already had (handling goes on) and take the fresh text of current ones.
    const merged = [...t.reasons, ...oldReasons.filter((r) => !t.reasons.some((n) => n.code === r.code))];
    const level = raise ? t.level : (existing.level as AlertLevel);
    changed.push({
      id: existing.id,
      level,
      score: t.score,
      reasons: JSON.stringify(merged),
      evidence: JSON.stringify([...new Set([...oldEvidence, ...t.evidence])].sort()),
      levelSince: raise ? at : existing.level_since,
      dueAt: raise ? (nextDeadline(level, existing.status as never, at)?.dueAt ?? null) : existing.due_at,
      escalatedFor: raise ? null : existing.escalated_for,
    });
    if (raise) {
      res.raised++;
      events.push({ alertId: existing.id, enterpriseId: existing.enterprise_id, regionId: existing.region_id, at, action: 'raise', from: existing.status, to: existing.status, level, actor, note: `预警等级由${LEVEL_LABELS[existing.level as RiskLevel]}升为${LEVEL_LABELS[level]}`, data: { from: existing.level, to: level, newReasons: newCodes } });
    } else {
      res.updated++;
      events.push({ alertId: existing.id, enterpriseId: existing.enterprise_id, regionId: existing.region_id, at, action: 'update', from: existing.status, to: existing.status, level, actor, note: `新增预警原因：${newCodes.map((c) => (c === 'SCORE' ? '风险评分' : HARD_RULE_LABELS[c])).join('、')}` });
    }
  }
  const raw = rawSqlite(trx);
  if (raw) {
    const st = prepared(raw, 'update alerts set level = ?, score = ?, reasons = ?, evidence = ?, level_since = ?, due_at = ?, escalated_for = ?, updated_at = ?, version = version + 1 where id = ?');
    for (const c of changed) st.run(c.level, c.score, c.reasons, c.evidence, c.levelSince, c.dueAt, c.escalatedFor, at, c.id);
  } else {
    for (let i = 0; i < changed.length; i += 200) {
      const values = sql.join(changed.slice(i, i + 200).map((c) => sql`(${c.id}, ${c.level}, ${c.score}, ${c.reasons}, ${c.evidence}, ${c.levelSince}, ${c.dueAt}, ${c.escalatedFor})`));
      await sql`with v(id, level, score, reasons, evidence, level_since, due_at, escalated_for) as (values ${values})
        update alerts set level = v.level, score = cast(v.score as real), reasons = v.reasons, evidence = v.evidence, level_since = v.level_since,
          due_at = v.due_at, escalated_for = v.escalated_for, updated_at = ${at}, version = alerts.version + 1
        from v where alerts.id = v.id`.execute(trx);
    }
  }
  for (let i = 0; i < events.length; i += 300) {
    const chunk = events.slice(i, i + 300);
    await insertMany(trx, 'alert_events', chunk.map(eventRow));
    await addTimelineEvents(trx, chunk.map(timelineOf).filter((x): x is TimelineEvent => !!x));
  }
  return res;
}

/**
 * Recompute: assess (set-based), write the changed enterprise levels, reconcile alerts — one transaction.
 * `enterpriseIds` limits it to the enterprises a batch touched (incremental); `newSignals` — every signal row the
 * caller has just inserted ([] for none) — lets the score come from the stored points (score-state.ts). The regional rule looks at the
 * whole district because it compares enterprises with each other; signal batches (`regional: false`)
 * cannot change it and skip it.
 */
export async function recompute(trx: Trx, rules: RuleSet, now: Date, actor: Actor, enterpriseIds?: string[], opts: { regional?: boolean; newSignals?: NewSignal[] } = {}): Promise<RecomputeSummary> {
  const at = now.toISOString();
  const assessment = await assess(trx, rules, now, enterpriseIds, opts);
  // Keep the stored signal points in step (SQLite): all of them after a full run, the batch's after an incremental one.
  if (!enterpriseIds) await writeFullState(trx, rules, dayNumber(now), assessment.signalPoints, at);
  else if (assessment.touched) writeIncrementalState(trx, assessment.signalPoints, assessment.touched, at);
  phase('assess rest');
  const { current, changes } = await levelChanges(trx, assessment, enterpriseIds);
  phase(`read current levels (${changes.length} changed)`);
  await writeEnterpriseRisk(trx, changes.map((c) => ({ id: c.id, score: c.score, level: c.to })));
  phase('write levels');

  const byId = new Map(current.map((e) => [e.id, e]));
  const alerting = [...assessment.enterprises.values()].filter((a) => a.level !== 'none' && byId.has(a.enterpriseId));
  // Explain the score only where an alert may be opened or changed: enterprises whose open alert already
  // says all of this are skipped without reading their signals.
  const openRows = new Map<string, { level: string; reasons: string }>();
  const alertingIds = alerting.map((a) => a.enterpriseId);
  for (let i = 0; i < alertingIds.length; i += 2000) {
    for (const r of await trx.selectFrom('alerts').select(['open_key', 'level', 'reasons']).where('open_key', 'in', alertingIds.slice(i, i + 2000)).execute()) openRows.set(r.open_key!, r);
  }
  const today = dayNumber(now);
  const candidates = alerting.filter((a) => {
    const o = openRows.get(a.enterpriseId);
    if (!o) return true;
    const codes = new Set((JSON.parse(o.reasons) as AlertReason[]).map((r) => r.code));
    return isHigher(a.level, o.level as RiskLevel) || a.hard.some((h) => !codes.has(h.code)) || (a.scoreLevel !== 'none' && !codes.has('SCORE'));
  });
  phase(`open alerts of alerting, candidates (${candidates.length})`);
  const signals = await windowSignals(trx, rules, today, candidates.filter((c) => c.scoreLevel !== 'none').map((c) => c.enterpriseId));
  phase(`window signals (${signals.length})`);
  const signalsBy = new Map<string, typeof signals>();
  for (const s of signals) {
    const list = signalsBy.get(s.enterprise_id);
    if (list) list.push(s);
    else signalsBy.set(s.enterprise_id, [s]);
  }
  const targets: Target[] = candidates.map((a) => {
    const reasons = reasonsOf(a, scoreReason(rules, a, signalsBy.get(a.enterpriseId) ?? [], today));
    const e = byId.get(a.enterpriseId)!;
    return { openKey: a.enterpriseId, scope: 'enterprise', enterpriseId: a.enterpriseId, regionId: e.region_id, coordinatorId: e.coordinator_user_id, level: a.level as AlertLevel, score: a.score, reasons, evidence: evidenceOf(reasons) };
  });
  for (const r of assessment.regional) {
    const reasons: AlertReason[] = [{ code: 'MASS_UNEMPLOYMENT', level: r.hit.level, text: r.hit.text, basis: r.hit.basis, signalIds: [], evidence: r.evidence }];
    targets.push({ openKey: `region:${r.streetId}`, scope: 'regional', enterpriseId: null, regionId: r.streetId, coordinatorId: null, level: r.hit.level, score: 0, reasons, evidence: evidenceOf(reasons) });
  }
  phase('explain');
  const res = await reconcileAlerts(trx, targets, at, actor);
  phase(`reconcile ${JSON.stringify(res)}`);
  return { enterprises: assessment.enterprises.size, levelChanges: changes.length, ...res };
}

/**
 * Everything known about an alert's subject when it is closed (销号): all its signals and headcount months
 * (for a regional alert, those of the street). A later recompute opens a new alert only on evidence that
 * is not in this set, so closing is final until something new happens.
 */
export async function closingEvidence(trx: DbOrTrx, alert: { scope: string; enterprise_id: string | null; region_id: string; evidence: string }): Promise<string[]> {
  const keys = new Set(JSON.parse(alert.evidence) as string[]);
  if (alert.enterprise_id) {
    for (const s of await trx.selectFrom('risk_signals').select('id').where('enterprise_id', '=', alert.enterprise_id).execute()) keys.add(s.id);
    for (const h of await trx.selectFrom('insured_headcount').select(['enterprise_id', 'month']).where('enterprise_id', '=', alert.enterprise_id).execute()) keys.add(`hc:${h.enterprise_id}:${h.month}`);
  } else {
    const hc = await trx
      .selectFrom('insured_headcount')
      .select(['enterprise_id', 'month'])
      .where(sql<boolean>`region_id >= ${alert.region_id} and region_id <= ${alert.region_id + '999'}`)
      .where('month_index', '>=', sql<number>`(select max(month_index) - 3 from insured_headcount)`)
      .execute();
    for (const h of hc) keys.add(`hc:${h.enterprise_id}:${h.month}`);
  }
  return [...keys].sort();
}
