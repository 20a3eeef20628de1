import { z } from 'zod';
import { IsoDate } from '../../../domain/calendar/iso-date';
import type { Action } from '../../../domain/access/policy';
import type { Actor, AppContext } from '../../context';
import type { DbOrTrx } from '../../db';
import { badRequest, notFound } from '../../errors';
import { isoNow } from '../../lib/clock';
import type { FieldProblem } from '../../../domain/rosters/recognition';
import { scopeFilter, whereInScope } from '../../policy/scope';
import { auditActor } from '../audit/actor';
import { insertAudit } from '../audit/repo';

export { IsoDate };
export const IdParams = z.object({ id: z.string().min(1) });
export const YearParam = z.coerce.number().int().min(2000).max(2100);

/** A mediator inside the actor's scope for `action`, or 404. */
export async function findMediator(db: DbOrTrx, actor: Actor, action: Action, id: string) {
  const m = await db.selectFrom('mediators').selectAll().where('id', '=', id).where(whereInScope(scopeFilter(actor.principal, action), { region: 'mediators.region_id', org: 'mediators.org_id' })).executeTakeFirst();
  if (!m) throw notFound('调解员');
  return m;
}

export const problems = (p: FieldProblem[]) => {
  if (p.length) throw badRequest(p[0]!.message, p);
};

/** One audit row in the same transaction as the change. */
export function audit(trx: DbOrTrx, ctx: AppContext, actor: Actor, row: { action: string; entityType: string; entityId: string; regionId: string; summary: string; before?: unknown; after?: unknown }) {
  return insertAudit(trx, { at: isoNow(ctx.clock), ...auditActor(actor), ...row });
}

export const parseList = (s: string): string[] => {
  try {
    const v = JSON.parse(s) as unknown;
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
};
