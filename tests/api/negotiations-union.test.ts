import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type Client, type TestApp } from '../support/test-app';

let t: TestApp;
let official: Client;
let union: Client;
let street1: Client;
let ent1: Client;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-26T04:00:00Z');
  [official, union, street1, ent1] = await Promise.all([t.login('official'), t.login('union'), t.login('street1'), t.login('enterprise1')]);
});
afterAll(async () => t.close());

const audits = (action: string, entityId: string) => t.built.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('entity_id', '=', entityId).execute();

describe('collective negotiation', () => {
  let id: string;
  it('401 / 403 / 400 / 201 with the request step and its audit row', async () => {
    expect((await t.anon().get('/api/negotiations')).status).toBe(401);
    expect((await (await t.login('mediator1')).get('/api/negotiations')).status).toBe(403);
    const bad = await ent1.post('/api/negotiations', { kind: 'wage', title: '工资集体协商', initiator: 'union' });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).fields!.map((f) => f.field)).toEqual(expect.arrayContaining(['requestedOn']));
    const r = await union.post('/api/negotiations', { kind: 'wage', title: '2027年度工资集体协商', initiator: 'union', enterpriseId: t.demo.ids.enterprise1, requestedOn: '2026-11-01', instructorName: '吴晓东' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'requested', nextSteps: ['response'], response: { due: '2026-11-21', late: true, responded: false } });
    id = r.body.id;
    expect(await audits('negotiation.create', id)).toHaveLength(1);
  });

  it('steps follow the order (409 names what is allowed); meetings need minutes; the vote must pass', async () => {
    const early = await ent1.post(`/api/negotiations/${id}/steps`, { kind: 'signing', onDate: '2026-11-10' });
    expect(early.status).toBe(409);
    expect(errorOf(early).message).toContain('书面回应要约');
    expect((await ent1.post(`/api/negotiations/${id}/steps`, { kind: 'response', onDate: '2026-11-10' })).status).toBe(201);
    const noMinutes = await ent1.post(`/api/negotiations/${id}/steps`, { kind: 'meeting', onDate: '2026-11-12' });
    expect(errorOf(noMinutes).fields![0]!.field).toBe('minutes');
    expect((await union.post(`/api/negotiations/${id}/steps`, { kind: 'meeting', onDate: '2026-11-12', minutes: '就工资增长幅度达成一致。' })).status).toBe(201);
    expect((await union.post(`/api/negotiations/${id}/steps`, { kind: 'draft', onDate: '2026-11-14' })).status).toBe(201);
    const lost = await union.post(`/api/negotiations/${id}/steps`, { kind: 'congress_vote', onDate: '2026-11-18', votesFor: 20, delegates: 52 });
    expect(errorOf(lost).fields![0]!.field).toBe('votesFor');
    expect((await union.post(`/api/negotiations/${id}/steps`, { kind: 'congress_vote', onDate: '2026-11-18', votesFor: 45, delegates: 52 })).status).toBe(201);
    expect((await union.post(`/api/negotiations/${id}/steps`, { kind: 'signing', onDate: '2026-11-20' })).status).toBe(201);
    const filed = await ent1.post(`/api/negotiations/${id}/steps`, { kind: 'filing', onDate: '2026-11-25' });
    expect(filed.body).toMatchObject({ status: 'filed', response: { late: false } });
    const contract = await ent1.get(`/api/collective-contracts/${filed.body.contractId}`);
    expect(contract.body).toMatchObject({ status: 'draft', kind: 'wage', signedOn: '2026-11-20', congressVotesFor: 45, negotiationId: id });
  });

  it('document templates are .docx; other enterprises and streets cannot see the record', async () => {
    expect((await ent1.get('/api/negotiations/templates')).body.items).toHaveLength(4);
    for (const tpl of ['request', 'response', 'meeting', 'congress_vote']) {
      const d = await ent1.get(`/api/negotiations/${id}/documents/${tpl}`);
      expect(d.status, tpl).toBe(200);
      expect(d.body.subarray(0, 2).toString()).toBe('PK');
    }
    expect((await ent1.get(`/api/negotiations/${id}/documents/nope`)).status).toBe(400);
    expect((await street1.get(`/api/negotiations/${id}`)).status).toBe(404);
    const instr = await union.patch(`/api/negotiations/${id}`, { instructorName: '林秀英' });
    expect(instr.body.instructorName).toBe('林秀英');
  });
});

