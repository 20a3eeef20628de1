import { sql } from 'kysely';
import { ACTION_LABELS, allowedActions, ESCALATION_LABELS, escalationDue, nextDeadline, nextStatus, overdueHours, STATUS_LABELS, type AlertAction, type AlertStatus, type Milestone } from '../../../domain/risk/alert-lifecycle';
import { LEVEL_LABELS, type AlertLevel } from '../../../domain/risk/levels';
import type { Actor, AppContext, AuthPrincipal } from '../../context';
import type { DbOrTrx } from '../../db';
import { AppError, fieldError, forbidden, notFound } from '../../errors';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { scopeFilter, whereInScope } from '../../policy/scope';
import { insertAudit } from '../audit/repo';
import type { AlertReason } from '../risk/engine';
import { closingEvidence, insertAlertEvent } from '../risk/recompute';
import { signalsByIds } from '../signals/service';
import { abilitiesOf, ACTION_PERMISSION, canOnAlert } from './policy';
import type { AlertListQuery, AssignInput } from './schemas';

const baseQuery = (db: DbOrTrx) =>
  db
    .selectFrom('alerts as a')
    .leftJoin('enterprises as e', 'e.id', 'a.enterprise_id')
    .leftJoin('regions as r', 'r.id', 'a.region_id')
    .selectAll('a')
    .select(['e.name as enterprise_name', 'e.uscc as enterprise_uscc', 'e.industry_code as enterprise_industry', 'e.headcount as enterprise_headcount', 'r.name as region_name']);

type AlertRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

export function presentAlert(a: AlertRow, p: AuthPrincipal | null, now: Date) {
  const level = a.level as AlertLevel;
  const status = a.status as AlertStatus;
  const deadline = nextDeadline(level, status, a.level_since);
  return {
    id: a.id,
    scope: a.scope,
    level,
    levelLabel: LEVEL_LABELS[level],
    status,
    statusLabel: STATUS_LABELS[status],
    score: Number(a.score),
    reasons: JSON.parse(a.reasons) as AlertReason[],
    enterprise: a.enterprise_id ? { id: a.enterprise_id, name: a.enterprise_name, uscc: a.enterprise_uscc, industryCode: a.enterprise_industry, headcount: a.enterprise_headcount } : null,
    uscc: a.enterprise_uscc ?? null,
    regionId: a.region_id,
    regionName: a.region_name,
    assignee: a.assignee_kind ? { kind: a.assignee_kind, userId: a.assignee_user_id, orgUnitId: a.assignee_org_unit_id, name: a.assignee_name } : null,
    findings: a.findings,
    actionsTaken: a.actions_taken,
    result: a.result,
    escalation: a.escalation,
    escalationLabel: ESCALATION_LABELS[a.escalation] ?? ESCALATION_LABELS[ESCALATION_LABELS.length - 1],
    deadline: deadline ? { milestone: deadline.milestone, dueAt: deadline.dueAt } : null,
    overdueHours: overdueHours(level, status, a.level_since, now),
    openedAt: a.opened_at,
    levelSince: a.level_since,
    ageDays: Math.floor((now.getTime() - new Date(a.opened_at).getTime()) / 86_400_000),
    assessedAt: a.assessed_at,
    closedAt: a.closed_at,
    updatedAt: a.updated_at,
    allowedActions: allowedActions(status),
    abilities: abilitiesOf(p, a),
  };
}

export async function listAlerts(ctx: AppContext, actor: Actor, q: AlertListQuery & PageQuery) {
  const filter = scopeFilter(actor.principal, 'alert.read');
  const now = ctx.clock.now();
  let query = baseQuery(ctx.db).where(whereInScope(filter, { region: 'a.region_id', assigned: 'a.coordinator_user_id' }));
  if (q.uscc) query = query.where('e.uscc', '=', q.uscc.toUpperCase());
  if (q.enterpriseId) query = query.where('a.enterprise_id', '=', q.enterpriseId);
  if (q.status === 'active') query = query.where('a.status', '!=', 'closed');
  else if (q.status) query = query.where('a.status', '=', q.status);
  if (q.level) query = query.where('a.level', '=', q.level);
  if (q.scope) query = query.where('a.scope', '=', q.scope);
  if (q.regionId) query = query.where(sql<boolean>`(a.region_id >= ${q.regionId} and a.region_id <= ${q.regionId + '9'.repeat(12)})`);
  if (q.overdue === '1') query = query.where('a.status', '!=', 'closed').where('a.due_at', '<', now.toISOString());
  const { total } = await query.clearSelect().select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .orderBy(sql`case a.level when 'red' then 0 when 'orange' then 1 when 'yellow' then 2 else 3 end`)
    .orderBy('a.opened_at', 'desc')
    .orderBy('a.id')
    .limit(q.pageSize)
    .offset(pageOffset(q))
    .execute();
  return { items: rows.map((r) => presentAlert(r, actor.principal, now)), total: Number(total), page: q.page, pageSize: q.pageSize };
}

