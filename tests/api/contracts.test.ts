import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type Client, type TestApp } from '../support/test-app';

const FIX = path.resolve('tests/fixtures/contracts');
let t: TestApp;
let filesDir: string;
let official: Client; // 区人社局: reviewer
let union: Client; // 区总工会
let street1: Client; // 新桥街道
let ent1: Client;

function form(name: string, data?: Buffer) {
  const f = new FormData();
  f.append('file', new Blob([new Uint8Array(data ?? fs.readFileSync(path.join(FIX, name)))]), name);
  return f;
}
/** Sessions expire when the test clock jumps; sign everyone in again at the new time. */
async function at(iso: string) {
  t.clock.set(iso);
  [official, union, street1, ent1] = await Promise.all([t.login('official'), t.login('union'), t.login('street1'), t.login('enterprise1')]);
}
async function audits(action: string, entityId: string) {
  return t.built.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('entity_id', '=', entityId).execute();
}

beforeAll(async () => {
  filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hexie-files-'));
  t = await startTestApp({ env: { HEXIE_FILES_DIR: filesDir } });
  await at('2026-11-26T04:00:00Z');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

describe('collective contracts: access', () => {
  it('401 without a session, 403 for roles without the action', async () => {
    expect((await t.anon().get('/api/collective-contracts')).status).toBe(401);
    for (const u of ['mediator1', 'worker1', 'coordinator1', 'arbitrator']) {
      const c = await t.login(u);
      expect((await c.get('/api/collective-contracts')).status, u).toBe(403);
    }
    expect((await ent1.get('/api/collective-contracts/coverage')).status).toBe(403);
  });

  it('officials see their region, the enterprise only its own (and the regional contracts that bind it)', async () => {
    const all = await official.get('/api/collective-contracts?pageSize=200');
    expect(all.status).toBe(200);
    const mine = await ent1.get('/api/collective-contracts?pageSize=200');
    expect(mine.body.items.length).toBeGreaterThan(0);
    for (const c of mine.body.items) expect(c.enterpriseId === t.demo.ids.enterprise1 || c.scope !== 'enterprise').toBe(true);
    const street = await street1.get('/api/collective-contracts?pageSize=200');
    for (const c of street.body.items) expect(c.regionId.startsWith('441999003')).toBe(true);
    const other = all.body.items.find((c: any) => !c.regionId.startsWith('441999003') && c.scope === 'enterprise');
    expect((await street1.get(`/api/collective-contracts/${other.id}`)).status).toBe(404);
    expect((await ent1.get(`/api/collective-contracts/${other.id}`)).status).toBe(404);
  });
});

describe('upload, clause check, review and the 15-day clock', () => {
  let id: string;
  it('the enterprise registers its contract (400 names the field; 201 with an audit row)', async () => {
    const bad = await ent1.post('/api/collective-contracts', { kind: 'comprehensive', title: '集体合同' });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).fields!.map((f) => f.field)).toContain('enterpriseId');
    const foreign = t.demo.enterprises.find((e) => e.id !== t.demo.ids.enterprise1)!;
    const denied = await ent1.post('/api/collective-contracts', { kind: 'comprehensive', title: '他人合同', enterpriseId: foreign.id });
    expect(errorOf(denied).fields![0]!.field).toBe('enterpriseId');
    const r = await ent1.post('/api/collective-contracts', { requestId: 'req-contract-0001', kind: 'comprehensive', title: '2027年集体合同', enterpriseId: t.demo.ids.enterprise1, signedOn: '2026-11-20', termStart: '2027-01-01', termEnd: '2029-12-31', employerRepresentative: '王建华', workerRepresentative: '刘美玲', congressOn: '2026-11-15', congressVotesFor: 45, congressDelegates: 52 });
    expect(r.status).toBe(201);
    expect(r.body.status).toBe('draft');
    expect(r.body.term.ok).toBe(true);
    id = r.body.id;
    const again = await ent1.post('/api/collective-contracts', { requestId: 'req-contract-0001', kind: 'comprehensive', title: '2027年集体合同', enterpriseId: t.demo.ids.enterprise1 });
    expect(again.body.id).toBe(id);
    expect(await audits('contract.create', id)).toHaveLength(1);
  });

  it('rejects a file that is neither .docx nor .pdf, and submitting without a file', async () => {
    const r = await ent1.post(`/api/collective-contracts/${id}/file`, form('note.txt', Buffer.from('hello')));
    expect(r.status).toBe(400);
    expect(errorOf(r).fields![0]!.field).toBe('file');
    const s = await ent1.post(`/api/collective-contracts/${id}/submit`, {});
    expect(s.status).toBe(400);
    expect(errorOf(s).fields![0]!.field).toBe('file');
  });

  it('extracts the text of a LibreOffice .pdf and then of a .docx; the clause check sees the fifteen subjects', async () => {
    const pdf = await ent1.post(`/api/collective-contracts/${id}/file`, form('contract.pdf'));
    expect(pdf.status).toBe(200);
    expect(pdf.body.file.searchable).toBe(true);
    expect(pdf.body.text).toContain('以货币形式按月支付');
    const r = await ent1.post(`/api/collective-contracts/${id}/file`, form('contract.docx'));
    expect(r.status).toBe(200);
    expect(r.body.file).toMatchObject({ name: 'contract.docx', searchable: true });
    expect(r.body.text).toContain('女职工经期、孕期、产期、哺乳期');
    expect(r.body.clauseCheck.problems).toBe(0);
    expect(r.body.clauseCheck.covered).toBe(14);
    const file = await ent1.get(`/api/collective-contracts/${id}/file`);
    expect(Buffer.compare(file.body, fs.readFileSync(path.join(FIX, 'contract.docx')))).toBe(0);
    expect(await audits('contract.upload', id)).toHaveLength(2);
  });

  it('search finds words inside the contract text', async () => {
    const r = await official.get('/api/collective-contracts?q=' + encodeURIComponent('职业病危害因素'));
    expect(r.status).toBe(200);
    expect(r.body.items[0].id).toBe(id);
    expect(r.body.items[0].match.snippet).toContain('职业病危害因素');
    const none = await street1.get('/api/collective-contracts?q=' + encodeURIComponent('职业病危害因素'));
    expect(none.body.items.find((c: any) => c.id === id)).toBeUndefined();
  });

  it('submitting starts the 15-day clock; the union and the street office may not review', async () => {
    const r = await ent1.post(`/api/collective-contracts/${id}/submit`, {});
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'under_review', receivedOn: '2026-11-26', reviewDeadline: '2026-12-11' });
    expect(r.body.reviewClock.daysLeft).toBe(16);
    expect((await ent1.post(`/api/collective-contracts/${id}/review`, { decision: 'approve' })).status).toBe(403);
    expect((await union.post(`/api/collective-contracts/${id}/review`, { decision: 'approve' })).status).toBe(403);
    expect((await street1.post(`/api/collective-contracts/${id}/review`, { decision: 'approve' })).status).toBe(403);
    const detail = await official.get(`/api/collective-contracts/${id}`);
    expect(detail.body.abilities.review).toBe(true);
  });

  it('an objection needs an opinion; after it the enterprise corrects and submits again', async () => {
    const bad = await official.post(`/api/collective-contracts/${id}/review`, { decision: 'object' });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).fields![0]!.field).toBe('opinion');
    const r = await official.post(`/api/collective-contracts/${id}/review`, { decision: 'object', opinion: '请补充裁员程序的具体约定。' });
    expect(r.body.status).toBe('objected');
    expect(await audits('contract.object', id)).toHaveLength(1);
    const letter = await ent1.get(`/api/collective-contracts/${id}/review-letter.docx`);
    expect(letter.status).toBe(200);
    expect(letter.headers.get('content-type')).toContain('wordprocessingml');
    expect(letter.body.subarray(0, 2).toString()).toBe('PK');
    const again = await ent1.post(`/api/collective-contracts/${id}/submit`, {});
    expect(again.body.status).toBe('under_review');
    const illegal = await ent1.post(`/api/collective-contracts/${id}/withdraw`);
    expect(illegal.status).toBe(409);
    expect(errorOf(illegal).message).toContain('允许的操作');
  });

  it('no objection within 15 days → effective (劳动合同法 第五十四条); afterwards an objection is refused', async () => {
    await at('2026-12-11T04:00:00Z');
    expect((await official.get(`/api/collective-contracts/${id}`)).body.status).toBe('under_review');
    await at('2026-12-12T04:00:00Z');
    const late = await official.post(`/api/collective-contracts/${id}/review`, { decision: 'object', opinion: '太迟' });
    expect(late.status).toBe(409);
    const r = await official.get(`/api/collective-contracts/${id}`);
    expect(r.body).toMatchObject({ status: 'effective', effectiveOn: '2026-12-12' });
    expect(r.body.events.map((e: any) => e.action)).toContain('lapse');
    expect(await audits('contract.effective', id)).toHaveLength(1);
    const letter = await official.get(`/api/collective-contracts/${id}/review-letter.docx`);
    expect(letter.status).toBe(200);
    await at('2026-11-26T04:00:00Z');
  });

  it('a scanned PDF is accepted and flagged as not searchable; a wage contract below the minimum wage is flagged', async () => {
    const c = await union.post('/api/collective-contracts', { kind: 'wage', title: '工资专项集体合同（扫描件）', enterpriseId: t.demo.ids.enterprise1 });
    const scanned = await union.post(`/api/collective-contracts/${c.body.id}/file`, form('scanned.pdf'));
    expect(scanned.status).toBe(200);
    expect(scanned.body.file.searchable).toBe(false);
    expect(scanned.body.clauseCheck.findings[0].type).toBe('no_text');
    const wage = await union.post(`/api/collective-contracts/${c.body.id}/file`, form('wage.docx'));
    const low = wage.body.clauseCheck.findings.filter((f: any) => f.type === 'wage_below_minimum');
    expect(low.map((f: any) => f.amount)).toEqual([1500, 1600]);
    expect(wage.body.minimumWage.monthly).toBe(1900);
  });

  it('the minimum wage is configurable per region', async () => {
    expect((await ent1.put('/api/minimum-wages', { regionId: '441999', monthly: 2000, hourly: 19, effectiveFrom: '2026-12-01' })).status).toBe(403);
    const bad = await street1.put('/api/minimum-wages', { regionId: '441999', monthly: 2000, hourly: 19, effectiveFrom: '2026-12-01' });
    expect(errorOf(bad).fields![0]!.field).toBe('regionId');
    const r = await official.put('/api/minimum-wages', { regionId: '441999006101', monthly: 2000, hourly: 19, effectiveFrom: '2026-11-01' });
    expect(r.status).toBe(200);
    expect(r.body.items.find((m: any) => m.regionId === '441999006101').monthly).toBe(2000);
  });
});

