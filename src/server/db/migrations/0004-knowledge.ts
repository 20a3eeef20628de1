import type { Kysely } from 'kysely';

// Knowledge base: laws (several versions side by side), their articles, Q&A entries (百问百答),
// typical cases, and a version counter that tells every replica to rebuild its search index.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('knowledge_laws')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('law_key', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('short_title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text')
    .addColumn('issuer', 'text')
    .addColumn('effective', 'text')
    .addColumn('note', 'text')
    .addColumn('is_current', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('article_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('knowledge_laws_key').on('knowledge_laws').columns(['law_key', 'version']).unique().execute();

  await db.schema
    .createTable('knowledge_articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('law_id', 'text', (c) => c.notNull().references('knowledge_laws.id'))
    .addColumn('article_no', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('chapter', 'text')
    .addColumn('section', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('knowledge_articles_law').on('knowledge_articles').columns(['law_id', 'article_no']).unique().execute();

  await db.schema
    .createTable('knowledge_qa')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('citations', 'text', (c) => c.notNull()) // JSON [{lawId, articleNo}]
    .addColumn('tags', 'text', (c) => c.notNull()) // JSON string[]
    .addColumn('topic', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('knowledge_qa_status').on('knowledge_qa').columns(['status', 'updated_at']).execute();

  await db.schema
    .createTable('knowledge_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('holding', 'text', (c) => c.notNull())
    .addColumn('citations', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull()) // official | manual
    .addColumn('collection', 'text')
    .addColumn('issuer', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('knowledge_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['knowledge_meta', 'knowledge_cases', 'knowledge_qa', 'knowledge_articles', 'knowledge_laws']) {
    await db.schema.dropTable(t).execute();
  }
}
