/**
 * Enterprise registry benchmark (issue 3): `npx tsx bench/enterprises.ts` (SQLite, and PostgreSQL too when
 * DATABASE_URL is a postgres:// URL of a server where databases may be created, e.g. scripts/pg-scratch.sh).
 *  - import of a generated 100,000-row CSV (GB18030) and of a 100,000-row .xlsx, through the real HTTP API
 *    (upload → dry run → commit → committed), each into a fresh database with the demo district;
 *  - list/filter API p95 and dashboard aggregate p95 with ~100,000 enterprises.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import pg from 'pg';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db';
import { usccCheckChar } from '../src/domain/identifiers/uscc';
import { DEMO_PASSWORD, seedDemo } from '../src/server/seed/insert-demo';

const N = Number(process.env.BENCH_ROWS ?? 100_000);
const STREETS = ['青湖街道', '南岭街道', '新桥街道', '东塘街道', '西溪街道', '石门镇', '梅林镇', '白沙镇'];
const PARKS: Record<string, string> = { 石门镇: '云溪中小企业国际合作区', 梅林镇: '梅林电子信息产业园', 新桥街道: '新桥科创园' };
const INDUSTRIES = ['C 制造业', 'F 批发和零售业', 'E 建筑业', 'G 交通运输、仓储和邮政业', 'H 住宿和餐饮业', 'I 信息传输、软件和信息技术服务业', 'L 租赁和商务服务业'];
const HEADER = ['企业名称', '统一社会信用代码', '所属街道', '所属园区', '法定代表人', '地址', '行业', '经济类型', '职工人数', '重点企业', '是否建会', '建会时间', '工会会员数', '劳动合同签订率', '联系人', '联系电话'];

function rows(prefix: string): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < N; i++) {
    const body = `91${prefix}${String(i).padStart(9, '0')}`;
    const street = STREETS[i % STREETS.length]!;
    const hc = 5 + ((i * 7919) % 900);
    const union = i % 3 !== 0;
    out.push([
      `云溪基准企业${prefix}${i}有限公司`, body + usccCheckChar(body), street, i % 5 === 0 ? (PARKS[street] ?? '') : '', '张三', `云溪区${street}基准路${i % 999}号`,
      INDUSTRIES[i % INDUSTRIES.length]!, '有限责任公司', String(hc), hc >= 300 ? '是' : '否', union ? '是' : '否', union ? `20${10 + (i % 16)}-0${1 + (i % 9)}-15` : '',
      union ? String(Math.floor(hc * 0.7)) : '', `${90 + (i % 10)}%`, '李四', `139${String(i).padStart(8, '0')}`,
    ]);
  }
  return out;
}

const csvOf = (r: string[][]) => iconv.encode([HEADER, ...r].map((x) => x.join(',')).join('\r\n'), 'gb18030');
async function xlsxOf(r: string[][]): Promise<Buffer> {
  const file = path.join(os.tmpdir(), `bench-${randomBytes(4).toString('hex')}.xlsx`);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('台账');
  ws.addRow(['云溪区企业台账（基准测试）']).commit();
  ws.addRow(HEADER).commit();
  for (const x of r) ws.addRow(x).commit();
  await ws.commit();
  await wb.commit();
  const buf = fs.readFileSync(file);
  fs.rmSync(file);
  return buf;
}

async function freshDb(kind: 'sqlite' | 'postgres') {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hexie-bench-'));
    return { url: path.join(dir, 'bench.db'), drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = process.env.DATABASE_URL!;
  const name = `hexie_bench_${randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`create database ${name} template template0 encoding 'UTF8'`);
  await c.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`);
      await d.end();
    },
  };
}

async function start(kind: 'sqlite' | 'postgres') {
  const db = await freshDb(kind);
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hexie-bench-files-'));
  const config = loadConfig({ HEXIE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: db.url, HEXIE_WEB_DIR: '/nonexistent', HEXIE_FILES_DIR: filesDir });
  const database = openDatabase(config.database);
  const built = await buildApp(config, { database });
  await seedDemo(database.db);
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(built.app.server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'official', password: DEMO_PASSWORD }) });
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const h = { cookie, 'x-csrf-token': csrfToken };
  return { base, h, url: db.url, close: async () => (await built.close(), fs.rmSync(filesDir, { recursive: true, force: true }), process.env.BENCH_KEEP_DB ? console.log(`kept ${db.url}`) : await db.drop()) };
}

/** 1-minute load average of the machine (other work on the shared cores inflates wall times). */
const load = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0];

// CPU seconds of this process (server and client run in it): less sensitive than wall time to other work on the machine.
const cpuS = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

