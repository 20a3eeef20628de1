/**
 * Imports the knowledge base into the database: law texts (a new version beside the old ones,
 * the latest effective version current), the official typical cases, and — once, on a fresh
 * database — the Q&A entries shipped in data/knowledge/qa.json. Idempotent: running it again
 * changes nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../db';
import { defaultSynonyms } from '../../../domain/knowledge/synonyms';
import { APP_LAWS_DIR, QA_FILE } from './corpus';
import { CaseFile, LawFile, QaFile, caseDocs, type CaseFileEntry, type Law, type QaEntry } from './documents';
import { NATIONAL_REGION, bumpVersion, insertChunked, lawRowId, readMeta, writeMeta } from './repo';

export interface ImportSources {
  laws: Law[];
  cases: CaseFileEntry[];
  qa: QaEntry[];
}

export interface ImportReport {
  lawsAdded: string[];
  lawsSkipped: number;
  articlesAdded: number;
  casesAdded: number;
  qaSeeded: number;
}

const QA_SEEDED = 'qa_seeded';
/**
 * How many entries of the shipped qa.json have been offered to this database. The file is
 * append-only (new reviewed entries go at the end), so a later release seeds only the entries past
 * this mark: entries officials deleted or edited stay as they are.
 */
const QA_SEEDED_COUNT = 'qa_seeded_count';
/** Databases seeded before the mark existed received the first shipped batch of 203 entries. */
const FIRST_SHIPPED_BATCH = 203;

/** Reads laws.json, cases/cases.json and qa.json (each optional but laws.json). */
export function readSources(lawsDir = APP_LAWS_DIR, qaFile: string | null = QA_FILE): ImportSources {
  const read = (p: string): unknown => JSON.parse(readFileSync(p, 'utf8'));
  const laws = LawFile.parse(read(join(lawsDir, 'laws.json')));
  const casesPath = join(lawsDir, 'cases', 'cases.json');
  const cases = existsSync(casesPath) ? CaseFile.parse(read(casesPath)) : [];
  return { laws, cases, qa: readQa(qaFile) };
}

/** The shipped Q&A entries (empty when the file is absent). */
export function readQa(qaFile: string | null = QA_FILE): ImportSources['qa'] {
  return qaFile && existsSync(qaFile) ? QaFile.parse(JSON.parse(readFileSync(qaFile, 'utf8'))) : [];
}

export const versionOf = (law: Law) => law.version ?? law.effective ?? '1';

