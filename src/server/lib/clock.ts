/** The one source of time for services; tests pass a controllable clock to buildApp. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export const isoNow = (clock: Clock) => clock.now().toISOString();
/** Today's date in China Standard Time (UTC+8), as YYYY-MM-DD: deadlines follow the local calendar. */
export function todayInChina(clock: Clock): string {
  return new Date(clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
export const addMinutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);
