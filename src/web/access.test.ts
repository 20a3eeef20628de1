import { describe, expect, it } from 'vitest';
import { GRANTS, can, type Action } from '../domain/access/policy';
import type { Role } from '../domain/access/roles';
import { canAccessPath, homePath, menuFor } from './access';

function meFor(role: Role) {
  const p = { id: 'u', roles: [role], orgUnitId: 'o', regionId: '441999' };
  const abilities = Object.fromEntries((Object.keys(GRANTS) as Action[]).map((a) => [a, can(p, a)]));
  return { abilities, user: { roles: [role] } } as never;
}

describe('web access', () => {
  it.each([
    ['admin', ['workspace', 'cases', 'caseStats', 'mediationOrgs', 'users', 'apiKeys', 'audit']],
    ['official', ['workspace', 'cases', 'caseStats', 'mediationOrgs', 'users']],
    ['mediator', ['workspace', 'cases', 'caseStats', 'mediationOrgs']],
    ['worker', ['workspace', 'cases', 'mediationOrgs']],
    ['data_provider', ['mediationOrgs']],
  ] as const)('%s sees %j', (role, keys) => {
    expect(menuFor(meFor(role)).map((m) => m.key)).toEqual(keys);
  });

  it('guards routes and picks the home page', () => {
    expect(canAccessPath(meFor('mediator'), '/admin/audit')).toBe(false);
    expect(canAccessPath(meFor('admin'), '/admin/audit')).toBe(true);
    expect(homePath({ user: { roles: ['worker'] } } as never)).toBe('/portal');
    expect(homePath({ user: { roles: ['official'] } } as never)).toBe('/workspace');
  });
});
