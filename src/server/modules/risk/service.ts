import { sql } from 'kysely';
import { z } from 'zod';
import { ALERT_LEVELS, LEVEL_LABELS, RISK_LEVELS, type RiskLevel } from '../../../domain/risk/levels';
import { RuleSet } from '../../../domain/risk/rule-set';
import { signalPoints } from '../../../domain/risk/scoring';
import { dayNumber, SIGNAL_KIND_LABELS, type SignalKind } from '../../../domain/risk/signals';
import type { Actor, AppContext } from '../../context';
import { notFound } from '../../errors';
import { newId } from '../../lib/ids';
import { scopeFilter, whereInScope } from '../../policy/scope';
import { can } from '../../../domain/access/policy';
import { insertAudit } from '../audit/repo';
import { escalateOverdue } from '../alerts/service';
import { assess } from './engine';
import { levelChanges, recompute } from './recompute';
import { currentRuleSet, windowSignals } from './repo';

export const RuleSetUpdate = z.object({ rules: RuleSet, note: z.string().trim().min(2, '请填写修改说明').max(500, '修改说明不超过500字') });
export type RuleSetUpdate = z.infer<typeof RuleSetUpdate>;

export async function getRuleSet(ctx: AppContext) {
  const current = await currentRuleSet(ctx.db);
  const versions = await ctx.db.selectFrom('risk_rule_sets').select(['version', 'note', 'created_at', 'created_by']).orderBy('version', 'desc').limit(50).execute();
  return { ...current, versions: versions.map((v) => ({ version: v.version, note: v.note, createdAt: v.created_at, createdBy: v.created_by })) };
}

/** Which enterprises would change level under these rules (nothing is written). */
export async function previewRuleSet(ctx: AppContext, rules: RuleSet) {
  const assessment = await assess(ctx.db, rules, ctx.clock.now());
  const { changes } = await levelChanges(ctx.db, assessment);
  const moved = changes.filter((c) => c.from !== c.to);
  const names = new Map<string, { name: string; uscc: string }>();
  const ids = moved.slice(0, 200).map((c) => c.id);
  if (ids.length) for (const e of await ctx.db.selectFrom('enterprises').select(['id', 'name', 'uscc']).where('id', 'in', ids).execute()) names.set(e.id, e);
  const before = Object.fromEntries(RISK_LEVELS.map((l) => [l, 0])) as Record<RiskLevel, number>;
  const after = { ...before };
  const all = await ctx.db.selectFrom('enterprises').select(['risk_level']).execute();
  for (const e of all) before[e.risk_level as RiskLevel]++;
  for (const l of RISK_LEVELS) after[l] = before[l];
  for (const c of moved) {
    after[c.from]--;
    after[c.to]++;
  }
  return {
    changed: moved.length,
    before,
    after,
    items: moved.slice(0, 200).map((c) => ({ enterpriseId: c.id, name: names.get(c.id)?.name ?? c.id, uscc: names.get(c.id)?.uscc ?? '', from: c.from, to: c.to, scoreBefore: c.scoreBefore, scoreAfter: c.score })),
  };
}

/** Saves a new version of the rule set (audited with before/after) and recomputes with it. */
export async function saveRuleSet(ctx: AppContext, actor: Actor, input: RuleSetUpdate) {
  const now = ctx.clock.now();
  const at = now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const prev = await currentRuleSet(trx);
    const version = prev.version + 1;
    await trx
      .insertInto('risk_rule_sets')
      .values({ id: newId(now.getTime()), region_id: actor.principal?.regionId ?? '', version, rules: JSON.stringify(input.rules), note: input.note, created_by: actor.principal?.displayName ?? null, created_at: at })
      .execute();
    await insertAudit(trx, { at, actorId: actor.principal?.id ?? null, actorName: actor.principal?.displayName ?? null, action: 'risk.ruleSet.update', entityType: 'risk_rule_set', entityId: String(version), regionId: actor.principal?.regionId ?? null, summary: `评分规则更新为第 ${version} 版：${input.note}`, before: prev.rules, after: input.rules, ip: actor.ip });
    const summary = await recompute(trx, input.rules, now, { id: actor.principal?.id ?? null, name: actor.principal?.displayName ?? null });
    return { version, summary };
  });
}

