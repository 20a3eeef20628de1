import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET, type RuleSet } from '../../src/domain/risk/rule-set';
import { dayNumber, SIGNAL_KINDS } from '../../src/domain/risk/signals';
import { migrateToLatest, openDatabase, type DatabaseHandle, type Db } from '../../src/server/db';
import { assess } from '../../src/server/modules/risk/engine';
import { recompute } from '../../src/server/modules/risk/recompute';
import { scorePoints } from '../../src/server/modules/risk/repo';
import { insertSignals } from '../../src/server/modules/signals/service';
import { runDailyRiskRecompute } from '../../src/server/jobs/risk-jobs';
import type { AppContext } from '../../src/server/context';

/**
 * Incremental scoring (score-state.ts, SQLite) against the full aggregate: after a full recompute, a batch of
 * new signals scored from the stored points must give the same scores, levels and hard-rule hits as scoring
 * everything again — and fall back to the aggregate on another day, another rule set, or after signals were
 * stored behind its back. (The stored points are SQLite-only; on PostgreSQL the batch always aggregates.)
 */
const ENTERPRISES = 12;
const T0 = new Date('2026-11-26T02:00:00.000Z');
const NEXT_DAY = new Date('2026-11-27T03:00:00.000Z');
const actor = { id: null, name: 'test' };

