import { parseCitation } from '../../../domain/knowledge/citation';
import { defaultSynonyms, resolveLaw } from '../../../domain/knowledge/synonyms';
import type { Trx } from '../../db';
import { bumpVersion } from '../knowledge/repo';

/** "劳动合同法第四十七条" → {lawId, articleNo} against the current laws of the knowledge base; unknown ones are dropped. */
async function resolveCitations(trx: Trx, cited: readonly string[]) {
  const laws = (await trx.selectFrom('knowledge_laws').select(['law_key', 'title', 'short_title']).where('is_current', '=', 1).execute()).map((l) => ({
    id: l.law_key,
    title: l.title,
    shortTitle: l.short_title,
  }));
  const syn = defaultSynonyms();
  const out: { lawId: string; articleNo: number }[] = [];
  for (const text of cited) {
    const c = parseCitation(text);
    const lawId = c?.lawHint ? resolveLaw(syn, laws, c.lawHint) : undefined;
    if (c && lawId && !out.some((o) => o.lawId === lawId && o.articleNo === c.articleNo)) out.push({ lawId, articleNo: c.articleNo });
  }
  return out;
}

/**
 * A published (anonymised) typical case is also a reviewed entry of the knowledge base, so the public
 * consultation search finds it beside the official cases; the version bump makes every process re-index.
 */
export async function syncPublishedCase(
  trx: Trx,
  p: { id: string; regionId: string; title: string; facts: string; holding: string; citedArticles: readonly string[]; by: string | null; at: string },
): Promise<void> {
  const id = `published-${p.id}`;
  const citations = JSON.stringify(await resolveCitations(trx, p.citedArticles));
  const existing = await trx.selectFrom('knowledge_cases').select(['id', 'revision']).where('id', '=', id).executeTakeFirst();
  if (existing) {
    await trx
      .updateTable('knowledge_cases')
      .set({ title: p.title, facts: p.facts, holding: p.holding, citations, updated_at: p.at, revision: existing.revision + 1 })
      .where('id', '=', id)
      .execute();
  } else {
    await trx
      .insertInto('knowledge_cases')
      .values({
        id,
        title: p.title,
        facts: p.facts,
        holding: p.holding,
        citations,
        source: 'published',
        collection: '本平台调解典型案例',
        issuer: null,
        status: 'reviewed',
        region_id: p.regionId,
        created_by: p.by,
        created_at: p.at,
        updated_at: p.at,
        revision: 1,
      })
      .execute();
  }
  await bumpVersion(trx, p.at);
}

export async function removePublishedCase(trx: Trx, publishedId: string, at: string): Promise<void> {
  await trx.deleteFrom('knowledge_cases').where('id', '=', `published-${publishedId}`).execute();
  await bumpVersion(trx, at);
}