/** Full recompute (e.g. nightly, or after a bulk import), then escalation of overdue alerts. */
export async function recomputeAll(ctx: AppContext, actor: Actor) {
  const now = ctx.clock.now();
  const t0 = Date.now();
  const summary = await ctx.db.transaction().execute(async (trx) => {
    const { rules } = await currentRuleSet(trx);
    const s = await recompute(trx, rules, now, { id: actor.principal?.id ?? null, name: actor.principal?.displayName ?? '系统' });
    const escalated = await escalateOverdue(trx, now);
    await insertAudit(trx, { at: now.toISOString(), actorId: actor.principal?.id ?? null, actorName: actor.principal?.displayName ?? '系统', action: 'risk.recompute', entityType: 'risk', regionId: actor.principal?.regionId ?? null, summary: `全量重算风险评分：${s.enterprises} 家企业，新开预警 ${s.opened}，升级 ${s.raised}，督办 ${escalated}`, after: { ...s, escalated }, ip: actor.ip });
    return { ...s, escalated };
  });
  return { ...summary, durationMs: Date.now() - t0 };
}

/** The explainable score of one enterprise: points per kind and per signal, with today's rule set. */
export async function enterpriseRisk(ctx: AppContext, actor: Actor, enterpriseId: string) {
  const e = await ctx.db.selectFrom('enterprises').select(['id', 'name', 'uscc', 'region_id', 'coordinator_user_id', 'risk_level', 'risk_score', 'headcount']).where('id', '=', enterpriseId).executeTakeFirst();
  if (!e || !can(actor.principal, 'risk.read', { regionId: e.region_id, assignedUserId: e.coordinator_user_id })) throw notFound('企业');
  const { rules, version } = await currentRuleSet(ctx.db);
  const now = ctx.clock.now();
  const today = dayNumber(now);
  const signals = await windowSignals(ctx.db, rules, today, [e.id]);
  const scored = signals
    .map((s) => ({ id: s.id, kind: s.kind, kindLabel: SIGNAL_KIND_LABELS[s.kind as SignalKind], ageDays: today - s.occurred_day, workersAffected: s.workers_affected, amount: s.amount, points: Math.round(signalPoints(rules, { kind: s.kind as SignalKind, ageDays: today - s.occurred_day, workersAffected: s.workers_affected, amount: s.amount }) * 100) / 100 }))
    .sort((a, b) => b.points - a.points);
  const byKind = new Map<string, number>();
  for (const s of scored) byKind.set(s.kind, (byKind.get(s.kind) ?? 0) + s.points);
  const assessment = (await assess(ctx.db, rules, now, [e.id])).enterprises.get(e.id);
  const headcount = await ctx.db.selectFrom('insured_headcount').select(['month', 'insured_count']).where('enterprise_id', '=', e.id).orderBy('month_index').execute();
  return {
    enterprise: { id: e.id, name: e.name, uscc: e.uscc, regionId: e.region_id },
    ruleSetVersion: version,
    riskLevel: e.risk_level,
    riskScore: Number(e.risk_score),
    score: assessment?.score ?? 0,
    level: assessment?.level ?? 'none',
    creditGrade: assessment?.creditGrade ?? null,
    creditPoints: assessment?.creditPoints ?? 0,
    byKind: [...byKind.entries()].map(([kind, points]) => ({ kind, label: SIGNAL_KIND_LABELS[kind as SignalKind], points: Math.round(points * 10) / 10 })).sort((a, b) => b.points - a.points),
    hardRules: assessment?.hard.map((h) => ({ code: h.code, level: h.level, text: h.text, basis: h.basis, signalIds: h.signalIds })) ?? [],
    signals: scored.slice(0, 100),
    headcount: headcount.map((h) => ({ month: h.month, insuredCount: h.insured_count })),
  };
}

/**
 * The risk map and dashboard: streets and parks with enterprises per level and open alerts, open alerts by
 * level and age, and monthly trends of alerts and signals — all inside the principal's scope.
 */
