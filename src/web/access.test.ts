import { describe, expect, it } from 'vitest';
import { GRANTS, can, type Action } from '../domain/access/policy';
import type { Role } from '../domain/access/roles';
import { canAccessPath, homePath, menuFor } from './access';

function meFor(role: Role) {
  const p = { id: 'u', roles: [role], orgUnitId: 'o', regionId: '441999' };
  const abilities = Object.fromEntries((Object.keys(GRANTS) as Action[]).map((a) => [a, can(p, a)]));
  return { abilities, user: { roles: [role] } } as never;
}

const ADMIN = ['workspace', 'enterprises', 'dashboard', 'outreach', 'recruitment', 'policies', 'cultivation', 'harmony', 'selfCheckResults', 'riskMap', 'alerts', 'signals', 'riskRules', 'cases', 'caseStats', 'mediationOrgs', 'plans', 'cockpit', 'indicators', 'evaluations', 'contracts', 'unionBuilding', 'credit', 'creditLists', 'inspections', 'wage', 'knowledgeQa', 'knowledgeCases', 'coordinators', 'coordinatorCoverage', 'mediationAssessments', 'recognition', 'mediatorRoster', 'mediatorDevelopment', 'trainingEvents', 'socialOrgs', 'experts', 'users', 'apiKeys', 'audit'];
const OFFICIAL = ['workspace', 'enterprises', 'dashboard', 'outreach', 'recruitment', 'policies', 'cultivation', 'harmony', 'selfCheckResults', 'salarySurveyReview', 'riskMap', 'alerts', 'signals', 'cases', 'caseStats', 'mediationOrgs', 'plans', 'cockpit', 'indicators', 'evaluations', 'contracts', 'unionBuilding', 'complaints', 'credit', 'creditLists', 'inspections', 'wage', 'knowledgeQa', 'knowledgeCases', 'coordinators', 'coordinatorCoverage', 'mediationAssessments', 'recognition', 'mediatorRoster', 'mediatorDevelopment', 'trainingEvents', 'socialOrgs', 'experts', 'users'];
const COORDINATOR = ['workspace', 'enterprises', 'dashboard', 'outreach', 'cultivation', 'riskMap', 'alerts', 'signals', 'mediationOrgs', 'coordinators', 'trainingEvents'];
const MEDIATOR = ['workspace', 'enterprises', 'dashboard', 'cases', 'caseStats', 'mediationOrgs', 'mediationAssessments', 'mediatorRoster', 'mediatorDevelopment', 'trainingEvents', 'experts'];
const ENTERPRISE = ['workspace', 'enterprises', 'inbox', 'cultivation', 'harmony', 'selfCheck', 'salarySurvey', 'cases', 'portalCases', 'mediationOrgs', 'contracts', 'creditLists', 'wage'];
const ARBITRATOR = ['workspace', 'enterprises', 'dashboard', 'cases', 'caseStats', 'mediationOrgs', 'plans', 'cockpit', 'indicators', 'experts'];
const WORKER = ['workspace', 'cases', 'portalCases', 'mediationOrgs'];

describe('web access', () => {
  it.each([
    ['admin', ADMIN],
    ['official', OFFICIAL],
    ['coordinator', COORDINATOR],
    ['mediator', MEDIATOR],
    ['enterprise', ENTERPRISE],
    ['arbitrator', ARBITRATOR],
    ['worker', WORKER],
    ['data_provider', ['mediationOrgs']],
  ] as const)('%s sees %j', (role, keys) => {
    expect(menuFor(meFor(role)).map((m) => m.key)).toEqual(keys);
  });

  it('guards routes and picks the home page', () => {
    expect(canAccessPath(meFor('mediator'), '/admin/audit')).toBe(false);
    expect(canAccessPath(meFor('admin'), '/admin/audit')).toBe(true);
    expect(canAccessPath(meFor('mediator'), '/knowledge/qa')).toBe(false);
    expect(canAccessPath(meFor('official'), '/knowledge/qa')).toBe(true);
    expect(canAccessPath(meFor('official'), '/knowledge/cases')).toBe(true);
    expect(canAccessPath(meFor('mediator'), '/knowledge/cases')).toBe(false);
    expect(homePath({ user: { roles: ['worker'] } } as never)).toBe('/portal');
    expect(canAccessPath(meFor('worker'), '/portal/cases/abc')).toBe(true);
    expect(canAccessPath(meFor('enterprise'), '/portal/cases')).toBe(true);
    expect(homePath({ user: { roles: ['official'] } } as never)).toBe('/workspace');
  });
});
