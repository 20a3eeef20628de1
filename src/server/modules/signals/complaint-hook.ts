import type { Trx } from '../../db';
import { onComplaintFiled, type ComplaintFiled } from '../complaints/hooks';
import { recordInternalSignal } from './service';

/**
 * A complaint against a registered enterprise becomes a risk signal: wage complaints count as
 * `wage_arrears_complaint` (they drive COLLECTIVE_WAGE_ARREARS), anything else as `inspection_violation`.
 */
async function complaintSignal(trx: Trx, e: ComplaintFiled): Promise<void> {
  if (!e.enterpriseId) return;
  const wage = e.issues.some((i) => i === 'wage_arrears' || i === 'minimum_wage');
  await recordInternalSignal(trx, {
    source: 'complaints',
    externalId: e.complaintId,
    kind: wage ? 'wage_arrears_complaint' : 'inspection_violation',
    channel: 'complaint',
    enterpriseId: e.enterpriseId,
    occurredAt: e.receivedOn,
    workersAffected: e.workersAffected,
    details: { complaintId: e.complaintId, issues: e.issues },
    actorName: '投诉举报',
    now: new Date(e.at),
  });
}

let registered = false;
/** Idempotent: buildApp may run many times in one process (tests). */
export function registerComplaintSignalHook(): void {
  if (registered) return;
  registered = true;
  // The complaint module runs its hooks inside its own transaction.
  onComplaintFiled.on((trx, e) => complaintSignal(trx as Trx, e));
}
