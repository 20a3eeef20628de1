import { sql, type Expression, type Selectable, type SqlBool } from 'kysely';
import type { DbOrTrx } from '../../db';
import type { CollectiveContractTable } from '../../db/schema';
import { newId } from '../../lib/ids';
import type { ScopeFilter } from '../../policy/scope';
import { whereInScope } from '../../policy/scope';

export type ContractRow = Selectable<CollectiveContractTable>;

export const findContract = (db: DbOrTrx, id: string) =>
  db.selectFrom('collective_contracts').selectAll().where('id', '=', id).executeTakeFirst();

export const contractEnterpriseIds = async (db: DbOrTrx, id: string) =>
  (await db.selectFrom('collective_contract_enterprises').select('enterprise_id').where('contract_id', '=', id).execute()).map((r) => r.enterprise_id);

export const isEnterpriseBound = async (db: DbOrTrx, contractId: string, enterpriseId: string) =>
  !!(await db
    .selectFrom('collective_contract_enterprises')
    .select('enterprise_id')
    .where('contract_id', '=', contractId)
    .where('enterprise_id', '=', enterpriseId)
    .executeTakeFirst());

/**
 * Contracts in scope: the region for officials; for an enterprise user, its own contracts and the
 * regional/industry contracts that bind it.
 */
export function contractInScope(filter: ScopeFilter): Expression<SqlBool> {
  if (filter.kind === 'own') {
    if (!filter.enterpriseId) return sql<SqlBool>`1 = 0`;
    return sql<SqlBool>`(collective_contracts.enterprise_id = ${filter.enterpriseId} or exists (select 1 from collective_contract_enterprises cce where cce.contract_id = collective_contracts.id and cce.enterprise_id = ${filter.enterpriseId}))`;
  }
  return whereInScope(filter, { region: 'collective_contracts.region_id' });
}

/** In force on `today`: effective, or under review with the 15 days passed (劳动合同法 第五十四条), and not yet ended. */
export function inForce(today: string, alias = 'collective_contracts'): Expression<SqlBool> {
  const c = (col: string) => sql.ref(`${alias}.${col}`);
  return sql<SqlBool>`((${c('status')} = 'effective' or (${c('status')} = 'under_review' and ${c('review_deadline')} < ${today})) and (${c('term_end')} is null or ${c('term_end')} >= ${today}))`;
}

export async function insertEvent(
  db: DbOrTrx,
  e: { contractId: string; regionId: string; at: string; onDate: string; action: string; actorId: string | null; actorName: string | null; note?: string | null },
): Promise<void> {
  await db
    .insertInto('collective_contract_events')
    .values({ id: newId(), contract_id: e.contractId, region_id: e.regionId, at: e.at, on_date: e.onDate, action: e.action, actor_id: e.actorId, actor_name: e.actorName, note: e.note ?? null })
    .execute();
}

export const contractEvents = (db: DbOrTrx, id: string) =>
  db.selectFrom('collective_contract_events').selectAll().where('contract_id', '=', id).orderBy('at').orderBy('id').execute();

/** The local minimum wage on a date: the most specific region (district, street, park) that sets one. */
export async function minimumWageFor(db: DbOrTrx, regionId: string, date: string) {
  const prefixes = [6, 9, 12].filter((n) => n <= regionId.length).map((n) => regionId.slice(0, n));
  const rows = await db.selectFrom('minimum_wages').selectAll().where('region_id', 'in', prefixes).where('effective_from', '<=', date).execute();
  rows.sort((a, b) => b.region_id.length - a.region_id.length || b.effective_from.localeCompare(a.effective_from));
  return rows[0];
}

export const orgUnitKind = async (db: DbOrTrx, orgUnitId: string) =>
  (await db.selectFrom('org_units').select('kind').where('id', '=', orgUnitId).executeTakeFirst())?.kind;
