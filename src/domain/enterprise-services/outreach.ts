/**
 * New-enterprise outreach (seed 000 五): enterprises with 10 or more employees registered recently
 * enter the outreach list automatically and are assigned to a service officer who visits them.
 */
export const OUTREACH_MIN_HEADCOUNT = 10;
export const OUTREACH_WINDOW_DAYS = 365;

/** The first registration date inside the window ending `today` (both YYYY-MM-DD). */
export function outreachSince(today: string, windowDays = OUTREACH_WINDOW_DAYS): string {
  const t = Date.parse(`${today}T00:00:00Z`) - windowDays * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function qualifiesForOutreach(e: { headcount: number | null; registered_on: string | null }, since: string): boolean {
  return (e.headcount ?? 0) >= OUTREACH_MIN_HEADCOUNT && !!e.registered_on && e.registered_on >= since;
}

export type OutreachStatus = 'unassigned' | 'assigned' | 'visited';
export const OUTREACH_STATUS_LABELS = { unassigned: '待分派', assigned: '待走访', visited: '已走访' } as const satisfies Record<OutreachStatus, string>;