describe('expiry and renewal', () => {
  it('lists contracts ending within N days and starts a renewal negotiation from the old one', async () => {
    const r = await ent1.get('/api/collective-contracts/expiring?days=90');
    expect(r.status).toBe(200);
    const old = r.body.items.find((c: any) => c.id === 'cc-demo-e1');
    expect(old).toMatchObject({ termEnd: '2027-01-15', daysLeft: 50, renewal: { negotiationId: null } });
    expect((await ent1.get('/api/collective-contracts/expiring?days=30')).body.items.find((c: any) => c.id === 'cc-demo-e1')).toBeUndefined();
    const n = await ent1.post('/api/collective-contracts/cc-demo-e1/renew');
    expect(n.status).toBe(201);
    expect(n.body).toMatchObject({ previousContractId: 'cc-demo-e1', kind: 'comprehensive', status: 'requested' });
    const after = await ent1.get('/api/collective-contracts/expiring?days=90');
    expect(after.body.items.find((c: any) => c.id === 'cc-demo-e1').renewal.negotiationId).toBe(n.body.id);
  });
});

describe('coverage against a hand-counted street', () => {
  it('counts unionized enterprises with an in-force comprehensive, female and wage contract by street and park', async () => {
    const db = t.built.ctx.db;
    const ts = '2026-01-01T00:00:00Z';
    await db.insertInto('regions').values([{ id: '441999009', name: '测试街道', level: 'street', parent_id: '441999', sort: 99 }]).execute();
    await db.insertInto('regions').values([{ id: '441999009101', name: '测试园区', level: 'park', parent_id: '441999009', sort: 1 }]).execute();
    const ent = (id: string, region: string, union: number, industry: string) => ({ id, name: `测试企业${id}`, uscc: `91441999TEST0000${id}`, region_id: region, industry_code: industry, union_established: union, headcount: 50, is_key: 0, created_at: ts, updated_at: ts, version: 1, registered_on: '2020-01-01' });
    await db.insertInto('enterprises').values([ent('A', '441999009', 1, 'C'), ent('B', '441999009', 1, 'C'), ent('C', '441999009', 1, 'F'), ent('D', '441999009101', 1, 'C'), ent('E', '441999009101', 0, 'C')]).execute();
    const c = (id: string, region: string, enterprise: string | null, kind: string, status: string, termEnd: string, reviewDeadline: string | null = null) => ({ id, region_id: region, scope: enterprise ? 'enterprise' : 'regional', enterprise_id: enterprise, kind, title: id, status, term_start: '2025-01-01', term_end: termEnd, review_deadline: reviewDeadline, searchable: 0, created_at: ts, updated_at: ts, version: 1 });
    await db.insertInto('collective_contracts').values([
      c('t-A-comp', '441999009', 'A', 'comprehensive', 'effective', '2027-12-31'),
      c('t-A-female', '441999009', 'A', 'female', 'effective', '2027-12-31'),
      c('t-B-comp', '441999009', 'B', 'comprehensive', 'under_review', '2027-12-31', '2026-11-01'), // 15 days passed → in force
      c('t-C-comp', '441999009', 'C', 'comprehensive', 'effective', '2026-06-30'), // ended
      c('t-C-wage', '441999009', 'C', 'wage', 'effective', '2027-06-30'),
      c('t-D-draft', '441999009101', 'D', 'comprehensive', 'draft', '2028-12-31'), // not filed
      c('t-park-female', '441999009101', null, 'female', 'effective', '2027-12-31'),
    ]).execute();
    await db.insertInto('collective_contract_enterprises').values([
      ['t-A-comp', 'A'], ['t-A-female', 'A'], ['t-B-comp', 'B'], ['t-C-comp', 'C'], ['t-C-wage', 'C'], ['t-D-draft', 'D'], ['t-park-female', 'D'], ['t-park-female', 'E'],
    ].map(([contract_id, enterprise_id]) => ({ contract_id: contract_id!, enterprise_id: enterprise_id!, region_id: enterprise_id === 'D' || enterprise_id === 'E' ? '441999009101' : '441999009' }))).execute();

    const byStreet = await union.get('/api/collective-contracts/coverage?by=street&regionId=441999009');
    expect(byStreet.status).toBe(200);
    expect(byStreet.body.totals).toMatchObject({ enterprises: 5, unionized: 4, withContract: 2, femaleSpecial: 2, wageSpecial: 1, anyContract: 5, contractRate: 50, femaleRate: 50, wageRate: 25 });
    expect(byStreet.body.items).toEqual([expect.objectContaining({ key: '441999009', name: '测试街道', withContract: 2 })]);
    const byPark = await union.get('/api/collective-contracts/coverage?by=park&regionId=441999009');
    expect(byPark.body.items).toEqual([expect.objectContaining({ name: '测试园区', enterprises: 2, unionized: 1, withContract: 0, femaleSpecial: 1, wageSpecial: 0 })]);
    const byIndustry = await union.get('/api/collective-contracts/coverage?by=industry&regionId=441999009');
    expect(byIndustry.body.items.map((i: any) => [i.key, i.enterprises, i.withContract])).toEqual([['C', 4, 2], ['F', 1, 0]]);
    expect((await street1.get('/api/collective-contracts/coverage?regionId=441999009')).status).toBe(404);
    const district = await official.get('/api/collective-contracts/coverage');
    expect(district.body.items.length).toBe(9);
  });
});

