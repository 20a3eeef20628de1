import type { Kysely } from 'kysely';

// Risk monitoring: signals, monthly insured headcount, versioned rule sets, alerts and their events,
// and the enterprise's current risk level and score.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('risk_signals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('occurred_day', 'integer', (c) => c.notNull())
    .addColumn('workers_affected', 'integer')
    .addColumn('amount', 'real')
    .addColumn('details', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('api_key_id', 'text')
    .addColumn('filed_by', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  // Idempotence: a (source, externalId) pair is stored once however often it is pushed.
  await db.schema.createIndex('risk_signals_source_ext').on('risk_signals').columns(['source', 'external_id']).unique().execute();
  // Covering index of the recompute: scores are summed per enterprise straight from it, without a sort.
  await db.schema.createIndex('risk_signals_enterprise').on('risk_signals').columns(['enterprise_id', 'occurred_day', 'kind', 'workers_affected', 'amount', 'id']).execute();
  await db.schema.createIndex('risk_signals_day').on('risk_signals').columns(['occurred_day']).execute();
  await db.schema.createIndex('risk_signals_region').on('risk_signals').columns(['region_id', 'occurred_day']).execute();

  await db.schema
    .createTable('insured_headcount')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('month_index', 'integer', (c) => c.notNull())
    .addColumn('insured_count', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('insured_headcount_ent_month').on('insured_headcount').columns(['enterprise_id', 'month_index']).unique().execute();
  await db.schema.createIndex('insured_headcount_month').on('insured_headcount').columns(['month_index', 'region_id']).execute();

  await db.schema
    .createTable('risk_rule_sets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('risk_rule_sets_version').on('risk_rule_sets').columns(['region_id', 'version']).unique().execute();

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scope', 'text', (c) => c.notNull()) // enterprise | regional
    .addColumn('enterprise_id', 'text', (c) => c.references('enterprises.id'))
    .addColumn('region_id', 'text', (c) => c.notNull())
    // Set while the alert is not closed (the enterprise id, or `region:<street>`); unique, so there is
    // at most one open alert per enterprise or street. NULLs never collide on SQLite or PostgreSQL.
    .addColumn('open_key', 'text', (c) => c.unique())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('coordinator_user_id', 'text')
    .addColumn('assignee_kind', 'text')
    .addColumn('assignee_user_id', 'text')
    .addColumn('assignee_org_unit_id', 'text')
    .addColumn('assignee_name', 'text')
    .addColumn('findings', 'text')
    .addColumn('actions_taken', 'text')
    .addColumn('result', 'text')
    .addColumn('escalation', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('escalated_for', 'text')
    .addColumn('due_at', 'text')
    .addColumn('opened_at', 'text', (c) => c.notNull())
    // Time limits count from when the alert reached its current level (opened, or raised later).
    .addColumn('level_since', 'text', (c) => c.notNull())
    .addColumn('assessed_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('alerts_region_status').on('alerts').columns(['region_id', 'status', 'level']).execute();
  await db.schema.createIndex('alerts_enterprise').on('alerts').columns(['enterprise_id', 'opened_at']).execute();
  await db.schema.createIndex('alerts_coordinator').on('alerts').columns(['coordinator_user_id', 'status']).execute();
  await db.schema.createIndex('alerts_due').on('alerts').columns(['status', 'due_at']).execute();

  await db.schema
    .createTable('alert_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id'))
    .addColumn('enterprise_id', 'text')
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('note', 'text')
    .addColumn('data', 'text')
    .execute();
  await db.schema.createIndex('alert_events_alert').on('alert_events').columns(['alert_id', 'at']).execute();
  await db.schema.createIndex('alert_events_enterprise').on('alert_events').columns(['enterprise_id', 'at']).execute();

  // risk_level and its index come from 0002-enterprise-registry; the risk module writes 'none' for no risk.
  await db.updateTable('enterprises' as never).set({ risk_level: 'none' } as never).where('risk_level' as never, 'is', null).execute();
  await db.schema.alterTable('enterprises').addColumn('risk_score', 'real', (c) => c.notNull().defaultTo(0)).execute();
}