/** An alert the principal may read, or 404 (out-of-scope alerts are indistinguishable from missing ones). */
export async function getAlertRow(ctx: AppContext, actor: Actor, id: string) {
  const row = await baseQuery(ctx.db).where('a.id', '=', id).executeTakeFirst();
  if (!row || !canOnAlert(actor.principal, 'alert.read', row)) throw notFound('预警');
  return row;
}

export async function getAlert(ctx: AppContext, actor: Actor, id: string) {
  const row = await getAlertRow(ctx, actor, id);
  const events = await ctx.db.selectFrom('alert_events').selectAll().where('alert_id', '=', id).orderBy('at').orderBy('id').execute();
  const reasons = JSON.parse(row.reasons) as AlertReason[];
  const signals = await signalsByIds(ctx, [...new Set(reasons.flatMap((r) => r.signalIds))]);
  const headcount = row.enterprise_id
    ? await ctx.db.selectFrom('insured_headcount').select(['month', 'insured_count']).where('enterprise_id', '=', row.enterprise_id).orderBy('month_index', 'desc').limit(12).execute()
    : [];
  return {
    ...presentAlert(row, actor.principal, ctx.clock.now()),
    signals,
    headcount: headcount.reverse().map((h) => ({ month: h.month, insuredCount: h.insured_count })),
    events: events.map((e) => ({ id: e.id, at: e.at, action: e.action, fromStatus: e.from_status, toStatus: e.to_status, level: e.level, actorName: e.actor_name, note: e.note })),
  };
}

async function resolveAssignee(ctx: AppContext, input: AssignInput) {
  if (input.assigneeKind === 'coordinator') {
    const u = await ctx.db.selectFrom('users').select(['id', 'display_name', 'roles', 'disabled']).where('id', '=', input.userId!).executeTakeFirst();
    if (!u || u.disabled || !(JSON.parse(u.roles) as string[]).includes('coordinator')) throw fieldError('userId', '请选择有效的劳动关系协调员');
    return { userId: u.id, orgUnitId: null, name: u.display_name };
  }
  const ou = await ctx.db.selectFrom('org_units').select(['id', 'name', 'kind']).where('id', '=', input.orgUnitId!).executeTakeFirst();
  const kinds = input.assigneeKind === 'street' ? ['street_office'] : ['hrss', 'union', 'federation', 'court', 'data_bureau', 'justice', 'arbitration'];
  if (!ou || !kinds.includes(ou.kind)) throw fieldError('orgUnitId', input.assigneeKind === 'street' ? '请选择街道（镇）' : '请选择职能部门');
  return { userId: null, orgUnitId: ou.id, name: ou.name };
}

/**
 * One lifecycle step: permission for the action on this alert (404 out of scope, 403 without the right),
 * the transition table (409 naming the allowed actions), optimistic concurrency on `version`, event and
 * audit row in the same transaction.
 */
