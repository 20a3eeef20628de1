import type { Actor, AppContext } from '../../context';

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

/** A change other modules react to (the portal turns it into inbox messages and SMS to the parties). */
export interface CaseChangedEvent {
  caseId: string;
  caseNo: string;
  regionId: string;
  enterpriseId: string;
  /** A case action (accept_mediation, reach_agreement, …) or 'agreement' when an agreement is registered. */
  action: string;
  fromStatus?: string;
  toStatus?: string;
  agreementId?: string;
  requiresConfirmation?: boolean;
  /** The words the parties read, when the action's standard wording is not enough (e.g. a session's time). */
  message?: string;
  actorId: string | null;
  actorName: string | null;
  /** The acting user (in-process only), for listeners that act on their behalf (e.g. generating a document). */
  actor?: Actor;
}

export type CaseChangedHook = (ctx: AppContext, event: CaseChangedEvent) => Promise<void> | void;

/** Listeners run after the changing transaction commits; a failing one is logged, not fatal. */
export const onCaseChanged: CaseChangedHook[] = [];

export function registerOnCaseChanged(hook: CaseChangedHook): () => void {
  if (!onCaseChanged.includes(hook)) onCaseChanged.push(hook);
  return () => {
    const i = onCaseChanged.indexOf(hook);
    if (i >= 0) onCaseChanged.splice(i, 1);
  };
}

export async function runCaseChangedHooks(ctx: AppContext, event: CaseChangedEvent): Promise<void> {
  for (const hook of [...onCaseChanged]) {
    try {
      await hook(ctx, event);
    } catch (e) {
      ctx.log.error({ err: e, caseId: event.caseId }, 'onCaseChanged hook failed');
    }
  }
}
