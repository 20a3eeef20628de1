import type { DbOrTrx } from '../../db';

export const findPolicy = (db: DbOrTrx, id: string) => db.selectFrom('policies').selectAll().where('id', '=', id).executeTakeFirst();

export async function deliveryCounts(db: DbOrTrx, policyIds: string[]) {
  if (policyIds.length === 0) return new Map<string, { delivered: number; read: number }>();
  const rows = await db
    .selectFrom('policy_deliveries')
    .select((eb) => ['policy_id', eb.fn.countAll<number>().as('delivered'), eb.fn.count<number>('read_at').as('read')])
    .where('policy_id', 'in', policyIds)
    .groupBy('policy_id')
    .execute();
  return new Map(rows.map((r) => [r.policy_id, { delivered: Number(r.delivered), read: Number(r.read) }]));
}
