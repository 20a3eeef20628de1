import type { DbOrTrx } from '../../db';
import { newId } from '../../lib/ids';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import type { AuditQuery } from './schemas';

export interface AuditEntry {
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  regionId?: string | null;
  summary?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

/** Insert-only: there is no update or delete here, and the database refuses them too. */
export async function insertAudit(db: DbOrTrx, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      at: e.at,
      actor_id: e.actorId,
      actor_name: e.actorName,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId ?? null,
      region_id: e.regionId ?? null,
      summary: e.summary ?? null,
      before_json: e.before === undefined ? null : JSON.stringify(e.before),
      after_json: e.after === undefined ? null : JSON.stringify(e.after),
      ip: e.ip ?? null,
    })
    .execute();
}

export async function searchAudit(db: DbOrTrx, q: AuditQuery & PageQuery) {
  let query = db.selectFrom('audit_log');
  if (q.action) query = query.where('action', '=', q.action);
  if (q.entityType) query = query.where('entity_type', '=', q.entityType);
  if (q.entityId) query = query.where('entity_id', '=', q.entityId);
  if (q.actorId) query = query.where('actor_id', '=', q.actorId);
  if (q.actor) query = query.where('actor_name', 'like', `%${q.actor}%`);
  if (q.from) query = query.where('at', '>=', q.from);
  if (q.to) query = query.where('at', '<', q.to.length === 10 ? `${q.to}T99` : q.to);
  const [{ total }] = [await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()];
  const rows = await query.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(q.pageSize).offset(pageOffset(q)).execute();
  return { total: Number(total), rows };
}
