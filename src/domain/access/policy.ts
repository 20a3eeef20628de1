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
  // Enterprise registry and union-brain dashboards (issue 3). An enterprise user may update its own record,
  // but only the fields in ENTERPRISE_SELF_FIELDS (checked in modules/enterprises/policy.ts).
  'enterprise.create': { admin: 'all', official: 'region' },
  'enterprise.update': { admin: 'all', official: 'region', enterprise: 'own' },
  'enterprise.import': { admin: 'all', official: 'region' },
  'enterprise.export': { admin: 'all', official: 'region', coordinator: 'assigned' },
  'enterprise.reveal': { admin: 'all', official: 'region' },
  'enterprise.dashboard': { admin: 'all', official: 'region', arbitrator: 'region', mediator: 'region', coordinator: 'assigned' },
  'unionTarget.manage': { admin: 'all', official: 'region' },
  'signal.push': { data_provider: 'org' },
  // plans, indicators, cockpit and work reports (issue 12). Units act on a task only when they are its
  // lead (牵头) or partner (配合) unit: that record check lives in modules/plans/policy.ts.
  'plan.read': { admin: 'all', official: 'region', arbitrator: 'region' },
  'plan.manage': { admin: 'all', official: 'region' },
  'plan.report': { official: 'region', arbitrator: 'region' },
  'plan.approve': { official: 'region', arbitrator: 'region' },
  'indicator.read': { admin: 'all', official: 'region', arbitrator: 'region' },
  'indicator.define': { admin: 'all' },
  'indicator.target': { admin: 'all', official: 'region' },
  'indicator.enter': { official: 'region', arbitrator: 'region' },
  'workReport.read': { admin: 'all', official: 'region' },
  'workReport.generate': { admin: 'all', official: 'region' },
  'evaluation.manage': { admin: 'all', official: 'region' },
  'evaluation.score': { official: 'region' },
  // collective contracts, collective negotiation, union building (issue 8). Reviewing a contract also
  // requires the official to belong to the labor department (org unit kind 'hrss'): checked in the service.
  'contract.read': { admin: 'all', official: 'region', enterprise: 'own' },
  'contract.manage': { official: 'region', enterprise: 'own' },
  'contract.review': { official: 'region' },
  'contract.coverage': { admin: 'all', official: 'region' },
  'minimumWage.read': { admin: 'all', official: 'all', enterprise: 'all' },
  'minimumWage.manage': { admin: 'all', official: 'region' },
  'negotiation.read': { admin: 'all', official: 'region', enterprise: 'own' },
  'negotiation.manage': { official: 'region', enterprise: 'own' },
  'unionBuilding.read': { admin: 'all', official: 'region' },
  'unionBuilding.manage': { official: 'region' },
  'unionAssessment.read': { admin: 'all', official: 'region', enterprise: 'own' },
  'unionAssessment.manage': { official: 'region' },
  // Legal consultation (knowledge base and calculators): reading is public; the Q&A entries and
  // typical cases are platform-wide content that officials maintain (see docs/decisions.md).
  'knowledge.read': { public: 'public' },
  'knowledge.edit': { admin: 'all', official: 'all' },
  'calculator.use': { public: 'public' },
  // Enterprise services (issue 11): outreach, policies, recruitment, cultivation, harmony, self-check, salary survey
  'outreach.read': { admin: 'all', official: 'region', coordinator: 'assigned' },
  'outreach.assign': { admin: 'all', official: 'region' },
  'outreach.visit': { admin: 'all', official: 'region', coordinator: 'assigned' },
  'policy.read': { admin: 'all', official: 'region' },
  'policy.publish': { admin: 'all', official: 'region' },
  'policy.inbox': { enterprise: 'own' },
  'recruitment.read': { admin: 'all', official: 'region' },
  'recruitment.manage': { admin: 'all', official: 'region' },
  'cultivation.read': { admin: 'all', official: 'region', coordinator: 'assigned', enterprise: 'own' },
  'cultivation.manage': { admin: 'all', official: 'region', coordinator: 'assigned' },
  'harmony.configure': { admin: 'all', official: 'region' },
  'harmony.read': { admin: 'all', official: 'region', enterprise: 'own' },
  'harmony.selfAssess': { official: 'region', enterprise: 'own' },
  'harmony.review': { admin: 'all', official: 'region' },
  'honours.read': { public: 'public' },
  'selfCheck.answer': { enterprise: 'own' },
  'selfCheck.stats': { admin: 'all', official: 'region' },
  'selfCheck.offerVisit': { official: 'region' },
  'salarySurvey.fill': { enterprise: 'own' },
  'salarySurvey.read': { admin: 'all', official: 'region', enterprise: 'own' },
  'salarySurvey.review': { official: 'region' },
  'salarySurvey.configure': { admin: 'all', official: 'region' },
  'salarySurvey.results': { admin: 'all', official: 'region' },
  // Risk monitoring and early warning (src/server/modules/{signals,risk,alerts}).
  'signal.read': { admin: 'all', official: 'region', coordinator: 'assigned' },
  'signal.file': { official: 'region', coordinator: 'assigned' },
  'signal.import': { official: 'region' },
  'risk.read': { admin: 'all', official: 'region', coordinator: 'assigned' },
  'risk.configure': { admin: 'all' },
  'risk.recompute': { admin: 'all', official: 'region' },
  'alert.read': { admin: 'all', official: 'region', coordinator: 'assigned' },
  'alert.assign': { official: 'region' },
  'alert.process': { official: 'region', coordinator: 'assigned' },
  'alert.close': { official: 'region' },
  'alert.letter': { official: 'region' },
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
  // Rosters and yearly recognition (issue 9): coordinators roster, coverage, 金牌 selection. A coordinator
  // user sees and logs visits on their own roster entry (coordinators.user_id). Reviewers are officials.
  'coordinator.read': { admin: 'all', official: 'region', coordinator: 'assigned' },
  'coordinator.manage': { admin: 'all', official: 'region' },
  'coordinator.visit': { admin: 'all', official: 'region', coordinator: 'assigned' },
  'coordinator.coverage': { admin: 'all', official: 'region' },
  'award.read': { admin: 'all', official: 'region' },
  'award.manage': { admin: 'all', official: 'region' },
  'award.nominate': { admin: 'all', official: 'region' },
  'award.score': { official: 'region' },
  'goldHonours.read': { public: 'public' },
  // mediation organisation standardization assessment; a mediation organisation maintains its own public page
  'mediationAssessment.read': { admin: 'all', official: 'region', mediator: 'org' },
  'mediationAssessment.manage': { admin: 'all', official: 'region' },
  'mediationAssessment.score': { official: 'region' },
  'mediationOrg.publish': { admin: 'all', official: 'region', mediator: 'org' },
  'mediatorRoster.read': { admin: 'all', official: 'region', mediator: 'org' },
  // Mediator development, social organisations, experts and training (issue 9, modules/mediator-dev):
  // officials manage the roster of their region; a mediation organisation designates the mediator of its
  // own cases (企业劳动争议协商调解规定 第二十五条) and its mediators sign up for training events. Experts,
  // competitions and training events are mostly district-level records, so mediators and coordinators read
  // them all (a region prefix would hide the district's records from a street's mediator).
  'mediatorRoster.manage': { admin: 'all', official: 'region' },
  'caseMediator.assign': { admin: 'all', official: 'region', mediator: 'org' },
  'competition.read': { admin: 'all', official: 'region', mediator: 'all' },
  'competition.manage': { admin: 'all', official: 'region' },
  'socialOrg.read': { admin: 'all', official: 'region' },
  'socialOrg.manage': { admin: 'all', official: 'region' },
  'expert.read': { admin: 'all', official: 'region', arbitrator: 'all', mediator: 'all' },
  'expert.manage': { admin: 'all', official: 'region' },
  'trainingEvent.read': { admin: 'all', official: 'region', mediator: 'all', coordinator: 'all' },
  'trainingEvent.manage': { admin: 'all', official: 'region' },
  'trainingEvent.enrol': { admin: 'all', official: 'region', mediator: 'all', coordinator: 'all' },
  // Labor-security supervision (issue 10): credit grades, violations on record, complaints and reports.
  // Enterprises see their own grade and may object to it; complaints are never shown to the enterprise
  // complained about (劳动保障监察条例 第九条: 应当为举报人保密); the credit file is 第二十二条 (守法诚信档案).
  'credit.read': { admin: 'all', official: 'region', enterprise: 'own' },
  'credit.manage': { admin: 'all', official: 'region' },
  'credit.object': { enterprise: 'own' },
  'violation.record': { official: 'region' },
  'complaint.file': { public: 'public' },
  'complaint.read': { admin: 'all', official: 'region', worker: 'own' },
  'complaint.handle': { official: 'region' },
  // Supervision, second part (issue 10): red/black lists (an enterprise sees and appeals its own listing; the
  // listed ones are public, 劳动保障监察条例 第二十二条), 双随机、一公开 plans (results public once published) and
  // construction-project wage supervision (the general contractor confirms its own monthly payrolls).
  'creditList.read': { admin: 'all', official: 'region', enterprise: 'own' },
  'creditList.manage': { admin: 'all', official: 'region' },
  'creditList.appeal': { enterprise: 'own' },
  'creditList.public': { public: 'public' },
  'inspection.manage': { admin: 'all', official: 'region' },
  'inspection.public': { public: 'public' },
  'wage.read': { admin: 'all', official: 'region', enterprise: 'own' },
  'wage.manage': { admin: 'all', official: 'region' },
  'wage.payroll': { official: 'region', enterprise: 'own' },
  // Worker and enterprise portal (issue 7): the parties' self-service; officials reveal a worker's ID number.
  'portal.use': { worker: 'own', enterprise: 'own' },
  'portal.profile.reveal': { admin: 'all', official: 'region' },
  // Online mediation sessions (modules/sessions): the mediators of the case's organisation schedule and run them; the parties and the
  // officials who may read the case join (officials read-only). Record checks go through the case policy.
  'session.schedule': { mediator: 'org' },
  'session.join': { admin: 'all', official: 'region', arbitrator: 'region', mediator: 'org', enterprise: 'own', worker: 'own' },
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
