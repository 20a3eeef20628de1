import { can, type Principal, type ResourceRef } from '../../../domain/access/policy';
import { ENTERPRISE_SELF_FIELDS } from '../../../domain/enterprise/registry';
import type { EnterpriseRow } from './repo';

export const enterpriseRef = (e: Pick<EnterpriseRow, 'id' | 'region_id' | 'coordinator_user_id'>): ResourceRef => ({
  regionId: e.region_id,
  assignedUserId: e.coordinator_user_id,
  enterpriseId: e.id,
});

/** True when the principal may change only the contact and HR fields (its own enterprise, not an official). */
export function selfServiceOnly(p: Principal, e: EnterpriseRow): boolean {
  const ref = enterpriseRef(e);
  const full = p.roles.some((r) => r !== 'enterprise' && can({ ...p, roles: [r] }, 'enterprise.update', ref));
  return !full && can(p, 'enterprise.update', ref);
}

export function abilitiesFor(p: Principal, e: EnterpriseRow) {
  const ref = enterpriseRef(e);
  const update = can(p, 'enterprise.update', ref);
  return {
    update,
    updateFields: update ? (selfServiceOnly(p, e) ? [...ENTERPRISE_SELF_FIELDS] : 'all') : [],
    reveal: can(p, 'enterprise.reveal', ref),
    assignCoordinator: update && !selfServiceOnly(p, e),
  };
}
