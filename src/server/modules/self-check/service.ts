import { z } from 'zod';
import { INDUSTRY_SECTIONS } from '../../../domain/enterprise/industries';
import { Answers, QUESTIONS, RULES, runSelfCheck, SECTIONS, validateAnswers, type Report } from '../../../domain/self-check';
import type { Actor, AppContext } from '../../context';
import { AppError, badRequest, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { getEnterpriseInScope } from '../../policy/enterprise-scope';
import { regionPrefixCondition, scopeFilter, whereInScope } from '../../policy/scope';
import { auditActor } from '../audit/actor';
import { insertAudit } from '../audit/repo';
import { regionNames } from '../outreach/repo';
import { findSelfCheck, minimumWageFor } from './repo';

export const SelfCheckSubmit = z.object({ answers: Answers });
export type SelfCheckSubmit = z.infer<typeof SelfCheckSubmit>;
export const AnonymousQuery = z.object({ regionId: z.string().regex(/^\d{6,15}$/).optional(), industry: z.string().max(2).optional(), minHigh: z.coerce.number().int().min(0).optional() });
export type AnonymousQuery = z.infer<typeof AnonymousQuery>;
export const VisitOffer = z.object({ message: z.string().trim().min(1, '请填写上门指导说明').max(500) });
export type VisitOffer = z.infer<typeof VisitOffer>;
export const VisitResponse = z.object({ accept: z.boolean() });
export type VisitResponse = z.infer<typeof VisitResponse>;

/** Aggregates with fewer enterprises than this are not shown (anonymity). */
export const MIN_GROUP = 3;

export async function questionnaire(ctx: AppContext, actor: Actor) {
  const regionId = actor.principal?.regionId ?? '';
  return { sections: SECTIONS, questions: QUESTIONS, minimumMonthlyWage: await minimumWageFor(ctx.db, regionId, Number(todayInChina(ctx.clock).slice(0, 4))) };
}

type Row = NonNullable<Awaited<ReturnType<typeof findSelfCheck>>>;
const presentOwn = (r: Row) => ({
  id: r.id,
  enterpriseId: r.enterprise_id,
  submittedAt: r.submitted_at,
  score: r.score,
  counts: { high: r.high_count, medium: r.medium_count, low: r.low_count },
  answers: Answers.parse(JSON.parse(r.answers_json)),
  report: JSON.parse(r.report_json) as Report & { minimumMonthlyWage: number },
  visit: r.visit_status ? { status: r.visit_status, message: r.visit_message, offeredAt: r.visit_offered_at, respondedAt: r.visit_responded_at } : null,
  abilities: { respondVisit: r.visit_status === 'offered' },
});

export async function submitSelfCheck(ctx: AppContext, actor: Actor, input: SelfCheckSubmit) {
  const enterpriseId = actor.principal?.enterpriseId;
  if (!enterpriseId) throw notFound('企业');
  const e = await getEnterpriseInScope(ctx.db, actor, 'selfCheck.answer', enterpriseId);
  const problems = validateAnswers(input.answers);
  if (problems.length) throw badRequest(`问卷有${problems.length}处需要补充或更正`, problems);
  const today = todayInChina(ctx.clock);
  const minimumMonthlyWage = await minimumWageFor(ctx.db, e.region_id, Number(today.slice(0, 4)));
  const report = runSelfCheck(input.answers, { minimumMonthlyWage });
  const at = isoNow(ctx.clock);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('self_checks')
      .values({ id, region_id: e.region_id, enterprise_id: e.id, industry_code: e.industry_code, answers_json: JSON.stringify(input.answers), report_json: JSON.stringify({ ...report, minimumMonthlyWage }), high_count: report.counts.high, medium_count: report.counts.medium, low_count: report.counts.low, score: report.score, submitted_by: actor.principal!.id, submitted_at: at, visit_status: null, visit_message: null, visit_offered_by: null, visit_offered_at: null, visit_responded_at: null })
      .execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'selfCheck.submit', entityType: 'selfCheck', entityId: id, regionId: e.region_id, summary: `劳动用工体检：${report.score}分，高风险${report.counts.high}项`, after: { counts: report.counts, score: report.score } });
  });
  return presentOwn((await findSelfCheck(ctx.db, id))!);
}

