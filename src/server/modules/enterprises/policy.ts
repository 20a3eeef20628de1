import { can, type Action, type Principal, type ResourceRef } from '../../../domain/access/policy';
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

/**
 * Which permission shows a module's entries on an enterprise's timeline. The timeline gathers
 * what every module knows about the enterprise, so each entry is shown only to those who may
 * read that module's records of the enterprise: the enterprise itself sees its cases, contracts
 * and credit entries, but not the risk signals, alerts or complaints about it. A module not
 * listed here is shown to nobody until it is.
 */
export const TIMELINE_MODULE_ACTIONS = {
  registry: 'enterprise.read',
  cases: 'case.read',
  risk: 'signal.read',
  alerts: 'alert.read',
  complaints: 'complaint.read',
  contracts: 'contract.read',
  credit: 'credit.read',
  wage: 'wage.read',
  rosters: 'coordinator.read',
  services: 'outreach.read',
} as const satisfies Record<string, Action>;
export type TimelineModule = keyof typeof TIMELINE_MODULE_ACTIONS;

export function timelineModules(p: Principal, e: Pick<EnterpriseRow, 'id' | 'region_id' | 'coordinator_user_id'>): TimelineModule[] {
  const ref = enterpriseRef(e);
  return (Object.keys(TIMELINE_MODULE_ACTIONS) as TimelineModule[]).filter((m) => can(p, TIMELINE_MODULE_ACTIONS[m], ref));
}
