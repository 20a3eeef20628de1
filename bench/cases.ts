/**
 * Dispute-case list and statistics at scale: `npx tsx bench/cases.ts [--cases 1000000] [--db sqlite|postgres|both] [--rounds 40]`.
 * Builds a fresh database (SQLite file in /tmp; PostgreSQL database on DATABASE_URL's server), seeds the demo district,
 * generates the cases set-based (recursive CTE / generate_series, no row-by-row inserts), then times the real service
 * calls: scoped filtered lists (mediator: own organisation; official: street and district) and the statistics page.
 * Targets: list p95 ≤ 100 ms, statistics p95 ≤ 500 ms. Prints the query plans' indexes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql } from 'kysely';
import { loadConfig } from '../src/server/config';
import type { AppContext, AuthPrincipal } from '../src/server/context';
import { migrateToLatest, openDatabase, type Db } from '../src/server/db';
import { seedDemo } from '../src/server/seed/insert-demo';
import { listCases } from '../src/server/modules/cases/service';
import { caseStatistics } from '../src/server/modules/cases/statistics';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000000' },
    db: { type: 'string', default: 'both' },
    rounds: { type: 'string', default: '40' },
  },
});
const N = Number(values.cases);
const ROUNDS = Number(values.rounds);
const TODAY = '2026-11-20';

const principal = (id: string, roles: AuthPrincipal['roles'], orgUnitId: string, regionId: string): AuthPrincipal => ({
  kind: 'user',
  id,
  username: id,
  displayName: id,
  roles,
  orgUnitId,
  regionId,
  enterpriseId: null,
  isDemo: true,
});
const mediator1 = principal('usr-mediator1', ['mediator'], 'mo-street-003', '441999003');
const street1 = principal('usr-street1', ['official'], 'ou-street-003', '441999003');
const official = principal('usr-official', ['official'], 'ou-hrss', '441999');

async function generate(db: Db, kind: 'sqlite' | 'postgres') {
  await sql`create table bench_orgs (idx integer primary key, id text not null, region_id text not null)`.execute(db);
  const orgs = await db.selectFrom('mediation_orgs').select(['id', 'region_id']).orderBy('id').execute();
  await db
    .insertInto('bench_orgs' as never)
    .values(orgs.map((o, i) => ({ idx: i, id: o.id, region_id: o.region_id })) as never)
    .execute();
  const K = orgs.length;
  await sql`create table bench_ents (idx integer primary key, id text not null, name text not null, uscc text not null)`.execute(db);
  const ents = await db.selectFrom('enterprises').select(['id', 'name', 'uscc']).orderBy('id').execute();
  await db
    .insertInto('bench_ents' as never)
    .values(ents.map((e, i) => ({ idx: i, ...e })) as never)
    .execute();
  const E = ents.length;
  // n → organisation (n mod K), received date over ten years, status/result by n mod 10; recent cases are open.
  const series = kind === 'sqlite' ? sql`with recursive s(n) as (select 1 union all select n + 1 from s where n < ${N}) ` : sql``;
  const from = kind === 'sqlite' ? sql`s` : sql`generate_series(1, ${N}) as s(n)`;
  const day =
    kind === 'sqlite'
      ? sql`date('2016-11-21', '+' || (s.n % 3652) || ' days')`
      : sql`to_char(date '2016-11-21' + (s.n % 3652), 'YYYY-MM-DD')`;
  const closeDay =
    kind === 'sqlite'
      ? sql`date('2016-11-21', '+' || (s.n % 3652 + s.n % 19) || ' days')`
      : sql`to_char(date '2016-11-21' + (s.n % 3652 + s.n % 19), 'YYYY-MM-DD')`;
  const dueDay =
    kind === 'sqlite'
      ? sql`date('2016-11-21', '+' || (s.n % 3652 + 15) || ' days')`
      : sql`to_char(date '2016-11-21' + (s.n % 3652 + 15), 'YYYY-MM-DD')`;
  const open = sql`(s.n % 3652 > 3620)`;
  const t0 = performance.now();
  await sql`${series}insert into dispute_cases (id, case_no, case_year, seq, request_id, created_by, region_id, org_id, arbitration_region_id, enterprise_id, respondent_name, respondent_uscc, source, status, stage, outcomes, collective, priority, applicant_count, primary_claim_type, amount_claimed, amount_agreed, amount_paid, facts, deadline_facts, received_date, next_due, next_due_kind, statutory_due, closed_on, result, days_to_close, closed_in_time, typical, version, created_at, updated_at)
    select 'bench-' || s.n, 'B' || s.n, 2016 + (s.n % 3652) / 366, s.n, null, null, o.region_id, o.id, null, e.id, e.name, e.uscc, 'walk_in',
      case when ${open} then 'mediating' when s.n % 10 < 6 then 'agreement_reached' when s.n % 10 < 9 then 'mediation_failed' else 'closed' end,
      'mediation', '{}', case when s.n % 50 = 0 then 1 else 0 end, 0, 1,
      case s.n % 7 when 0 then 'severance' when 1 then 'overtime' when 2 then 'social_insurance' else 'wage_arrears' end,
      (s.n % 400) * 100, case when s.n % 10 < 6 and not ${open} then (s.n % 300) * 100 else 0 end, case when s.n % 10 < 5 and not ${open} then (s.n % 300) * 100 else 0 end,
      '演示', '{}', ${day}, case when ${open} then ${dueDay} else null end, case when ${open} then 'mediationDue' else null end, ${dueDay},
      case when ${open} then null else ${closeDay} end,
      case when ${open} then null when s.n % 10 < 6 then 'success' when s.n % 10 < 9 then 'failed' else 'withdrawn' end,
      case when ${open} then null else s.n % 19 end, case when ${open} then null when s.n % 19 <= 15 then 1 else 0 end, 0, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'
    from ${from} join bench_orgs o on o.idx = s.n % ${K} join bench_ents e on e.idx = (s.n / ${K}) % ${E}`.execute(db);
  await sql`insert into case_claims (id, case_id, region_id, sort, type, amount, period_from, period_to, description)
    select id || '-c', id, region_id, 0, primary_claim_type, amount_claimed, null, null, null from dispute_cases where id like 'bench-%'`.execute(
    db,
  );
  await sql`insert into case_applicants (id, case_id, region_id, sort, name, phone, id_number_enc, id_number_masked, user_id)
    select id || '-a', id, region_id, 0, '申请人', null, null, null, null from dispute_cases where id like 'bench-%'`.execute(db);
  // PostgreSQL: VACUUM sets the visibility map so the covering indexes are used index-only, as autovacuum would.
  await (kind === 'postgres' ? sql`vacuum analyze` : sql`analyze`).execute(db);
  return (performance.now() - t0) / 1000;
}

async function time(label: string, fn: () => Promise<unknown>) {
  const xs: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  xs.sort((a, b) => a - b);
  const p = (q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))]!.toFixed(1);
  return { label, p50: p(0.5), p95: p(0.95), max: xs[xs.length - 1]!.toFixed(1) };
}

async function run(kind: 'sqlite' | 'postgres') {
  let url: string;
  let drop: () => Promise<void>;
  if (kind === 'postgres') {
    const admin = process.env.DATABASE_URL;
    if (!admin?.startsWith('postgres')) throw new Error('PostgreSQL needs DATABASE_URL (eval "$(scripts/pg-scratch.sh start)")');
    const name = `hexie_bench_${Date.now()}`;
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`create database ${name}`);
    await c.end();
    const u = new URL(admin);
    u.pathname = `/${name}`;
    url = u.toString();
    drop = async () => {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`);
      await d.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hexie-bench-'));
    url = path.join(dir, 'bench.db');
    drop = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const config = loadConfig({ HEXIE_ENV: 'test', DATABASE_URL: url, LOG_LEVEL: 'silent' });
  const handle = openDatabase(config.database);
  try {
    await migrateToLatest(handle.db);
    await seedDemo(handle.db, { enterpriseCount: 150 });
    const secs = await generate(handle.db, kind);
    const total = (
      await handle.db
        .selectFrom('dispute_cases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    const ctx = {
      db: handle.db,
      dbKind: kind,
      config,
      clock: { now: () => new Date(`${TODAY}T02:00:00Z`) },
      sms: null as never,
      log: console as never,
      files: null as never,
    } as AppContext;
    const actor = (p: AuthPrincipal) => ({ principal: p, ip: null });
    const page = { page: 1, pageSize: 20, sort: 'received' as const };
    const results = [
      await time('mediator: own org, status=agreement_reached, page 1', () =>
        listCases(ctx, actor(mediator1), { ...page, status: 'agreement_reached' }),
      ),
      await time('mediator: own org, overdue (sorted by due)', () =>
        listCases(ctx, actor(mediator1), { ...page, due: 'overdue', sort: 'due' }),
      ),
      await time('mediator: own org, page 200', () => listCases(ctx, actor(mediator1), { ...page, page: 200 })),
      await time('street official: region prefix, claim type + 2025', () =>
        listCases(ctx, actor(street1), { ...page, claimType: 'wage_arrears', from: '2025-01-01', to: '2025-12-31' }),
      ),
      await time('district official: whole district, page 1', () => listCases(ctx, actor(official), page)),
      await time('district official: search by respondent name', () => listCases(ctx, actor(official), { ...page, q: 'B12345' })),
      await time('statistics: district, one year, by organisation', () =>
        caseStatistics(ctx, actor(official), { groupBy: 'org', from: '2025-01-01', to: '2025-12-31' }),
      ),
      await time('statistics: district, one year, by claim type', () =>
        caseStatistics(ctx, actor(official), { groupBy: 'claimType', from: '2025-01-01', to: '2025-12-31' }),
      ),
      await time('statistics: mediator org, all years, by month', () => caseStatistics(ctx, actor(mediator1), { groupBy: 'month' })),
    ];
    console.log(`\n${kind}: ${Number(total).toLocaleString()} cases (generated in ${secs.toFixed(1)} s), ${ROUNDS} rounds each`);
    console.table(results);
  } finally {
    await handle.close();
    if (process.env.BENCH_KEEP) console.log('kept', url);
    else await drop();
  }
}

for (const kind of values.db === 'both' ? (['sqlite', 'postgres'] as const) : [values.db as 'sqlite' | 'postgres']) await run(kind);
