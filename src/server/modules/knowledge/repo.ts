/**
 * Plain Kysely functions over the knowledge tables (laws in versions, articles, Q&A entries,
 * typical cases, the version counter). No permission checks here.
 */
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db';
import type { KnowledgeCaseTable, KnowledgeQaTable } from '../../db/schema';
import { ArticleRef, type Law } from './documents';

export type QaRow = Selectable<KnowledgeQaTable>;
export type CaseRow = Selectable<KnowledgeCaseTable>;

/** Region code of national texts (laws, the shipped Q&A and official cases). */
export const NATIONAL_REGION = '000000';
export const VERSION_KEY = 'knowledge_version';

export const lawRowId = (lawKey: string, version: string) => `${lawKey}@${version}`;

export function parseRefs(json: string): ArticleRef[] {
  return ArticleRef.array().parse(JSON.parse(json));
}
export function parseTags(json: string): string[] {
  return (JSON.parse(json) as unknown[]).filter((t): t is string => typeof t === 'string');
}

export async function readVersion(db: DbOrTrx): Promise<number> {
  const row = await db.selectFrom('knowledge_meta').select('value').where('key', '=', VERSION_KEY).executeTakeFirst();
  return row ? Number(row.value) : 0;
}

/** Tells every replica (and this one) that the searchable content changed. Call inside the write's transaction. */
export async function bumpVersion(db: DbOrTrx, at: string): Promise<void> {
  const r = await db
    .updateTable('knowledge_meta')
    .set((eb) => ({ value: eb('value', '+', 1), updated_at: at }))
    .where('key', '=', VERSION_KEY)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) {
    await db.insertInto('knowledge_meta').values({ key: VERSION_KEY, value: 1, updated_at: at }).execute();
  }
}

export async function readMeta(db: DbOrTrx, key: string): Promise<number | undefined> {
  const row = await db.selectFrom('knowledge_meta').select('value').where('key', '=', key).executeTakeFirst();
  return row ? Number(row.value) : undefined;
}
export async function writeMeta(db: DbOrTrx, key: string, value: number, at: string): Promise<void> {
  const r = await db.updateTable('knowledge_meta').set({ value, updated_at: at }).where('key', '=', key).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) await db.insertInto('knowledge_meta').values({ key, value, updated_at: at }).execute();
}

/** The current version of every law with its articles, as the search engine reads them. */
export async function loadCurrentLaws(db: DbOrTrx): Promise<Law[]> {
  const laws = await db.selectFrom('knowledge_laws').selectAll().where('is_current', '=', 1).orderBy('id').execute();
  if (laws.length === 0) return [];
  const articles = await db
    .selectFrom('knowledge_articles')
    .select(['law_id', 'article_no', 'label', 'chapter', 'section', 'text'])
    .where(
      'law_id',
      'in',
      laws.map((l) => l.id),
    )
    .orderBy('law_id')
    .orderBy('article_no')
    .execute();
  const byLaw = new Map<string, Law['articles']>();
  for (const a of articles) {
    const list = byLaw.get(a.law_id) ?? [];
    list.push({ no: Number(a.article_no), label: a.label, chapter: a.chapter, section: a.section, text: a.text });
    byLaw.set(a.law_id, list);
  }
  return laws.map((l) => ({
    id: l.law_key,
    title: l.title,
    shortTitle: l.short_title,
    kind: l.kind ?? undefined,
    issuer: l.issuer ?? undefined,
    effective: l.effective ?? undefined,
    version: l.version,
    articles: byLaw.get(l.id) ?? [],
  }));
}

export const listLawRows = (db: DbOrTrx) =>
  db.selectFrom('knowledge_laws').selectAll().orderBy('law_key').orderBy('effective', 'desc').execute();

export const findLawRow = (db: DbOrTrx, lawKey: string, version?: string) => {
  let q = db.selectFrom('knowledge_laws').selectAll().where('law_key', '=', lawKey);
  q = version ? q.where('version', '=', version) : q.where('is_current', '=', 1);
  return q.executeTakeFirst();
};

export const lawArticles = (db: DbOrTrx, lawRowId: string) =>
  db.selectFrom('knowledge_articles').selectAll().where('law_id', '=', lawRowId).orderBy('article_no').execute();

export const findQa = (db: DbOrTrx, id: string) => db.selectFrom('knowledge_qa').selectAll().where('id', '=', id).executeTakeFirst();
export const findCase = (db: DbOrTrx, id: string) =>
  db.selectFrom('knowledge_cases').selectAll().where('id', '=', id).executeTakeFirst();

export const reviewedQa = (db: DbOrTrx) =>
  db.selectFrom('knowledge_qa').selectAll().where('status', '=', 'reviewed').orderBy('id').execute();
export const reviewedCases = (db: DbOrTrx) =>
  db.selectFrom('knowledge_cases').selectAll().where('status', '=', 'reviewed').orderBy('id').execute();

/** Inserts in chunks so a statement stays under the parameter limits of both databases. */
export async function insertChunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}
