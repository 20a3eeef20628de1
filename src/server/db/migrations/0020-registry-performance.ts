import { sql, type Kysely } from 'kysely';

// Registry performance (issue 3, list p95 and import time with 100,000 enterprises):
// - `enterprises_region (region_id, name)` is dropped: `enterprises_search (region_id, name, uscc, id)` begins with
//   the same columns and serves every query it served; one index fewer to maintain on each insert (bulk import).
// - `enterprises_name (name)` becomes `(name, uscc, region_id)`: the list ordered by name walks it and tests a
//   name/code LIKE and the region scope on the index entry, reading the table row only for matches.
// - `enterprises_industry (industry_code, region_id)` becomes `(industry_code, name, region_id)`: an industry's
//   enterprises in name order (page 50 of one industry read 1,000 entries instead of sorting 14,500 rows).
// - `enterprises_risk (risk_level, region_id)` becomes `(risk_level, union_established, region_id)`: the list's
//   risk + union + street filters (and union + park) are counted on the index alone (5.9 → 1.3 ms of SQL).
// - SQLite: `enterprises_grams`, an FTS5 index of the character bigrams of names and credit codes, kept in step by
//   triggers, for 1–2-character searches (see modules/enterprises/grams.ts; the trigram index needs 3 characters).
//   PostgreSQL: see migration 0022 (a GIN index of 1- and 2-character substrings).

/** Positions 1…1000 (GRAM_MAX_CHARS in grams.ts): the triggers' way to walk the characters of a text. */
const SEQ_MAX = 1000;

/** grams.ts gramChar in SQL, for one character expression `c` ('' → U+E000, the end mark). */
const gramChar = (c: string) =>
  `(case when ${c} = '' then char(57344) when unicode(${c}) < 128 and ${c} not glob '[0-9A-Za-z]' then char(57344 + unicode(${c})) else ${c} end)`;

/** grams.ts gramTokens in SQL (token order is irrelevant: no positions are kept). */
const gramTokens = (x: string) =>
  `coalesce((select group_concat(${gramChar(`substr(${x}, n, 1)`)} || ${gramChar(`substr(${x}, n + 1, 1)`)}, ' ') from enterprise_gram_seq where n <= length(${x})), '')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = (await sql<{ v: string }>`select version() as v`.execute(db).catch(() => ({ rows: [] as { v: string }[] }))).rows[0]?.v?.startsWith('PostgreSQL') ?? false;
  await db.schema.dropIndex('enterprises_region').ifExists().execute();
  await db.schema.dropIndex('enterprises_name').ifExists().execute();
  await db.schema.createIndex('enterprises_name').on('enterprises').columns(['name', 'uscc', 'region_id']).execute();
  await db.schema.dropIndex('enterprises_industry').ifExists().execute();
  await db.schema.createIndex('enterprises_industry').on('enterprises').columns(['industry_code', 'name', 'region_id']).execute();
  await db.schema.dropIndex('enterprises_risk').ifExists().execute();
  await db.schema.createIndex('enterprises_risk').on('enterprises').columns(['risk_level', 'union_established', 'region_id']).execute();
  if (pg) return;
  await sql.raw(`create table enterprise_gram_seq (n integer primary key)`).execute(db);
  await sql.raw(`insert into enterprise_gram_seq (n) with recursive c(n) as (select 1 union all select n + 1 from c where n < ${SEQ_MAX}) select n from c`).execute(db);
  await sql.raw(`create virtual table enterprises_grams using fts5(name, uscc, content='', contentless_delete=1, tokenize='ascii', detail=column)`).execute(db);
  await sql.raw(`insert into enterprises_grams (rowid, name, uscc) select rowid, ${gramTokens('name')}, ${gramTokens('uscc')} from enterprises`).execute(db);
  await sql.raw(`create trigger enterprises_grams_ai after insert on enterprises begin
    insert into enterprises_grams (rowid, name, uscc) values (new.rowid, ${gramTokens('new.name')}, ${gramTokens('new.uscc')}); end`).execute(db);
  await sql.raw(`create trigger enterprises_grams_ad after delete on enterprises begin
    delete from enterprises_grams where rowid = old.rowid; end`).execute(db);
  await sql.raw(`create trigger enterprises_grams_au after update of name, uscc on enterprises begin
    delete from enterprises_grams where rowid = old.rowid;
    insert into enterprises_grams (rowid, name, uscc) values (new.rowid, ${gramTokens('new.name')}, ${gramTokens('new.uscc')}); end`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['enterprises_grams_au', 'enterprises_grams_ad', 'enterprises_grams_ai']) await sql.raw(`drop trigger if exists ${t}`).execute(db);
  await sql.raw(`drop table if exists enterprises_grams`).execute(db);
  await sql.raw(`drop table if exists enterprise_gram_seq`).execute(db);
  await db.schema.dropIndex('enterprises_risk').execute();
  await db.schema.createIndex('enterprises_risk').on('enterprises').columns(['risk_level', 'region_id']).execute();
  await db.schema.dropIndex('enterprises_industry').execute();
  await db.schema.createIndex('enterprises_industry').on('enterprises').columns(['industry_code', 'region_id']).execute();
  await db.schema.dropIndex('enterprises_name').execute();
  await db.schema.createIndex('enterprises_name').on('enterprises').columns(['name']).execute();
  await db.schema.createIndex('enterprises_region').on('enterprises').columns(['region_id', 'name']).execute();
}