async function runImport(s: Awaited<ReturnType<typeof start>>, name: string, data: Buffer) {
  const t0 = performance.now();
  const c0 = cpuS();
  const fd = new FormData();
  fd.append('file', new Blob([new Uint8Array(data)]), name);
  const { id } = (await (await fetch(`${s.base}/api/enterprises/imports`, { method: 'POST', headers: s.h, body: fd })).json()) as { id: string };
  const wait = async (until: string) => {
    for (;;) {
      // A busy server may reset a kept-alive connection while the commit holds the event loop: poll again.
      const res = await fetch(`${s.base}/api/enterprises/imports/${id}`, { headers: s.h }).catch(() => undefined);
      if (!res) continue;
      const st = (await res.json()) as { status: string; valid: number; rejectedCount: number; inserted?: number; error?: string };
      if (st.status === until) return st;
      if (st.status === 'failed') throw new Error(`import failed: ${st.error}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const v = await wait('validated');
  const t1 = performance.now();
  const c1 = cpuS();
  await fetch(`${s.base}/api/enterprises/imports/${id}/commit`, { method: 'POST', headers: s.h });
  const c = await wait('committed');
  const t2 = performance.now();
  const c2 = cpuS();
  if (c.inserted !== N) throw new Error(`expected ${N} inserted, got ${c.inserted} (${v.rejectedCount} rejected)`);
  return { dryRunS: (t1 - t0) / 1000, commitS: (t2 - t1) / 1000, totalS: (t2 - t0) / 1000, cpu: `CPU ${(c1 - c0).toFixed(1)} s + ${(c2 - c1).toFixed(1)} s` };
}

async function p95(s: Awaited<ReturnType<typeof start>>, urls: string[], rounds: number) {
  const times: number[] = [];
  const byUrl = new Map<string, number[]>();
  for (let r = 0; r < rounds; r++) {
    for (const u of urls) {
      const t0 = performance.now();
      const res = await fetch(`${s.base}${u}`, { headers: s.h });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${u} → ${res.status}`);
      times.push(performance.now() - t0);
      byUrl.set(u, [...(byUrl.get(u) ?? []), performance.now() - t0]);
    }
  }
  if (process.env.BENCH_PER_QUERY) {
    for (const [u, ts] of byUrl) {
      ts.sort((a, b) => a - b);
      console.log(`    median ${ts[Math.floor(ts.length / 2)]!.toFixed(1)} ms  max ${ts.at(-1)!.toFixed(1)} ms  ${decodeURIComponent(u)}`);
    }
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length * 0.5)]!, p95: times[Math.floor(times.length * 0.95)]!, n: times.length };
}

const LIST = [
  '/api/enterprises',
  '/api/enterprises?q=基准企业4400312',
  `/api/enterprises?q=${encodeURIComponent('MA')}`,
  '/api/enterprises?street=441999003&industry=C',
  '/api/enterprises?park=441999006101&union=no',
  '/api/enterprises?size=medium&key=yes&sort=headcount&order=desc',
  '/api/enterprises?industry=F&page=50',
  '/api/enterprises?risk=none&union=yes&street=441999007',
];

async function bench(kind: 'sqlite' | 'postgres') {
  if (process.env.BENCH_ONLY !== 'xlsx') await benchCsv(kind);
  if (process.env.BENCH_ONLY === 'csv') return;
  const xlsx = await xlsxOf(rows('440301'));
  const b = await start(kind);
  const xlsxImport = await runImport(b, 'bench.xlsx', xlsx);
  console.log(`[${kind}] XLSX ${N} rows (${(xlsx.length / 1e6).toFixed(1)} MB): dry run ${xlsxImport.dryRunS.toFixed(1)} s + commit ${xlsxImport.commitS.toFixed(1)} s = ${xlsxImport.totalS.toFixed(1)} s (${xlsxImport.cpu}; load ${load()})`);
  await b.close();
}

async function benchCsv(kind: 'sqlite' | 'postgres') {
  const csvRows = rows('440300');
  const csv = csvOf(csvRows);
  const a = await start(kind);
  const csvImport = await runImport(a, 'bench.csv', csv);
  console.log(`[${kind}] CSV ${N} rows (${(csv.length / 1e6).toFixed(1)} MB): dry run ${csvImport.dryRunS.toFixed(1)} s + commit ${csvImport.commitS.toFixed(1)} s = ${csvImport.totalS.toFixed(1)} s (${csvImport.cpu}; load ${load()})`);
  const list = await p95(a, LIST.map((u) => u.replace('基准企业4400312', encodeURIComponent('基准企业4403001234'))), 25);
  console.log(`[${kind}] list/filter: p50 ${list.p50.toFixed(1)} ms, p95 ${list.p95.toFixed(1)} ms (${list.n} requests, ~${N + 2000} enterprises; load ${load()})`);
  const dash = await p95(a, ['/api/dashboard/enterprises', '/api/dashboard/enterprises?regionId=441999006', '/api/dashboard/enterprises?year=2024'], 10);
  console.log(`[${kind}] dashboard: p50 ${dash.p50.toFixed(1)} ms, p95 ${dash.p95.toFixed(1)} ms (${dash.n} requests; load ${load()})`);
  await a.close();
}

async function main() {
  if (process.env.BENCH_DB !== 'postgres') await bench('sqlite');
  if (process.env.DATABASE_URL?.startsWith('postgres')) await bench('postgres');
  else console.log('PostgreSQL skipped (set DATABASE_URL=postgres://… to include it)');
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
