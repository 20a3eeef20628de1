import path from 'node:path';
import fs from 'node:fs';
import { loadConfig } from '../server/config';
import { backupSqlite } from '../server/db/backup';

// `npm run backup [-- <file>]`: SQLite online backup, safe while the server runs.
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.database.kind !== 'sqlite') {
    throw new Error('PostgreSQL 请使用 pg_dump 备份，见 docs/operations.md');
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = process.argv[2] ?? path.join('data', 'backups', `hexie-${stamp}.db`);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const r = await backupSqlite(config.database.file, target);
  console.log(`备份完成：${target}（${r.pages} 页，${r.tables} 张表，${r.rows} 行）`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
