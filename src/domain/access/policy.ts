import type { Role } from './roles';

/**
 * Who may do what, and over which records: role × action × scope, as data.
 *  - all: every record
 *  - region: records whose region id starts with the user's region id (region ids are hierarchical codes)
 *  - org: records of the user's org unit (e.g. a mediator's organisation)
 *  - assigned: records assigned to the user (e.g. a coordinator's enterprises)
 *  - own: the user's own records (a worker's cases, an enterprise user's enterprise)
 *  - public: anyone, signed in or not
 */
export type Scope = 'public' | 'all' | 'region' | 'org' | 'assigned' | 'own';

const ADMIN_ONLY = { admin: 'all' } as const;

export const GRANTS = {
  'audit.read': ADMIN_ONLY,
  'user.manage': ADMIN_ONLY,
  'user.read': { admin: 'all', official: 'region' },
  'user.reveal': { admin: 'all' },
  'apiKey.manage': ADMIN_ONLY,
  'orgUnit.read': { admin: 'all', official: 'all', arbitrator: 'all', mediator: 'all', coordinator: 'all' },
  'region.read': { public: 'public' },
  'workspace.read': {
    admin: 'all',
    official: 'region',
    arbitrator: 'region',
    mediator: 'org',
    coordinator: 'assigned',
    enterprise: 'own',
    worker: 'own',
  },
  'enterprise.read': {
    admin: 'all',
    official: 'region',
    arbitrator: 'region',
    mediator: 'region',
    coordinator: 'assigned',
    enterprise: 'own',
  },
  'mediationOrg.read': { public: 'public' },
  'signal.push': { data_provider: 'org' },
  // dispute cases and mediation organisations (modules/cases, modules/mediation-orgs)
  'case.read': { admin: 'all', official: 'region', arbitrator: 'region', mediator: 'org', enterprise: 'own', worker: 'own' },
  'case.create': { admin: 'all', official: 'region', mediator: 'org', enterprise: 'own', worker: 'own' },
  'case.handle': { admin: 'all', official: 'region', arbitrator: 'region', mediator: 'org' },
  'case.reveal': { admin: 'all', official: 'region', arbitrator: 'region', mediator: 'org' },
  'case.stats': { admin: 'all', official: 'region', arbitrator: 'region', mediator: 'org' },
  'case.publish': { admin: 'all', official: 'region' },
  'calendar.read': { admin: 'all', official: 'all', arbitrator: 'all', mediator: 'all' },
  'calendar.manage': ADMIN_ONLY,
  'mediationOrg.manage': { admin: 'all', official: 'region' },
} as const satisfies Record<string, Partial<Record<Role | 'public', Scope>>>;

export type Action = keyof typeof GRANTS;

/** The subject of a policy decision: a signed-in user or a machine principal. */
export interface Principal {
  id: string;
  roles: readonly Role[];
  orgUnitId: string;
  regionId: string;
  enterpriseId?: string | null;
}

/** The facts of a record that a decision needs; modules fill what applies. */
export interface ResourceRef {
  regionId?: string | null;
  orgUnitId?: string | null;
  assignedUserId?: string | null;
  ownerUserId?: string | null;
  enterpriseId?: string | null;
}

const BREADTH: Record<Scope, number> = { public: 6, all: 5, region: 4, org: 3, assigned: 2, own: 1 };

/** The widest scope any of the principal's roles grants for an action, or undefined. */
export function scopeOf(principal: Principal | null | undefined, action: Action): Scope | undefined {
  const grants = GRANTS[action] as Partial<Record<Role | 'public', Scope>>;
  let best: Scope | undefined = grants.public;
  if (!principal) return best;
  for (const role of principal.roles) {
    const s = grants[role];
    if (s && (!best || BREADTH[s] > BREADTH[best])) best = s;
  }
  return best;
}

export function isInRegion(recordRegionId: string | null | undefined, userRegionId: string): boolean {
  return !!recordRegionId && recordRegionId.startsWith(userRegionId);
}

/** The single decision point: may this principal perform this action (on this record, if given)? */
export function can(principal: Principal | null | undefined, action: Action, resource?: ResourceRef): boolean {
  const grants = GRANTS[action] as Partial<Record<Role | 'public', Scope>>;
  if (grants.public) return true;
  if (!principal) return false;
  return principal.roles.some((role) => {
    const scope = grants[role];
    if (!scope) return false;
    if (!resource) return true;
    return matches(principal, scope, resource);
  });
}

function matches(p: Principal, scope: Scope, r: ResourceRef): boolean {
  switch (scope) {
    case 'public':
    case 'all':
      return true;
    case 'region':
      return isInRegion(r.regionId, p.regionId);
    case 'org':
      return !!r.orgUnitId && r.orgUnitId === p.orgUnitId;
    case 'assigned':
      return !!r.assignedUserId && r.assignedUserId === p.id;
    case 'own':
      return (
        (!!r.ownerUserId && r.ownerUserId === p.id) ||
        (!!r.enterpriseId && !!p.enterpriseId && r.enterpriseId === p.enterpriseId)
      );
  }
}
