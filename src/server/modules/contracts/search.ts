import type { SelectQueryBuilder } from 'kysely';
import { bm25, highlightSnippet, indexTerms, queryGroups, satisfiesGroups, TOKENIZER_VERSION, type DocStats } from '../../../domain/contracts/search';
import type { DbOrTrx } from '../../db';
import type { Database } from '../../db/schema';

/**
 * The contract search index lives in the database (contract_search_docs / contract_search_terms):
 * it is rewritten in the same transaction as the contract text, so every replica sees the same
 * index at once and nothing has to be rebuilt at start (decisions.md, "Collective contracts: search").
 */
export async function indexContract(db: DbOrTrx, id: string, at: string): Promise<void> {
  const row = await db.selectFrom('collective_contracts').select(['id', 'region_id', 'title', 'text']).where('id', '=', id).executeTakeFirst();
  await db.deleteFrom('contract_search_terms').where('contract_id', '=', id).execute();
  await db.deleteFrom('contract_search_docs').where('contract_id', '=', id).execute();
  if (!row) return;
  const { terms, length } = indexTerms(row.title, row.text ?? '');
  const values = [...terms].map(([term, c]) => ({ contract_id: id, term, region_id: row.region_id, tf: c.tf, title_tf: c.titleTf }));
  for (let i = 0; i < values.length; i += 200) await db.insertInto('contract_search_terms').values(values.slice(i, i + 200)).execute();
  await db.insertInto('contract_search_docs').values({ contract_id: id, region_id: row.region_id, length, tokenizer: TOKENIZER_VERSION, indexed_at: at }).execute();
}

/** Contracts with no index entry, or one built by another tokenizer version (at most `limit`). */
export async function unindexedContracts(db: DbOrTrx, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('collective_contracts as c')
    .leftJoin('contract_search_docs as d', 'd.contract_id', 'c.id')
    .select('c.id')
    .where((eb) => eb.or([eb('d.contract_id', 'is', null), eb('d.tokenizer', '!=', TOKENIZER_VERSION)]))
    .orderBy('c.id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export interface RankedHit {
  id: string;
  score: number;
  terms: string[];
}

type ContractQuery = SelectQueryBuilder<Database, 'collective_contracts', object>;

/**
 * BM25 over the postings of the query's jieba words, restricted to the contracts `scoped` selects
 * (the caller's scope and filters) and to those holding enough words of every query part
 * (`satisfiesGroups`). Returns every matching contract, best first.
 */
export async function rankContracts(db: DbOrTrx, scoped: ContractQuery, q: string): Promise<{ hits: RankedHit[]; terms: string[] }> {
  const groups = queryGroups(q);
  const terms = [...new Set(groups.flat())].slice(0, 20);
  if (terms.length === 0) return { hits: [], terms };
  const [postings, corpus, freq] = await Promise.all([
    db
      .selectFrom('contract_search_terms as t')
      .innerJoin('contract_search_docs as d', 'd.contract_id', 't.contract_id')
      .select(['t.contract_id', 't.term', 't.tf', 't.title_tf', 'd.length'])
      .where('t.term', 'in', terms)
      .where('t.contract_id', 'in', scoped.select('collective_contracts.id'))
      .execute(),
    db.selectFrom('contract_search_docs').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.avg<number>('length').as('avg')]).executeTakeFirstOrThrow(),
    db.selectFrom('contract_search_terms').select((eb) => ['term', eb.fn.countAll<number>().as('df')]).where('term', 'in', terms).groupBy('term').execute(),
  ]);
  const stats = { docCount: Number(corpus.n), avgLength: Number(corpus.avg ?? 1), docFreq: new Map(freq.map((f) => [f.term, Number(f.df)])) };
  const docs = new Map<string, DocStats>();
  for (const p of postings) {
    let d = docs.get(p.contract_id);
    if (!d) docs.set(p.contract_id, (d = { length: Number(p.length), postings: [] }));
    d.postings.push({ term: p.term, tf: Number(p.tf), titleTf: Number(p.title_tf) });
  }
  const hits = [...docs].filter(([, d]) => satisfiesGroups(groups, new Set(d.postings.map((p) => p.term)))).map(([id, d]) => ({ id, score: bm25(d, stats), terms: d.postings.map((p) => p.term) }));
  hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  return { hits, terms };
}

/** The score (already with any phrase bonus) and the highlighted snippet of one hit (body first, else title). */
export function presentHit(hit: RankedHit, title: string, text: string | null) {
  const inBody = text ? highlightSnippet(text, hit.terms) : { snippet: '', highlights: [] };
  const s = inBody.highlights.length ? inBody : highlightSnippet(title, hit.terms);
  return { score: Math.round(hit.score * 1000) / 1000, terms: hit.terms, snippet: s.snippet, highlights: s.highlights };
}
