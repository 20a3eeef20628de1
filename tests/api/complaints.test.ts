import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDefaultCalendar } from '../../src/domain/calendar/default-holidays';
import { investigationDue } from '../../src/domain/complaints';
import { onComplaintFiled, type ComplaintFiled } from '../../src/server/modules/complaints/hooks';
import { errorOf, startTestApp, type Client, type TestApp } from '../support/test-app';

let t: TestApp;
let ent: Client;
let official: Client;
let street: Client;
let worker: Client;
let e1 = '';
let e1Name = '';
let outsideName = '';
const filed: ComplaintFiled[] = [];
let off: () => void;
beforeAll(async () => {
  t = await startTestApp({ enterpriseCount: 60 });
  t.clock.set('2026-11-26T02:00:00.000Z');
  [ent, official, street, worker] = await Promise.all([t.login('enterprise1'), t.login('official'), t.login('street1'), t.login('worker1')]);
  const e = t.demo.enterprises.find((x) => x.id === t.demo.ids.enterprise1)!;
  e1 = e.id;
  e1Name = e.name;
  outsideName = t.demo.enterprises.find((x) => !x.region_id.startsWith(t.demo.ids.xinqiao))!.name;
  off = onComplaintFiled.on((_trx, ev) => void filed.push(ev));
});
afterAll(async () => {
  off?.();
  await t?.close();
});

const db = () => t.built.ctx.db;
const audit = (action: string, entityId: string) => db().selectFrom('audit_log').selectAll().where('action', '=', action).where('entity_id', '=', entityId).execute();
const base = { issues: ['wage_arrears'], description: '公司已连续两个月未发放工资，多次催要未果。', workersAffected: 3, amountClaimed: 18000 };

describe('intake', () => {
  let anonId = '';
  let anonCode = '';
  it('the public page takes an anonymous report, matches the employer and fires the hook', async () => {
    const r = await t.anon().post('/api/public/complaints', { ...base, employerName: e1Name, anonymous: true, name: '不应保存', phone: '13912345678' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ receivedOn: '2026-11-26', acceptDueOn: '2026-12-03', enterpriseMatched: true });
    anonId = r.body.id;
    anonCode = r.body.trackingCode;
    expect(filed.at(-1)).toMatchObject({ complaintId: anonId, enterpriseId: e1, issues: ['wage_arrears'] });
    const row = await db().selectFrom('complaints').selectAll().where('id', '=', anonId).executeTakeFirstOrThrow();
    expect([row.complainant_name, row.complainant_phone, row.channel, row.priority]).toEqual([null, null, 'public', 'high']);
    const tl = await db().selectFrom('enterprise_events').selectAll().where('enterprise_id', '=', e1).where('kind', '=', 'complaint.filed').execute();
    expect(tl).toHaveLength(1);
    expect(await audit('complaint.file', anonId)).toHaveLength(1);
    // the risk module received it as a wage-arrears complaint signal
    const signal = await db().selectFrom('risk_signals').selectAll().where('source', '=', 'complaints').where('external_id', '=', anonId).executeTakeFirstOrThrow();
    expect(signal).toMatchObject({ kind: 'wage_arrears_complaint', enterprise_id: e1, workers_affected: 3 });
  });

  it('a named public complaint needs a phone (400 names it); 12333 transfers need the transfer number', async () => {
    const r = await t.anon().post('/api/public/complaints', { ...base, employerName: '某某餐饮店', anonymous: false, name: '王某' });
    expect(r.status).toBe(400);
    expect(errorOf(r).fields![0].field).toBe('phone');
    const short = await t.anon().post('/api/public/complaints', { ...base, employerName: '某某餐饮店', anonymous: true, description: '欠薪' });
    expect(errorOf(short).fields![0].field).toBe('description');
    const x = await official.post('/api/complaints', { ...base, employerName: e1Name, anonymous: false, name: '赵某', phone: '13900000000', channel: '12333' });
    expect(errorOf(x).fields![0].field).toBe('transferNo');
  });

  it('the tracking page shows progress and no personal data', async () => {
    const r = await t.anon().get(`/api/public/complaints/${anonCode}`);
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(['acceptedOn', 'closedOn', 'feedback', 'receivedOn', 'status', 'trackingCode']);
    expect(JSON.stringify(r.body)).not.toContain(e1Name);
    expect((await t.anon().get('/api/public/complaints/NOSUCHCODE')).status).toBe(404);
  });

  let workerId = '';
  it('a worker files from the portal and sees only own complaints; enterprises see none (403)', async () => {
    const r = await worker.post('/api/complaints', { ...base, employerName: outsideName, anonymous: false });
    expect(r.status).toBe(201);
    workerId = r.body.id;
    const mine = await worker.get('/api/complaints');
    expect(mine.body.items.map((x: { id: string }) => x.id)).toEqual([workerId]);
    expect((await worker.get(`/api/complaints/${anonId}`)).status).toBe(404);
    const own = await worker.get(`/api/complaints/${workerId}`);
    expect(own.body.complainant.name).toBe('李建国');
    expect(own.body.abilities.accept).toBe(false);
    expect((await ent.get('/api/complaints')).status).toBe(403);
    expect((await ent.get(`/api/complaints/${anonId}`)).status).toBe(403);
    expect((await worker.post(`/api/complaints/${workerId}/accept`, {})).status).toBe(403);
  });

  it('the street official sees complaints of the street only', async () => {
    const list = await street.get('/api/complaints');
    expect(list.body.items.map((x: { id: string }) => x.id)).not.toContain(workerId);
    expect((await street.get(`/api/complaints/${workerId}`)).status).toBe(404);
    expect((await street.post(`/api/complaints/${workerId}/accept`, {})).status).toBe(404);
    const all = await official.get('/api/complaints');
    expect(all.body.total).toBeGreaterThanOrEqual(2);
    expect(all.body.items.find((x: { id: string }) => x.id === anonId).deadline).toMatchObject({ kind: 'acceptance', due: '2026-12-03', state: 'due_soon' });
  });
});

