import type { Insertable, Selectable } from 'kysely';
import type { DbOrTrx } from '../../db';
import type { Database, DisputeCaseTable } from '../../db/schema';
import { newId } from '../../lib/ids';

export type CaseRow = Selectable<DisputeCaseTable>;

export const findCase = (db: DbOrTrx, id: string) => db.selectFrom('dispute_cases').selectAll().where('id', '=', id).executeTakeFirst();

export const findCaseByRequest = (db: DbOrTrx, createdBy: string, requestId: string) =>
  db.selectFrom('dispute_cases').selectAll().where('created_by', '=', createdBy).where('request_id', '=', requestId).executeTakeFirst();

export const caseApplicants = (db: DbOrTrx, caseId: string) =>
  db.selectFrom('case_applicants').selectAll().where('case_id', '=', caseId).orderBy('sort').execute();

export const caseClaims = (db: DbOrTrx, caseId: string) =>
  db.selectFrom('case_claims').selectAll().where('case_id', '=', caseId).orderBy('sort').execute();

export const caseEvents = (db: DbOrTrx, caseId: string) =>
  db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();

export const caseDocuments = (db: DbOrTrx, caseId: string) =>
  db.selectFrom('case_documents').selectAll().where('case_id', '=', caseId).orderBy('created_at', 'desc').execute();

export async function isApplicantOf(db: DbOrTrx, caseId: string, userId: string, phone: string | null): Promise<boolean> {
  let q = db.selectFrom('case_applicants').select('id').where('case_id', '=', caseId);
  q = phone ? q.where((eb) => eb.or([eb('user_id', '=', userId), eb('phone', '=', phone)])) : q.where('user_id', '=', userId);
  return !!(await q.executeTakeFirst());
}

export async function nextCaseSeq(db: DbOrTrx, orgId: string, year: number): Promise<number> {
  const r = await db
    .selectFrom('dispute_cases')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('org_id', '=', orgId)
    .where('case_year', '=', year)
    .executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}

export interface NewEvent {
  caseId: string;
  regionId: string;
  at: string;
  onDate: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  data?: unknown;
}

/** Appends to the case timeline (insert-only; the database refuses updates and deletes). */
export async function appendEvent(db: DbOrTrx, e: NewEvent): Promise<void> {
  const r = await db
    .selectFrom('case_events')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('case_id', '=', e.caseId)
    .executeTakeFirst();
  const row: Insertable<Database['case_events']> = {
    id: newId(),
    case_id: e.caseId,
    region_id: e.regionId,
    seq: Number(r?.m ?? 0) + 1,
    at: e.at,
    on_date: e.onDate,
    actor_id: e.actorId,
    actor_name: e.actorName,
    action: e.action,
    from_status: e.fromStatus ?? null,
    to_status: e.toStatus ?? null,
    reason: e.reason ?? null,
    data: e.data === undefined ? null : JSON.stringify(e.data),
  };
  await db.insertInto('case_events').values(row).execute();
}

export const findEnterpriseByUscc = (db: DbOrTrx, uscc: string) =>
  db.selectFrom('enterprises').selectAll().where('uscc', '=', uscc).executeTakeFirst();

export const findOrg = (db: DbOrTrx, id: string) => db.selectFrom('mediation_orgs').selectAll().where('id', '=', id).executeTakeFirst();
