import { sql } from 'kysely';
import { daysBetween } from '../../../domain/calendar/iso-date';
import type { CaseFactsInput } from '../../../domain/cases/deadlines';
import type { ClaimType } from '../../../domain/cases/claim-types';
import { isTransitionError, nextState, type CaseAction, type CaseState, type CaseStatus } from '../../../domain/cases/state-machine';
import { maskIdNumber, validateIdNumber } from '../../../domain/identifiers/id-number';
import { normalizeUscc, validateUscc } from '../../../domain/identifiers/uscc';
import type { Actor, AppContext, AuthPrincipal } from '../../context';
import type { Trx } from '../../db';
import { AppError, badRequest, fieldError, forbidden, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { decryptPii, encryptPii } from '../../lib/pii';
import { insertAudit } from '../audit/repo';
import { caseDeadlines, currentDeadline, loadCalendar, statutoryDue } from './deadlines';
import { runCaseCreatedHooks } from './hooks';
import { caseAbilities, caseScope, canOnCase } from './policy';
import { collectiveInfo, presentApplicant, presentClaim, presentDeadlines, presentListItem, actionLabel, sourceLabel } from './present';
import { appendEvent, caseApplicants, caseClaims, caseDocuments, caseEvents, findCase, findCaseByRequest, findEnterpriseByUscc, findOrg, isApplicantOf, nextCaseSeq, type CaseRow } from './repo';
import type { CaseActionInput, CaseCreate, CaseListQuery, CaseUpdate } from './schemas';
import { loadAgreements } from './agreements';
import { listAttachments } from './attachments';

const round2 = (n: number) => Math.round(n * 100) / 100;
export const COUNT_CAP = 10_000;
const actorId = (a: Actor) => a.principal?.id ?? null;
const actorName = (a: Actor) => a.principal?.displayName ?? null;

async function accountPhone(ctx: AppContext, p: AuthPrincipal | null): Promise<string | null> {
  if (!p || !p.roles.includes('worker')) return null;
  const u = await ctx.db.selectFrom('users').select('phone').where('id', '=', p.id).executeTakeFirst();
  return u?.phone ?? null;
}

/** Loads a case the actor may see for `action`, or 404 (never reveals that an out-of-scope case exists). */
export async function loadCaseFor(ctx: AppContext, actor: Actor, id: string, action: 'case.read' | 'case.handle' | 'case.reveal' | 'case.publish') {
  const c = await findCase(ctx.db, id);
  if (!c) throw notFound('案件');
  const p = actor.principal;
  const applicant = p?.roles.includes('worker') ? await isApplicantOf(ctx.db, id, p.id, await accountPhone(ctx, p)) : false;
  if (!canOnCase(p, 'case.read', c, applicant)) throw notFound('案件');
  if (action !== 'case.read' && !canOnCase(p, action, c, applicant)) throw forbidden();
  return { c, applicant };
}

function parseFacts(c: CaseRow): CaseFactsInput {
  return JSON.parse(c.deadline_facts) as CaseFactsInput;
}

/** Recomputes the derived deadline columns of a case after a change. */
async function deadlineColumns(trx: Trx, status: CaseStatus, facts: CaseFactsInput, claims: { type: ClaimType }[]) {
  const calendar = await loadCalendar(trx);
  const d = caseDeadlines(calendar, { deadlineFacts: facts, claims });
  const cur = currentDeadline(status, d);
  return { next_due: cur?.due ?? null, next_due_kind: cur?.kind ?? null, statutory_due: statutoryDue(d) ?? null };
}

export async function createCase(ctx: AppContext, actor: Actor, input: CaseCreate) {
  const p = actor.principal!;
  if (input.requestId) {
    const existing = await findCaseByRequest(ctx.db, p.id, input.requestId);
    if (existing) return { replayed: true, body: await getCase(ctx, actor, existing.id) };
  }
  const uscc = normalizeUscc(input.respondentUscc);
  const check = validateUscc(uscc);
  if (!check.valid) throw fieldError('respondentUscc', `被申请人统一社会信用代码无效：${check.reason}`);
  const enterprise = await findEnterpriseByUscc(ctx.db, uscc);
  if (!enterprise) throw fieldError('respondentUscc', '企业登记库中没有该统一社会信用代码的企业');
  if (p.roles.includes('enterprise') && !p.roles.some((r) => r !== 'enterprise') && enterprise.id !== p.enterpriseId) {
    throw fieldError('respondentUscc', '企业用户只能以本企业为当事人提出申请');
  }
  const today = todayInChina(ctx.clock);
  const fields: { field: string; message: string }[] = [];
  input.applicants.forEach((a, i) => {
    if (a.idNumber) {
      const r = validateIdNumber(a.idNumber, today);
      if (!r.valid) fields.push({ field: `applicants.${i}.idNumber`, message: `身份证号码无效：${r.reason}` });
    }
  });
  if (input.receivedDate > today) fields.push({ field: 'receivedDate', message: '收到申请日期不能晚于今天' });
  if (fields.length) throw badRequest(fields[0]!.message, fields);

  const orgId = input.organizationId ?? (p.roles.includes('mediator') ? p.orgUnitId : undefined);
  if (!orgId) throw fieldError('organizationId', '请选择受理的调解组织');
  const org = await findOrg(ctx.db, orgId);
  if (!org) throw fieldError('organizationId', '调解组织不存在');
  const isMediatorOnly = p.roles.every((r) => r === 'mediator');
  if (isMediatorOnly && org.id !== p.orgUnitId) throw fieldError('organizationId', '调解员只能登记本组织受理的案件');

  const source =
    input.source ?? (p.roles.includes('worker') ? 'online_worker' : p.roles.includes('enterprise') ? 'online_enterprise' : 'walk_in');
  const collective = collectiveInfo(input.applicants.length, input.collectiveContract);
  const claims = input.claims.map((c) => ({ ...c, amount: c.amount === undefined ? undefined : round2(c.amount) }));
  const facts: CaseFactsInput = {
    rightKnownOn: input.rightKnownOn,
    employmentEndedOn: input.employmentEndedOn,
    ...(input.start === 'mediation' ? { mediationReceivedOn: input.receivedDate, enterpriseCommittee: org.level === 'enterprise' } : {}),
  };
  const status: CaseStatus = input.start === 'consultation' ? 'consulting' : 'registered';
  const stage = input.start === 'consultation' ? 'consultation' : 'mediation';
  const phone = await accountPhone(ctx, p);
  const id = newId(ctx.clock.now().getTime());
  const at = isoNow(ctx.clock);
  const year = Number(input.receivedDate.slice(0, 4));
  let caseNo = '';
  await ctx.db.transaction().execute(async (trx) => {
    const seq = await nextCaseSeq(trx, org.id, year);
    caseNo = `（${year}）调字第${seq}号`;
    const dl = await deadlineColumns(trx, status, facts, claims);
    await trx
      .insertInto('dispute_cases')
      .values({
        id,
        case_no: caseNo,
        case_year: year,
        seq,
        request_id: input.requestId ?? null,
        created_by: p.id,
        region_id: enterprise.region_id,
        org_id: org.id,
        arbitration_region_id: null,
        enterprise_id: enterprise.id,
        respondent_name: enterprise.name,
        respondent_uscc: enterprise.uscc,
        source,
        status,
        stage,
        outcomes: '{}',
        collective: collective.collective ? 1 : 0,
        priority: collective.priority === 'high' ? 1 : 0,
        applicant_count: input.applicants.length,
        primary_claim_type: claims[0]!.type,
        amount_claimed: round2(claims.reduce((s, c) => s + (c.amount ?? 0), 0)),
        amount_agreed: 0,
        amount_paid: 0,
        facts: input.facts,
        deadline_facts: JSON.stringify(facts),
        received_date: input.receivedDate,
        ...dl,
        closed_on: null,
        result: null,
        days_to_close: null,
        closed_in_time: null,
        typical: 0,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await trx
      .insertInto('case_applicants')
      .values(
        input.applicants.map((a, i) => ({
          id: newId(),
          case_id: id,
          region_id: enterprise.region_id,
          sort: i,
          name: a.name,
          phone: a.phone ?? null,
          id_number_enc: a.idNumber ? encryptPii(ctx.config.piiKey, a.idNumber.toUpperCase()) : null,
          id_number_masked: a.idNumber ? maskIdNumber(a.idNumber.toUpperCase()) : null,
          // A worker applying online is linked to the applicant with their phone, or the first one.
          user_id: p.roles.includes('worker') && ((phone && a.phone === phone) || (i === 0 && !input.applicants.some((x) => x.phone && x.phone === phone))) ? p.id : null,
        })),
      )
      .execute();
    await trx
      .insertInto('case_claims')
      .values(
        claims.map((c, i) => ({
          id: newId(),
          case_id: id,
          region_id: enterprise.region_id,
          sort: i,
          type: c.type,
          amount: c.amount ?? null,
          period_from: c.periodFrom ?? null,
          period_to: c.periodTo ?? null,
          description: c.description ?? null,
        })),
      )
      .execute();
    await appendEvent(trx, {
      caseId: id,
      regionId: enterprise.region_id,
      at,
      onDate: input.receivedDate,
      actorId: p.id,
      actorName: p.displayName,
      action: 'create',
      toStatus: status,
      data: { source, organizationId: org.id, applicants: input.applicants.length, collective: collective.collective },
    });
    await insertAudit(trx, {
      at,
      actorId: p.id,
      actorName: p.displayName,
      action: 'case.create',
      entityType: 'dispute_case',
      entityId: id,
      regionId: enterprise.region_id,
      summary: `登记案件：${input.applicants[0]!.name}${input.applicants.length > 1 ? `等${input.applicants.length}人` : ''}与${enterprise.name}`,
      after: { organizationId: org.id, source, claims: claims.map((c) => c.type), applicants: input.applicants.length },
      ip: actor.ip,
    });
  });
  await runCaseCreatedHooks(ctx, {
    caseId: id,
    caseNo,
    enterpriseId: enterprise.id,
    regionId: enterprise.region_id,
    orgId: org.id,
    receivedDate: input.receivedDate,
    applicantCount: input.applicants.length,
    collective: collective.collective,
    claimTypes: claims.map((c) => c.type),
    amountClaimed: round2(claims.reduce((s, c) => s + (c.amount ?? 0), 0)),
  });
  return { replayed: false, body: await getCase(ctx, actor, id) };
}

/**
 * The full case. `afterChange` skips the scope check once: a user who just transferred a case out of their
 * organisation gets the result of their own action (with no further abilities), not a 404.
 */
export async function getCase(ctx: AppContext, actor: Actor, id: string, afterChange = false) {
  const { c, applicant } = afterChange
    ? { c: (await findCase(ctx.db, id))!, applicant: false }
    : await loadCaseFor(ctx, actor, id, 'case.read');
  const [applicants, claims, events, documents, org, agreements, published, attachments] = await Promise.all([
    caseApplicants(ctx.db, id),
    caseClaims(ctx.db, id),
    caseEvents(ctx.db, id),
    caseDocuments(ctx.db, id),
    findOrg(ctx.db, c.org_id),
    loadAgreements(ctx, id),
    ctx.db.selectFrom('published_cases').select(['id', 'title', 'published_at']).where('case_id', '=', id).executeTakeFirst(),
    listAttachments(ctx, id),
  ]);
  const calendar = await loadCalendar(ctx.db);
  const d = caseDeadlines(calendar, { deadlineFacts: parseFacts(c), claims: claims.map((x) => ({ type: x.type as ClaimType })) });
  const today = todayInChina(ctx.clock);
  const coll = collectiveInfo(c.applicant_count);
  return {
    ...presentListItem({ ...c, org_name: org?.name ?? null }, today),
    regionId: c.region_id,
    source: c.source,
    sourceLabel: sourceLabel(c.source),
    respondent: { enterpriseId: c.enterprise_id, name: c.respondent_name, uscc: c.respondent_uscc },
    respondentUscc: c.respondent_uscc,
    outcomes: JSON.parse(c.outcomes) as Record<string, string>,
    priority: c.priority === 1 ? 'high' : 'normal',
    collectiveMeasures: coll.measures,
    applicants: applicants.map(presentApplicant),
    claims: claims.map(presentClaim),
    facts: c.facts,
    amountAgreed: c.amount_agreed,
    amountPaid: c.amount_paid,
    statutoryDue: c.statutory_due,
    daysToClose: c.days_to_close,
    closedInTime: c.closed_in_time === null ? null : c.closed_in_time === 1,
    typical: c.typical === 1,
    published: published ? { id: published.id, title: published.title, publishedAt: published.published_at } : null,
    arbitrationRegionId: c.arbitration_region_id,
    ...presentDeadlines(d),
    timeline: events.map((e) => ({
      seq: e.seq,
      at: e.at,
      on: e.on_date,
      action: e.action,
      actionLabel: actionLabel(e.action),
      actorName: e.actor_name,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      reason: e.reason,
      data: e.data ? (JSON.parse(e.data) as unknown) : null,
    })),
    documents: documents.map((doc) => ({ id: doc.id, kind: doc.kind, title: doc.title, size: doc.size, createdAt: doc.created_at })),
    agreements,
    attachments,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    abilities: caseAbilities(actor.principal, c, applicant),
  };
}

export async function listCases(ctx: AppContext, actor: Actor, q: CaseListQuery & PageQuery) {
  const phone = await accountPhone(ctx, actor.principal);
  const today = todayInChina(ctx.clock);
  let query = ctx.db.selectFrom('dispute_cases').where(caseScope(actor.principal, 'case.read', phone));
  if (q.status) query = query.where('dispute_cases.status', '=', q.status);
  if (q.stage) query = query.where('dispute_cases.stage', '=', q.stage);
  if (q.organizationId) query = query.where('dispute_cases.org_id', '=', q.organizationId);
  if (q.claimType) query = query.where('dispute_cases.primary_claim_type', '=', q.claimType);
  if (q.collective) query = query.where('dispute_cases.collective', '=', Number(q.collective));
  if (q.from) query = query.where('dispute_cases.received_date', '>=', q.from);
  if (q.to) query = query.where('dispute_cases.received_date', '<=', q.to);
  if (q.due === 'overdue') query = query.where('dispute_cases.next_due', '<', today);
  if (q.due === 'due_soon') {
    const soon = new Date(Date.parse(`${today}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
    query = query.where('dispute_cases.next_due', '>=', today).where('dispute_cases.next_due', '<=', soon);
  }
  if (q.q) {
    // Case number exactly, or the respondent's name from its start: both are index range lookups at any size.
    const text = q.q;
    query = query.where((eb) =>
      eb.or([eb('dispute_cases.case_no', '=', text), eb.and([eb('dispute_cases.respondent_name', '>=', text), eb('dispute_cases.respondent_name', '<', `${text}\uffff`)])]),
    );
  }
  // Counting a district's decade of cases would dominate the page; beyond COUNT_CAP the total is reported as the cap.
  const counted = await ctx.db
    .selectFrom(query.select(sql<number>`1`.as('one')).limit(COUNT_CAP + 1).as('capped'))
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const total = Math.min(Number(counted.total), COUNT_CAP);
  const totalCapped = Number(counted.total) > COUNT_CAP;
  let rows = query.leftJoin('mediation_orgs as o', 'o.id', 'dispute_cases.org_id').selectAll('dispute_cases').select('o.name as org_name');
  rows =
    q.sort === 'due'
      ? rows.orderBy(sql`case when dispute_cases.next_due is null then 1 else 0 end`).orderBy('dispute_cases.next_due').orderBy('dispute_cases.id')
      : rows.orderBy('dispute_cases.received_date', 'desc').orderBy('dispute_cases.id', 'desc');
  const items = await rows.limit(q.pageSize).offset(pageOffset(q)).execute();
  return { items: items.map((r) => presentListItem(r, today)), total, totalCapped, page: q.page, pageSize: q.pageSize };
}

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

function versionConflict(current: number) {
  return new AppError(409, 'CONFLICT', `案件已被他人修改（当前版本 ${current}），请刷新后重试`, undefined, { currentVersion: current });
}

export async function actOnCase(ctx: AppContext, actor: Actor, id: string, input: CaseActionInput) {
  const { c, applicant } = await loadCaseFor(ctx, actor, id, 'case.handle');
  if (c.version !== input.version) throw versionConflict(c.version);
  const abilities = caseAbilities(actor.principal, c, applicant);
  const state: CaseState = { status: c.status as CaseStatus, stage: c.stage as CaseState['stage'], outcomes: JSON.parse(c.outcomes) as CaseState['outcomes'] };
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
    const dl = await deadlineColumns(trx, next.status, facts, claims.map((x) => ({ type: x.type as ClaimType })));
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
    await appendEvent(trx, { caseId: id, regionId: c.region_id, at, onDate: todayInChina(ctx.clock), actorId: actorId(actor), actorName: actorName(actor), action: 'update', data: { fields: changed } });
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

/** Full ID numbers of a case's applicants for a user with the reveal right; every reveal is an audit row. */
export async function revealApplicants(ctx: AppContext, actor: Actor, id: string) {
  const { c } = await loadCaseFor(ctx, actor, id, 'case.reveal');
  const applicants = await caseApplicants(ctx.db, id);
  await insertAudit(ctx.db, {
    at: isoNow(ctx.clock),
    actorId: actorId(actor),
    actorName: actorName(actor),
    action: 'pii.reveal',
    entityType: 'dispute_case',
    entityId: id,
    regionId: c.region_id,
    summary: `查看案件 ${c.case_no} 申请人的完整身份证号码和手机号`,
    ip: actor.ip,
  });
  return {
    items: applicants.map((a) => ({
      id: a.id,
      name: a.name,
      phone: a.phone,
      idNumber: a.id_number_enc ? decryptPii(ctx.config.piiKey, a.id_number_enc) : null,
    })),
  };
}