describe('union building', () => {
  it('lists enterprises without a union from the registry, new ones flagged; 403 for enterprise users', async () => {
    expect((await ent1.get('/api/union-building/enterprises')).status).toBe(403);
    const db = t.built.ctx.db;
    await db.insertInto('enterprises').values({ id: 'ent-new-1', name: '云溪新注册科技有限公司', uscc: '91441999NEW000001X', region_id: '441999003', union_established: 0, is_key: 0, headcount: 30, registered_on: '2026-11-20', created_at: '2026-11-20T00:00:00Z', updated_at: '2026-11-20T00:00:00Z', version: 1 }).execute();
    const r = await street1.get('/api/union-building/enterprises?newOnly=1&pageSize=200');
    expect(r.status).toBe(200);
    expect(r.body.items[0]).toMatchObject({ enterpriseId: 'ent-new-1', isNew: true, stage: 'not_started' });
    for (const e of r.body.items) expect(e.regionId.startsWith('441999003')).toBe(true);
  });

  it('pipeline: preparing → established sets the registry union fields with an audit row; going back is 409', async () => {
    const p = await street1.put('/api/union-building/enterprises/ent-new-1', { stage: 'preparing', responsible: '何志强', notes: '已上门宣传' });
    expect(p.body).toMatchObject({ stage: 'preparing', preparingOn: '2026-11-26' });
    const missing = await street1.put('/api/union-building/enterprises/ent-new-1', { stage: 'established' });
    expect(errorOf(missing).fields![0]!.field).toBe('establishedOn');
    const e = await street1.put('/api/union-building/enterprises/ent-new-1', { stage: 'established', establishedOn: '2026-11-25', unionChair: '张小红', unionMembers: 26 });
    expect(e.status).toBe(200);
    const ent = await t.built.ctx.db.selectFrom('enterprises').selectAll().where('id', '=', 'ent-new-1').executeTakeFirstOrThrow();
    expect(ent).toMatchObject({ union_established: 1, union_established_on: '2026-11-25', union_chair: '张小红', union_members: 26 });
    expect(await audits('enterprise.union.establish', 'ent-new-1')).toHaveLength(1);
    const back = await street1.put('/api/union-building/enterprises/ent-new-1', { stage: 'preparing' });
    expect(back.status).toBe(409);
    const outside = t.demo.enterprises.find((x) => !x.region_id.startsWith('441999003'))!;
    expect((await street1.put(`/api/union-building/enterprises/${outside.id}`, { stage: 'preparing' })).status).toBe(404);
  });

  it('yearly targets per street against the unions actually established', async () => {
    const bad = await street1.put('/api/union-building/targets', { year: 2026, items: [{ regionId: '441999004', target: 5 }] });
    expect(errorOf(bad).fields![0]!.field).toBe('items.0.regionId');
    const r = await union.put('/api/union-building/targets', { year: 2026, items: [{ regionId: '441999003', target: 24 }] });
    expect(r.status).toBe(200);
    const xinqiao = r.body.items.find((i: any) => i.regionId === '441999003');
    const expected = t.demo.enterprises.filter((e) => e.region_id.startsWith('441999003') && e.union_established && (e.union_established_on ?? '').startsWith('2026')).length + 1;
    expect(xinqiao).toMatchObject({ target: 24, established: expected });
    expect(xinqiao.completion).toBe(Math.round((expected / 24) * 1000) / 10);
  });
});

describe('union annual assessment', () => {
  it('indicators, scores entered (max checked) and imported from Excel (all or nothing)', async () => {
    const ind = await official.get('/api/union-assessment/indicators');
    expect(ind.body.items).toHaveLength(5);
    const add = await union.post('/api/union-assessment/indicators', { code: 'EXTRA', name: '职工之家建设', maxScore: 10, weight: 10 });
    expect(add.status).toBe(201);
    expect((await union.post('/api/union-assessment/indicators', { code: 'EXTRA', name: '重复', maxScore: 10, weight: 10 })).status).toBe(409);
    const org = ind.body.items.find((i: any) => i.code === 'ORG');
    const e1 = t.demo.ids.enterprise1;
    const over = await union.put('/api/union-assessment/scores', { enterpriseId: e1, year: 2026, scores: [{ indicatorId: org.id, score: 99 }] });
    expect(errorOf(over).fields![0]!.field).toBe('scores.0.score');
    expect((await union.put('/api/union-assessment/scores', { enterpriseId: e1, year: 2026, scores: [{ indicatorId: org.id, score: 18 }] })).status).toBe(200);
    expect(await audits('unionAssessment.score', e1)).toHaveLength(1);

    const ent = t.demo.enterprises.find((e) => e.id === e1)!;
    const build = async (score: number | string) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('s');
      ws.addRow(['统一社会信用代码', '企业名称', '组织建设', '集体协商']);
      ws.addRow([ent.uscc, ent.name, 16, score]);
      const f = new FormData();
      f.append('file', new Blob([new Uint8Array(await wb.xlsx.writeBuffer())]), 'scores.xlsx');
      return f;
    };
    const badImport = await union.post('/api/union-assessment/import?year=2026', await build(90));
    expect(badImport.status).toBe(400);
    expect(errorOf(badImport).fields![0]!.message).toContain('第2行');
    const ok = await union.post('/api/union-assessment/import?year=2026', await build(22));
    expect(ok.body).toEqual({ year: 2026, imported: 1 });
    const list = await ent1.get('/api/union-assessment/scores?year=2026');
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].scores[org.id]).toBe(16);
    expect(list.body.items[0].total).toBeGreaterThan(0);
    const tpl = await union.get('/api/union-assessment/template.xlsx?year=2026');
    expect(tpl.body.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('remaining routes', () => {
  it('lists negotiations in scope, the union-building summary, and edits an indicator', async () => {
    const mine = await ent1.get('/api/negotiations');
    expect(mine.status).toBe(200);
    for (const n of mine.body.items) expect(n.enterpriseId).toBe(t.demo.ids.enterprise1);
    const s = await official.get('/api/union-building/summary?year=2026&by=park');
    expect(s.body.items.map((i: any) => i.name)).toContain('云溪中小企业国际合作区');
    expect((await ent1.get('/api/union-building/summary')).status).toBe(403);
    const ind = await official.get('/api/union-assessment/indicators');
    const id = ind.body.items[0].id;
    expect((await ent1.patch(`/api/union-assessment/indicators/${id}`, { active: false })).status).toBe(403);
    const r = await union.patch(`/api/union-assessment/indicators/${id}`, { weight: 30 });
    expect(r.body.items.find((i: any) => i.id === id).weight).toBe(30);
    expect((await union.patch('/api/union-assessment/indicators/nope', { weight: 30 })).status).toBe(404);
  });
});
