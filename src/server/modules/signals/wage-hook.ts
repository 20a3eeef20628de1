import type { Trx } from '../../db';
import { onWagePaymentMissing, type WagePaymentMissing } from '../complaints/hooks';
import { recordInternalSignal } from './service';

/**
 * A construction project whose monthly wage payment is overdue and unconfirmed becomes a wage-arrears risk signal of
 * its general contractor (保障农民工工资支付条例 第二十七条: 纳入欠薪预警系统). One signal per project and month.
 */
async function wageSignal(trx: Trx, e: WagePaymentMissing): Promise<void> {
  if (!e.enterpriseId) return;
  await recordInternalSignal(trx, {
    source: 'wage-monitor',
    externalId: `${e.projectId}:${e.month}`,
    kind: 'wage_arrears_complaint',
    channel: 'wage_monitor',
    enterpriseId: e.enterpriseId,
    occurredAt: e.at.slice(0, 10),
    workersAffected: null,
    details: { projectId: e.projectId, month: e.month, reason: '工程项目当月工资未按期支付确认' },
    actorName: '欠薪监测',
    now: new Date(e.at),
  });
}

let registered = false;
export function registerWageSignalHook(): void {
  if (registered) return;
  registered = true;
  onWagePaymentMissing.on((trx, e) => wageSignal(trx as Trx, e));
}
