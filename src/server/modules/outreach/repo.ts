import type { DbOrTrx } from '../../db';

export const findAssignment = (db: DbOrTrx, enterpriseId: string) =>
  db.selectFrom('outreach_assignments').selectAll().where('enterprise_id', '=', enterpriseId).executeTakeFirst();

export const listVisits = (db: DbOrTrx, enterpriseId: string) =>
  db.selectFrom('outreach_visits').selectAll().where('enterprise_id', '=', enterpriseId).orderBy('visited_on', 'desc').orderBy('created_at', 'desc').execute();

export const findVisitByRequest = (db: DbOrTrx, requestId: string) =>
  db.selectFrom('outreach_visits').selectAll().where('request_id', '=', requestId).executeTakeFirst();

export const regionNames = async (db: DbOrTrx) =>
  new Map((await db.selectFrom('regions').select(['id', 'name']).execute()).map((r) => [r.id, r.name]));
