import type { Kysely } from 'kysely';

// Plans become editable after creation: the plan carries a version for optimistic locking; every change to its
// sections, tasks and stages bumps it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('plans').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('plans').dropColumn('version').execute();
}