export async function importKnowledge(db: Db, at: string, src: ImportSources): Promise<ImportReport> {
  const report: ImportReport = { lawsAdded: [], lawsSkipped: 0, articlesAdded: 0, casesAdded: 0, qaSeeded: 0 };
  await db.transaction().execute(async (trx) => {
    const existing = new Set((await trx.selectFrom('knowledge_laws').select('id').execute()).map((r) => r.id));
    const touched = new Set<string>();
    for (const law of src.laws) {
      const id = lawRowId(law.id, versionOf(law));
      if (existing.has(id)) {
        report.lawsSkipped++;
        continue;
      }
      await trx
        .insertInto('knowledge_laws')
        .values({
          id,
          law_key: law.id,
          version: versionOf(law),
          title: law.title,
          short_title: law.shortTitle,
          kind: law.kind ?? null,
          issuer: law.issuer ?? null,
          effective: law.effective ?? null,
          note: law.note ?? null,
          is_current: 0,
          article_count: law.articles.length,
          region_id: NATIONAL_REGION,
          imported_at: at,
        })
        .execute();
      const rows = law.articles.map((a) => ({
        id: `${id}#${a.no}`,
        law_id: id,
        article_no: a.no,
        label: a.label,
        chapter: a.chapter,
        section: a.section,
        text: a.text,
        region_id: NATIONAL_REGION,
      }));
      await insertChunked(rows, 200, (chunk) => trx.insertInto('knowledge_articles').values(chunk).execute());
      existing.add(id);
      touched.add(law.id);
      report.lawsAdded.push(id);
      report.articlesAdded += rows.length;
    }
    // The current version of a law is the one with the latest effective date (ties: the last imported).
    for (const key of touched) {
      const versions = await trx
        .selectFrom('knowledge_laws')
        .select(['id', 'effective', 'imported_at'])
        .where('law_key', '=', key)
        .execute();
      versions.sort((a, b) => (a.effective ?? '').localeCompare(b.effective ?? '') || a.imported_at.localeCompare(b.imported_at));
      const current = versions[versions.length - 1].id;
      await trx.updateTable('knowledge_laws').set({ is_current: 0 }).where('law_key', '=', key).execute();
      await trx.updateTable('knowledge_laws').set({ is_current: 1 }).where('id', '=', current).execute();
    }

    const knownCases = new Set((await trx.selectFrom('knowledge_cases').select('id').execute()).map((r) => r.id));
    const docs = caseDocs(
      src.cases.filter((c) => !knownCases.has(c.id)),
      src.laws,
      defaultSynonyms(),
    );
    const byId = new Map(src.cases.map((c) => [c.id, c]));
    const caseRows = docs.map((d) => ({
      id: d.id,
      title: d.title,
      facts: d.facts,
      holding: d.holding,
      citations: JSON.stringify(d.citations),
      source: 'official',
      collection: byId.get(d.id)?.collection ?? null,
      issuer: byId.get(d.id)?.issuer ?? null,
      status: 'reviewed',
      region_id: NATIONAL_REGION,
      created_by: null,
      created_at: at,
      updated_at: at,
      revision: 1,
    }));
    await insertChunked(caseRows, 50, (chunk) => trx.insertInto('knowledge_cases').values(chunk).execute());
    report.casesAdded = caseRows.length;

    // Q&A entries are edited in the platform afterwards, so each shipped entry is seeded only once.
    const seededBefore = (await readMeta(trx, QA_SEEDED)) === undefined ? 0 : ((await readMeta(trx, QA_SEEDED_COUNT)) ?? FIRST_SHIPPED_BATCH);
    if (src.qa.length > seededBefore) {
      const knownQa = new Set((await trx.selectFrom('knowledge_qa').select('id').execute()).map((r) => r.id));
      const qaRows = src.qa
        .slice(seededBefore)
        .filter((q) => !knownQa.has(q.id))
        .map((q) => ({
          id: q.id,
          question: q.question,
          answer: q.answer,
          citations: JSON.stringify(q.citations),
          tags: JSON.stringify(q.tags),
          topic: q.topic ?? null,
          status: q.status === 'draft' ? 'draft' : 'reviewed',
          region_id: NATIONAL_REGION,
          created_by: null,
          created_at: at,
          updated_by: null,
          updated_at: at,
          reviewed_by: null,
          reviewed_at: q.status === 'draft' ? null : at,
          revision: 1,
        }));
      await insertChunked(qaRows, 100, (chunk) => trx.insertInto('knowledge_qa').values(chunk).execute());
      await writeMeta(trx, QA_SEEDED, 1, at);
      await writeMeta(trx, QA_SEEDED_COUNT, src.qa.length, at);
      report.qaSeeded = qaRows.length;
    }
    if (report.lawsAdded.length > 0 || report.casesAdded > 0 || report.qaSeeded > 0) await bumpVersion(trx, at);
  });
  return report;
}

/**
 * At start: import everything when the knowledge tables are empty; otherwise only seed the Q&A
 * entries a new release appended to qa.json (two small queries and one file read per start).
 */
export async function importAtFirstStart(
  db: Db,
  at: string,
  load: () => ImportSources = () => readSources(),
  loadQa: () => ImportSources['qa'] = () => readQa(),
): Promise<ImportReport | null> {
  const any = await db.selectFrom('knowledge_laws').select('id').limit(1).executeTakeFirst();
  if (!any) return importKnowledge(db, at, load());
  const qa = loadQa();
  const seeded = (await readMeta(db, QA_SEEDED)) === undefined ? 0 : ((await readMeta(db, QA_SEEDED_COUNT)) ?? FIRST_SHIPPED_BATCH);
  if (qa.length <= seeded) return null;
  return importKnowledge(db, at, { laws: [], cases: [], qa });
}
