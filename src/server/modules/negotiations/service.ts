import { can } from '../../../domain/access/policy';
import { congressPassed, negotiationStatus, nextSteps, NEGOTIATION_STATUS_LABELS, NEGOTIATION_STEP_LABELS, responseState, type NegotiationStepKind } from '../../../domain/contracts/negotiation';
import { CONTRACT_KIND_LABELS, type ContractKind } from '../../../domain/contracts/types';
import type { Actor, AppContext, AuthPrincipal } from '../../context';
import type { DbOrTrx } from '../../db';
import type { Selectable } from 'kysely';
import type { CollectiveNegotiationTable } from '../../db/schema';
import { AppError, fieldError, forbidden, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { scopeFilter, whereInScope } from '../../policy/scope';
import { insertAudit } from '../audit/repo';
import { statusOn } from '../contracts/present';
import { audit, createContract, visibleContract } from '../contracts/service';
import type { NegotiationCreate, NegotiationListQuery, NegotiationUpdate, StepCreate } from './schemas';

type NegotiationRow = Selectable<CollectiveNegotiationTable>;

async function visibleNegotiation(db: DbOrTrx, p: AuthPrincipal | null, id: string): Promise<NegotiationRow> {
  const row = await db.selectFrom('collective_negotiations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !can(p, 'negotiation.read', { regionId: row.region_id, enterpriseId: row.enterprise_id })) throw notFound('集体协商');
  return row;
}

const steps = (db: DbOrTrx, id: string) => db.selectFrom('negotiation_steps').selectAll().where('negotiation_id', '=', id).orderBy('on_date').orderBy('created_at').execute();

function present(row: NegotiationRow, stepRows: Awaited<ReturnType<typeof steps>>, p: AuthPrincipal | null, today: string, enterpriseName?: string | null) {
  const done = stepRows.map((s) => s.kind as NegotiationStepKind);
  const manage = can(p, 'negotiation.manage', { regionId: row.region_id, enterpriseId: row.enterprise_id });
  return {
    id: row.id,
    title: row.title,
    scope: row.scope,
    kind: row.kind,
    kindLabel: CONTRACT_KIND_LABELS[row.kind as ContractKind],
    regionId: row.region_id,
    enterpriseId: row.enterprise_id,
    enterpriseName: enterpriseName ?? null,
    initiator: row.initiator,
    instructorName: row.instructor_name,
    instructorUserId: row.instructor_user_id,
    requestedOn: row.requested_on,
    respondedOn: row.responded_on,
    /** 集体合同规定 第三十二条: answer within 20 days. */
    response: row.requested_on ? responseState(row.requested_on, row.responded_on, today) : null,
    status: row.status,
    statusLabel: NEGOTIATION_STATUS_LABELS[row.status as keyof typeof NEGOTIATION_STATUS_LABELS] ?? row.status,
    previousContractId: row.previous_contract_id,
    contractId: row.contract_id,
    steps: stepRows.map((s) => ({ id: s.id, kind: s.kind, kindLabel: NEGOTIATION_STEP_LABELS[s.kind as NegotiationStepKind], onDate: s.on_date, title: s.title, minutes: s.minutes, participants: s.participants, votesFor: s.votes_for, delegates: s.delegates })),
    nextSteps: manage ? nextSteps(done) : [],
    createdAt: row.created_at,
    abilities: { update: manage, addStep: manage && nextSteps(done).length > 0 },
  };
}

export async function listNegotiations(ctx: AppContext, actor: Actor, q: NegotiationListQuery & PageQuery) {
  const filter = scopeFilter(actor.principal, 'negotiation.read');
  let query = ctx.db.selectFrom('collective_negotiations').where(whereInScope(filter, { region: 'collective_negotiations.region_id', enterprise: 'collective_negotiations.enterprise_id' }));
  if (q.status) query = query.where('status', '=', q.status);
  if (q.enterpriseId) query = query.where('enterprise_id', '=', q.enterpriseId);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(q.pageSize).offset(pageOffset(q)).execute();
  const today = todayInChina(ctx.clock);
  const ents = await ctx.db.selectFrom('enterprises').select(['id', 'name']).where('id', 'in', [...rows.map((r) => r.enterprise_id ?? ''), '']).execute();
  const items = [];
  for (const r of rows) items.push(present(r, await steps(ctx.db, r.id), actor.principal, today, ents.find((e) => e.id === r.enterprise_id)?.name));
  return { items, total: Number(total), page: q.page, pageSize: q.pageSize };
}

export async function getNegotiation(ctx: AppContext, actor: Actor, id: string) {
  const row = await visibleNegotiation(ctx.db, actor.principal, id);
  const ent = row.enterprise_id ? await ctx.db.selectFrom('enterprises').select('name').where('id', '=', row.enterprise_id).executeTakeFirst() : undefined;
  return present(row, await steps(ctx.db, id), actor.principal, todayInChina(ctx.clock), ent?.name);
}

async function insertNegotiation(ctx: AppContext, actor: Actor, input: NegotiationCreate, previousContractId: string | null) {
  const p = actor.principal!;
  if (input.requestId) {
    const dup = await ctx.db.selectFrom('collective_negotiations').select('id').where('request_id', '=', input.requestId).executeTakeFirst();
    if (dup) return getNegotiation(ctx, actor, dup.id);
  }
  let regionId = input.regionId ?? p.regionId;
  if (input.scope === 'enterprise') {
    const ent = await ctx.db.selectFrom('enterprises').select(['id', 'region_id']).where('id', '=', input.enterpriseId!).executeTakeFirst();
    if (!ent || !can(p, 'negotiation.manage', { regionId: ent.region_id, enterpriseId: ent.id })) throw fieldError('enterpriseId', '企业不存在或不在您的管辖范围内');
    regionId = ent.region_id;
  } else if (!p.roles.includes('official') || !can(p, 'negotiation.manage', { regionId })) throw fieldError('regionId', '区域不在您的管辖范围内');
  if (input.instructorUserId && !(await ctx.db.selectFrom('users').select('id').where('id', '=', input.instructorUserId).executeTakeFirst())) throw fieldError('instructorUserId', '指导员账户不存在');
  if (input.requestedOn > todayInChina(ctx.clock)) throw fieldError('requestedOn', '要约日期不能晚于今天');
  const id = newId();
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('collective_negotiations')
      .values({ id, region_id: regionId, scope: input.scope, enterprise_id: input.scope === 'enterprise' ? input.enterpriseId! : null, kind: input.kind, title: input.title, initiator: input.initiator, instructor_name: input.instructorName ?? null, instructor_user_id: input.instructorUserId ?? null, requested_on: input.requestedOn, responded_on: null, status: 'requested', previous_contract_id: previousContractId, contract_id: null, request_id: input.requestId ?? null, created_by: p.id, created_at: at, updated_at: at })
      .execute();
    await trx.insertInto('negotiation_steps').values({ id: newId(), negotiation_id: id, region_id: regionId, kind: 'request', on_date: input.requestedOn, title: `${input.initiator === 'union' ? '工会' : '企业'}提出协商要约`, minutes: input.requestNote ?? null, participants: null, votes_for: null, delegates: null, actor_id: p.id, created_at: at }).execute();
    await insertAudit(trx, { at, ...audit(actor), action: 'negotiation.create', entityType: 'collective_negotiation', entityId: id, regionId, summary: `发起集体协商 ${input.title}`, after: input });
  });
  return getNegotiation(ctx, actor, id);
}

