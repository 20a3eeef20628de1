import type { AppContext } from '../context';
import { dayNumber } from '../../domain/risk/signals';
import { currentRuleSet } from '../modules/risk/repo';
import { scoresAreCurrent } from '../modules/risk/score-state';
import { recomputeAll } from '../modules/risk/service';
import type { Job } from './scheduler';

/**
 * The daily full risk recompute: scores decay with every day (half-life) and signals leave the window, so levels
 * are recomputed once per day (China calendar) — and again after a rule-set change made elsewhere. It also
 * renews the stored signal points that same-day signal batches build on (modules/risk/score-state.ts).
 * Checked every 15 minutes; a no-op when today's recompute has already run.
 */
export async function runDailyRiskRecompute(ctx: AppContext): Promise<string> {
  const { rules } = await currentRuleSet(ctx.db);
  if (await scoresAreCurrent(ctx.db, rules, dayNumber(ctx.clock.now()))) return 'up to date';
  const s = await recomputeAll(ctx, { principal: null, ip: null });
  return `recomputed ${s.enterprises} enterprises, ${s.levelChanges} level changes, ${s.opened} alerts opened, ${s.raised} raised in ${s.durationMs} ms`;
}

export const RISK_JOBS: Job[] = [{ name: 'risk-daily-recompute', everyMs: 15 * 60_000, leaseMs: 30 * 60_000, run: runDailyRiskRecompute }];
