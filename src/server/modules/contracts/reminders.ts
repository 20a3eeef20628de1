import { z } from 'zod';
import { can } from '../../../domain/access/policy';
import type { Actor, AppContext } from '../../context';
import { conflict, forbidden, notFound } from '../../errors';
import { isoNow } from '../../lib/clock';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { scopeFilter, whereInScope } from '../../policy/scope';
import { insertAudit } from '../audit/repo';
import { audit } from './service';

export const ReminderQuery = z.object({
  /** open (default): not dismissed; all: every reminder. */
  state: z.enum(['open', 'all']).default('open'),
  kind: z.enum(['expiring', 'expired']).optional(),
});
export type ReminderQuery = z.infer<typeof ReminderQuery>;

const COLS = { region: 'r.region_id', enterprise: 'r.enterprise_id' } as const;

/** Renewal reminders raised by the contract job, in the caller's scope, newest first, with the renewal state. */
export async function listReminders(ctx: AppContext, actor: Actor, q: ReminderQuery & PageQuery) {
  const filter = scopeFilter(actor.principal, 'contract.read');
  let query = ctx.db.selectFrom('contract_reminders as r').innerJoin('collective_contracts as c', 'c.id', 'r.contract_id').where(whereInScope(filter, COLS));
  if (q.state === 'open') query = query.where('r.dismissed_at', 'is', null);
  if (q.kind) query = query.where('r.kind', '=', q.kind);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .select(['r.id', 'r.contract_id', 'r.region_id', 'r.enterprise_id', 'r.kind', 'r.term_end', 'r.raised_on', 'r.message', 'r.dismissed_at', 'c.title', 'c.kind as contract_kind'])
    .orderBy('r.raised_on', 'desc')
    .orderBy('r.term_end')
    .orderBy('r.id')
    .limit(q.pageSize)
    .offset(pageOffset(q))
    .execute();
  const ids = rows.map((r) => r.contract_id);
  const negs = ids.length ? await ctx.db.selectFrom('collective_negotiations').select(['id', 'previous_contract_id']).where('previous_contract_id', 'in', ids).execute() : [];
  const ents = ids.length ? await ctx.db.selectFrom('enterprises').select(['id', 'name']).where('id', 'in', [...rows.map((r) => r.enterprise_id ?? ''), '']).execute() : [];
  return {
    items: rows.map((r) => ({
      id: r.id,
      contractId: r.contract_id,
      contractTitle: r.title,
      contractKind: r.contract_kind,
      regionId: r.region_id,
      enterpriseId: r.enterprise_id,
      enterpriseName: ents.find((e) => e.id === r.enterprise_id)?.name ?? null,
      kind: r.kind,
      kindLabel: r.kind === 'expiring' ? '即将期满' : '已期满未续签',
      termEnd: r.term_end,
      raisedOn: r.raised_on,
      message: r.message,
      dismissed: !!r.dismissed_at,
      renewalNegotiationId: negs.find((n) => n.previous_contract_id === r.contract_id)?.id ?? null,
      canDismiss: !r.dismissed_at && can(actor.principal, 'contract.manage', { regionId: r.region_id, enterpriseId: r.enterprise_id }),
    })),
    total: Number(total),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Marks a reminder handled (e.g. renewal agreed off-line); 404 outside the scope, 409 when already dismissed. */
export async function dismissReminder(ctx: AppContext, actor: Actor, id: string) {
  const r = await ctx.db.selectFrom('contract_reminders as r').selectAll('r').where('r.id', '=', id).where(whereInScope(scopeFilter(actor.principal, 'contract.read'), COLS)).executeTakeFirst();
  if (!r) throw notFound('续签提醒');
  if (!can(actor.principal, 'contract.manage', { regionId: r.region_id, enterpriseId: r.enterprise_id })) throw forbidden();
  if (r.dismissed_at) throw conflict('该提醒已处理');
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('contract_reminders').set({ dismissed_at: at, dismissed_by: actor.principal!.id }).where('id', '=', id).where('dismissed_at', 'is', null).execute();
    await insertAudit(trx, { at, ...audit(actor), action: 'contract.reminder.dismiss', entityType: 'contract_reminder', entityId: id, regionId: r.region_id, summary: '续签提醒已处理', after: { contractId: r.contract_id, kind: r.kind } });
  });
  return { id, dismissed: true };
}
