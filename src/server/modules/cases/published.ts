import { removePublishedCase, syncPublishedCase } from './publish-to-knowledge';
import { z } from 'zod';
import { CLAIM_TYPE_LABELS, type ClaimType } from '../../../domain/cases/claim-types';
import type { Actor, AppContext } from '../../context';
import { AppError, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { insertAudit } from '../audit/repo';
import { appendEvent, caseApplicants, caseClaims, type CaseRow } from './repo';

export const PublishInput = z.object({
  title: z.string().trim().min(4, '标题至少4个字').max(100),
  facts: z.string().trim().max(10000).optional(),
  holding: z.string().trim().min(10, '请填写处理结果与要旨（至少10字）').max(10000),
  citedArticles: z.array(z.string().trim().min(2).max(100)).min(1, '至少引用一条法律依据'),
});
export type PublishInput = z.infer<typeof PublishInput>;

/** Replaces the parties' names with 某-forms (李建国 → 李某; 云溪××有限公司 → 某公司) and removes digits runs like phones. */
export function anonymise(text: string, names: string[], enterprise: string): string {
  let out = text.split(enterprise).join('某公司');
  for (const n of names.filter(Boolean).sort((a, b) => b.length - a.length)) out = out.split(n).join(`${n[0]}某`);
  return out.replace(/\d{11,18}[0-9Xx]?/g, '****');
}

export async function publishCase(ctx: AppContext, actor: Actor, c: CaseRow, input: PublishInput) {
  if (!c.closed_on) throw new AppError(409, 'CONFLICT', '案件结案后才能作为典型案例发布');
  const names = (await caseApplicants(ctx.db, c.id)).map((a) => a.name);
  const claims = await caseClaims(ctx.db, c.id);
  const at = isoNow(ctx.clock);
  const row = {
    title: anonymise(input.title, names, c.respondent_name),
    claim_types: JSON.stringify([...new Set(claims.map((x) => x.type))]),
    facts: anonymise(input.facts ?? c.facts, names, c.respondent_name),
    holding: anonymise(input.holding, names, c.respondent_name),
    cited_articles: JSON.stringify(input.citedArticles),
    published_by: actor.principal?.id ?? null,
    published_at: at,
  };
  const existing = await ctx.db.selectFrom('published_cases').select('id').where('case_id', '=', c.id).executeTakeFirst();
  const id = existing?.id ?? newId();
  await ctx.db.transaction().execute(async (trx) => {
    if (existing) await trx.updateTable('published_cases').set(row).where('id', '=', id).execute();
    else
      await trx
        .insertInto('published_cases')
        .values({ id, case_id: c.id, region_id: c.region_id, ...row })
        .execute();
    await trx.updateTable('dispute_cases').set({ typical: 1, updated_at: at }).where('id', '=', c.id).execute();
    await syncPublishedCase(trx, { id, regionId: c.region_id, title: row.title, facts: row.facts, holding: row.holding, citedArticles: input.citedArticles, by: actor.principal?.id ?? null, at });
    await appendEvent(trx, {
      caseId: c.id,
      regionId: c.region_id,
      at,
      onDate: todayInChina(ctx.clock),
      actorId: actor.principal?.id ?? null,
      actorName: actor.principal?.displayName ?? null,
      action: 'publish',
      data: { publishedId: id },
    });
    await insertAudit(trx, {
      at,
      actorId: actor.principal?.id ?? null,
      actorName: actor.principal?.displayName ?? null,
      action: 'case.publish',
      entityType: 'dispute_case',
      entityId: c.id,
      regionId: c.region_id,
      summary: `发布典型案例：${row.title}`,
      after: row,
      ip: actor.ip,
    });
  });
  return presentPublished({ id, region_id: c.region_id, ...row });
}

export async function unpublishCase(ctx: AppContext, actor: Actor, c: CaseRow) {
  const existing = await ctx.db.selectFrom('published_cases').select('id').where('case_id', '=', c.id).executeTakeFirst();
  if (!existing) throw notFound('典型案例');
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('published_cases').where('id', '=', existing.id).execute();
    await removePublishedCase(trx, existing.id, at);
    await trx.updateTable('dispute_cases').set({ typical: 0, updated_at: at }).where('id', '=', c.id).execute();
    await appendEvent(trx, {
      caseId: c.id,
      regionId: c.region_id,
      at,
      onDate: todayInChina(ctx.clock),
      actorId: actor.principal?.id ?? null,
      actorName: actor.principal?.displayName ?? null,
      action: 'unpublish',
    });
    await insertAudit(trx, {
      at,
      actorId: actor.principal?.id ?? null,
      actorName: actor.principal?.displayName ?? null,
      action: 'case.unpublish',
      entityType: 'dispute_case',
      entityId: c.id,
      regionId: c.region_id,
      ip: actor.ip,
    });
  });
}

function presentPublished(r: {
  id: string;
  title: string;
  claim_types: string;
  facts: string;
  holding: string;
  cited_articles: string;
  published_at: string;
  region_id: string;
}) {
  const types = JSON.parse(r.claim_types) as ClaimType[];
  return {
    id: r.id,
    title: r.title,
    claimTypes: types,
    claimTypeLabels: types.map((t) => CLAIM_TYPE_LABELS[t] ?? t),
    facts: r.facts,
    holding: r.holding,
    citedArticles: JSON.parse(r.cited_articles) as string[],
    publishedAt: r.published_at,
    regionId: r.region_id,
  };
}

/** Public: the anonymised typical cases the knowledge module indexes. */
export async function listPublished(ctx: AppContext, q: PageQuery & { q?: string }) {
  let query = ctx.db.selectFrom('published_cases');
  if (q.q) query = query.where((eb) => eb.or([eb('title', 'like', `%${q.q}%`), eb('facts', 'like', `%${q.q}%`)]));
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('published_at', 'desc').limit(q.pageSize).offset(pageOffset(q)).execute();
  return { items: rows.map(presentPublished), total: Number(total), page: q.page, pageSize: q.pageSize };
}
