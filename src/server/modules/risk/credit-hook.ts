import type { Trx } from '../../db';
import { onCreditGradeChanged, type CreditGradeChanged } from '../complaints/hooks';
import { recompute } from './recompute';
import { currentRuleSet } from './repo';

/** A changed labor-security credit grade rescores the enterprise at once (rule set `creditGradePoints`). */
async function rescore(trx: Trx, e: CreditGradeChanged): Promise<void> {
  const { rules } = await currentRuleSet(trx);
  await recompute(trx, rules, new Date(e.at), { id: null, name: '劳动保障守法诚信等级' }, [e.enterpriseId], { regional: false, newSignals: [] });
}

let registered = false;
/** Idempotent: buildApp may run many times in one process (tests). */
export function registerCreditRiskHook(): void {
  if (registered) return;
  registered = true;
  // The credit module emits the hook inside its own transaction.
  onCreditGradeChanged.on((trx, e) => rescore(trx as Trx, e));
}
