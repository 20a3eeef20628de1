import { sql, type Expression, type SqlBool } from 'kysely';
import { scopeOf, type Action, type Principal } from '../../domain/access/policy';
import { forbidden } from '../errors';

/** Which rows of a table a principal may see for an action: the one input to every list query. */
export type ScopeFilter =
  | { kind: 'all' }
  | { kind: 'region'; regionId: string }
  | { kind: 'org'; orgUnitId: string }
  | { kind: 'assigned'; userId: string }
  | { kind: 'own'; userId: string; enterpriseId: string | null };

export function scopeFilter(principal: Principal | null | undefined, action: Action): ScopeFilter {
  const scope = scopeOf(principal, action);
  if (!scope) throw forbidden();
  if (scope === 'public' || scope === 'all') return { kind: 'all' };
  if (!principal) throw forbidden();
  switch (scope) {
    case 'region':
      return { kind: 'region', regionId: principal.regionId };
    case 'org':
      return { kind: 'org', orgUnitId: principal.orgUnitId };
    case 'assigned':
      return { kind: 'assigned', userId: principal.id };
    case 'own':
      return { kind: 'own', userId: principal.id, enterpriseId: principal.enterpriseId ?? null };
  }
}

/** Column names of a table for each kind of scope; a table that lacks one never matches that scope. */
export interface ScopeColumns {
  region?: string;
  org?: string;
  assigned?: string;
  owner?: string;
  enterprise?: string;
}

/**
 * Region ids are digit-only hierarchical codes (a child's id starts with its parent's id), so
 * "in region" is a prefix test written as a range that uses the index on both SQLite and PostgreSQL.
 */
export function regionPrefixCondition(column: string, regionId: string): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.ref(column)} >= ${regionId} and ${sql.ref(column)} <= ${regionId + '9'.repeat(12)})`;
}

const NEVER = sql<SqlBool>`1 = 0`;
const ALWAYS = sql<SqlBool>`1 = 1`;

export function whereInScope(filter: ScopeFilter, cols: ScopeColumns): Expression<SqlBool> {
  switch (filter.kind) {
    case 'all':
      return ALWAYS;
    case 'region':
      return cols.region ? regionPrefixCondition(cols.region, filter.regionId) : NEVER;
    case 'org':
      return cols.org ? sql<SqlBool>`${sql.ref(cols.org)} = ${filter.orgUnitId}` : NEVER;
    case 'assigned':
      return cols.assigned ? sql<SqlBool>`${sql.ref(cols.assigned)} = ${filter.userId}` : NEVER;
    case 'own': {
      const parts: Expression<SqlBool>[] = [];
      if (cols.owner) parts.push(sql<SqlBool>`${sql.ref(cols.owner)} = ${filter.userId}`);
      if (cols.enterprise && filter.enterpriseId)
        parts.push(sql<SqlBool>`${sql.ref(cols.enterprise)} = ${filter.enterpriseId}`);
      if (parts.length === 0) return NEVER;
      return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
    }
  }
}
