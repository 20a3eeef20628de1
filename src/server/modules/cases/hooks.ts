import type { AppContext } from '../../context';

/** What other modules learn when a case is registered (the risk module turns it into a signal). */
export interface CaseCreatedEvent {
  caseId: string;
  caseNo: string;
  enterpriseId: string;
  regionId: string;
  orgId: string;
  receivedDate: string;
  applicantCount: number;
  collective: boolean;
  claimTypes: string[];
  amountClaimed: number;
}

export type CaseCreatedHook = (ctx: AppContext, event: CaseCreatedEvent) => Promise<void> | void;

/** Registered listeners; they run after the creating transaction commits, and a failing one is logged, not fatal. */
export const onCaseCreated: CaseCreatedHook[] = [];

export function registerOnCaseCreated(hook: CaseCreatedHook): () => void {
  onCaseCreated.push(hook);
  return () => {
    const i = onCaseCreated.indexOf(hook);
    if (i >= 0) onCaseCreated.splice(i, 1);
  };
}

export async function runCaseCreatedHooks(ctx: AppContext, event: CaseCreatedEvent): Promise<void> {
  for (const hook of [...onCaseCreated]) {
    try {
      await hook(ctx, event);
    } catch (e) {
      ctx.log.error({ err: e, caseId: event.caseId }, 'onCaseCreated hook failed');
    }
  }
}
