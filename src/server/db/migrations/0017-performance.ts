import { sql, type Kysely } from 'kysely';

// Performance (issues 3 and 5):
// - substring search on enterprise name / credit code through a trigram index: an FTS5 `trigram` table kept in
//   step by triggers on SQLite, `pg_trgm` GIN indexes on PostgreSQL (queries of 3+ characters; shorter ones scan);
// - `enterprises.import_id`: the ledger import that created the enterprise — its "imported" timeline entry is
//   derived from it instead of one enterprise_events row per imported enterprise;
// - import uploads moved to the file store (ctx.files): the `file_blobs` table is dropped.
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = (await sql<{ v: string }>`select version() as v`.execute(db).catch(() => ({ rows: [] as { v: string }[] }))).rows[0]?.v?.startsWith('PostgreSQL') ?? false;
  await db.schema.alterTable('enterprises').addColumn('import_id', 'text').execute();
  await db.schema.dropTable('file_blobs').ifExists().execute();
  // The list sorted by headcount (descending on SQLite walks this index; see enterprises/repo.ts).
  await db.schema.createIndex('enterprises_headcount').on('enterprises').columns(['headcount']).execute();
  if (pg) {
    const available = await sql<{ n: number }>`select count(*)::int as n from pg_available_extensions where name = 'pg_trgm'`.execute(db);
    if (Number(available.rows[0]?.n ?? 0) > 0) {
      await sql`create extension if not exists pg_trgm`.execute(db);
      await sql`create index if not exists enterprises_name_trgm on enterprises using gin (name gin_trgm_ops)`.execute(db);
      await sql`create index if not exists enterprises_uscc_trgm on enterprises using gin (uscc gin_trgm_ops)`.execute(db);
    }
    return;
  }
  // External-content FTS5 over enterprises(rowid), names only (indexing the codes too doubled the cost of a
  // 100,000-row import): the index only, the text stays in enterprises. NB: VACUUM may renumber rowids of a
  // table without an INTEGER PRIMARY KEY — run `insert into enterprises_fts(enterprises_fts) values ('rebuild')` after one.
  await sql`create virtual table enterprises_fts using fts5(name, content='enterprises', content_rowid='rowid', tokenize='trigram')`.execute(db);
  await sql`insert into enterprises_fts(enterprises_fts) values ('rebuild')`.execute(db);
  await sql`create trigger enterprises_fts_ai after insert on enterprises begin
    insert into enterprises_fts(rowid, name) values (new.rowid, new.name); end`.execute(db);
  await sql`create trigger enterprises_fts_ad after delete on enterprises begin
    insert into enterprises_fts(enterprises_fts, rowid, name) values ('delete', old.rowid, old.name); end`.execute(db);
  await sql`create trigger enterprises_fts_au after update of name on enterprises begin
    insert into enterprises_fts(enterprises_fts, rowid, name) values ('delete', old.rowid, old.name);
    insert into enterprises_fts(rowid, name) values (new.rowid, new.name); end`.execute(db);
}
