import { onCaseCreated, type CaseCreatedHook } from '../cases/hooks';
import { recordCaseSignal } from './service';

/** A registered dispute case becomes a `dispute_case` risk signal of its respondent (issue 5: cases feed the risk score). */
export const caseSignalHook: CaseCreatedHook = async (ctx, event) => {
  await ctx.db.transaction().execute((trx) =>
    recordCaseSignal(trx, {
      caseId: event.caseId,
      enterpriseId: event.enterpriseId,
      occurredAt: event.receivedDate,
      workersAffected: event.applicantCount,
      amount: event.amountClaimed || null,
      now: ctx.clock.now(),
    }),
  );
};

/** Idempotent: buildApp may run many times in one process (tests). */
export function registerCaseSignalHook(): void {
  if (!onCaseCreated.includes(caseSignalHook)) onCaseCreated.push(caseSignalHook);
}