const ownQuery = (ctx: AppContext, actor: Actor) => ctx.db.selectFrom('self_checks').where(whereInScope(scopeFilter(actor.principal, 'selfCheck.answer'), { enterprise: 'self_checks.enterprise_id' }));

export async function listMine(ctx: AppContext, actor: Actor, q: PageQuery) {
  const { total } = await ownQuery(ctx, actor).select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await ownQuery(ctx, actor).selectAll().orderBy('submitted_at', 'desc').limit(q.pageSize).offset(pageOffset(q)).execute();
  return { items: rows.map((r) => ({ id: r.id, submittedAt: r.submitted_at, score: r.score, counts: { high: r.high_count, medium: r.medium_count, low: r.low_count }, visitStatus: r.visit_status })), total: Number(total), page: q.page, pageSize: q.pageSize };
}

export async function getMine(ctx: AppContext, actor: Actor, id: string) {
  const r = await ownQuery(ctx, actor).selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('体检报告');
  return presentOwn(r);
}

// --- officials: anonymised results -----------------------------------------------------------------

function regionQuery(ctx: AppContext, actor: Actor, action: 'selfCheck.stats' | 'selfCheck.offerVisit') {
  return ctx.db.selectFrom('self_checks as s').innerJoin('enterprises as e', 'e.id', 's.enterprise_id').where(whereInScope(scopeFilter(actor.principal, action), { region: 's.region_id' }));
}

/** Each enterprise's latest check in scope; anonymised (no enterprise id or name). */
async function latestInScope(ctx: AppContext, actor: Actor, q: AnonymousQuery) {
  let query = regionQuery(ctx, actor, 'selfCheck.stats');
  if (q.regionId) query = query.where(regionPrefixCondition('s.region_id', q.regionId));
  if (q.industry) query = query.where('s.industry_code', '=', q.industry);
  const rows = await query.selectAll('s').select(['e.name as enterprise_name', 'e.contact_name', 'e.contact_phone']).orderBy('s.submitted_at', 'desc').execute();
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.enterprise_id) ? false : (seen.add(r.enterprise_id), true)));
}

