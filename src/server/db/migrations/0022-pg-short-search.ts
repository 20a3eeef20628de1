import { sql, type Kysely } from 'kysely';

// PostgreSQL: 1–2-character name and credit-code searches, and the headcount order (issue 3, list p95). pg_trgm's GIN index has no
// trigram to look up in a pattern shorter than 3 characters, so `name LIKE '%新桥%'` scanned 100,000 rows. Here
// `hexie_grams(t)` is the set of every character and every pair of adjacent characters of a text, and a GIN index
// on it answers `hexie_grams(name) @> array['新桥']` — true exactly when '新桥' is a substring of name, like LIKE
// (both case-sensitive; the application upper-cases a code-like term for `uscc`). SQLite has its FTS5 bigram
// index (migration 0020); this migration does nothing there.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = (await sql<{ v: string }>`select version() as v`.execute(db).catch(() => ({ rows: [] as { v: string }[] }))).rows[0]?.v?.startsWith('PostgreSQL') ?? false;
  if (!pg) return;
  await sql
    .raw(
      `create or replace function hexie_grams(t text) returns text[] language sql immutable strict parallel safe as $$
         select coalesce(array_agg(distinct g), '{}'::text[]) from (
           select substr(t, i, 1) as g from generate_series(1, char_length(t)) as i
           union all
           select substr(t, i, 2) from generate_series(1, char_length(t) - 1) as i
         ) s
       $$`,
    )
    .execute(db);
  await sql.raw(`create index enterprises_name_grams on enterprises using gin (hexie_grams(name))`).execute(db);
  await sql.raw(`create index enterprises_uscc_grams on enterprises using gin (hexie_grams(uscc))`).execute(db);
  // The list sorted by headcount, largest first: ORDER BY headcount DESC NULLS LAST, id read from the index and
  // stopped after one page instead of sorting every matching row (the slowest list shape on PostgreSQL).
  await sql.raw(`create index enterprises_headcount_desc on enterprises (headcount desc nulls last, id)`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const pg = (await sql<{ v: string }>`select version() as v`.execute(db).catch(() => ({ rows: [] as { v: string }[] }))).rows[0]?.v?.startsWith('PostgreSQL') ?? false;
  if (!pg) return;
  await sql.raw(`drop index if exists enterprises_headcount_desc`).execute(db);
  await sql.raw(`drop index if exists enterprises_uscc_grams`).execute(db);
  await sql.raw(`drop index if exists enterprises_name_grams`).execute(db);
  await sql.raw(`drop function if exists hexie_grams(text)`).execute(db);
}
