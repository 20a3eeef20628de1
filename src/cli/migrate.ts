import { loadConfig } from '../server/config';
import { migrateToLatest, openDatabase } from '../server/db';

async function main(): Promise<void> {
  const config = loadConfig();
  const handle = openDatabase(config.database);
  const applied = await migrateToLatest(handle.db);
  console.log(applied.length ? `已执行迁移：${applied.join(', ')}` : '数据库已是最新结构');
  await handle.close();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
