import { getCase } from './service';
import { daysBetween } from '../../../domain/calendar/iso-date';
import type { ClaimType } from '../../../domain/cases/claim-types';
import { isTransitionError, nextState, type CaseAction, type CaseState, type CaseStatus } from '../../../domain/cases/state-machine';
import type { Actor, AppContext } from '../../context';
import { AppError, fieldError, forbidden } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { insertAudit } from '../audit/repo';
import { caseAbilities } from './policy';
import { actionLabel } from './present';
import { runCaseChangedHooks } from './hooks';
import { appendEvent, caseClaims, findCase, findOrg } from './repo';
import type { CaseActionInput, CaseUpdate } from './schemas';
import { actorId, actorName, deadlineColumns, loadCaseFor, parseFacts, round2, versionConflict } from './case-access';

/** What closing the mediation (or negotiation) stage means for the statistics. */
const RESULT_OF: Partial<Record<CaseAction, string>> = {
  reach_settlement: 'success',
  reach_agreement: 'success',
  fail_negotiation: 'failed',
  terminate_mediation: 'failed',
  transfer_to_arbitration: 'failed',
  decline: 'declined',
  withdraw: 'withdrawn',
  answer: 'answered',
};

export async function actOnCase(ctx: AppContext, actor: Actor, id: string, input: CaseActionInput) {
  const { c, applicant } = await loadCaseFor(ctx, actor, id, 'case.handle');
  if (c.version !== input.version) throw versionConflict(c.version);
  const abilities = caseAbilities(actor.principal, c, applicant);
  const state: CaseState = {
    status: c.status as CaseStatus,
    stage: c.stage as CaseState['stage'],
    outcomes: JSON.parse(c.outcomes) as CaseState['outcomes'],
  };
  const next = nextState(state, input.action, { reason: input.reason });
  if (isTransitionError(next)) {
    if (next.code === 'REASON_REQUIRED') throw fieldError('reason', next.message);
    throw new AppError(409, 'INVALID_TRANSITION', next.message, undefined, { allowed: next.allowed, currentStatus: c.status });
  }
  if (!abilities.actions.includes(input.action)) throw forbidden(`您的角色不能执行“${actionLabel(input.action)}”`);
  const on = input.on ?? todayInChina(ctx.clock);
  if (on < c.received_date) throw fieldError('on', '日期不能早于收到申请日期');
  const facts = parseFacts(c);
  let orgId = c.org_id;
  let arbitrationRegion = c.arbitration_region_id;
  const district = c.region_id.slice(0, 6);
  // Only the actions that change a deadline's facts or the file's holder; the rest change the status alone.
  switch (input.action as string) {
    case 'start_negotiation':
      facts.negotiationRequestedOn = on;
      break;
    case 'transfer_org': {
      if (!input.organizationId) throw fieldError('organizationId', '请选择接收的调解组织');
      const target = await findOrg(ctx.db, input.organizationId);
      if (!target) throw fieldError('organizationId', '调解组织不存在');
      if (target.id === c.org_id) throw fieldError('organizationId', '不能移交给本组织');
      orgId = target.id;
      facts.mediationReceivedOn = on;
      facts.enterpriseCommittee = target.level === 'enterprise';
      delete facts.mediationExtendedUntil;
      break;
    }
    case 'register':
    case 'apply_mediation':
    case 'refer_to_mediation':
      facts.mediationReceivedOn = on;
      break;
    case 'extend_mediation':
      if (!input.until) throw fieldError('until', '请填写双方同意延长至的日期');
      facts.mediationExtendedUntil = input.until;
      break;
    case 'reach_agreement':
      facts.mediationAgreementEffectiveOn = on;
      break;
    case 'apply_arbitral_review':
      facts.arbitralReviewAcceptedOn = on;
      arbitrationRegion = district;
      break;
    case 'transfer_to_arbitration':
      facts.arbitrationReceivedOn = on;
      arbitrationRegion = district;
      break;
    case 'accept_arbitration':
      facts.arbitrationAcceptedOn = on;
      break;
    default:
      break;
  }
  const claims = await caseClaims(ctx.db, id);
  const result = RESULT_OF[input.action];
  const closing = result && !c.closed_on && (input.action !== 'transfer_to_arbitration' || c.stage !== 'arbitration');
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const dl = await deadlineColumns(
      trx,
      next.status,
      facts,
      claims.map((x) => ({ type: x.type as ClaimType })),
    );
    const upd = await trx
      .updateTable('dispute_cases')
      .set({
        status: next.status,
        stage: next.stage,
        outcomes: JSON.stringify(next.outcomes),
        org_id: orgId,
        arbitration_region_id: arbitrationRegion,
        deadline_facts: JSON.stringify(facts),
        next_due: dl.next_due,
        next_due_kind: dl.next_due_kind,
        statutory_due: dl.statutory_due,
        ...(closing
          ? {
              closed_on: on,
              result,
              days_to_close: daysBetween(facts.mediationReceivedOn ?? c.received_date, on),
              closed_in_time: dl.statutory_due ? (on <= dl.statutory_due ? 1 : 0) : 1,
            }
          : {}),
        version: c.version + 1,
        updated_at: at,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(upd.numUpdatedRows) !== 1) throw versionConflict((await findCase(trx, id))!.version);
    await appendEvent(trx, {
      caseId: id,
      regionId: c.region_id,
      at,
      onDate: on,
      actorId: actorId(actor),
      actorName: actorName(actor),
      action: input.action,
      fromStatus: c.status,
      toStatus: next.status,
      reason: input.reason ?? null,
      data: {
        ...(orgId !== c.org_id ? { fromOrganizationId: c.org_id, toOrganizationId: orgId } : {}),
        ...(input.until ? { until: input.until } : {}),
      },
    });
    await insertAudit(trx, {
      at,
      actorId: actorId(actor),
      actorName: actorName(actor),
      action: `case.${input.action}`,
      entityType: 'dispute_case',
      entityId: id,
      regionId: c.region_id,
      summary: `${c.case_no}：${actionLabel(input.action)}`,
      before: { status: c.status, organizationId: c.org_id, version: c.version },
      after: { status: next.status, organizationId: orgId, version: c.version + 1, reason: input.reason },
      ip: actor.ip,
    });
  });
  await runCaseChangedHooks(ctx, {
    caseId: id,
    caseNo: c.case_no,
    regionId: c.region_id,
    enterpriseId: c.enterprise_id,
    action: input.action,
    fromStatus: c.status,
    toStatus: next.status,
    actorId: actorId(actor),
    actorName: actorName(actor),
  });
  return getCase(ctx, actor, id, true);
}

