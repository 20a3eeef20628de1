import type { Kysely } from 'kysely';

// Registry performance (issue 3, list p95 and import time with 100,000 enterprises):
// - `enterprises_region (region_id, name)` is dropped: `enterprises_search (region_id, name, uscc, id)` begins with
//   the same columns and serves every query it served; one index fewer to maintain on each insert (bulk import).
// - `enterprises_name (name)` becomes `(name, uscc, region_id)`: the list ordered by name walks it and tests a
//   1–2-character name/code substring (no trigram: LIKE) and the region scope on the index entry, reading the
//   table row only for matches — half the time of a 2-character search that matches few rows.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('enterprises_region').ifExists().execute();
  await db.schema.dropIndex('enterprises_name').ifExists().execute();
  await db.schema.createIndex('enterprises_name').on('enterprises').columns(['name', 'uscc', 'region_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('enterprises_name').execute();
  await db.schema.createIndex('enterprises_name').on('enterprises').columns(['name']).execute();
  await db.schema.createIndex('enterprises_region').on('enterprises').columns(['region_id', 'name']).execute();
}
