/**
 * A mediator's case figures for a year, for the yearly evaluation (考评). The dispute-case module fills
 * this registry when it is merged (`registerMediatorCaseStats(...)`); until then every figure is null
 * and the pages show "待案件模块接入" — the roster never invents numbers.
 */
export interface MediatorCaseStats {
  cases: number | null;
  /** Share of closed cases settled by agreement, percent. */
  successRate: number | null;
  /** Share of cases closed within the statutory time limit, percent. */
  withinLimitRate: number | null;
  /** Mean satisfaction score of the parties (out of 5). */
  satisfaction: number | null;
}

export type MediatorCaseStatsProvider = (mediatorId: string, year: number) => Promise<MediatorCaseStats>;

export const NO_CASE_STATS: MediatorCaseStats = { cases: null, successRate: null, withinLimitRate: null, satisfaction: null };
let provider: MediatorCaseStatsProvider = async () => NO_CASE_STATS;

export function registerMediatorCaseStats(p: MediatorCaseStatsProvider): void {
  provider = p;
}
export const mediatorCaseStats = (mediatorId: string, year: number) => provider(mediatorId, year);
/** Whether a case module has registered a provider (the UI shows "待案件模块接入" otherwise). */
export const caseStatsAvailable = () => provider !== defaultProvider;
const defaultProvider = provider;
