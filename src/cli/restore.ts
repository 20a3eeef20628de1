import { loadConfig } from '../server/config';
import { restoreSqlite } from '../server/db/backup';

// `npm run restore -- <backup file>`: replaces the SQLite database with the backup. Stop the server first.
async function main(): Promise<void> {
  const source = process.argv[2];
  if (!source) throw new Error('用法：npm run restore -- <备份文件>');
  const config = loadConfig();
  if (config.database.kind !== 'sqlite') throw new Error('PostgreSQL 请使用 pg_restore / psql 恢复，见 docs/operations.md');
  const r = await restoreSqlite(source, config.database.file);
  console.log(`恢复完成：${config.database.file}（${r.tables} 张表，${r.rows} 行）`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
