/**
 * Coverage and contract search latency on the demo district (2,000 enterprises by default) on SQLite:
 * `npx tsx bench/contract-coverage.ts [enterpriseCount]`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db';
import { seedDemo } from '../src/server/seed/insert-demo';
import { toPrincipal } from '../src/server/modules/users/repo';
import { contractCoverage } from '../src/server/modules/contracts/coverage';
import { listContracts } from '../src/server/modules/contracts/service';

const count = Number(process.argv[2] ?? 2000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hexie-bench-'));
const config = loadConfig({ HEXIE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: path.join(dir, 'b.db'), HEXIE_FILES_DIR: path.join(dir, 'files') });
const database = openDatabase(config.database);
const built = await buildApp(config, { database });
await seedDemo(database.db, { enterpriseCount: count });
const user = await database.db.selectFrom('users').selectAll().where('username', '=', 'union').executeTakeFirstOrThrow();
const actor = { principal: { ...toPrincipal(user), kind: 'user' as const }, ip: null };
const t0 = performance.now();
await database.db.deleteFrom('contract_search_terms').execute();
await database.db.deleteFrom('contract_search_docs').execute();
const { indexMissing } = await import('../src/server/modules/contracts/lifecycle');
let indexed = 0;
for (let n; (n = await indexMissing(database.db, new Date().toISOString(), 500)) > 0; ) indexed += n;
console.log(`index rebuild (${indexed} contracts)`.padEnd(44), `${(performance.now() - t0).toFixed(0)} ms`);
const contracts = await database.db.selectFrom('collective_contracts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();

async function time(label: string, runs: number, fn: () => Promise<unknown>) {
  await fn();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  const ms = (performance.now() - t0) / runs;
  console.log(`${label.padEnd(44)} ${ms.toFixed(1)} ms`);
}
console.log(`enterprises ${count}, contracts ${contracts.n}`);
for (const by of ['street', 'park', 'industry'] as const) await time(`coverage by ${by}`, 10, () => contractCoverage(built.ctx, actor, { by }));
await time('search q=女职工 哺乳期 (page 1)', 10, () => listContracts(built.ctx, actor, { q: '女职工 哺乳期', page: 1, pageSize: 20 }));
await time('search q=工资正常增长机制 (page 1)', 10, () => listContracts(built.ctx, actor, { q: '工资正常增长机制', page: 1, pageSize: 20 }));
await time('search q=裁减人员 (page 1)', 10, () => listContracts(built.ctx, actor, { q: '裁减人员', page: 1, pageSize: 20 }));
const { rankContracts } = await import('../src/server/modules/contracts/search');
await time('  of which BM25 over the postings (裁减人员)', 10, () => rankContracts(built.ctx.db, built.ctx.db.selectFrom('collective_contracts'), '裁减人员'));
await time('ledger page 1 (no query)', 10, () => listContracts(built.ctx, actor, { page: 1, pageSize: 20 }));
await built.close();
fs.rmSync(dir, { recursive: true, force: true });