export async function anonymousList(ctx: AppContext, actor: Actor, q: AnonymousQuery & PageQuery) {
  let rows = await latestInScope(ctx, actor, q);
  if (q.minHigh !== undefined) rows = rows.filter((r) => r.high_count >= q.minHigh!);
  rows.sort((a, b) => b.high_count - a.high_count || a.score - b.score || a.id.localeCompare(b.id));
  const names = await regionNames(ctx.db);
  const page = rows.slice(pageOffset(q), pageOffset(q) + q.pageSize);
  return {
    items: page.map((r) => {
      const revealed = r.visit_status === 'accepted';
      const report = JSON.parse(r.report_json) as Report;
      return {
        id: r.id,
        street: names.get(r.region_id.slice(0, 9)) ?? null,
        industryCode: r.industry_code,
        industry: INDUSTRY_SECTIONS[r.industry_code as keyof typeof INDUSTRY_SECTIONS] ?? null,
        submittedOn: r.submitted_at.slice(0, 10),
        score: r.score,
        counts: { high: r.high_count, medium: r.medium_count, low: r.low_count },
        ruleIds: report.findings.map((f) => f.ruleId),
        visit: r.visit_status ? { status: r.visit_status, offeredAt: r.visit_offered_at, respondedAt: r.visit_responded_at } : null,
        // Identity only after the enterprise accepts the offered visit.
        enterprise: revealed ? { name: r.enterprise_name, contactName: r.contact_name, contactPhone: r.contact_phone } : null,
        abilities: { offerVisit: !r.visit_status || r.visit_status === 'declined' },
      };
    }),
    total: rows.length,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Aggregated results by street, by industry and by rule; groups under MIN_GROUP enterprises are suppressed. */
export async function selfCheckStats(ctx: AppContext, actor: Actor, q: AnonymousQuery) {
  const rows = await latestInScope(ctx, actor, q);
  const names = await regionNames(ctx.db);
  const agg = (key: (r: (typeof rows)[number]) => string, label: (k: string) => string) => {
    const m = new Map<string, typeof rows>();
    for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
    return [...m.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, list]) => {
        const suppressed = list.length < MIN_GROUP;
        return {
          key: k,
          name: label(k),
          enterprises: list.length,
          suppressed,
          avgScore: suppressed ? null : Math.round((list.reduce((s, r) => s + r.score, 0) / list.length) * 10) / 10,
          withHighRisk: suppressed ? null : list.filter((r) => r.high_count > 0).length,
          high: suppressed ? null : list.reduce((s, r) => s + r.high_count, 0),
          medium: suppressed ? null : list.reduce((s, r) => s + r.medium_count, 0),
        };
      });
  };
  const byRule = RULES.map((rule) => {
    const n = rows.filter((r) => (JSON.parse(r.report_json) as Report).findings.some((f) => f.ruleId === rule.id)).length;
    return { ruleId: rule.id, questionId: rule.questionId, citations: rule.citations, enterprises: n };
  }).filter((r) => r.enterprises > 0);
  return {
    enterprises: rows.length,
    minGroup: MIN_GROUP,
    byStreet: agg((r) => r.region_id.slice(0, 9), (k) => names.get(k) ?? k),
    byIndustry: agg((r) => r.industry_code ?? '-', (k) => INDUSTRY_SECTIONS[k as keyof typeof INDUSTRY_SECTIONS] ?? '未知'),
    byRule: rows.length < MIN_GROUP ? [] : byRule.sort((a, b) => b.enterprises - a.enterprises),
  };
}

export async function offerVisit(ctx: AppContext, actor: Actor, id: string, input: VisitOffer) {
  const r = await regionQuery(ctx, actor, 'selfCheck.offerVisit').selectAll('s').where('s.id', '=', id).executeTakeFirst();
  if (!r) throw notFound('体检记录');
  if (r.visit_status === 'offered' || r.visit_status === 'accepted') throw new AppError(409, 'INVALID_TRANSITION', r.visit_status === 'offered' ? '已向该企业发出上门指导邀请，等待企业答复' : '企业已接受上门指导');
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('self_checks').set({ visit_status: 'offered', visit_message: input.message, visit_offered_by: actor.principal!.id, visit_offered_at: at, visit_responded_at: null }).where('id', '=', id).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'selfCheck.offerVisit', entityType: 'selfCheck', entityId: id, regionId: r.region_id, summary: '根据体检结果提供上门指导', after: input });
  });
  return { id, visit: { status: 'offered', message: input.message, offeredAt: at } };
}

export async function respondVisit(ctx: AppContext, actor: Actor, id: string, input: VisitResponse) {
  const r = await ownQuery(ctx, actor).selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('体检报告');
  if (r.visit_status !== 'offered') throw new AppError(409, 'INVALID_TRANSITION', '没有待答复的上门指导邀请');
  const at = isoNow(ctx.clock);
  const status = input.accept ? 'accepted' : 'declined';
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('self_checks').set({ visit_status: status, visit_responded_at: at }).where('id', '=', id).execute();
    await insertAudit(trx, { at, ...auditActor(actor), action: 'selfCheck.respondVisit', entityType: 'selfCheck', entityId: id, regionId: r.region_id, summary: input.accept ? '企业接受上门指导' : '企业谢绝上门指导', after: input });
  });
  return getMine(ctx, actor, id);
}
