import { sql, type Selectable } from 'kysely';
import type { EnterpriseListQuery } from '../../../domain/enterprise/registry';
import type { DbOrTrx } from '../../db';
import { isPostgres } from '../../db/dialect';
import type { EnterpriseTable } from '../../db/schema';
import { regionPrefixCondition, whereInScope, type ScopeFilter } from '../../policy/scope';
import { gramMatch } from './grams';

export type EnterpriseRow = Selectable<EnterpriseTable>;

/** The columns of `enterprises` for each kind of scope (see policy/scope.ts). */
export const ENTERPRISE_SCOPE = { region: 'enterprises.region_id', assigned: 'enterprises.coordinator_user_id', enterprise: 'enterprises.id' } as const;

export const findEnterpriseById = (db: DbOrTrx, id: string) => db.selectFrom('enterprises').selectAll().where('id', '=', id).executeTakeFirst();
export const findEnterpriseByUscc = (db: DbOrTrx, uscc: string) => db.selectFrom('enterprises').selectAll().where('uscc', '=', uscc).executeTakeFirst();

const SORT_COLUMNS = { name: 'name', headcount: 'headcount', registeredOn: 'registered_on', updatedAt: 'updated_at', riskLevel: 'risk_level' } as const;

/** The search text (LIKE wildcards dropped) and whether it may be part of a credit code. */
function searchTerm(q: string) {
  const term = q.replace(/[%_\\]/g, '');
  // A credit code has no Chinese characters: a query with them searches names only.
  return { term, codeLike: /^[0-9A-Za-z]+$/.test(term) };
}

/** A 1–2-character term matching at most this many enterprises is looked up in enterprises_grams; more, LIKE. */
const GRAMS_MAX_MATCHES = 2000;

/**
 * SQLite: the enterprises_grams query for a 1–2-character search term (grams.ts), when the term is rare enough
 * for the index to beat a scan. A term in most names (“公司”, “企”) is read faster by LIKE over the name index —
 * the page stops after its rows, the count scans a covering index — than by 100,000 row lookups.
 */
export async function gramSearch(db: DbOrTrx, q: string | undefined): Promise<string | undefined> {
  if (!q || isPostgres(db as never)) return undefined;
  const { term, codeLike } = searchTerm(q);
  const match = gramMatch(term, !codeLike);
  if (!match) return undefined;
  const r = await sql<{ n: number }>`select count(*) as n from (select rowid from enterprises_grams where enterprises_grams match ${match} limit ${GRAMS_MAX_MATCHES + 1})`.execute(db);
  return Number(r.rows[0]?.n ?? 0) <= GRAMS_MAX_MATCHES ? match : undefined;
}

/**
 * The scoped, filtered enterprise query shared by the list, the export and the dashboards' click-through.
 * `grams`: the result of gramSearch for q.q (SQLite, short terms), else LIKE.
 */
export function filteredEnterprises(db: DbOrTrx, filter: ScopeFilter, q: Partial<EnterpriseListQuery>, grams?: string) {
  let query = db.selectFrom('enterprises').where(whereInScope(filter, ENTERPRISE_SCOPE));
  if (q.q) {
    const { term, codeLike } = searchTerm(q.q);
    if (grams) {
      query = query.where(sql<boolean>`enterprises.rowid in (select rowid from enterprises_grams where enterprises_grams match ${grams})`);
    } else if (isPostgres(db as never) && [...term].length <= 2 && term.length > 0) {
      // PostgreSQL: the GIN index on hexie_grams (migration 0022) holds every 1- and 2-character substring.
      const byName = sql<boolean>`hexie_grams(enterprises.name) @> array[${term}]::text[]`;
      const byCode = sql<boolean>`hexie_grams(enterprises.uscc) @> array[${term.toUpperCase()}]::text[]`;
      query = codeLike ? query.where((eb) => eb.or([byName, byCode])) : query.where(byName);
    } else if (!isPostgres(db as never) && [...term].length >= 3) {
      // SQLite: the FTS5 trigram index (migration 0017) finds the rows containing the substring; PostgreSQL's
      // pg_trgm GIN indexes serve the LIKE below directly. Shorter terms: hexie_grams above.
      const phrase = `"${term.replace(/"/g, '""')}"`;
      const byName = sql<boolean>`enterprises.rowid in (select rowid from enterprises_fts where enterprises_fts match ${phrase})`;
      query = codeLike ? query.where((eb) => eb.or([byName, eb('enterprises.uscc', 'like', `%${term.toUpperCase()}%`)])) : query.where(byName);
    } else {
      query = codeLike
        ? query.where((eb) => eb.or([eb('enterprises.name', 'like', `%${term}%`), eb('enterprises.uscc', 'like', `%${term.toUpperCase()}%`)]))
        : query.where('enterprises.name', 'like', `%${term}%`);
    }
  }
  for (const r of [q.regionId, q.street, q.park]) if (r) query = query.where(regionPrefixCondition('enterprises.region_id', r));
  if (q.industry) query = query.where('enterprises.industry_code', '=', q.industry);
  if (q.size) query = query.where('enterprises.size_class', '=', q.size);
  if (q.union) query = query.where('enterprises.union_established', '=', q.union === 'yes' ? 1 : 0);
  if (q.key) query = query.where('enterprises.is_key', '=', q.key === 'yes' ? 1 : 0);
  if (q.risk === 'none') query = query.where((eb) => eb.or([eb('enterprises.risk_level', 'is', null), eb('enterprises.risk_level', '=', 'none')]));
  else if (q.risk) query = query.where('enterprises.risk_level', '=', q.risk);
  if (q.coordinator) query = query.where('enterprises.coordinator_user_id', '=', q.coordinator);
  if (q.unionYear) query = query.where('enterprises.union_established_on', '>=', `${q.unionYear}-01-01`).where('enterprises.union_established_on', '<=', `${q.unionYear}-12-31`);
  return query;
}

export async function listEnterprises(db: DbOrTrx, filter: ScopeFilter, q: EnterpriseListQuery, limit: number, offset: number) {
  const base = filteredEnterprises(db, filter, q, await gramSearch(db, q.q));
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const col = SORT_COLUMNS[q.sort];
  let ordered = base.selectAll('enterprises');
  // Nulls last in both databases (name is never null, so its index can serve the order), then a stable tiebreak.
  // SQLite sorts nulls first ascending and last descending, so a descending order is plain and an index
  // (e.g. enterprises_headcount) serves it; PostgreSQL does the opposite.
  // PostgreSQL says NULLS LAST itself, which its index on (headcount DESC NULLS LAST, id) serves (migration 0022):
  // the CASE form made it sort every matching row (105 ms → 0.3 ms for 67,000 medium key enterprises).
  const pg = isPostgres(db as never);
  const natural = col === 'name' || (pg ? q.order === 'asc' : q.order === 'desc');
  if (!natural && !pg) ordered = ordered.orderBy(sql`case when ${sql.ref(col)} is null then 1 else 0 end`);
  const rows = await (pg && !natural ? ordered.orderBy(col, (ob) => ob.desc().nullsLast()) : ordered.orderBy(col, q.order))
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
  return { total: Number(total), rows };
}

export async function headcountHistory(db: DbOrTrx, enterpriseId: string) {
  return db.selectFrom('headcount_records').select(['as_of as asOf', 'headcount', 'source']).where('enterprise_id', '=', enterpriseId).orderBy('as_of').execute();
}

export async function regionNames(db: DbOrTrx) {
  const rows = await db.selectFrom('regions').select(['id', 'name', 'level', 'parent_id']).execute();
  return new Map(rows.map((r) => [r.id, r]));
}
