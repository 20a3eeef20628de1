import { can, type Action } from '../../../domain/access/policy';
import { allowedActions, type AlertAction, type AlertStatus } from '../../../domain/risk/alert-lifecycle';
import type { AuthPrincipal } from '../../context';

export interface AlertRef {
  region_id: string;
  coordinator_user_id: string | null;
  status: string;
  scope: string;
}

const ref = (a: AlertRef) => ({ regionId: a.region_id, assignedUserId: a.coordinator_user_id });
export const canOnAlert = (p: AuthPrincipal | null, action: Action, a: AlertRef) => can(p, action, ref(a));

/** The permission each lifecycle action needs. */
export const ACTION_PERMISSION = { assign: 'alert.assign', assess: 'alert.process', handle: 'alert.process', close: 'alert.close' } as const satisfies Record<AlertAction, Action>;

/** What this user may do with this alert now: sent with every alert so the UI never re-derives it. */
export function abilitiesOf(p: AuthPrincipal | null, a: AlertRef) {
  const allowed = allowedActions(a.status as AlertStatus);
  const may = (action: AlertAction) => allowed.includes(action) && canOnAlert(p, ACTION_PERMISSION[action], a);
  return {
    assign: may('assign'),
    assess: may('assess'),
    handle: may('handle'),
    close: may('close'),
    warningLetter: a.scope === 'enterprise' && canOnAlert(p, 'alert.letter', a),
    adviceLetter: canOnAlert(p, 'alert.letter', a),
  };
}
