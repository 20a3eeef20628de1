import { sql } from 'kysely';
import type { ClaimType } from '../../../domain/cases/claim-types';
import type { Actor, AppContext } from '../../context';
import { isoNow, todayInChina } from '../../lib/clock';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { decryptPii } from '../../lib/pii';
import { insertAudit } from '../audit/repo';
import { caseDeadlines, loadCalendar } from './deadlines';
import { caseAbilities, caseScope } from './policy';
import { collectiveInfo, presentApplicant, presentClaim, presentDeadlines, presentListItem, actionLabel, sourceLabel } from './present';
import { caseApplicants, caseClaims, caseDocuments, caseEvents, findCase, findOrg } from './repo';
import type { CaseListQuery } from './schemas';
import { loadAgreements } from './agreements';
import { listAttachments } from './attachments';
import { accountPhone, actorId, actorName, loadCaseFor, parseFacts } from './case-access';

export const COUNT_CAP = 10_000;
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
      eb.or([
        eb('dispute_cases.case_no', '=', text),
        eb.and([eb('dispute_cases.respondent_name', '>=', text), eb('dispute_cases.respondent_name', '<', `${text}\uffff`)]),
      ]),
    );
  }
  // Counting a district's decade of cases would dominate the page; beyond COUNT_CAP the total is reported as the cap.
  const counted = await ctx.db
    .selectFrom(
      query
        .select(sql<number>`1`.as('one'))
        .limit(COUNT_CAP + 1)
        .as('capped'),
    )
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const total = Math.min(Number(counted.total), COUNT_CAP);
  const totalCapped = Number(counted.total) > COUNT_CAP;
  let rows = query.leftJoin('mediation_orgs as o', 'o.id', 'dispute_cases.org_id').selectAll('dispute_cases').select('o.name as org_name');
  rows =
    q.sort === 'due'
      ? rows
          .orderBy(sql`case when dispute_cases.next_due is null then 1 else 0 end`)
          .orderBy('dispute_cases.next_due')
          .orderBy('dispute_cases.id')
      : rows.orderBy('dispute_cases.received_date', 'desc').orderBy('dispute_cases.id', 'desc');
  const items = await rows.limit(q.pageSize).offset(pageOffset(q)).execute();
  return { items: items.map((r) => presentListItem(r, today)), total, totalCapped, page: q.page, pageSize: q.pageSize };
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
