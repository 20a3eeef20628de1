import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { errorOf, startTestApp, type TestApp } from '../support/test-app';
import { auditRows, code, gb18030, settle, upload } from './enterprises-support';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ enterpriseCount: 60 });
});
afterAll(async () => t.close());

const count = async () => Number((await t.built.ctx.db.selectFrom('enterprises').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

const HEADER = '单位名称,信用代码,镇街,园区,职工人数（人）,是否建会,建会时间,劳动合同签订率,联系电话,行业';
const ledger = (existing: { name: string; uscc: string }) =>
  [
    HEADER,
    `云溪导入一号有限公司,${code(2001)},新桥街道,,120,是,2022/3/1,98%,13812345678,C 制造业`,
    `云溪导入二号有限公司,${code(2002)},青湖,,15,否,,0.9,,批发和零售业`,
    `坏代码有限公司,${code(2003).slice(0, 17)}Z,新桥街道,,10,否,,,,C`,
    `未知街道有限公司,${code(2004)},火星街道,,10,否,,,,C`,
    `重复代码有限公司,${code(2001)},新桥街道,,10,否,,,,C`,
    `人数有误有限公司,${code(2005)},新桥街道,,很多,否,,,,C`,
    `${existing.name},${existing.uscc},,,,,,,13700000000,`,
  ].join('\r\n');

describe('import: dry run, commit, idempotence (GB18030 CSV)', () => {
  let id = '';
  let csv: Buffer;

  it('POST → 202 {id}; the dry run reports every rejected row with row, column and a Chinese reason', async () => {
    const c = await t.login('official');
    const existing = t.demo.enterprises[3]!;
    csv = gb18030(ledger({ name: existing.name, uscc: existing.uscc }));
    const r = await upload(c, '台账.csv', csv);
    expect(r.status).toBe(202);
    expect(r.body.id).toEqual(expect.any(String));
    id = r.body.id;
    const s = await settle(c, id);
    expect(s.status).toBe(200);
    expect(s.body).toMatchObject({ status: 'validated', total: 7, valid: 3, encoding: 'gb18030', toInsert: 2, toUpdate: 1 });
    expect(s.body.rejected).toEqual([
      { row: 4, column: '信用代码', reason: expect.stringMatching(/不允许的字符|校验位/) },
      { row: 5, column: '镇街', reason: '未知的街道（镇）“火星街道”' },
      { row: 6, column: '信用代码', reason: '统一社会信用代码与第2行重复' },
      { row: 7, column: '职工人数（人）', reason: expect.stringContaining('非负整数') },
    ]);
    expect(s.body.inserted).toBeUndefined();
    expect(await auditRows(t, 'enterprise.import.upload', id)).toHaveLength(1);
  });

  it('commit → 202, then committed with inserted/updated/unchanged; a second commit → 409', async () => {
    const c = await t.login('official');
    const before = await count();
    const r = await c.post(`/api/enterprises/imports/${id}/commit`);
    expect(r.status).toBe(202);
    const s = await settle(c, id);
    expect(s.body).toMatchObject({ status: 'committed', inserted: 2, updated: 1, unchanged: 0 });
    expect(await count()).toBe(before + 2);
    const list = await c.get(`/api/enterprises?q=${code(2001)}`);
    expect(list.body.items[0]).toMatchObject({ name: '云溪导入一号有限公司', regionId: '441999003', headcount: 120, unionEstablished: true, industryCode: 'C' });
    const detail = await c.get(`/api/enterprises/${list.body.items[0].id}`);
    expect(detail.body).toMatchObject({ unionEstablishedOn: '2022-03-01', contractSigningRate: 0.98 });
    const tl = await c.get(`/api/enterprises/${list.body.items[0].id}/timeline`);
    expect(tl.body.items[0]).toMatchObject({ kind: 'registry.imported', refId: id });
    expect(await auditRows(t, 'enterprise.import.commit', id)).toHaveLength(1);
    // the imported names are searchable at once: 2 characters (bigram index on SQLite), 3+ (trigram index)
    for (const q of ['导入', '一号', '导入一号有']) {
      const found = await c.get(`/api/enterprises?q=${encodeURIComponent(q)}`);
      expect(found.body.items.map((i: { name: string }) => i.name), q).toContain('云溪导入一号有限公司');
    }
    const again = await c.post(`/api/enterprises/imports/${id}/commit`);
    expect(again.status).toBe(409);
  });

  it('re-importing the same file changes nothing', async () => {
    const c = await t.login('official');
    const before = await count();
    const versions = await t.built.ctx.db.selectFrom('enterprises').select(['id', 'version']).execute();
    const r = await upload(c, '台账.csv', csv);
    await settle(c, r.body.id);
    await c.post(`/api/enterprises/imports/${r.body.id}/commit`);
    const s = await settle(c, r.body.id);
    expect(s.body).toMatchObject({ status: 'committed', inserted: 0, updated: 0, unchanged: 3 });
    expect(await count()).toBe(before);
    expect(await t.built.ctx.db.selectFrom('enterprises').select(['id', 'version']).execute()).toEqual(versions);
  });

  it('UTF-8 with BOM and tab-separated UTF-16 are read too', async () => {
    const c = await t.login('official');
    const text = `企业名称,统一社会信用代码,所属街道\n云溪UTF八有限公司,${code(2101)},南岭街道\n`;
    const a = await settle(c, (await upload(c, 'a.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).body.id);
    expect(a.body).toMatchObject({ status: 'validated', valid: 1, encoding: 'utf-8' });
    const u16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replaceAll(',', '\t'), 'utf16le')]);
    const b = await settle(c, (await upload(c, 'b.txt', u16)).body.id);
    expect(b.body).toMatchObject({ status: 'validated', valid: 1, encoding: 'utf-16le' });
  });
});

describe('import: xlsx saved by LibreOffice with merged title rows', () => {
  it('finds the header under the titles and validates real date and percentage cells', async () => {
    const c = await t.login('official');
    const file = fs.readFileSync('tests/fixtures/ledger-libreoffice.xlsx');
    const r = await upload(c, 'ledger-libreoffice.xlsx', file, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(r.status).toBe(202);
    const s = await settle(c, r.body.id);
    expect(s.body).toMatchObject({ status: 'validated', format: 'xlsx', total: 6, valid: 4 });
    expect(s.body.rejected).toEqual([
      { row: 7, column: '信用代码', reason: expect.any(String) },
      { row: 8, column: '镇街', reason: '未知的街道（镇）“火星街道”' },
    ]);
    await c.post(`/api/enterprises/imports/${r.body.id}/commit`);
    expect((await settle(c, r.body.id)).body).toMatchObject({ status: 'committed', inserted: 4 });
    const e = (await c.get(`/api/enterprises?q=${encodeURIComponent('龙腾精密')}`)).body.items[0];
    const d = (await c.get(`/api/enterprises/${e.id}`)).body;
    expect(d).toMatchObject({ regionId: '441999006101', parkName: '云溪中小企业国际合作区', headcount: 320, isKey: true, unionEstablishedOn: '2019-05-01', contractSigningRate: 0.97, ownership: 'llc' });
  });

  it('a sheet without the required headers fails with a Chinese reason', async () => {
    const c = await t.login('official');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['甲', '乙']);
    const r = await upload(c, 'x.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const s = await settle(c, r.body.id);
    expect(s.body.status).toBe('failed');
    expect(s.body.error).toMatch(/企业名称/);
    expect((await c.post(`/api/enterprises/imports/${r.body.id}/commit`)).status).toBe(409);
  });
});

describe('import: all or nothing, scope and errors', () => {
  it('a failure inside the commit leaves the registry untouched', async () => {
    const db = t.built.ctx.db;
    if (t.built.ctx.dbKind === 'postgres') {
      await sql`create function hc_boom() returns trigger language plpgsql as $$ begin if new.headcount = 99999 then raise exception 'boom'; end if; return new; end $$`.execute(db);
      await sql`create trigger hc_boom before insert on headcount_records for each row execute function hc_boom()`.execute(db);
    } else {
      await sql`create trigger hc_boom before insert on headcount_records when new.headcount = 99999 begin select raise(abort, 'boom'); end`.execute(db);
    }
    const c = await t.login('official');
    const csv = `企业名称,统一社会信用代码,所属街道,职工人数\n云溪原子甲有限公司,${code(2201)},南岭街道,10\n云溪原子乙有限公司,${code(2202)},南岭街道,99999\n`;
    const before = await count();
    const r = await upload(c, 'boom.csv', csv);
    expect((await settle(c, r.body.id)).body.status).toBe('validated');
    await c.post(`/api/enterprises/imports/${r.body.id}/commit`);
    const s = await settle(c, r.body.id);
    expect(s.body.status).toBe('failed');
    expect(s.body.error).toMatch(/未写入任何数据/);
    expect(await count()).toBe(before);
    // nothing in the search indexes either, and (SQLite) the index triggers the bulk insert had dropped are back
    for (const q of ['原子', '云溪原子甲']) expect((await c.get(`/api/enterprises?q=${encodeURIComponent(q)}`)).body.total, q).toBe(0);
    if (t.built.ctx.dbKind === 'sqlite') {
      const triggers = await sql<{ name: string }>`select name from sqlite_master where type = 'trigger' and tbl_name = 'enterprises'`.execute(db);
      expect(triggers.rows.map((r) => r.name)).toEqual(expect.arrayContaining(['enterprises_fts_ai', 'enterprises_grams_ai']));
    }
    await sql`drop trigger hc_boom${sql.raw(t.built.ctx.dbKind === 'postgres' ? ' on headcount_records' : '')}`.execute(db);
  });

  it('a street official: rows of other streets are rejected; other users\u2019 imports are 404', async () => {
    const off = await t.login('official');
    const offImport = (await upload(off, 'o.csv', `企业名称,统一社会信用代码\n云溪区级有限公司,${code(2301)}\n`)).body.id;
    const street = await t.login('street1');
    const r = await upload(street, 's.csv', `企业名称,统一社会信用代码,所属街道\n新桥本地有限公司,${code(2302)},新桥街道\n青湖外地有限公司,${code(2303)},青湖街道\n默认街道有限公司,${code(2304)},\n`);
    const s = await settle(street, r.body.id);
    expect(s.body).toMatchObject({ status: 'validated', valid: 2, rejected: [{ row: 3, column: '所属街道', reason: '所属区域不在您的管辖范围内' }] });
    expect((await street.get(`/api/enterprises/imports/${offImport}`)).status).toBe(404);
    expect((await street.post(`/api/enterprises/imports/${offImport}/commit`)).status).toBe(404);
    const o = await settle(off, offImport);
    expect(o.body.rejected[0]).toMatchObject({ column: '所属街道', reason: '缺少所属街道（镇）或园区' });
  });

  it('401, 403 by role, 400 for a missing or unsupported file; template has Chinese headers', async () => {
    expect((await upload(t.anon(), 'a.csv', 'x')).status).toBe(401);
    for (const u of ['mediator1', 'coordinator1', 'enterprise1', 'arbitrator']) {
      expect((await upload(await t.login(u), 'a.csv', 'x')).status, u).toBe(403);
      expect((await (await t.login(u)).get('/api/enterprises/imports/template')).status, u).toBe(403);
    }
    const c = await t.login('official');
    const noFile = await c.post('/api/enterprises/imports', { file: 'x' });
    expect(noFile.status).toBe(400);
    expect(errorOf(noFile).fields![0]!.field).toBe('file');
    const xls = await upload(c, 'old.xlsx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
    expect(xls.status).toBe(400);
    expect(errorOf(xls).fields![0]!.field).toBe('file');
    expect((await c.get('/api/enterprises/imports/nope')).status).toBe(404);
    const tpl = await c.get('/api/enterprises/imports/template');
    expect(tpl.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.body);
    expect(wb.worksheets[0]!.getRow(1).values).toEqual(expect.arrayContaining(['企业名称', '统一社会信用代码', '所属街道', '职工人数']));
  });
});
