/**
 * Risk recompute benchmark (`npx tsx bench/risk.ts [sqlite|postgres]`): 100,000 enterprises, 5,000,000
 * signals over three years, 200,000 monthly headcount rows. Measures
 *   - the floor: one SQL aggregate scan of the same signals (count and sum per enterprise, same window),
 *   - a full recompute (score + hard rules + enterprise levels + alerts), first run and steady state,
 *   - an incremental batch of 10,000 pushed signals (validation, insert, rescoring of touched enterprises).
 * PostgreSQL runs when DATABASE_URL is a postgres:// URL (a scratch database is created and dropped).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, migrateToLatest, type DatabaseHandle } from '../src/server/db';
import { DEFAULT_RULE_SET } from '../src/domain/risk/rule-set';
import { dayNumber } from '../src/domain/risk/signals';
import { recompute } from '../src/server/modules/risk/recompute';
import { ingestSignals } from '../src/server/modules/signals/service';
import type { AppContext } from '../src/server/context';

const ENTERPRISES = Number(process.env.BENCH_ENTERPRISES ?? 100_000);
const SIGNALS = Number(process.env.BENCH_SIGNALS ?? 5_000_000);
const NOW = new Date('2026-11-26T02:00:00.000Z');
const TODAY = dayNumber(NOW);
// Enterprise of a signal: N × the product of six uniforms (the same skew on both databases: most signals
// fall on a minority of enterprises). Kinds by frequency (per mille): registrations and sentiment are common, seizures rare.
const KIND_TABLE: [string, number][] = [
  ['unemployment_registration', 380],
  ['online_sentiment', 150],
  ['social_insurance_arrears', 100],
  ['utility_arrears', 80],
  ['tax_abnormal', 70],
  ['dispute_case', 90],
  ['petition', 40],
  ['inspection_violation', 40],
  ['wage_arrears_complaint', 30],
  ['court_filing', 18],
  ['asset_seizure', 2],
];

function kindCase(r: string): string {
  let acc = 0;
  const parts = KIND_TABLE.map(([k, w]) => {
    acc += w;
    return `when ${r} < ${acc} then '${k}'`;
  });
  return `case ${parts.join(' ')} else 'unemployment_registration' end`;
}

async function load(h: DatabaseHandle): Promise<void> {
  const db = h.db;
  const pgsql = h.kind === 'postgres';
  await sql`insert into regions (id, name, level, parent_id, sort) values ('441999', '云溪区', 'district', null, 0)`.execute(db);
  for (let s = 1; s <= 8; s++) await sql`insert into regions (id, name, level, parent_id, sort) values (${`441999${String(s).padStart(3, '0')}`}, ${`街道${s}`}, 'street', '441999', ${s})`.execute(db);
  const ts = '2024-01-01T00:00:00.000Z';
  if (pgsql) {
    await sql.raw(`insert into enterprises (id, name, uscc, region_id, headcount, is_key, union_established, created_at, updated_at, version)
      select 'e' || i, '企业' || i, 'B' || lpad(i::text, 17, '0'), '441999' || lpad(((i % 8) + 1)::text, 3, '0'), 20 + (i % 500), 0, 0, '${ts}', '${ts}', 1
      from generate_series(1, ${ENTERPRISES}) as i`).execute(db);
    await sql.raw(`insert into risk_signals (id, source, external_id, kind, enterprise_id, region_id, occurred_at, occurred_day, workers_affected, amount, details, channel, api_key_id, filed_by, received_at)
      select 's' || i, 'bench', 'x' || i, ${kindCase('k')}, 'e' || ent, '441999' || lpad(((ent % 8) + 1)::text, 3, '0'), '${ts}', ${TODAY} - day,
             case when k % 7 = 0 then (k % 40) else null end, case when k % 5 = 0 then (k * 997) % 300000 else null end, null, 'api', null, null, '${ts}'
      from (select i, 1 + floor(${ENTERPRISES} * random() * random() * random() * random() * random() * random())::int as ent, floor(random() * 1000)::int as k, floor(random() * 1095)::int as day
            from generate_series(1, ${SIGNALS}) as i) g`).execute(db);
    for (const [m, idx] of [['2026-10', 2026 * 12 + 9], ['2026-11', 2026 * 12 + 10]] as const) {
      await sql.raw(`insert into insured_headcount (id, enterprise_id, region_id, month, month_index, insured_count, source, received_at, updated_at)
        select 'h${m}-' || i, 'e' || i, '441999' || lpad(((i % 8) + 1)::text, 3, '0'), '${m}', ${idx},
               case when '${m}' = '2026-11' and i % 997 = 0 then 20 + (i % 500) - 25 else 20 + (i % 500) end, 'bench', '${ts}', '${ts}'
        from generate_series(1, ${ENTERPRISES}) as i`).execute(db);
    }
    await sql`analyze`.execute(db);
    return;
  }
  const s = h.sqlite!;
  s.exec(`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${ENTERPRISES})
    insert into enterprises (id, name, uscc, region_id, headcount, is_key, union_established, created_at, updated_at, version, risk_level, risk_score)
    select 'e' || i, '企业' || i, 'B' || printf('%017d', i), '441999' || printf('%03d', (i % 8) + 1), 20 + (i % 500), 0, 0, '${ts}', '${ts}', 1, 'none', 0 from n`);
  s.exec(`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${SIGNALS}),
    g as (select i, 1 + cast(${ENTERPRISES} * ((abs(random()) % 1000000) / 1000000.0) * ((abs(random()) % 1000000) / 1000000.0) * ((abs(random()) % 1000000) / 1000000.0) * ((abs(random()) % 1000000) / 1000000.0) * ((abs(random()) % 1000000) / 1000000.0) * ((abs(random()) % 1000000) / 1000000.0) as integer) as ent,
                 abs(random()) % 1000 as k, abs(random()) % 1095 as day from n)
    insert into risk_signals (id, source, external_id, kind, enterprise_id, region_id, occurred_at, occurred_day, workers_affected, amount, details, channel, api_key_id, filed_by, received_at)
    select 's' || i, 'bench', 'x' || i, ${kindCase('k')}, 'e' || ent, '441999' || printf('%03d', (ent % 8) + 1), '${ts}', ${TODAY} - day,
           case when k % 7 = 0 then k % 40 else null end, case when k % 5 = 0 then (k * 997) % 300000 else null end, null, 'api', null, null, '${ts}' from g`);
  for (const [m, idx] of [['2026-10', 2026 * 12 + 9], ['2026-11', 2026 * 12 + 10]] as const) {
    s.exec(`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${ENTERPRISES})
      insert into insured_headcount (id, enterprise_id, region_id, month, month_index, insured_count, source, received_at, updated_at)
      select 'h${m}-' || i, 'e' || i, '441999' || printf('%03d', (i % 8) + 1), '${m}', ${idx},
             case when '${m}' = '2026-11' and i % 997 = 0 then 20 + (i % 500) - 25 else 20 + (i % 500) end, 'bench', '${ts}', '${ts}' from n`);
  }
  s.exec('analyze');
}

async function time<T>(label: string, fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const value = await fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  // CPU seconds of this process (PostgreSQL's own work is not in it) and the load average: the machine is shared.
  console.log(`  ${label}: ${(ms / 1000).toFixed(2)} s (CPU ${((c.user + c.system) / 1e6).toFixed(2)} s, load ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]})`);
  return { ms, value };
}

async function run(kind: 'sqlite' | 'postgres') {
  let h: DatabaseHandle;
  let cleanup: () => Promise<void>;
  let sqliteFile = '';
  if (kind === 'postgres') {
    const admin = process.env.DATABASE_URL!;
    const name = `hexie_bench_${process.pid}`;
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`create database ${name} template template0 encoding 'UTF8'`);
    await c.end();
    const u = new URL(admin);
    u.pathname = `/${name}`;
    h = openDatabase({ kind: 'postgres', url: u.toString() });
    cleanup = async () => {
      await h.close();
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`);
      await d.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hexie-bench-'));
    sqliteFile = path.join(dir, 'bench.db');
    h = openDatabase({ kind: 'sqlite', file: sqliteFile });
    cleanup = async () => {
      await h.close();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  try {
    console.log(`\n${kind}: ${ENTERPRISES.toLocaleString()} enterprises, ${SIGNALS.toLocaleString()} signals`);
    // BENCH_SNAPSHOT=/path.db (SQLite): the database after load + full recomputes is saved there on the first
    // run; later runs copy it and measure only the incremental batch (loading takes minutes). The snapshot holds
    // the stored signal points of the full recompute (migration 0021): one saved before 0021 measures the
    // aggregate fallback instead — rebuild it.
    const snapshot = kind === 'sqlite' ? process.env.BENCH_SNAPSHOT : undefined;
    let floor = { ms: NaN };
    let first = { ms: NaN };
    let steady = { ms: NaN };
    if (snapshot && fs.existsSync(snapshot)) {
      await h.close();
      fs.copyFileSync(snapshot, sqliteFile);
      // Flush the copy to disk now: otherwise the batch's first checkpoint fsync pays for writing back 1.4 GB of copy.
      const fd = fs.openSync(sqliteFile, 'r+');
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      h = openDatabase({ kind: 'sqlite', file: sqliteFile });
      await migrateToLatest(h.db);
      console.log(`  (from snapshot ${snapshot}: incremental only)`);
    } else {
      await migrateToLatest(h.db);
      await time('load (not part of the benchmark)', () => load(h));
      const windowStart = TODAY - DEFAULT_RULE_SET.windowDays;
      floor = await time('floor: one aggregate scan (count, sum per enterprise, same window)', () =>
        sql`select enterprise_id, count(*) as n, sum(coalesce(amount, 0)) as a from risk_signals where occurred_day > ${windowStart} and occurred_day <= ${TODAY} group by enterprise_id`.execute(h.db),
      );
      const actor = { id: null, name: 'bench' };
      const f = await time('full recompute, first run (opens alerts)', () => h.db.transaction().execute((trx) => recompute(trx, DEFAULT_RULE_SET, NOW, actor)));
      console.log('   ', JSON.stringify(f.value));
      first = f;
      const st = await time('full recompute, steady state', () => h.db.transaction().execute((trx) => recompute(trx, DEFAULT_RULE_SET, NOW, actor)));
      console.log('   ', JSON.stringify(st.value));
      steady = st;
      if (snapshot) {
        h.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
        await h.sqlite!.backup(snapshot);
        console.log(`  snapshot saved to ${snapshot}`);
      }
    }
    const ctx = { db: h.db, dbKind: h.kind, clock: { now: () => NOW }, log: console } as unknown as AppContext;
    const batch = Array.from({ length: 10_000 }, (_, i) => ({
      source: 'bench-incr',
      externalId: `n${i}`,
      kind: KIND_TABLE[i % KIND_TABLE.length]![0],
      uscc: `B${String(1 + ((i * 7919) % ENTERPRISES)).padStart(17, '0')}`,
      occurredAt: '2026-11-20',
      workersAffected: i % 9 === 0 ? 12 : undefined,
    }));
    const incr = await time('incremental batch of 10,000 signals (validate, store, rescore)', () =>
      ingestSignals(ctx, { principal: null, ip: null }, batch, { channel: 'api', regionId: '441999', auditAction: 'signal.push' }),
    );
    console.log('   ', JSON.stringify({ accepted: incr.value.accepted, rejected: incr.value.rejected.length }));
    if (Number.isFinite(floor.ms)) {
      const ratio = (first.ms / floor.ms).toFixed(1);
      console.log(`  ratio full recompute / floor: ${ratio}× (steady ${(steady.ms / floor.ms).toFixed(1)}×, incremental ${(incr.ms / floor.ms).toFixed(2)}×)`);
    }
    return { kind, floor: floor.ms, first: first.ms, steady: steady.ms, incr: incr.ms };
  } finally {
    await cleanup();
  }
}

const which = process.argv[2] ?? (process.env.DATABASE_URL?.startsWith('postgres') ? 'both' : 'sqlite');
const results = [];
if (which === 'sqlite' || which === 'both') results.push(await run('sqlite'));
if (which === 'postgres' || which === 'both') results.push(await run('postgres'));
console.log('\n| database | floor scan | full recompute (first) | full recompute (steady) | incremental 10k | ratio first/floor | ratio incremental/floor |');
console.log('|---|---|---|---|---|---|---|');
/** Snapshot runs measure the incremental batch only: the other columns are not measured. */
const fmt = (x: number, digits: number, unit: string) => (Number.isFinite(x) ? `${x.toFixed(digits)}${unit}` : '—');
for (const r of results) {
  console.log(
    `| ${r.kind} | ${fmt(r.floor / 1000, 2, ' s')} | ${fmt(r.first / 1000, 2, ' s')} | ${fmt(r.steady / 1000, 2, ' s')} | ${fmt(r.incr / 1000, 2, ' s')} | ${fmt(r.first / r.floor, 1, '×')} | ${fmt(r.incr / r.floor, 2, '×')} |`,
  );
}
