import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { can, scopeOf, type Principal } from './policy';
import { ROLES } from './roles';

const official: Principal = { id: 'u1', roles: ['official'], orgUnitId: 'ou-hrss', regionId: '330199' };
const streetOfficial: Principal = { ...official, id: 'u2', regionId: '330199003' };
const mediator: Principal = { id: 'u3', roles: ['mediator'], orgUnitId: 'ou-med-1', regionId: '330199003' };
const coordinator: Principal = { id: 'u4', roles: ['coordinator'], orgUnitId: 'ou-union', regionId: '330199' };
const enterprise: Principal = {
  id: 'u5',
  roles: ['enterprise'],
  orgUnitId: 'ou-ent',
  regionId: '330199003',
  enterpriseId: 'e1',
};

describe('can()', () => {
  it.each([
    [official, 'enterprise.read', { regionId: '330199003001' }, true],
    [streetOfficial, 'enterprise.read', { regionId: '330199003001' }, true],
    [streetOfficial, 'enterprise.read', { regionId: '330199004' }, false],
    [coordinator, 'enterprise.read', { regionId: '330199003', assignedUserId: 'u4' }, true],
    [coordinator, 'enterprise.read', { regionId: '330199003', assignedUserId: 'other' }, false],
    [enterprise, 'enterprise.read', { enterpriseId: 'e1' }, true],
    [enterprise, 'enterprise.read', { enterpriseId: 'e2' }, false],
    [mediator, 'audit.read', undefined, false],
    [null, 'region.read', undefined, true],
    [null, 'enterprise.read', { regionId: '330199' }, false],
  ] as const)('%#', (p, action, resource, expected) => {
    expect(can(p, action, resource)).toBe(expected);
  });

  it('scopeOf picks the widest scope across roles', () => {
    expect(scopeOf({ ...coordinator, roles: ['coordinator', 'official'] }, 'enterprise.read')).toBe('region');
    expect(scopeOf(null, 'audit.read')).toBeUndefined();
  });

  it('a region-scoped user never gets a record outside their region (property)', () => {
    const code = fc.stringMatching(/^330199[0-9]{3}$/);
    fc.assert(
      fc.property(code, code, fc.constantFrom(...ROLES), (userRegion, recordRegion, role) => {
        const p: Principal = { id: 'x', roles: [role], orgUnitId: 'o', regionId: userRegion };
        if (scopeOf(p, 'enterprise.read') === 'region') {
          expect(can(p, 'enterprise.read', { regionId: recordRegion })).toBe(recordRegion.startsWith(userRegion));
        }
      }),
    );
  });
});