describe('remaining routes', () => {
  it('PATCH metadata while draft (audited, version checked); withdraw; enterprise options; minimum wages list', async () => {
    const c = await ent1.post('/api/collective-contracts', { kind: 'female', title: '女职工专项合同草稿', enterpriseId: t.demo.ids.enterprise1 });
    const bad = await ent1.patch(`/api/collective-contracts/${c.body.id}`, { termStart: '2027-01-01', termEnd: '2026-01-01' });
    expect(errorOf(bad).fields![0]!.field).toBe('termEnd');
    const stale = await ent1.patch(`/api/collective-contracts/${c.body.id}`, { title: '女职工权益保护专项集体合同', version: 99 });
    expect(stale.status).toBe(409);
    const ok = await ent1.patch(`/api/collective-contracts/${c.body.id}`, { title: '女职工权益保护专项集体合同', termStart: '2027-01-01', termEnd: '2027-12-31', version: c.body.version });
    expect(ok.body).toMatchObject({ title: '女职工权益保护专项集体合同', term: { ok: true } });
    expect(await audits('contract.update', c.body.id)).toHaveLength(1);
    expect((await street1.patch(`/api/collective-contracts/${c.body.id}`, { title: '越权修改' })).status).toBe(404);
    const w = await ent1.post(`/api/collective-contracts/${c.body.id}/withdraw`);
    expect(w.body.status).toBe('withdrawn');
    expect((await ent1.patch(`/api/collective-contracts/${c.body.id}`, { title: '再改' })).status).toBe(409);
    const opts = await ent1.get('/api/collective-contracts/enterprise-options');
    expect(opts.body.items.map((e: any) => e.id)).toEqual([t.demo.ids.enterprise1]);
    expect((await (await t.login('mediator1')).get('/api/collective-contracts/enterprise-options')).status).toBe(403);
    const mw = await ent1.get('/api/minimum-wages');
    expect(mw.body.items.find((m: any) => m.regionId === '441999')).toMatchObject({ monthly: 1900, hourly: 18.1 });
    expect((await t.anon().get('/api/minimum-wages')).status).toBe(401);
  });

  it('a regional contract binds the enterprises of its region; the enterprise user sees it but cannot change it', async () => {
    expect((await ent1.post('/api/collective-contracts', { scope: 'regional', kind: 'female', title: '区域性合同' })).status).toBe(403);
    const r = await union.post('/api/collective-contracts', { scope: 'regional', regionId: t.demo.ids.park, kind: 'wage', title: '合作区工资专项集体合同' });
    expect(r.status).toBe(201);
    expect(r.body.enterpriseCount).toBe(t.demo.enterprises.filter((e) => e.region_id === t.demo.ids.park).length);
    const seen = await ent1.get(`/api/collective-contracts/${r.body.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.abilities.update).toBe(false);
    const outside = await street1.post('/api/collective-contracts', { scope: 'regional', regionId: t.demo.ids.park, kind: 'wage', title: '越权' });
    expect(errorOf(outside).fields![0]!.field).toBe('regionId');
  });
});

describe('the 15-day review clock follows the statutory calendar', () => {
  it('a contract received on 2026-09-16 may be objected to until 2026-10-08: day 15 falls in the National Day holiday', async () => {
    await at('2026-09-16T02:00:00.000Z');
    const r = await ent1.post('/api/collective-contracts', { kind: 'wage', title: '2026年工资专项集体合同', enterpriseId: t.demo.ids.enterprise1, signedOn: '2026-09-10', termStart: '2026-10-01', termEnd: '2027-09-30' });
    expect(r.status).toBe(201);
    expect((await ent1.post(`/api/collective-contracts/${r.body.id}/file`, form('wage.docx'))).status).toBe(200);
    const s = await ent1.post(`/api/collective-contracts/${r.body.id}/submit`, {});
    expect(s.status).toBe(200);
    // 劳动合同法 第五十四条: 15 days → 2026-10-01 (国庆节), rolled to the next working day.
    expect(s.body).toMatchObject({ receivedOn: '2026-09-16', reviewDeadline: '2026-10-08' });
  });
});
