/**
 * Typical cases (典型案例) in the knowledge base: the public reads reviewed ones; officials enter
 * cases by hand (facts, holding, cited articles), review them and correct them. Official and
 * dispute-module cases are read-only here because their source would overwrite any edit.
 */
import { z } from 'zod';
import { CASE_SOURCES, CASE_SOURCE_LABELS, isHandEntered, type CaseCreate, type CaseUpdate } from '../../../domain/knowledge/entries';
import type { Actor, AppContext } from '../../context';
import { conflict, forbidden, notFound } from '../../errors';
import { isoNow } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import type { KnowledgeEngine } from './engine';
import { caseView } from './presenters';
import { bumpVersion, findCase, type CaseRow } from './repo';
import { EntryListQuery, audit, canEdit, checkCitations, uniqueRefs } from './service';

export const CaseListQuery = EntryListQuery.extend({
  source: z.enum(CASE_SOURCES, { error: '来源只能是 official、published 或 manual' }).optional(),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export async function listCases(ctx: AppContext, engine: KnowledgeEngine, actor: Actor, q: CaseListQuery & PageQuery) {
  const editor = canEdit(actor);
  let query = ctx.db.selectFrom('knowledge_cases');
  // The public sees reviewed cases only, whatever it asks for.
  if (!editor) query = query.where('status', '=', 'reviewed');
  else if (q.status) query = query.where('status', '=', q.status);
  if (q.source) query = query.where('source', '=', q.source);
  if (q.q) query = query.where((eb) => eb.or([eb('title', 'like', `%${q.q}%`), eb('facts', 'like', `%${q.q}%`)]));
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('updated_at', 'desc').orderBy('id').limit(q.pageSize).offset(pageOffset(q)).execute();
  const { laws } = await engine.get();
  return { items: rows.map((r) => caseView(r, laws, editor && isHandEntered(r.source))), total: Number(total), page: q.page, pageSize: q.pageSize };
}

export async function getCase(ctx: AppContext, engine: KnowledgeEngine, actor: Actor, id: string) {
  const row = await findCase(ctx.db, id);
  if (!row || (row.status !== 'reviewed' && !canEdit(actor))) throw notFound('案例');
  return caseView(row, (await engine.get()).laws, canEdit(actor) && isHandEntered(row.source));
}

function caseSnapshot(r: CaseRow) {
  return { title: r.title, facts: r.facts, holding: r.holding, citations: r.citations, source: r.source, status: r.status, revision: r.revision };
}

/** 409 for cases maintained elsewhere, naming where to change them. */
function assertHandEntered(row: CaseRow): void {
  if (isHandEntered(row.source)) return;
  const where = row.source === 'published' ? '请在案件管理中修改或撤回发布' : '它随法规资料包导入，不能在此修改';
  throw conflict(`只能修改或删除手工录入的典型案例；该案例来源为“${CASE_SOURCE_LABELS[row.source as keyof typeof CASE_SOURCE_LABELS] ?? row.source}”，${where}`, {
    source: row.source,
  });
}

export async function createCase(ctx: AppContext, engine: KnowledgeEngine, actor: Actor, input: CaseCreate) {
  if (!actor.principal) throw forbidden();
  const at = isoNow(ctx.clock);
  const id = `case-${newId()}`;
  const citations = uniqueRefs(input.citations);
  await ctx.db.transaction().execute(async (trx) => {
    await checkCitations(trx, citations);
    const row = {
      id,
      title: input.title,
      facts: input.facts,
      holding: input.holding,
      citations: JSON.stringify(citations),
      source: 'manual',
      collection: '手工录入典型案例',
      issuer: null,
      status: input.status,
      region_id: actor.principal!.regionId,
      created_by: actor.principal!.id,
      created_at: at,
      updated_at: at,
      revision: 1,
    };
    await trx.insertInto('knowledge_cases').values(row).execute();
    const what = input.status === 'reviewed' ? '（已审核）' : '（草稿）';
    await audit(trx, actor, at, 'knowledge.case.create', 'knowledge_case', id, row.region_id, `录入典型案例${what}：${input.title.slice(0, 40)}`, undefined, caseSnapshot(row));
    await bumpVersion(trx, at);
  });
  engine.invalidate();
  return getCase(ctx, engine, actor, id);
}

export async function updateCase(ctx: AppContext, engine: KnowledgeEngine, actor: Actor, id: string, input: CaseUpdate) {
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findCase(trx, id);
    if (!before) throw notFound('案例');
    assertHandEntered(before);
    if (input.revision !== undefined && input.revision !== Number(before.revision)) {
      throw conflict(`该案例已被他人修改（当前版本 ${before.revision}），请刷新后再改`, { revision: Number(before.revision) });
    }
    const citations = input.citations ? uniqueRefs(input.citations) : undefined;
    if (citations) await checkCitations(trx, citations);
    await trx
      .updateTable('knowledge_cases')
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.facts !== undefined ? { facts: input.facts } : {}),
        ...(input.holding !== undefined ? { holding: input.holding } : {}),
        ...(citations ? { citations: JSON.stringify(citations) } : {}),
        ...(input.status ? { status: input.status } : {}),
        updated_at: at,
        revision: Number(before.revision) + 1,
      })
      .where('id', '=', id)
      .execute();
    const after = (await findCase(trx, id))!;
    const what = input.status && input.status !== before.status ? `（${before.status} → ${input.status}）` : '';
    await audit(trx, actor, at, 'knowledge.case.update', 'knowledge_case', id, before.region_id, `修改典型案例${what}：${after.title.slice(0, 40)}`, caseSnapshot(before), caseSnapshot(after));
    await bumpVersion(trx, at);
  });
  engine.invalidate();
  return getCase(ctx, engine, actor, id);
}

export async function deleteCase(ctx: AppContext, engine: KnowledgeEngine, actor: Actor, id: string) {
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findCase(trx, id);
    if (!before) throw notFound('案例');
    assertHandEntered(before);
    await trx.deleteFrom('knowledge_cases').where('id', '=', id).execute();
    await audit(trx, actor, at, 'knowledge.case.delete', 'knowledge_case', id, before.region_id, `删除典型案例：${before.title.slice(0, 40)}`, caseSnapshot(before), undefined);
    await bumpVersion(trx, at);
  });
  engine.invalidate();
  return { ok: true };
}
