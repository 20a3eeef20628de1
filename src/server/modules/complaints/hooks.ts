import type { DbOrTrx } from '../../db';

/**
 * Outgoing events of labor-security supervision for modules that are wired at merge (the risk module
 * turns a complaint into a risk signal and a missing wage payment into an alert). Handlers run inside
 * the caller's transaction, so what they write commits or rolls back with the change that raised it.
 */
export interface ComplaintFiled {
  complaintId: string;
  regionId: string;
  enterpriseId: string | null;
  employerName: string;
  issues: string[];
  workersAffected: number | null;
  receivedOn: string;
  at: string;
}
export interface WagePaymentMissing {
  projectId: string;
  regionId: string;
  enterpriseId: string | null;
  month: string;
  at: string;
}
export interface CreditGradeChanged {
  enterpriseId: string;
  regionId: string;
  from: string | null;
  to: string;
  at: string;
}

type Handler<T> = (trx: DbOrTrx, event: T) => Promise<void> | void;

function hook<T>() {
  const handlers: Handler<T>[] = [];
  return {
    /** Registers a handler; returns a function that removes it (tests). */
    on(h: Handler<T>): () => void {
      handlers.push(h);
      return () => {
        const i = handlers.indexOf(h);
        if (i >= 0) handlers.splice(i, 1);
      };
    },
    async emit(trx: DbOrTrx, event: T): Promise<void> {
      for (const h of [...handlers]) await h(trx, event);
    },
  };
}

export const onComplaintFiled = hook<ComplaintFiled>();
export const onWagePaymentMissing = hook<WagePaymentMissing>();
export const onCreditGradeChanged = hook<CreditGradeChanged>();
