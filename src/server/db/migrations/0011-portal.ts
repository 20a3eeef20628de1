import { sql, type Kysely } from 'kysely';

// Worker and enterprise self-service (issue 7, first half): worker profiles with encrypted ID numbers, evidence
// uploaded before the application is submitted, the in-app inbox, one-time codes and confirmations of agreements,
// and satisfaction ratings. Agreements gain a confirmation status (existing ones stay effective).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('case_agreements')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('effective'))
    .execute();
  await db.schema
    .alterTable('case_agreements')
    .addColumn('requires_confirmation', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('case_agreements').addColumn('document_id', 'text').execute();
  await db.schema.alterTable('case_agreements').addColumn('document_sha256', 'text').execute();
  await db.schema.alterTable('case_agreements').addColumn('effective_at', 'text').execute();
  await db.updateTable('case_agreements' as never).set({ effective_at: sql`created_at` } as never).execute();

  await db.schema
    .createTable('worker_profiles')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('real_name', 'text', (c) => c.notNull())
    .addColumn('id_number_enc', 'text', (c) => c.notNull())
    .addColumn('id_number_masked', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Evidence uploaded during the guided form, attached to the case when the application is submitted.
  await db.schema
    .createTable('portal_uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_uploads_user').on('portal_uploads').columns(['user_id', 'created_at']).execute();

  await db.schema
    .createTable('portal_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('case_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('sms', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('portal_messages_user').on('portal_messages').columns(['user_id', 'created_at']).execute();

  await db.schema
    .createTable('agreement_confirm_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('case_agreements.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('consumed_at', 'text')
    .execute();
  await db.schema
    .createIndex('agreement_confirm_codes_user')
    .on('agreement_confirm_codes')
    .columns(['agreement_id', 'user_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('agreement_confirmations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('case_agreements.id'))
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('party', 'text', (c) => c.notNull()) // applicant | respondent
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('document_sha256', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('agreement_confirmations_party')
    .on('agreement_confirmations')
    .columns(['agreement_id', 'party'])
    .unique()
    .execute();

  await db.schema
    .createTable('case_ratings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('dispute_cases.id'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_ratings_party').on('case_ratings').columns(['case_id', 'party']).unique().execute();
  await db.schema.createIndex('case_ratings_org').on('case_ratings').columns(['org_id', 'region_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['case_ratings', 'agreement_confirmations', 'agreement_confirm_codes', 'portal_messages', 'portal_uploads', 'worker_profiles']) {
    await db.schema.dropTable(t).execute();
  }
  for (const c of ['effective_at', 'document_sha256', 'document_id', 'requires_confirmation', 'status']) {
    await db.schema.alterTable('case_agreements').dropColumn(c).execute();
  }
}