export async function updateCase(ctx: AppContext, actor: Actor, id: string, input: CaseUpdate) {
  const { c } = await loadCaseFor(ctx, actor, id, 'case.handle');
  if (c.version !== input.version) throw versionConflict(c.version);
  const facts = parseFacts(c);
  if (input.rightKnownOn !== undefined) facts.rightKnownOn = input.rightKnownOn ?? undefined;
  if (input.employmentEndedOn !== undefined) facts.employmentEndedOn = input.employmentEndedOn ?? undefined;
  const claims = input.claims ?? (await caseClaims(ctx.db, id)).map((x) => ({ type: x.type as ClaimType, amount: x.amount ?? undefined }));
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const dl = await deadlineColumns(trx, c.status as CaseStatus, facts, claims);
    const upd = await trx
      .updateTable('dispute_cases')
      .set({
        ...(input.facts !== undefined ? { facts: input.facts } : {}),
        ...(input.claims
          ? { primary_claim_type: input.claims[0]!.type, amount_claimed: round2(input.claims.reduce((s, x) => s + (x.amount ?? 0), 0)) }
          : {}),
        deadline_facts: JSON.stringify(facts),
        ...dl,
        version: c.version + 1,
        updated_at: at,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(upd.numUpdatedRows) !== 1) throw versionConflict((await findCase(trx, id))!.version);
    if (input.claims) {
      await trx.deleteFrom('case_claims').where('case_id', '=', id).execute();
      await trx
        .insertInto('case_claims')
        .values(
          input.claims.map((x, i) => ({
            id: newId(),
            case_id: id,
            region_id: c.region_id,
            sort: i,
            type: x.type,
            amount: x.amount === undefined ? null : round2(x.amount),
            period_from: x.periodFrom ?? null,
            period_to: x.periodTo ?? null,
            description: x.description ?? null,
          })),
        )
        .execute();
    }
    const changed = Object.keys(input).filter((k) => k !== 'version');
    await appendEvent(trx, {
      caseId: id,
      regionId: c.region_id,
      at,
      onDate: todayInChina(ctx.clock),
      actorId: actorId(actor),
      actorName: actorName(actor),
      action: 'update',
      data: { fields: changed },
    });
    await insertAudit(trx, {
      at,
      actorId: actorId(actor),
      actorName: actorName(actor),
      action: 'case.update',
      entityType: 'dispute_case',
      entityId: id,
      regionId: c.region_id,
      before: { facts: c.facts, version: c.version },
      after: { ...input, version: c.version + 1 },
      ip: actor.ip,
    });
  });
  return getCase(ctx, actor, id);
}
