import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase, migrateToLatest } from '../../src/server/db';
import { backupSqlite, countRows, restoreSqlite } from '../../src/server/db/backup';
import { seedDemo } from '../../src/server/seed/insert-demo';

describe.skipIf(process.env.HEXIE_TEST_DB === 'postgres')('SQLite backup and restore', () => {
  it('an online backup taken while a connection is writing restores every row', { timeout: 120_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hexie-backup-'));
    const file = path.join(dir, 'live.db');
    const handle = openDatabase({ kind: 'sqlite', file });
    await migrateToLatest(handle.db);
    await seedDemo(handle.db, { enterpriseCount: 300 });
    // keep writing on the live connection while the backup runs
    let writes = 0;
    const writer = setInterval(() => {
      handle.sqlite!.prepare("insert into audit_log (id, at, action, entity_type) values (?, ?, 'test.write', 'test')").run(`w${writes++}`, new Date().toISOString());
    }, 20);
    const backup = path.join(dir, 'backup.db');
    const r = await backupSqlite(file, backup);
    clearInterval(writer);
    expect(r.rows).toBeGreaterThan(300);

    const original = countRows(backup);
    const restored = path.join(dir, 'restored.db');
    const back = await restoreSqlite(backup, restored);
    expect(back.perTable).toEqual(original.perTable);
    expect(back.perTable.enterprises).toBe(300);
    expect(back.perTable.users).toBe(10);
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a missing backup file with a clear message', async () => {
    await expect(restoreSqlite('/nonexistent/backup.db', '/tmp/x.db')).rejects.toThrow('备份文件不存在');
  });
});
