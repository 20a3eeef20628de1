import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../context';

/** A periodic job: `run` must be idempotent (it may run again after a crash mid-way). */
export interface Job {
  name: string;
  everyMs: number;
  /** How long a replica may hold the lease before another may take over. */
  leaseMs: number;
  run(ctx: AppContext): Promise<string>;
}

const HOLDER = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;

/**
 * Takes the job's lease row when it is free or expired: one conditional UPDATE, so on PostgreSQL and
 * SQLite alike only one replica wins. Returns false when another replica holds it.
 */
export async function acquireLease(ctx: AppContext, name: string, leaseMs: number, holder = HOLDER): Promise<boolean> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  await ctx.db.insertInto('job_leases').values({ name, holder: null, lease_until: null, last_started_at: null, last_finished_at: null, last_result: null }).onConflict((oc) => oc.column('name').doNothing()).execute();
  const r = await ctx.db
    .updateTable('job_leases')
    .set({ holder, lease_until: until, last_started_at: at })
    .where('name', '=', name)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at), eb('holder', '=', holder)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function releaseLease(ctx: AppContext, name: string, result: string, holder = HOLDER): Promise<void> {
  await ctx.db
    .updateTable('job_leases')
    .set({ lease_until: null, last_finished_at: ctx.clock.now().toISOString(), last_result: result.slice(0, 500) })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .execute();
}

/** Runs a job once if this replica wins the lease; returns its result or undefined when skipped. */
export async function runJobOnce(ctx: AppContext, job: Job, holder = HOLDER): Promise<string | undefined> {
  if (!(await acquireLease(ctx, job.name, job.leaseMs, holder))) return undefined;
  let result = 'error';
  try {
    result = await job.run(ctx);
    return result;
  } catch (e) {
    ctx.log.error({ err: e, job: job.name }, 'job failed');
    result = `error: ${(e as Error).message}`;
    throw e;
  } finally {
    await releaseLease(ctx, job.name, result, holder);
  }
}

/** The in-process scheduler of the server entry: every replica ticks, the lease decides who runs. */
export function startScheduler(ctx: AppContext, jobs: Job[]): () => void {
  const timers = jobs.map((job) =>
    setInterval(() => {
      runJobOnce(ctx, job).catch(() => undefined);
    }, job.everyMs),
  );
  return () => timers.forEach(clearInterval);
}
