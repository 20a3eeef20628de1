import { sql, type Expression, type SqlBool } from 'kysely';
import { can, scopeOf, type Action } from '../../../domain/access/policy';
import { allowedActions, type CaseAction, type CaseStatus } from '../../../domain/cases/state-machine';
import type { AuthPrincipal } from '../../context';
import { regionPrefixCondition, scopeFilter, whereInScope } from '../../policy/scope';

/** The record facts the case policy needs. */
export interface CaseRef {
  region_id: string;
  org_id: string;
  enterprise_id: string;
  arbitration_region_id: string | null;
  status: string;
}

/**
 * Which cases a principal may see for an action, as one SQL condition on `dispute_cases`:
 * region (officials, arbitrators — who also see cases transferred to an arbitration committee of their region),
 * org (mediators), own (workers: cases where they are an applicant by account or phone; enterprise users: cases
 * against their enterprise).
 */
export function caseScope(
  p: AuthPrincipal | null,
  action: Action,
  phone?: string | null,
  opts: { regionByPeriod?: 'like' | 'substr' } = {},
): Expression<SqlBool> {
  const filter = scopeFilter(p, action);
  // Statistics over a period: the region test written so that neither planner serves it from the region index
  // steers both to the received-date covering index — one period of the whole region, index-only — instead of the
  // region range (every year of it). PostgreSQL estimates LIKE from column statistics (and then hash-aggregates);
  // SQLite may apply its LIKE optimisation to a digits-only prefix, so it gets substr().
  const base =
    opts.regionByPeriod && filter.kind === 'region'
      ? opts.regionByPeriod === 'like'
        ? sql<SqlBool>`dispute_cases.region_id like ${`${filter.regionId.replace(/[^0-9]/g, '')}%`}`
        : sql<SqlBool>`substr(dispute_cases.region_id, 1, ${filter.regionId.length}) = ${filter.regionId}`
      : whereInScope(filter, { region: 'dispute_cases.region_id', org: 'dispute_cases.org_id', enterprise: 'dispute_cases.enterprise_id' });
  if (filter.kind === 'region' && p?.roles.includes('arbitrator')) {
    return sql<SqlBool>`(${base} or ${regionPrefixCondition('dispute_cases.arbitration_region_id', filter.regionId)})`;
  }
  if (filter.kind === 'own') {
    const applicant = phone
      ? sql<SqlBool>`exists (select 1 from case_applicants a where a.case_id = dispute_cases.id and (a.user_id = ${filter.userId} or a.phone = ${phone}))`
      : sql<SqlBool>`exists (select 1 from case_applicants a where a.case_id = dispute_cases.id and a.user_id = ${filter.userId})`;
    return filter.enterpriseId ? sql<SqlBool>`(${applicant} or ${base})` : applicant;
  }
  return base;
}

/** Record check for one case; `isApplicant` is looked up by the service for the worker's own scope. */
export function canOnCase(p: AuthPrincipal | null, action: Action, c: CaseRef, isApplicant = false): boolean {
  if (!p) return false;
  if (can(p, action, { regionId: c.region_id, orgUnitId: c.org_id, enterpriseId: c.enterprise_id })) return true;
  if (scopeOf(p, action) === 'own' && isApplicant) return true;
  if (p.roles.includes('arbitrator') && c.arbitration_region_id && can(p, action, { regionId: c.arbitration_region_id })) return true;
  return false;
}

/** Decisions of the arbitration committee, taken by arbitrators (or the platform admin), not by mediators. */
const ARBITRATION_ACTIONS: ReadonlySet<CaseAction> = new Set([
  'accept_arbitration',
  'decline_arbitration',
  'arbitral_settlement',
  'make_award',
  'confirm_agreement',
  'reject_review',
  'refer_to_mediation',
]);

export function actionsFor(p: AuthPrincipal | null, c: CaseRef, isApplicant = false): CaseAction[] {
  if (!canOnCase(p, 'case.handle', c, isApplicant)) return [];
  const arbitrationRole = !!p && (p.roles.includes('arbitrator') || p.roles.includes('admin'));
  const mediationRole = !!p && p.roles.some((r) => r === 'mediator' || r === 'official' || r === 'admin');
  return allowedActions(c.status as CaseStatus).filter((a) => (ARBITRATION_ACTIONS.has(a) ? arbitrationRole : mediationRole));
}

/** What this user may do with this case — sent with every case so the UI never re-implements permissions. */
export function caseAbilities(p: AuthPrincipal | null, c: CaseRef, isApplicant = false) {
  const actions = actionsFor(p, c, isApplicant);
  const handle = canOnCase(p, 'case.handle', c, isApplicant);
  return {
    update: handle,
    actions,
    documents: handle,
    agreements: handle,
    revealPii: canOnCase(p, 'case.reveal', c, isApplicant),
    publish: canOnCase(p, 'case.publish', c, isApplicant),
  };
}