describe('handling: accept, extend, order, close → violation → grade', () => {
  let id = '';
  it('assigns an inspector, accepts with a 60-working-day period, extends once', async () => {
    const r = await t.anon().post('/api/public/complaints', { ...base, employerName: e1Name, anonymous: false, name: '刘某', phone: '13911112222' });
    id = r.body.id;
    const inspectors = await official.get('/api/complaints/inspectors');
    const target = inspectors.body.items.find((u: { name: string }) => u.name.includes('何志强'));
    const bad = await official.post(`/api/complaints/${id}/assign`, { userId: 'usr-worker1' });
    expect(errorOf(bad).fields![0].field).toBe('userId');
    expect((await official.post(`/api/complaints/${id}/assign`, { userId: target.id })).body.assigneeName).toContain('何志强');
    const a = await official.post(`/api/complaints/${id}/accept`, {});
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ status: 'accepted', acceptedOn: '2026-11-26', investigationDueOn: investigationDue(loadDefaultCalendar(), '2026-11-26', false) });
    expect((await official.post(`/api/complaints/${id}/accept`, {})).status).toBe(409);
    const noApprover = await official.post(`/api/complaints/${id}/extend`, { reason: '涉及人数多', approvedBy: '' });
    expect(errorOf(noApprover).fields![0].field).toBe('approvedBy');
    const ext = await official.post(`/api/complaints/${id}/extend`, { reason: '涉及人数多、账册需审计', approvedBy: '局长 张某' });
    expect(ext.body.investigationDueOn).toBe(investigationDue(loadDefaultCalendar(), '2026-11-26', true));
    expect((await official.post(`/api/complaints/${id}/extend`, { reason: '再延', approvedBy: '张某' })).status).toBe(409);
  });

  it('issues a 限期整改指令书 as .docx', async () => {
    const past = await official.post(`/api/complaints/${id}/rectification-order`, { findings: '拖欠工资', items: ['补发工资'], dueOn: '2026-11-26' });
    expect(errorOf(past).fields![0].field).toBe('dueOn');
    const r = await official.post(`/api/complaints/${id}/rectification-order`, { findings: '拖欠3名劳动者2026年9月至10月工资共计18000元', items: ['足额补发拖欠工资', '建立工资支付台账'], dueOn: '2026-12-10' });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('rectifying');
    expect(r.body.documents[0].docNo).toBe('劳监限改〔2026〕1号');
    const f = await official.get(`/api/complaints/${id}/documents/${r.body.documents[0].id}`);
    expect(f.status).toBe(200);
    expect((f.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    expect(f.headers.get('content-disposition')).toContain(encodeURIComponent('限期整改指令书'));
    expect((await worker.get(`/api/complaints/${id}/documents/${r.body.documents[0].id}`)).status).toBe(403);
  });

  it('closes with a violation found: decision .docx, feedback to the complainant, dynamic downgrade', async () => {
    const noKind = await official.post(`/api/complaints/${id}/close`, { outcome: 'violation_found', findings: '查实', feedback: '已查实' });
    expect(errorOf(noKind).fields![0].field).toBe('violationKind');
    const r = await official.post(`/api/complaints/${id}/close`, { outcome: 'violation_found', violationKind: 'ordinary', findings: '拖欠工资属实，已责令整改', feedback: '经查，您反映的欠薪问题属实，单位已补发。', decision: { text: '责令于十五日内支付拖欠工资', amount: 18000 } });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('closed');
    expect(r.body.gradeChange).toEqual({ from: null, to: 'B' });
    expect(r.body.documents.map((d: { kind: string }) => d.kind)).toEqual(['rectification_order', 'handling_decision']);
    const code = (await db().selectFrom('complaints').select('tracking_code').where('id', '=', id).executeTakeFirstOrThrow()).tracking_code;
    const track = await t.anon().get(`/api/public/complaints/${code}`);
    expect(track.body).toMatchObject({ status: 'closed', feedback: '经查，您反映的欠薪问题属实，单位已补发。' });
    expect((await official.get(`/api/enterprises/${e1}/credit`)).body.current.grade).toBe('B');
    const kinds = (await db().selectFrom('enterprise_events').select('kind').where('enterprise_id', '=', e1).execute()).map((x) => x.kind);
    expect(kinds).toEqual(expect.arrayContaining(['complaint.accepted', 'complaint.order', 'complaint.closed', 'violation', 'credit.grade']));
    expect(await audit('complaint.close', id)).toHaveLength(1);
    expect((await official.post(`/api/complaints/${id}/close`, { outcome: 'no_violation', findings: 'x', feedback: 'x' })).status).toBe(409);
  });

  it('enforces the acceptance period: acting late needs a reason', async () => {
    const r = await t.anon().post('/api/public/complaints', { ...base, employerName: '某某餐饮店', streetId: t.demo.ids.xinqiao, anonymous: true });
    t.clock.set('2026-12-08T02:00:00.000Z');
    const o = await t.login('official');
    expect((await o.get(`/api/complaints/${r.body.id}`)).body.deadline.state).toBe('overdue');
    expect((await o.get('/api/complaints?overdue=1')).body.items.map((x: { id: string }) => x.id)).toContain(r.body.id);
    const late = await o.post(`/api/complaints/${r.body.id}/accept`, {});
    expect(errorOf(late).fields![0].field).toBe('lateReason');
    const ok = await o.post(`/api/complaints/${r.body.id}/accept`, { lateReason: '系统维护期间积压' });
    expect(ok.body.status).toBe('accepted');
    const rows = await audit('complaint.accept', r.body.id);
    expect(JSON.parse(rows[0].after_json!).lateReason).toBe('系统维护期间积压');
  });
});