let h: DatabaseHandle;
let dir: string;
let db: Db;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hexie-risk-incr-'));
  h = openDatabase({ kind: 'sqlite', file: path.join(dir, 'test.db') });
  db = h.db;
  await migrateToLatest(db);
  await sql`insert into regions (id, name, level, parent_id, sort) values ('441999', '云溪区', 'district', null, 0), ('441999001', '街道1', 'street', '441999', 1)`.execute(db);
  for (let i = 1; i <= ENTERPRISES; i++) {
    await sql`insert into enterprises (id, name, uscc, region_id, headcount, is_key, union_established, created_at, updated_at, version, risk_level, risk_score)
      values (${`e${i}`}, ${`企业${i}`}, ${`B${String(i).padStart(17, '0')}`}, '441999001', 50, 0, 0, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', 1, 'none', 0)`.execute(db);
  }
});
afterAll(async () => {
  await h.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Gen {
  ent: number;
  kind: number;
  ago: number;
  workers: number | null;
  amount: number | null;
  ext: number;
}
const signal = fc.record({
  ent: fc.integer({ min: 1, max: ENTERPRISES }),
  kind: fc.integer({ min: 0, max: SIGNAL_KINDS.length - 1 }),
  // −1: tomorrow (future-dated); up to 400 days: some fall outside a 365-day window.
  ago: fc.oneof(fc.integer({ min: -1, max: 40 }), fc.integer({ min: 41, max: 400 })),
  workers: fc.option(fc.integer({ min: 0, max: 150 })),
  amount: fc.option(fc.oneof(fc.integer({ min: 0, max: 1_500_000 }), fc.double({ min: 0, max: 300_000, noNaN: true }).map((x) => Math.round(x * 100) / 100))),
  ext: fc.integer({ min: 0, max: 60 }),
});
const rules = fc.record({
  halfLifeDays: fc.integer({ min: 1, max: 200 }),
  windowDays: fc.integer({ min: 7, max: 400 }),
  weights: fc.array(fc.oneof(fc.integer({ min: 0, max: 30 }), fc.double({ min: 0, max: 30, noNaN: true })), { minLength: SIGNAL_KINDS.length, maxLength: SIGNAL_KINDS.length }),
  step: fc.constantFrom(0, 0.5, 1.25),
});
const ruleSetOf = (r: { halfLifeDays: number; windowDays: number; weights: number[]; step: number }): RuleSet => ({
  ...DEFAULT_RULE_SET,
  halfLifeDays: r.halfLifeDays,
  windowDays: r.windowDays,
  weights: Object.fromEntries(SIGNAL_KINDS.map((k, i) => [k, r.weights[i]!])) as RuleSet['weights'],
  severity: { ...DEFAULT_RULE_SET.severity, step: r.step },
});

let batchNo = 0;
const rowsOf = (gens: Gen[], at: Date, source: string) =>
  gens.map((g) => {
    const day = dayNumber(at) - g.ago;
    return {
      id: `s${batchNo}-${Math.random().toString(36).slice(2)}`,
      source,
      external_id: `x${g.ext}`,
      kind: SIGNAL_KINDS[g.kind]!,
      enterprise_id: `e${g.ent}`,
      region_id: '441999001',
      occurred_at: new Date((day - 0.5) * 86_400_000).toISOString(),
      occurred_day: day,
      workers_affected: g.workers,
      amount: g.amount,
      details: null,
      channel: 'api',
      api_key_id: null,
      filed_by: null,
      received_at: at.toISOString(),
    };
  });

async function reset() {
  batchNo++;
  for (const t of ['enterprise_events', 'alert_events', 'alerts', 'risk_signals', 'risk_score_state', 'risk_score_basis'] as const) await db.deleteFrom(t).execute();
  await db.updateTable('enterprises').set({ risk_level: 'none', risk_score: 0 }).execute();
}

/** Scores an incremental batch and compares it with the full aggregate on the same data. */
async function batchMatchesFull(rulesNow: RuleSet, now: Date, gens: Gen[], expectState: boolean, opts: { sneak?: Gen[] } = {}) {
  await db.transaction().execute(async (trx) => {
    if (opts.sneak?.length) await trx.insertInto('risk_signals').values(rowsOf(opts.sneak.map((g, i) => ({ ...g, ext: i })), now, 'sneak')).execute();
    // Half the batch reuses (source, externalId) pairs of the first load: those are duplicates, not new terms.
    const inserted = await insertSignals(trx, rowsOf(gens, now, gens.length % 2 ? 'load' : 'batch'));
    const ids = [...new Set(gens.map((g) => `e${g.ent}`))];
    const inc = await assess(trx, rulesNow, now, ids, { regional: false, newSignals: inserted });
    const full = await assess(trx, rulesNow, now);
    expect(inc.pointsFrom).toBe(expectState ? 'state' : 'aggregate');
    const aggregate = await scorePoints(trx, rulesNow, dayNumber(now), ids);
    for (const id of ids) {
      const a = inc.enterprises.get(id);
      const f = full.enterprises.get(id);
      expect({ id, score: a?.score ?? 0, level: a?.level ?? 'none', hard: a?.hard.map((x) => x.code) ?? [] }).toEqual({ id, score: f?.score ?? 0, level: f?.level ?? 'none', hard: f?.hard.map((x) => x.code) ?? [] });
      const p = inc.signalPoints.get(id) ?? 0;
      expect(Math.abs(p - (aggregate.get(id) ?? 0))).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(p)));
    }
    // Write through the same path the services use, so the next batch starts from the updated state.
    await recompute(trx, rulesNow, now, actor, ids, { regional: false, newSignals: inserted });
    const stored = await trx.selectFrom('enterprises').select(['id', 'risk_level', 'risk_score']).where('id', 'in', ids).execute();
    for (const e of stored) {
      const f = full.enterprises.get(e.id);
      expect([e.id, e.risk_level, Number(e.risk_score)]).toEqual([e.id, f?.level ?? 'none', f?.score ?? 0]);
    }
  });
}