export const createNegotiation = (ctx: AppContext, actor: Actor, input: NegotiationCreate) => insertNegotiation(ctx, actor, input, null);

/** Renewal: a new negotiation started from an in-force contract that is about to end. */
export async function renewContract(ctx: AppContext, actor: Actor, contractId: string) {
  const c = await visibleContract(ctx.db, actor.principal, contractId);
  if (!can(actor.principal, 'negotiation.manage', { regionId: c.region_id, enterpriseId: c.enterprise_id })) throw forbidden();
  if (!['effective', 'expired'].includes(statusOn(c, todayInChina(ctx.clock)))) throw new AppError(409, 'INVALID_TRANSITION', '只有已生效或已到期的合同可以发起续签');
  const existing = await ctx.db.selectFrom('collective_negotiations').select('id').where('previous_contract_id', '=', contractId).executeTakeFirst();
  if (existing) return getNegotiation(ctx, actor, existing.id);
  return insertNegotiation(
    ctx,
    actor,
    { scope: c.scope as 'enterprise', enterpriseId: c.enterprise_id ?? undefined, regionId: c.region_id, kind: c.kind as ContractKind, title: `${c.title}（续签）`, initiator: actor.principal!.roles.includes('enterprise') ? 'employer' : 'union', requestedOn: todayInChina(ctx.clock), requestNote: `原合同期限至 ${c.term_end ?? '—'}，提出续签协商。` },
    contractId,
  );
}

