import { sql, type Kysely } from 'kysely';

// Risk incremental scoring (issue 5):
// - `risk_score_state`: each enterprise's decayed signal points (Σ weight × severity × decay over the window) as
//   of the day and rule set recorded in `risk_score_basis` (one row, id 'current'). A full recompute rewrites
//   both; a signal batch on the same day and rules adds its own terms instead of re-reading the window. A
//   derived cache (no region_id): it is rebuilt from risk_signals by every full recompute.
// - the hard-rule signals (wage-arrears complaints, seizures, dispute cases) get a partial covering index, which
//   replaces the general `risk_signals_day` index (every insert paid for it; only the hard-rule scan used it).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('risk_score_state')
    .addColumn('enterprise_id', 'text', (c) => c.primaryKey())
    .addColumn('points', 'double precision', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('risk_score_basis')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('rules_key', 'text', (c) => c.notNull())
    // SQLite: max(rowid) of risk_signals covered by the state; a signal stored any other way invalidates it.
    .addColumn('signals_mark', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`create index risk_signals_hard on risk_signals (occurred_day, enterprise_id, kind, workers_affected, amount, id) where kind in ('wage_arrears_complaint', 'asset_seizure', 'dispute_case')`.execute(db);
  await db.schema.dropIndex('risk_signals_day').ifExists().execute();
}
