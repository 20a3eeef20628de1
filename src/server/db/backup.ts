import fs from 'node:fs';
import SQLite from 'better-sqlite3';

export function countRows(file: string): { tables: number; rows: number; perTable: Record<string, number> } {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
      .all() as { name: string }[];
    const perTable: Record<string, number> = {};
    for (const t of tables) perTable[t.name] = (db.prepare(`select count(*) as n from "${t.name}"`).get() as { n: number }).n;
    return { tables: tables.length, rows: Object.values(perTable).reduce((a, b) => a + b, 0), perTable };
  } finally {
    db.close();
  }
}

/** SQLite's online backup API: a consistent copy while other connections keep writing. */
export async function backupSqlite(source: string, target: string) {
  if (!fs.existsSync(source)) throw new Error(`数据库文件不存在：${source}`);
  const db = new SQLite(source, { fileMustExist: true });
  try {
    // Large steps keep the copy ahead of concurrent writers (a write restarts the current step).
    const r = await db.backup(target, { progress: () => 2000 });
    const counts = countRows(target);
    return { pages: r.totalPages, ...counts };
  } finally {
    db.close();
  }
}

/** Restores by copying the backup into the database file through the same backup API (no torn copy). */
export async function restoreSqlite(backup: string, target: string) {
  if (!fs.existsSync(backup)) throw new Error(`备份文件不存在：${backup}`);
  const check = new SQLite(backup, { readonly: true, fileMustExist: true });
  try {
    const ok = check.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new Error(`备份文件校验失败：${String(ok)}`);
    await check.backup(target);
  } finally {
    check.close();
  }
  return countRows(target);
}
