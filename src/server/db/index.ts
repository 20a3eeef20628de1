import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, sql, PostgresDialect, SqliteDialect, type KyselyPlugin, type Transaction } from 'kysely';
import type { Config } from '../config';
import type { Database } from './schema';
import { migrations } from './migrations';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
export type DbOrTrx = Db | Trx;

export interface DatabaseHandle {
  db: Db;
  kind: 'sqlite' | 'postgres';
  /** The better-sqlite3 handle (SQLite only), for the online backup API. */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

// PostgreSQL returns int8/numeric as strings; counts and sums in this codebase fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export function openDatabase(database: Config['database']): DatabaseHandle {
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: database.url, max: 10 });
    // An idle pooled connection that the server drops (restart, failover, pg_terminate_backend) is reported
    // on the pool; without a listener Node would treat it as an uncaught error and stop the process. The pool
    // discards that connection and opens a new one on the next query.
    pool.on('error', (err) => process.emitWarning(`PostgreSQL idle connection closed: ${err.message}`, 'HexieDbWarning'));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  if (database.file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(database.file)), { recursive: true });
  const sqlite = new SQLite(database.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB page cache (default 2 MiB): a 100,000-row ledger commit and the registry's aggregates stay in memory.
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = memory');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new SqliteHandle(sqlite)] });
  return { db, kind: 'sqlite', sqlite, close: () => db.destroy() };
}

/**
 * Carries the better-sqlite3 handle along with a Kysely instance and its transactions (plugins are inherited),
 * so hot bulk paths can reuse prepared statements inside the current transaction — Kysely compiles every
 * multi-row statement anew. SQLite runs on one connection, so the raw statements see and join the open
 * transaction.
 */
class SqliteHandle implements KyselyPlugin {
  constructor(readonly sqlite: SQLite.Database) {}
  transformQuery: KyselyPlugin['transformQuery'] = (args) => args.node;
  transformResult: KyselyPlugin['transformResult'] = async (args) => args.result;
}

/**
 * The better-sqlite3 connection behind a Kysely **transaction** (undefined on PostgreSQL, and outside a transaction:
 * there a raw statement would not wait for Kysely's connection lock and could land inside another request's open
 * transaction).
 */
export function rawSqlite(db: DbOrTrx): SQLite.Database | undefined {
  if (!db.isTransaction) return undefined;
  for (const p of db.getExecutor().plugins) if (p instanceof SqliteHandle) return p.sqlite;
  return undefined;
}

const statementCache = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();
/** A prepared statement of this connection, compiled once and reused. */
export function prepared(sqlite: SQLite.Database, text: string): SQLite.Statement {
  let m = statementCache.get(sqlite);
  if (!m) statementCache.set(sqlite, (m = new Map()));
  let st = m.get(text);
  if (!st) m.set(text, (st = sqlite.prepare(text)));
  return st;
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  // Modules land in parallel branches, so a database may have run 0007 before 0003 arrives: allow it.
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Inserts rows (all with the same keys) — SQLite: one reused prepared statement per row inside the open
 * transaction; PostgreSQL: multi-row statements. `onConflict` names a unique column whose clash skips the row.
 * Returns the rows actually inserted.
 */
export async function insertMany<R extends Record<string, unknown>>(db: DbOrTrx, table: keyof Database & string, rows: R[], opts: { onConflictDoNothing?: string; chunk?: number } = {}): Promise<R[]> {
  if (rows.length === 0) return [];
  const cols = Object.keys(rows[0]!);
  const raw = rawSqlite(db);
  const conflict = opts.onConflictDoNothing ? ` on conflict (${opts.onConflictDoNothing}) do nothing` : '';
  if (raw) {
    const st = prepared(raw, `insert into ${table} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})${conflict}`);
    return rows.filter((r) => st.run(cols.map((c) => r[c] ?? null)).changes > 0);
  }
  const size = opts.chunk ?? Math.max(1, Math.floor(20_000 / cols.length));
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    let q = db.insertInto(table as never).values(chunk as never);
    if (opts.onConflictDoNothing) {
      const key = opts.onConflictDoNothing;
      q = q.onConflict((oc) => oc.column(key as never).doNothing());
      const ids = new Set((await q.returning(sql.ref(`${table}.${cols[0]}`).as('k') as never).execute()).map((r) => (r as { k: unknown }).k));
      out.push(...chunk.filter((r) => ids.has(r[cols[0]!])));
    } else {
      await q.execute();
      out.push(...chunk);
    }
  }
  return out;
}
