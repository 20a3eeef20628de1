/**
 * Per-query timings of the registry list and dashboard on an existing database (e.g. one kept by
 * `BENCH_KEEP_DB=1 npx tsx bench/enterprises.ts`): `npx tsx bench/enterprises-queries.ts /tmp/…/bench.db`.
 */
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db';
import { DEMO_PASSWORD } from '../src/server/seed/insert-demo';

const file = process.argv[2] ?? process.env.DATABASE_URL!;
const config = loadConfig({ HEXIE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: file, HEXIE_WEB_DIR: '/nonexistent' });
const database = openDatabase(config.database);
const built = await buildApp(config, { database });
await built.app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(built.app.server.address() as AddressInfo).port}`;
const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'official', password: DEMO_PASSWORD }) });
const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
const urls = [
  '/api/enterprises',
  `/api/enterprises?q=${encodeURIComponent('基准企业4403001234')}`,
  `/api/enterprises?q=${encodeURIComponent('MA')}`,
  `/api/enterprises?q=${encodeURIComponent('新桥')}`,
  '/api/enterprises?street=441999003&industry=C',
  '/api/enterprises?park=441999006101&union=no',
  '/api/enterprises?size=medium&key=yes&sort=headcount&order=desc',
  '/api/enterprises?industry=F&page=50',
  '/api/enterprises?risk=none&union=yes&street=441999007',
  '/api/dashboard/enterprises',
  '/api/dashboard/enterprises?regionId=441999006',
  '/api/dashboard/enterprises?year=2024',
];
for (const u of urls) {
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < 12; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}${u}`, { headers: { cookie } });
    const body = (await res.json()) as { total?: number };
    total = body.total ?? 0;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${times[6]!.toFixed(1).padStart(7)} ms median, ${times[11]!.toFixed(1).padStart(7)} max  total=${total}  ${decodeURIComponent(u)}`);
}
await built.close();
process.exit(0);