export async function transition(ctx: AppContext, actor: Actor, id: string, action: AlertAction, input: { findings?: string; actions?: string; result?: string; assign?: AssignInput }) {
  const row = await getAlertRow(ctx, actor, id);
  if (!canOnAlert(actor.principal, ACTION_PERMISSION[action], row)) throw forbidden(`没有权限${ACTION_LABELS[action]}该预警`);
  const from = row.status as AlertStatus;
  const to = nextStatus(from, action);
  if (!to) {
    const allowed = allowedActions(from).map((a) => ACTION_LABELS[a]);
    throw new AppError(409, 'INVALID_TRANSITION', `预警当前状态为“${STATUS_LABELS[from]}”，不能${ACTION_LABELS[action]}${allowed.length ? `；可执行：${allowed.join('、')}` : '（已销号）'}`, undefined, { allowed: allowedActions(from) });
  }
  const assignee = input.assign ? await resolveAssignee(ctx, input.assign) : null;
  const at = ctx.clock.now().toISOString();
  const level = row.level as AlertLevel;
  const deadline = nextDeadline(level, to, row.level_since);
  const note =
    action === 'assign' ? `分派给 ${assignee!.name}${input.assign?.note ? `：${input.assign.note}` : ''}` : action === 'assess' ? input.findings! : action === 'handle' ? input.actions! : input.result!;
  await ctx.db.transaction().execute(async (trx) => {
    const evidence = action === 'close' ? JSON.stringify(await closingEvidence(trx, row)) : undefined;
    const r = await trx
      .updateTable('alerts')
      .set({
        status: to,
        updated_at: at,
        due_at: deadline?.dueAt ?? null,
        version: sql`version + 1`,
        ...(assignee
          ? {
              assignee_kind: input.assign!.assigneeKind,
              assignee_user_id: assignee.userId,
              assignee_org_unit_id: assignee.orgUnitId,
              assignee_name: assignee.name,
              // A coordinator who is given the alert may see it (scope "assigned").
              ...(assignee.userId ? { coordinator_user_id: assignee.userId } : {}),
            }
          : {}),
        ...(action === 'assess' ? { findings: input.findings!, assessed_at: at } : {}),
        ...(action === 'handle' ? { actions_taken: row.actions_taken ? `${row.actions_taken}\n${input.actions!}` : input.actions! } : {}),
        ...(action === 'close' ? { result: input.result!, closed_at: at, open_key: null, evidence } : {}),
      })
      .where('id', '=', id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError(409, 'CONFLICT', '预警已被他人更新，请刷新后重试');
    await insertAlertEvent(trx, { alertId: id, enterpriseId: row.enterprise_id, regionId: row.region_id, at, action, from, to, level, actor: { id: actor.principal?.id ?? null, name: actor.principal?.displayName ?? null }, note });
    await insertAudit(trx, {
      at,
      actorId: actor.principal?.id ?? null,
      actorName: actor.principal?.displayName ?? null,
      action: `alert.${action}`,
      entityType: 'alert',
      entityId: id,
      regionId: row.region_id,
      summary: `${ACTION_LABELS[action]}预警（${row.enterprise_name ?? row.region_name}，${LEVEL_LABELS[level]}）`,
      before: { status: from },
      after: { status: to, note },
      ip: actor.ip,
    });
  });
  return getAlert(ctx, actor, id);
}

/**
 * Escalation (督办) of alerts past their time limit: each missed milestone raises the tier once. The
 * update is conditional on the tier read, so several replicas running it at once escalate once.
 */
export async function escalateOverdue(db: DbOrTrx, now: Date): Promise<number> {
  const at = now.toISOString();
  const rows = await db.selectFrom('alerts').selectAll().where('status', '!=', 'closed').where('due_at', '<', at).execute();
  let n = 0;
  for (const a of rows) {
    const due = escalationDue({ level: a.level as AlertLevel, status: a.status as AlertStatus, since: a.level_since, escalation: a.escalation, escalatedFor: a.escalated_for as Milestone | null }, now);
    if (!due) continue;
    const r = await db
      .updateTable('alerts')
      .set({ escalation: due.tier, escalated_for: due.milestone, updated_at: at })
      .where('id', '=', a.id)
      .where('escalation', '=', a.escalation)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) continue;
    n++;
    await insertAlertEvent(db, {
      alertId: a.id,
      enterpriseId: a.enterprise_id,
      regionId: a.region_id,
      at,
      action: 'escalate',
      from: a.status,
      to: a.status,
      level: a.level,
      actor: { id: null, name: '系统' },
      note: `超过${due.milestone === 'assess' ? '研判' : '销号'}时限（${a.due_at?.slice(0, 16).replace('T', ' ')} UTC），升级为${ESCALATION_LABELS[due.tier]}`,
    });
  }
  return n;
}
