import type { Kysely } from 'kysely';

// Online mediation sessions (issue 7): scheduled sessions, room messages with a per-room sequence, proposals, presence.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mediation_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('dispute_cases.id'))
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('scheduled_at', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('video_room', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('transcript_document_id', 'text')
    .execute();
  await db.schema.createIndex('mediation_sessions_case').on('mediation_sessions').columns(['case_id', 'scheduled_at']).execute();

  await db.schema
    .createTable('session_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('mediation_sessions.id'))
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('author_role', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('data', 'text')
    .addColumn('client_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_messages_seq').on('session_messages').columns(['session_id', 'seq']).unique().execute();
  // A resent frame (same author and clientId) is the same message: the unique index refuses the copy.
  await db.schema.createIndex('session_messages_client').on('session_messages').columns(['session_id', 'author_id', 'client_id']).unique().execute();

  await db.schema
    .createTable('session_proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('mediation_sessions.id'))
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('applicant_decision', 'text')
    .addColumn('applicant_by', 'text')
    .addColumn('respondent_decision', 'text')
    .addColumn('respondent_by', 'text')
    .addColumn('agreement_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('session_proposals_session').on('session_proposals').columns(['session_id', 'seq']).execute();

  await db.schema
    .createTable('session_presence')
    .addColumn('conn_id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('process_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_presence_session').on('session_presence').columns(['session_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['session_presence', 'session_proposals', 'session_messages', 'mediation_sessions']) await db.schema.dropTable(t).execute();
}
