import { runContractLifecycle } from '../modules/contracts/lifecycle';
import type { Job } from './scheduler';

const HOUR = 3600_000;

/**
 * Jobs of the collective-contract module: the 15-day review lapse (劳动合同法 第五十四条) and the end
 * of term are persisted with their events, renewal reminders raised (集体合同规定 第三十八条), and the
 * search index caught up. Hourly; every step is idempotent.
 */
export const CONTRACT_JOBS: Job[] = [{ name: 'contract-lifecycle', everyMs: HOUR, leaseMs: 10 * 60_000, run: runContractLifecycle }];
