import type { Kysely } from 'kysely';

// Enterprise registry: profile columns that later modules fill (collective contract status, risk level),
// extra contacts, the enterprise timeline, ledger imports, union-establishment targets, and a generic
// jobs table whose lease row lets any replica run (or take over) a background job.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, type] of [
    ['contacts', 'text'], // JSON array of {name, role, phone}
    ['collective_contract_status', 'text'], // filled by the collective-contract module
    ['risk_level', 'text'], // red | orange | yellow | blue, filled by the risk module
    ['union_members_updated_on', 'text'],
    ['headcount_as_of', 'text'],
  ] as const) {
    await db.schema.alterTable('enterprises').addColumn(name, type).execute();
  }
  await db.schema.createIndex('enterprises_name').on('enterprises').columns(['name']).execute();
  // Covering index for name/code substring search within a region (count and page without table reads).
  await db.schema.createIndex('enterprises_search').on('enterprises').columns(['region_id', 'name', 'uscc', 'id']).execute();
  // Covering index for the union-brain roll-up (one index-only scan per region).
  await db.schema
    .createIndex('enterprises_dashboard')
    .on('enterprises')
    .columns(['region_id', 'industry_code', 'size_class', 'union_established', 'headcount', 'union_members', 'is_key', 'collective_contract_status'])
    .execute();
  await db.schema.createIndex('enterprises_industry').on('enterprises').columns(['industry_code', 'region_id']).execute();
  await db.schema.createIndex('enterprises_size').on('enterprises').columns(['size_class', 'region_id']).execute();
  await db.schema.createIndex('enterprises_risk').on('enterprises').columns(['risk_level', 'region_id']).execute();
  await db.schema.createIndex('enterprises_union_on').on('enterprises').columns(['union_established_on']).execute();
  // delta = this record's headcount minus the enterprise's previous record (at write time): the district
  // trend is then a plain SUM per month over an index, with no window function.
  await db.schema.alterTable('headcount_records').addColumn('delta', 'integer').execute();
  await db.schema.createIndex('headcount_asof_region').on('headcount_records').columns(['as_of', 'region_id', 'delta']).execute();

  await db.schema
    .createTable('enterprise_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // e.g. registry.created, case.opened, alert.raised
    .addColumn('module', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('ref_type', 'text')
    .addColumn('ref_id', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .execute();
  await db.schema.createIndex('enterprise_events_ent').on('enterprise_events').columns(['enterprise_id', 'at']).execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text')
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // queued | running | done | failed
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('progress_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_status').on('jobs').columns(['status', 'kind']).execute();

  await db.schema
    .createTable('enterprise_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_key', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('encoding', 'text')
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('valid', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'text', (c) => c.notNull()) // JSON [{row, column, reason}]
    .addColumn('rejected_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('will_insert', 'integer')
    .addColumn('will_update', 'integer')
    .addColumn('inserted', 'integer')
    .addColumn('updated', 'integer')
    .addColumn('unchanged', 'integer')
    .addColumn('error', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enterprise_imports_region').on('enterprise_imports').columns(['region_id', 'created_at']).execute();

  await db.schema
    .createTable('file_blobs')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('content_base64', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('union_targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('target', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('union_targets_region_year', ['region_id', 'year'])
    .execute();
}
