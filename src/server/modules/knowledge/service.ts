/**
 * Legal consultation use-cases: search, law texts and article views (public), and the editing
 * of Q&A entries and typical cases by officials (audited, bumping the index version).
 */
import { z } from 'zod';
import { can } from '../../../domain/access/policy';
import { amendmentNotes } from '../../../domain/knowledge/amendments';
import { QaCreate, QaUpdate, type CitationInput } from '../../../domain/knowledge/entries';
import type { Actor, AppContext } from '../../context';
import type { DbOrTrx } from '../../db';
import { conflict, fieldError, forbidden, notFound } from '../../errors';
import { isoNow } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { insertAudit } from '../audit/repo';
import { articleKey, type DocKind } from './documents';
import type { KnowledgeEngine } from './engine';
import { articleItem, citationViews, mixedItem, qaView } from './presenters';
import { bumpVersion, findLawRow, findQa, lawArticles, listLawRows, type QaRow } from './repo';
import { explainQuery, search, searchArticles } from './search-engine';

export const SearchQuery = z.object({
  q: z.string({ error: '请输入要查询的问题或条文' }).trim().min(1, '请输入要查询的问题或条文').max(200, '查询内容不超过200字'),
  limit: z.coerce.number().int().min(1, '条数至少为1').max(50, '条数不超过50').default(10),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const MixedSearchQuery = SearchQuery.extend({
  limit: z.coerce.number().int().min(1, '条数至少为1').max(50, '条数不超过50').default(20),
  kinds: z
    .string()
    .regex(/^(article|qa|case)(,(article|qa|case))*$/, '类型只能是 article、qa、case，用逗号分隔')
    .optional(),
});
export type MixedSearchQuery = z.infer<typeof MixedSearchQuery>;

export async function searchArticlesService(engine: KnowledgeEngine, q: SearchQuery) {
  const { index } = await engine.get();
  return { items: searchArticles(index, q.q, q.limit).map(articleItem) };
}

/**
 * A Q&A entry is offered as "the answer" when it matches a fair share of the question, or a
 * smaller share while citing one of the top articles (two signals agreeing).
 */
const ANSWER_FLOOR = 0.3;
const ANSWER_FLOOR_AGREEING = 0.15;
/** Most Q&A entries and cases the combined list shows, so articles keep most of the page. */
const MIXED_QUOTA = { qa: 5, case: 3 } as const;

export async function searchAll(engine: KnowledgeEngine, q: MixedSearchQuery) {
  const { index, laws } = await engine.get();
  const kinds = new Set(q.kinds ? (q.kinds.split(',') as DocKind[]) : (['article', 'qa', 'case'] as DocKind[]));
  // Scores of different kinds are not comparable, so each kind gets its own share of the page.
  const qa = kinds.has('qa') ? search(index, q.q, { limit: Math.min(MIXED_QUOTA.qa, q.limit), kinds: ['qa'] }) : [];
  const cases = kinds.has('case') ? search(index, q.q, { limit: Math.min(MIXED_QUOTA.case, q.limit), kinds: ['case'] }) : [];
  const articleRoom = Math.max(q.limit - qa.length - cases.length, Math.ceil(q.limit / 2));
  const articles = kinds.has('article') ? search(index, q.q, { limit: articleRoom, kinds: ['article'] }) : [];
  const hits = [...articles, ...qa, ...cases].sort((a, b) => b.score - a.score).slice(0, q.limit);
  const items = hits.map((h) => mixedItem(h, laws));

  const topArticles = new Set(searchArticles(index, q.q, 5).map((h) => h.id));
  const best = search(index, q.q, { limit: 1, kinds: ['qa'] })[0];
  const agrees = best?.doc.kind === 'qa' && best.doc.citations.some((c) => topArticles.has(articleKey(c.lawId, c.articleNo)));
  const answer =
    best && best.doc.kind === 'qa' && (best.score >= ANSWER_FLOOR || (agrees && best.score >= ANSWER_FLOOR_AGREEING))
      ? {
          id: best.doc.id,
          question: best.doc.question,
          answer: best.doc.answer,
          citations: citationViews(best.doc.citations, laws),
          score: Math.round(best.score * 10000) / 10000,
        }
      : null;
  const parsed = explainQuery(index, q.q);
  const terms = [...new Set(items.flatMap((i) => i.matched))].sort((a, b) => b.length - a.length);
  return {
    items,
    answer,
    terms,
    understood: {
      words: [...parsed.words.keys()].slice(0, 30),
      expansions: parsed.expansions,
      citations: parsed.citations,
    },
  };
}

export async function listLaws(ctx: AppContext) {
  const rows = await listLawRows(ctx.db);
  const byKey = new Map<string, typeof rows>();
  for (const r of rows) byKey.set(r.law_key, [...(byKey.get(r.law_key) ?? []), r]);
  const items = [...byKey.values()].map((versions) => {
    const cur = versions.find((v) => v.is_current === 1) ?? versions[0];
    return {
      lawId: cur.law_key,
      title: cur.title,
      shortTitle: cur.short_title,
      kind: cur.kind,
      issuer: cur.issuer,
      effective: cur.effective,
      version: cur.version,
      articleCount: Number(cur.article_count),
      versions: versions.map((v) => ({ version: v.version, effective: v.effective, isCurrent: v.is_current === 1 })),
    };
  });
  return { items };
}

async function lawOrThrow(ctx: AppContext, lawId: string, version?: string) {
  const law = await findLawRow(ctx.db, lawId, version);
  if (!law) throw notFound('法规');
  return law;
}

const lawHead = (l: NonNullable<Awaited<ReturnType<typeof findLawRow>>>) => ({
  lawId: l.law_key,
  title: l.title,
  shortTitle: l.short_title,
  kind: l.kind,
  issuer: l.issuer,
  effective: l.effective,
  version: l.version,
  isCurrent: l.is_current === 1,
  note: l.note,
});

export async function getLaw(ctx: AppContext, lawId: string, version?: string) {
  const law = await lawOrThrow(ctx, lawId, version);
  const articles = await lawArticles(ctx.db, law.id);
  return {
    ...lawHead(law),
    articles: articles.map((a) => ({
      articleNo: Number(a.article_no),
      label: a.label,
      chapter: a.chapter,
      section: a.section,
      text: a.text,
      notes: amendmentNotes(law.law_key, Number(a.article_no)),
    })),
  };
}

/** An article with its neighbours and the reviewed Q&A entries and cases that cite it. */
export async function getArticle(ctx: AppContext, engine: KnowledgeEngine, lawId: string, no: number, version?: string) {
  const law = await lawOrThrow(ctx, lawId, version);
  const articles = await lawArticles(ctx.db, law.id);
  const at = articles.findIndex((a) => Number(a.article_no) === no);
  if (at < 0) throw notFound('条文');
  const view = (a: (typeof articles)[number] | undefined) =>
    a ? { articleNo: Number(a.article_no), label: a.label, chapter: a.chapter, section: a.section, text: a.text } : null;
  const { index } = await engine.get();
  const key = articleKey(lawId, no);
  const cites = (refs: readonly { lawId: string; articleNo: number }[]) => refs.some((r) => articleKey(r.lawId, r.articleNo) === key);
  return {
    law: lawHead(law),
    article: { ...view(articles[at])!, notes: amendmentNotes(lawId, no) },
    previous: view(articles[at - 1]),
    next: view(articles[at + 1]),
    qa: index.qa.docs.filter((d) => cites(d.citations)).map((d) => ({ id: d.id, question: d.question })),
    cases: index.cases.docs.filter((d) => cites(d.citations)).map((d) => ({ id: d.id, title: d.title })),
  };
}

// ---- editing -------------------------------------------------------------------------------

export const EntryListQuery = z.object({
  q: z.string().trim().max(50, '关键词不超过50字').optional(),
  status: z.enum(['draft', 'reviewed'], { error: '审核状态只能是 draft 或 reviewed' }).optional(),
});
export type EntryListQuery = z.infer<typeof EntryListQuery>;

export const canEdit = (actor: Actor) => can(actor.principal, 'knowledge.edit');

/** Every cited article must exist in the current text of its law. */
export async function checkCitations(db: DbOrTrx, citations: readonly CitationInput[]): Promise<void> {
  for (const [i, c] of citations.entries()) {
    const row = await db
      .selectFrom('knowledge_articles')
      .innerJoin('knowledge_laws', 'knowledge_laws.id', 'knowledge_articles.law_id')
      .select('knowledge_articles.id')
      .where('knowledge_laws.law_key', '=', c.lawId)
      .where('knowledge_laws.is_current', '=', 1)
      .where('knowledge_articles.article_no', '=', c.articleNo)
      .executeTakeFirst();
    if (!row) throw fieldError(`citations.${i}`, `引用的条文不存在：${c.lawId} 第${c.articleNo}条`);
  }
}

export const uniqueRefs = (cs: readonly CitationInput[]) => [...new Map(cs.map((c) => [articleKey(c.lawId, c.articleNo), c])).values()];

export async function listQa(ctx: AppContext, engine: KnowledgeEngine, actor: Actor, q: EntryListQuery & PageQuery) {
  const editor = canEdit(actor);
  let query = ctx.db.selectFrom('knowledge_qa');
  // The public sees reviewed entries only, whatever it asks for.
  if (!editor) query = query.where('status', '=', 'reviewed');
  else if (q.status) query = query.where('status', '=', q.status);
  if (q.q) query = query.where((eb) => eb.or([eb('question', 'like', `%${q.q}%`), eb('tags', 'like', `%${q.q}%`)]));
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('updated_at', 'desc').orderBy('id').limit(q.pageSize).offset(pageOffset(q)).execute();
  const { laws } = await engine.get();
  return { items: rows.map((r) => qaView(r, laws, editor)), total: Number(total), page: q.page, pageSize: q.pageSize };
}

async function visibleQa(ctx: AppContext, actor: Actor, id: string): Promise<QaRow> {
  const row = await findQa(ctx.db, id);
  if (!row || (row.status !== 'reviewed' && !canEdit(actor))) throw notFound('问答');
  return row;
}

export async function getQa(ctx: AppContext, engine: KnowledgeEngine, actor: Actor, id: string) {
  const row = await visibleQa(ctx, actor, id);
  return qaView(row, (await engine.get()).laws, canEdit(actor));
}

function qaSnapshot(r: QaRow) {
  return { question: r.question, answer: r.answer, citations: r.citations, tags: r.tags, topic: r.topic, status: r.status, revision: r.revision };
}

export async function createQa(ctx: AppContext, engine: KnowledgeEngine, actor: Actor, input: QaCreate) {
  if (!actor.principal) throw forbidden();
  const at = isoNow(ctx.clock);
  const id = `qa-${newId()}`;
  const citations = uniqueRefs(input.citations);
  await ctx.db.transaction().execute(async (trx) => {
    await checkCitations(trx, citations);
    const row = {
      id,
      question: input.question,
      answer: input.answer,
      citations: JSON.stringify(citations),
      tags: JSON.stringify(input.tags),
      topic: input.topic ?? null,
      status: input.status,
      region_id: actor.principal!.regionId,
      created_by: actor.principal!.id,
      created_at: at,
      updated_by: actor.principal!.id,
      updated_at: at,
      reviewed_by: input.status === 'reviewed' ? actor.principal!.id : null,
      reviewed_at: input.status === 'reviewed' ? at : null,
      revision: 1,
    };
    await trx.insertInto('knowledge_qa').values(row).execute();
    await audit(trx, actor, at, 'knowledge.qa.create', 'knowledge_qa', id, row.region_id, `新增问答：${input.question.slice(0, 40)}`, undefined, qaSnapshot(row));
    await bumpVersion(trx, at);
  });
  engine.invalidate();
  return getQa(ctx, engine, actor, id);
}

export async function updateQa(ctx: AppContext, engine: KnowledgeEngine, actor: Actor, id: string, input: QaUpdate) {
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findQa(trx, id);
    if (!before) throw notFound('问答');
    if (input.revision !== undefined && input.revision !== Number(before.revision)) {
      throw conflict(`该问答已被他人修改（当前版本 ${before.revision}），请刷新后再改`, { revision: Number(before.revision) });
    }
    const citations = input.citations ? uniqueRefs(input.citations) : undefined;
    if (citations) await checkCitations(trx, citations);
    const becomesReviewed = input.status === 'reviewed' && before.status !== 'reviewed';
    const patch = {
      ...(input.question !== undefined ? { question: input.question } : {}),
      ...(input.answer !== undefined ? { answer: input.answer } : {}),
      ...(citations ? { citations: JSON.stringify(citations) } : {}),
      ...(input.tags ? { tags: JSON.stringify(input.tags) } : {}),
      ...(input.topic !== undefined ? { topic: input.topic } : {}),
      ...(input.status ? { status: input.status } : {}),
      ...(becomesReviewed ? { reviewed_by: actor.principal!.id, reviewed_at: at } : {}),
      updated_by: actor.principal!.id,
      updated_at: at,
      revision: Number(before.revision) + 1,
    };
    await trx.updateTable('knowledge_qa').set(patch).where('id', '=', id).execute();
    const after = (await findQa(trx, id))!;
    const what = input.status && input.status !== before.status ? `（${before.status} → ${input.status}）` : '';
    await audit(trx, actor, at, 'knowledge.qa.update', 'knowledge_qa', id, before.region_id, `修改问答${what}：${after.question.slice(0, 40)}`, qaSnapshot(before), qaSnapshot(after));
    await bumpVersion(trx, at);
  });
  engine.invalidate();
  return getQa(ctx, engine, actor, id);
}

export async function deleteQa(ctx: AppContext, engine: KnowledgeEngine, actor: Actor, id: string) {
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findQa(trx, id);
    if (!before) throw notFound('问答');
    await trx.deleteFrom('knowledge_qa').where('id', '=', id).execute();
    await audit(trx, actor, at, 'knowledge.qa.delete', 'knowledge_qa', id, before.region_id, `删除问答：${before.question.slice(0, 40)}`, qaSnapshot(before), undefined);
    await bumpVersion(trx, at);
  });
  engine.invalidate();
  return { ok: true };
}

export async function audit(
  trx: DbOrTrx,
  actor: Actor,
  at: string,
  action: string,
  entityType: string,
  entityId: string,
  regionId: string,
  summary: string,
  before: unknown,
  after: unknown,
) {
  await insertAudit(trx, {
    at,
    actorId: actor.principal?.id ?? null,
    actorName: actor.principal?.displayName ?? null,
    action,
    entityType,
    entityId,
    regionId,
    summary,
    before,
    after,
    ip: actor.ip,
  });
}
