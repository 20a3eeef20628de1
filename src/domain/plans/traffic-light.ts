import { z } from 'zod';

export const Light = z.enum(['green', 'yellow', 'red', 'grey']);
export type Light = z.infer<typeof Light>;
export const LIGHT_LABELS: Record<Light, string> = { green: '达标', yellow: '预警', red: '滞后', grey: '无目标' };

/** Share of the target below which a light turns from yellow to red. */
export const YELLOW_FLOOR = 0.8;

/**
 * Traffic light of an indicator against its target. Counts accumulate over the year, so they are
 * compared with the target pro rata to the elapsed share of the year (`elapsed`, 0–1; 1 for a past
 * year); rates are compared with the target as it stands. "lower is better" indicators invert the ratio.
 */
export function trafficLight(input: {
  actual: number | null;
  target: number | null;
  measure: 'count' | 'stock' | 'rate';
  direction: 'higher' | 'lower';
  elapsed: number;
}): Light {
  const { actual, target, measure, direction } = input;
  if (actual === null || target === null || target <= 0) return 'grey';
  const expected = measure === 'count' ? target * Math.min(1, Math.max(0, input.elapsed)) : target;
  if (expected <= 0) return 'green';
  const ratio = direction === 'higher' ? actual / expected : actual === 0 ? Infinity : expected / actual;
  if (ratio >= 1) return 'green';
  if (ratio >= YELLOW_FLOOR) return 'yellow';
  return 'red';
}

/** The share of `year` elapsed on `today` (0 before, 1 after). */
export function elapsedShare(year: number, today: string): number {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const t = new Date(`${today}T00:00:00Z`).getTime() + 86400_000;
  return Math.min(1, Math.max(0, (t - start) / (end - start)));
}
