/**
 * `npm run import:laws [-- --dir data/laws] [--qa data/knowledge/qa.json]`: imports the law texts
 * (a changed version goes in beside the old one and becomes current when its effective date is
 * later), the official typical cases and — on a database that never had them — the Q&A entries.
 * Running it twice changes nothing. Replicas notice the new content through knowledge_version.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config';
import { migrateToLatest, openDatabase } from '../server/db';
import { APP_LAWS_DIR, QA_FILE } from '../server/modules/knowledge/corpus';
import { importKnowledge, readSources } from '../server/modules/knowledge/import';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { dir: { type: 'string' }, qa: { type: 'string' } } });
  const config = loadConfig(process.env);
  const database = openDatabase(config.database);
  try {
    await migrateToLatest(database.db);
    const src = readSources(values.dir ?? APP_LAWS_DIR, values.qa ?? QA_FILE);
    const r = await importKnowledge(database.db, new Date().toISOString(), src);
    console.log(`新增法规版本 ${r.lawsAdded.length} 个（${r.articlesAdded} 条条文），已存在跳过 ${r.lawsSkipped} 个；新增典型案例 ${r.casesAdded} 个；首次写入问答 ${r.qaSeeded} 条。`);
    for (const id of r.lawsAdded) console.log(`  + ${id}`);
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
