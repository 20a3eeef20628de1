import { sql, type Kysely } from 'kysely';

// Money and rates were declared `real`: 8-byte floats on SQLite, but 4-byte floats on PostgreSQL (about 7
// significant digits, so 12,345,678.90 yuan came back as 12,345,679). Every `real` column of the platform's
// schema becomes `double precision` on PostgreSQL; SQLite already stores REAL as 8 bytes and is unchanged.
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = (await sql<{ v: string }>`select version() as v`.execute(db).catch(() => ({ rows: [] as { v: string }[] }))).rows[0]?.v?.startsWith('PostgreSQL') ?? false;
  if (!pg) return;
  const cols = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and data_type = 'real'
    order by table_name, column_name`.execute(db);
  for (const c of cols.rows) {
    await sql`alter table ${sql.id(c.table_name)} alter column ${sql.id(c.column_name)} type double precision`.execute(db);
  }
}

export async function down(): Promise<void> {
  // Narrowing back to 4-byte floats would lose precision; not reversed.
}