describe('incremental scoring from stored points (SQLite)', () => {
  it('a same-day batch under the same rules gives what a full recompute gives, batch after batch', async () => {
    await fc.assert(
      fc.asyncProperty(rules, fc.array(signal, { maxLength: 60 }), fc.array(fc.array(signal, { minLength: 1, maxLength: 25 }), { minLength: 1, maxLength: 3 }), async (r, load, batches) => {
        await reset();
        const rs = ruleSetOf(r);
        await db.transaction().execute(async (trx) => {
          await insertSignals(trx, rowsOf(load, T0, 'load'));
          await recompute(trx, rs, T0, actor);
        });
        for (const b of batches) await batchMatchesFull(rs, T0, b, true);
      }),
      { numRuns: 40 },
    );
  });

  it('falls back to the aggregate on another day, under another rule set, and after signals stored behind its back', async () => {
    await fc.assert(
      fc.asyncProperty(rules, rules, fc.array(signal, { maxLength: 40 }), fc.array(signal, { minLength: 1, maxLength: 15 }), fc.array(signal, { minLength: 1, maxLength: 3 }), fc.constantFrom('day', 'rules', 'sneak'), async (r1, r2, load, batch, sneak, why) => {
        await reset();
        const rs = ruleSetOf(r1);
        await db.transaction().execute(async (trx) => {
          await insertSignals(trx, rowsOf(load, T0, 'load'));
          await recompute(trx, rs, T0, actor);
        });
        const other = ruleSetOf({ ...r2, halfLifeDays: r1.halfLifeDays === r2.halfLifeDays ? r2.halfLifeDays + 1 : r2.halfLifeDays });
        if (why === 'day') await batchMatchesFull(rs, NEXT_DAY, batch, false);
        else if (why === 'rules') await batchMatchesFull(other, T0, batch, false);
        else await batchMatchesFull(rs, T0, batch, false, { sneak });
        // Still on the aggregate until the next full recompute (the stored points were not kept up).
        await batchMatchesFull(why === 'rules' ? other : rs, why === 'day' ? NEXT_DAY : T0, batch.slice(0, 1).map((g) => ({ ...g, ext: g.ext + 100 })), false);
        await db.transaction().execute((trx) => recompute(trx, why === 'rules' ? other : rs, why === 'day' ? NEXT_DAY : T0, actor));
        await batchMatchesFull(why === 'rules' ? other : rs, why === 'day' ? NEXT_DAY : T0, batch.map((g) => ({ ...g, ext: g.ext + 200 })), true);
      }),
      { numRuns: 30 },
    );
  });
});

describe('the daily risk recompute job', () => {
  it('recomputes once per day and after a rule change, and leaves the stored points valid for the day', async () => {
    await reset();
    let now = T0;
    const ctx = { db, dbKind: 'sqlite', clock: { now: () => now }, log: { error() {}, warn() {}, info() {} } } as unknown as AppContext;
    await db.transaction().execute((trx) => insertSignals(trx, rowsOf([{ ent: 1, kind: 2, ago: 3, workers: null, amount: null, ext: 1 }], T0, 'load')));
    expect(await runDailyRiskRecompute(ctx)).toMatch(/^recomputed 1 enterprises/);
    expect(await runDailyRiskRecompute(ctx)).toBe('up to date');
    expect(await db.selectFrom('audit_log').select('action').where('action', '=', 'risk.recompute').execute()).toHaveLength(1);
    // A same-day batch builds on the stored points.
    await batchMatchesFull(DEFAULT_RULE_SET, T0, [{ ent: 1, kind: 3, ago: 0, workers: 12, amount: null, ext: 2 }], true);
    now = NEXT_DAY;
    expect(await runDailyRiskRecompute(ctx)).toMatch(/^recomputed/);
    expect(await runDailyRiskRecompute(ctx)).toBe('up to date');
    await db.insertInto('risk_rule_sets').values({ id: 'rs-2', region_id: '441999', version: 2, rules: JSON.stringify({ ...DEFAULT_RULE_SET, halfLifeDays: 30 }), note: '测试', created_by: null, created_at: NEXT_DAY.toISOString() }).execute();
    expect(await runDailyRiskRecompute(ctx)).toMatch(/^recomputed/);
    expect(await runDailyRiskRecompute(ctx)).toBe('up to date');
  });
});