export async function overview(ctx: AppContext, actor: Actor) {
  const filter = scopeFilter(actor.principal, 'risk.read');
  const now = ctx.clock.now();
  const enterpriseScope = whereInScope(filter, { region: 'e.region_id', assigned: 'e.coordinator_user_id' });
  const areas = await ctx.db
    .selectFrom('enterprises as e')
    .where(enterpriseScope)
    .select(['e.region_id', 'e.risk_level'])
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('e.risk_score').as('score')])
    .groupBy(['e.region_id', 'e.risk_level'])
    .execute();
  const regions = await ctx.db.selectFrom('regions').select(['id', 'name', 'level', 'parent_id']).execute();
  const regionById = new Map(regions.map((r) => [r.id, r]));
  // Parks are shown on their own; communities roll up into their street.
  const areaOf = (regionId: string) => {
    const r = regionById.get(regionId);
    if (r?.level === 'park') return r;
    return regionById.get(regionId.slice(0, 9)) ?? r;
  };
  const cells = new Map<string, { id: string; name: string; level: string; parentName: string | null; enterprises: number; byLevel: Record<string, number>; scoreSum: number; openAlerts: number }>();
  for (const a of areas) {
    const r = areaOf(a.region_id);
    if (!r) continue;
    let c = cells.get(r.id);
    if (!c) {
      c = { id: r.id, name: r.name, level: r.level, parentName: r.parent_id ? (regionById.get(r.parent_id)?.name ?? null) : null, enterprises: 0, byLevel: Object.fromEntries(RISK_LEVELS.map((l) => [l, 0])), scoreSum: 0, openAlerts: 0 };
      cells.set(r.id, c);
    }
    c.enterprises += Number(a.n);
    const level = a.risk_level ?? 'none';
    c.byLevel[level] = (c.byLevel[level] ?? 0) + Number(a.n);
    c.scoreSum += Number(a.score ?? 0);
  }
  const alertScope = whereInScope(filter, { region: 'a.region_id', assigned: 'a.coordinator_user_id' });
  const open = await ctx.db.selectFrom('alerts as a').where(alertScope).where('a.status', '!=', 'closed').select(['a.region_id', 'a.level', 'a.opened_at', 'a.scope', 'a.due_at']).execute();
  const byLevelAge = ALERT_LEVELS.map((level) => ({ level, label: LEVEL_LABELS[level], within7: 0, within30: 0, over30: 0, overdue: 0 }));
  for (const a of open) {
    const r = areaOf(a.region_id);
    if (r && cells.has(r.id)) cells.get(r.id)!.openAlerts++;
    const row = byLevelAge.find((x) => x.level === a.level);
    if (!row) continue;
    const age = (now.getTime() - new Date(a.opened_at).getTime()) / 86_400_000;
    if (age <= 7) row.within7++;
    else if (age <= 30) row.within30++;
    else row.over30++;
    if (a.due_at && a.due_at < now.toISOString()) row.overdue++;
  }
  const heat = (c: { byLevel: Record<string, number>; enterprises: number }) => (c.enterprises ? (c.byLevel.red! * 100 + c.byLevel.orange! * 60 + c.byLevel.yellow! * 30 + c.byLevel.blue! * 10) / c.enterprises : 0);
  const areaList = [...cells.values()]
    .map((c) => {
      const h = heat(c);
      const level: RiskLevel = c.byLevel.red! > 0 && h >= 3 ? 'red' : c.byLevel.red! + c.byLevel.orange! > 0 && h >= 1.5 ? 'orange' : c.byLevel.yellow! + c.byLevel.orange! + c.byLevel.red! > 0 ? 'yellow' : c.byLevel.blue! > 0 ? 'blue' : 'none';
      return { ...c, scoreSum: undefined, avgScore: c.enterprises ? Math.round((c.scoreSum / c.enterprises) * 10) / 10 : 0, heat: Math.round(h * 10) / 10, level };
    })
    .sort((a, b) => a.id.localeCompare(b.id));

  // Trends: alerts opened and signals received per month over the last 12 months.
  const since = new Date(now.getTime() - 365 * 86_400_000).toISOString();
  const alertMonths = await ctx.db
    .selectFrom('alerts as a')
    .where(alertScope)
    .where('a.opened_at', '>=', since)
    .select([sql<string>`substr(a.opened_at, 1, 7)`.as('month'), 'a.level'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy([sql`substr(a.opened_at, 1, 7)`, 'a.level'])
    .execute();
  const signalScope = whereInScope(filter, { region: 's.region_id', assigned: 'e.coordinator_user_id' });
  const signalMonths = await ctx.db
    .selectFrom('risk_signals as s')
    .innerJoin('enterprises as e', 'e.id', 's.enterprise_id')
    .where(signalScope)
    .where('s.occurred_at', '>=', since)
    .select([sql<string>`substr(s.occurred_at, 1, 7)`.as('month')])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy(sql`substr(s.occurred_at, 1, 7)`)
    .execute();
  const months = [...new Set([...alertMonths.map((m) => m.month), ...signalMonths.map((m) => m.month)])].sort();
  return {
    areas: areaList,
    openAlerts: { total: open.length, byLevelAge },
    trends: {
      months,
      alerts: ALERT_LEVELS.map((level) => ({ level, label: LEVEL_LABELS[level], data: months.map((m) => Number(alertMonths.find((x) => x.month === m && x.level === level)?.n ?? 0)) })),
      signals: months.map((m) => Number(signalMonths.find((x) => x.month === m)?.n ?? 0)),
    },
  };
}