export async function updateNegotiation(ctx: AppContext, actor: Actor, id: string, input: NegotiationUpdate) {
  const row = await visibleNegotiation(ctx.db, actor.principal, id);
  if (!can(actor.principal, 'negotiation.manage', { regionId: row.region_id, enterpriseId: row.enterprise_id })) throw forbidden();
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('collective_negotiations')
      .set({ ...(input.title ? { title: input.title } : {}), ...(input.instructorName !== undefined ? { instructor_name: input.instructorName } : {}), ...(input.instructorUserId !== undefined ? { instructor_user_id: input.instructorUserId } : {}), updated_at: at })
      .where('id', '=', id)
      .execute();
    await insertAudit(trx, { at, ...audit(actor), action: 'negotiation.update', entityType: 'collective_negotiation', entityId: id, regionId: row.region_id, after: input });
  });
  return getNegotiation(ctx, actor, id);
}

/** Records a dated step; the order is the table in domain/contracts/negotiation.ts. Filing creates the contract to be reviewed. */
export async function addStep(ctx: AppContext, actor: Actor, id: string, input: StepCreate) {
  const p = actor.principal!;
  const row = await visibleNegotiation(ctx.db, p, id);
  if (!can(p, 'negotiation.manage', { regionId: row.region_id, enterpriseId: row.enterprise_id })) throw forbidden();
  const existing = await steps(ctx.db, id);
  const done = existing.map((s) => s.kind as NegotiationStepKind);
  const allowed = nextSteps(done);
  if (!allowed.includes(input.kind)) {
    throw new AppError(409, 'INVALID_TRANSITION', `现在不能记录“${NEGOTIATION_STEP_LABELS[input.kind]}”（可以记录：${allowed.map((k) => NEGOTIATION_STEP_LABELS[k]).join('、') || '无'}）`, undefined, { allowed });
  }
  const today = todayInChina(ctx.clock);
  if (input.onDate > today) throw fieldError('onDate', '日期不能晚于今天');
  const last = existing[existing.length - 1];
  if (last && input.onDate < last.on_date) throw fieldError('onDate', `日期不能早于上一步骤（${last.on_date}）`);
  if (input.kind === 'congress_vote' && !congressPassed(input.votesFor!, input.delegates!, input.present)) throw fieldError('votesFor', '赞成票未超过全体职工代表半数，草案未获通过（劳动合同法 第五十一条）');
  const at = isoNow(ctx.clock);
  const status = negotiationStatus([...done, input.kind]);
  let contractId = row.contract_id;
  if (input.kind === 'filing' && !contractId) {
    const vote = existing.find((s) => s.kind === 'congress_vote');
    const signing = existing.find((s) => s.kind === 'signing');
    const created = await createContract(ctx, actor, {
      scope: row.scope as 'enterprise',
      enterpriseId: row.enterprise_id ?? undefined,
      regionId: row.region_id,
      kind: row.kind as ContractKind,
      title: row.title.replace(/集体协商$/, '') + (row.title.includes('合同') ? '' : '集体合同'),
      negotiatedOn: existing.find((s) => s.kind === 'meeting')?.on_date,
      signedOn: signing?.on_date,
      congressOn: vote?.on_date,
      congressVotesFor: vote?.votes_for ?? undefined,
      congressDelegates: vote?.delegates ?? undefined,
      previousContractId: row.previous_contract_id ?? undefined,
      negotiationId: id,
    });
    contractId = created.id;
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('negotiation_steps').values({ id: newId(), negotiation_id: id, region_id: row.region_id, kind: input.kind, on_date: input.onDate, title: input.title ?? NEGOTIATION_STEP_LABELS[input.kind], minutes: input.minutes ?? null, participants: input.participants ?? null, votes_for: input.votesFor ?? null, delegates: input.delegates ?? null, actor_id: p.id, created_at: at }).execute();
    await trx
      .updateTable('collective_negotiations')
      .set({ status, contract_id: contractId, ...(input.kind === 'response' ? { responded_on: input.onDate } : {}), updated_at: at })
      .where('id', '=', id)
      .execute();
    await insertAudit(trx, { at, ...audit(actor), action: `negotiation.step.${input.kind}`, entityType: 'collective_negotiation', entityId: id, regionId: row.region_id, summary: NEGOTIATION_STEP_LABELS[input.kind], after: input });
  });
  return getNegotiation(ctx, actor, id);
}

export { visibleNegotiation, steps as negotiationSteps };
