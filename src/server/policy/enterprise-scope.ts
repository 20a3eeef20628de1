import type { Action } from '../../domain/access/policy';
import type { Actor } from '../context';
import type { DbOrTrx } from '../db';
import { notFound } from '../errors';
import { scopeFilter, whereInScope, type ScopeColumns } from './scope';

/** How the enterprises table answers each kind of scope. */
export const ENTERPRISE_SCOPE: ScopeColumns = { region: 'enterprises.region_id', assigned: 'enterprises.coordinator_user_id', enterprise: 'enterprises.id' };

/** An enterprise the actor may act on for `action`, or 404 (out of scope never leaks existence). */
export async function getEnterpriseInScope(db: DbOrTrx, actor: Actor, action: Action, id: string) {
  const filter = scopeFilter(actor.principal, action);
  const e = await db.selectFrom('enterprises').selectAll().where('enterprises.id', '=', id).where(whereInScope(filter, ENTERPRISE_SCOPE)).executeTakeFirst();
  if (!e) throw notFound('企业');
  return e;
}
