import type { Kysely } from 'kysely';

// Collective contracts (issue 8, second pass): the jieba/BM25 inverted index of contract texts, the
// renewal reminders of the scheduled contract job, and the 'expired' status those jobs persist.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('contract_search_docs')
    .addColumn('contract_id', 'text', (c) => c.primaryKey().references('collective_contracts.id'))
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('length', 'integer', (c) => c.notNull())
    .addColumn('tokenizer', 'text', (c) => c.notNull())
    .addColumn('indexed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('contract_search_terms')
    .addColumn('contract_id', 'text', (c) => c.notNull().references('collective_contracts.id'))
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('tf', 'integer', (c) => c.notNull())
    .addColumn('title_tf', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('contract_search_terms_pk', ['contract_id', 'term'])
    .execute();
  await db.schema.createIndex('contract_search_terms_term').on('contract_search_terms').columns(['term', 'contract_id']).execute();

  await db.schema
    .createTable('contract_reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('contract_id', 'text', (c) => c.notNull().references('collective_contracts.id'))
    .addColumn('enterprise_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('term_end', 'text', (c) => c.notNull())
    .addColumn('raised_on', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('dismissed_by', 'text')
    .addColumn('dismissed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // One reminder of each kind per contract term: the job may run any number of times.
  await db.schema.createIndex('contract_reminders_unique').on('contract_reminders').columns(['contract_id', 'kind', 'term_end']).unique().execute();
  await db.schema.createIndex('contract_reminders_region').on('contract_reminders').columns(['region_id', 'raised_on']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('contract_reminders').execute();
  await db.schema.dropTable('contract_search_terms').execute();
  await db.schema.dropTable('contract_search_docs').execute();
}
