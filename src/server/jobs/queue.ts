import { hostname } from 'node:os';
import type { AppContext } from '../context';
import type { DbOrTrx } from '../db';
import { isoNow } from '../lib/clock';
import { newId } from '../lib/ids';

/**
 * Background jobs stored in the `jobs` table. A worker claims a job by writing its lease (owner + expiry)
 * with a conditional UPDATE, so exactly one replica runs it; a job whose lease expired (its replica died)
 * is claimed again by any worker's next sweep. Job state lives in the database, never in process memory.
 */
export type JobHandler = (job: { id: string; refId: string | null; payload: unknown }, progress: (done: number, total: number) => Promise<void>) => Promise<void>;

const LEASE_MS = 5 * 60_000;
const WORKER_ID = `${hostname()}:${process.pid}:${newId().slice(-6)}`;

export async function enqueueJob(db: DbOrTrx, ctx: Pick<AppContext, 'clock'>, job: { kind: string; refId?: string; regionId: string; payload?: unknown }): Promise<string> {
  const id = newId();
  const at = isoNow(ctx.clock);
  await db
    .insertInto('jobs')
    .values({ id, kind: job.kind, ref_id: job.refId ?? null, region_id: job.regionId, payload: JSON.stringify(job.payload ?? {}), status: 'queued', attempts: 0, progress: 0, progress_total: 0, lease_owner: null, lease_until: null, error: null, created_at: at, updated_at: at })
    .execute();
  return id;
}

export interface JobWorker {
  /** Run queued (or abandoned) jobs now, e.g. right after enqueueing. */
  kick(): void;
  /** Resolves when no job is running in this process (tests, shutdown). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export function startJobWorker(ctx: AppContext, handlers: Record<string, JobHandler>, opts: { pollMs?: number; maxAttempts?: number } = {}): JobWorker {
  const kinds = Object.keys(handlers);
  const maxAttempts = opts.maxAttempts ?? 3;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  async function claimNext(): Promise<{ id: string; kind: string; ref_id: string | null; payload: string } | undefined> {
    const now = isoNow(ctx.clock);
    const candidates = await ctx.db
      .selectFrom('jobs')
      .select(['id', 'kind', 'ref_id', 'payload', 'status', 'attempts'])
      .where('kind', 'in', kinds)
      .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb('lease_until', '<', now)])]))
      .orderBy('created_at')
      .limit(5)
      .execute();
    for (const c of candidates) {
      if (c.attempts >= maxAttempts) {
        await ctx.db.updateTable('jobs').set({ status: 'failed', error: '多次执行失败（租约过期）', updated_at: now }).where('id', '=', c.id).where('status', '=', c.status).execute();
        continue;
      }
      const leaseUntil = new Date(ctx.clock.now().getTime() + LEASE_MS).toISOString();
      const r = await ctx.db
        .updateTable('jobs')
        .set((eb) => ({ status: 'running', lease_owner: WORKER_ID, lease_until: leaseUntil, attempts: eb('attempts', '+', 1), updated_at: now }))
        .where('id', '=', c.id)
        .where('status', '=', c.status)
        .where((eb) => (c.status === 'queued' ? eb('status', '=', 'queued') : eb('lease_until', '<', now)))
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1) return c;
    }
    return undefined;
  }

  async function runOne(job: { id: string; kind: string; ref_id: string | null; payload: string }): Promise<void> {
    const progress = async (done: number, total: number) => {
      const lease = new Date(ctx.clock.now().getTime() + LEASE_MS).toISOString();
      await ctx.db.updateTable('jobs').set({ progress: done, progress_total: total, lease_until: lease, updated_at: isoNow(ctx.clock) }).where('id', '=', job.id).execute();
    };
    try {
      await handlers[job.kind]!({ id: job.id, refId: job.ref_id, payload: JSON.parse(job.payload) as unknown }, progress);
      await ctx.db.updateTable('jobs').set({ status: 'done', lease_owner: null, lease_until: null, updated_at: isoNow(ctx.clock) }).where('id', '=', job.id).execute();
    } catch (err) {
      ctx.log.error({ err, job: job.id }, 'job failed');
      await ctx.db
        .updateTable('jobs')
        .set({ status: 'failed', error: err instanceof Error ? err.message.slice(0, 500) : String(err), lease_owner: null, lease_until: null, updated_at: isoNow(ctx.clock) })
        .where('id', '=', job.id)
        .execute();
    }
  }

  async function loop(): Promise<void> {
    do {
      again = false;
      for (;;) {
        if (stopped) return;
        const job = await claimNext();
        if (!job) break;
        await runOne(job);
      }
    } while (again && !stopped);
  }

  const kick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = loop()
      .catch((err: unknown) => ctx.log.error({ err }, 'job loop failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(kick, opts.pollMs ?? 5000);
  timer.unref();
  return {
    kick,
    idle: async () => {
      while (running) await running;
    },
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      while (running) await running;
    },
  };
}
