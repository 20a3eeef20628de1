import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ENTERPRISE_INDICATORS } from '../../src/domain/enterprise-services/harmony';
import { errorOf, startTestApp, type Client, type TestApp } from '../support/test-app';

let t: TestApp;
let ent: Client;
let official: Client;
let street: Client;
let coord: Client;
let mediator: Client;
beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-26T02:00:00.000Z');
  [ent, official, street, coord, mediator] = await Promise.all(['enterprise1', 'official', 'street1', 'coordinator1', 'mediator1'].map((u) => t.login(u)));
});
afterAll(async () => t?.close());

const audit = (action: string, entityId: string) => t.built.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('entity_id', '=', entityId).execute();

describe('new-enterprise outreach', () => {
  it('lists recently registered enterprises with ≥ 10 employees, by scope', async () => {
    expect((await t.anon().get('/api/outreach')).status).toBe(401);
    expect((await ent.get('/api/outreach')).status).toBe(403);
    const r = await official.get('/api/outreach?pageSize=200');
    expect(r.status).toBe(200);
    expect(r.body.since).toBe('2025-11-26');
    const expected = t.demo.enterprises.filter((e) => (e.headcount ?? 0) >= 10 && (e.registered_on ?? '') >= '2025-11-26').length;
    expect(r.body.total).toBe(expected);
    expect(r.body.items.every((i: { headcount: number }) => i.headcount >= 10)).toBe(true);
    const st = await street.get('/api/outreach?pageSize=200');
    expect(st.body.items.every((i: { regionId: string }) => i.regionId.startsWith('441999003'))).toBe(true);
    // a coordinator sees only enterprises assigned to them
    const c = await coord.get('/api/outreach?pageSize=200');
    expect(c.body.items.every((i: { officer: { id: string } }) => i.officer?.id === 'usr-coordinator1')).toBe(true);
  });

  it('assigns a service officer and records visits (idempotent by requestId)', async () => {
    const list = await official.get('/api/outreach?status=unassigned&windowDays=1500&pageSize=200');
    const target = list.body.items[0];
    expect(target.status).toBe('unassigned');
    expect((await official.post(`/api/outreach/${target.enterpriseId}/visits`, { visitedOn: '2026-11-20', summary: '走访' })).status).toBe(409);
    expect((await official.post(`/api/outreach/${target.enterpriseId}/assign`, { officerUserId: 'usr-worker1' })).status).toBe(400);
    expect((await coord.post(`/api/outreach/${target.enterpriseId}/assign`, { officerUserId: 'usr-coordinator1' })).status).toBe(403);
    expect((await official.post('/api/outreach/ent-99999/assign', { officerUserId: 'usr-coordinator1' })).status).toBe(404);
    const officers = await official.get('/api/outreach/officers');
    expect(officers.body.items.map((o: { id: string }) => o.id)).toContain('usr-coordinator1');
    const a = await official.post(`/api/outreach/${target.enterpriseId}/assign`, { officerUserId: 'usr-coordinator1' });
    expect(a.status).toBe(200);
    expect(await audit('outreach.assign', target.enterpriseId)).toHaveLength(1);
    const v = { visitedOn: '2026-11-25', summary: '宣讲劳动合同与社保登记', needs: '招聘需求', requestId: 'visit-req-1' };
    expect((await coord.post(`/api/outreach/${target.enterpriseId}/visits`, { ...v, visitedOn: '2026-12-01' })).status).toBe(400);
    const r1 = await coord.post(`/api/outreach/${target.enterpriseId}/visits`, v);
    expect(r1.status).toBe(201);
    const r2 = await coord.post(`/api/outreach/${target.enterpriseId}/visits`, v);
    expect(r2.body.id).toBe(r1.body.id);
    const visits = await official.get(`/api/outreach/${target.enterpriseId}/visits`);
    expect(visits.body.items).toHaveLength(1);
    const after = await official.get(`/api/outreach?status=visited&windowDays=1500&pageSize=200`);
    expect(after.body.items.find((i: { enterpriseId: string }) => i.enterpriseId === target.enterpriseId)).toMatchObject({ status: 'visited', visitCount: 1, lastVisitOn: '2026-11-25' });
  });
});

describe('policy library and inbox', () => {
  let policyId = '';
  it('drafts, validates and publishes to a targeted set of enterprises', async () => {
    expect((await ent.post('/api/policies', { title: 'x', kind: 'guide', body: 'x' })).status).toBe(403);
    const bad = await official.post('/api/policies', { title: '', kind: 'guide', body: 'x' });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).fields![0]!.field).toBe('title');
    const r = await official.post('/api/policies', { title: '制造业高温津贴提示', kind: 'risk_notice', body: '六月至十月发放高温津贴', target: { industries: ['C'], regionIds: [t.demo.ids.park] } });
    expect(r.status).toBe(201);
    policyId = r.body.id;
    expect(r.body.abilities.publish).toBe(true);
    const p = await official.post(`/api/policies/${policyId}/publish`);
    expect(p.status).toBe(200);
    const expected = t.demo.enterprises.filter((e) => e.industry_code === 'C' && e.region_id.startsWith(t.demo.ids.park)).length;
    expect(p.body.delivered).toBe(expected);
    expect(await audit('policy.publish', policyId)).toHaveLength(1);
    expect((await official.post(`/api/policies/${policyId}/publish`)).status).toBe(409);
    expect((await official.patch(`/api/policies/${policyId}`, { title: 'y' })).status).toBe(409);
    expect((await street.get(`/api/policies/${policyId}`)).status).toBe(404);
    const none = await official.post('/api/policies', { title: '空', kind: 'guide', body: 'x', target: { enterpriseIds: ['nope'] } });
    expect((await official.post(`/api/policies/${none.body.id}/publish`)).status).toBe(400);
  });

  it('the enterprise reads it in its inbox; the read receipt feeds reach statistics', async () => {
    const inbox = await ent.get('/api/policy-inbox?unread=true');
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.map((i: { policyId: string }) => i.policyId)).toContain(policyId);
    const unread = inbox.body.unread;
    const full = await ent.get(`/api/policy-inbox/${policyId}`);
    expect(full.body.body).toContain('高温津贴');
    const read = await ent.post(`/api/policy-inbox/${policyId}/read`);
    expect(read.body.readAt).toBeTruthy();
    expect((await ent.post(`/api/policy-inbox/${policyId}/read`)).body.readAt).toBe(read.body.readAt);
    expect((await audit('policy.read', policyId)).length).toBe(1);
    expect((await ent.get('/api/policy-inbox')).body.unread).toBe(unread - 1);
    const reach = await official.get(`/api/policies/${policyId}/reach`);
    expect(reach.body.read).toBe(1);
    expect(reach.body.byStreet[0].regionId).toBe('441999006');
    expect((await official.get('/api/policy-inbox')).status).toBe(403);
    // a policy not delivered to enterprise1 is invisible to it
    expect((await ent.get('/api/policy-inbox/pol-demo-4')).status).toBe(404);
  });
});

describe('recruitment events', () => {
  it('records events against the yearly 30/80 targets', async () => {
    expect((await mediator.get('/api/recruitment-events?year=2026')).status).toBe(403);
    const before = await official.get('/api/recruitment-events/progress?year=2026');
    expect(before.body.targets).toEqual({ online: 30, offline: 80 });
    expect(before.body.progress[0]).toMatchObject({ mode: 'online', held: 22, target: 30, met: false });
    expect((await official.post('/api/recruitment-events', { mode: 'online', title: '', heldOn: '2026-11-20' })).status).toBe(400);
    const r = await official.post('/api/recruitment-events', { mode: 'online', title: '线上直播带岗', heldOn: '2026-11-20', positions: 300 });
    expect(r.status).toBe(201);
    expect(await audit('recruitment.create', r.body.id)).toHaveLength(1);
    const after = await official.get('/api/recruitment-events/progress?year=2026');
    expect(after.body.progress[0].held).toBe(23);
    const t2 = await official.put('/api/recruitment-targets/2026', { online: 23, offline: 80 });
    expect(t2.body.progress[0].met).toBe(true);
    expect((await official.get('/api/recruitment-events?year=2026&mode=online')).body.total).toBe(23);
  });
});

describe('cultivation and harmonious-unit creation', () => {
  it('pairs, plans, visits, trains and assesses; enterprises read their own', async () => {
    const e = t.demo.enterprises.find((x) => x.region_id.startsWith('441999006') && x.id !== t.demo.ids.enterprise1 && (x.headcount ?? 0) > 30)!;
    expect((await ent.post('/api/cultivations', { enterpriseId: e.id, year: 2026, partner: 'hrss', diagnosis: 'x' })).status).toBe(403);
    const c = await official.post('/api/cultivations', { enterpriseId: t.demo.ids.enterprise1, year: 2026, partner: 'union', diagnosis: '未开展工资集体协商' });
    expect(c.status).toBe(201);
    expect(c.body.status).toBe('diagnosed');
    expect((await official.post('/api/cultivations', { enterpriseId: t.demo.ids.enterprise1, year: 2026, partner: 'union', diagnosis: 'x' })).status).toBe(409);
    expect((await official.post(`/api/cultivations/${c.body.id}/assessment`, { score: 90, result: 'excellent' })).status).toBe(409);
    await official.patch(`/api/cultivations/${c.body.id}`, { plan: '开展工资集体协商' });
    const act = await official.post(`/api/cultivations/${c.body.id}/activities`, { kind: 'training', heldOn: '2026-11-01', topic: '集体协商培训', participants: 30 });
    expect(act.body.status).toBe('in_progress');
    const done = await official.post(`/api/cultivations/${c.body.id}/assessment`, { score: 88, result: 'qualified' });
    expect(done.body.status).toBe('assessed');
    expect(await audit('cultivation.assess', c.body.id)).toHaveLength(1);
    expect((await official.post(`/api/cultivations/${c.body.id}/activities`, { kind: 'visit', heldOn: '2026-11-02', topic: 'x' })).status).toBe(409);
    expect((await ent.get('/api/cultivations/candidates?q=有限')).status).toBe(403);
    const cands = await coord.get('/api/cultivations/candidates?q=公司');
    const assigned = new Set(t.demo.enterprises.filter((x) => x.coordinator_user_id === 'usr-coordinator1').map((x) => x.id));
    expect(cands.body.items.length).toBeGreaterThan(0);
    expect(cands.body.items.every((i: { id: string }) => assigned.has(i.id))).toBe(true);
    expect((await official.get('/api/cultivations/candidates?q=')).status).toBe(400);
    const mine = await ent.get('/api/cultivations');
    expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([c.body.id]);
    expect((await ent.get('/api/cultivations/cul-demo-1')).status).toBe(404);
  });

  it('configurable indicators; self-assessment → review → recognition → public honours', async () => {
    const sets = await ent.get('/api/harmony/indicator-sets');
    const set = sets.body.items.find((s: { subjectKind: string }) => s.subjectKind === 'enterprise');
    expect(set.maxTotal).toBe(100);
    expect((await ent.post('/api/harmony/indicator-sets', { name: 'x', subjectKind: 'enterprise', indicators: DEFAULT_ENTERPRISE_INDICATORS })).status).toBe(403);
    const dupCode = await official.post('/api/harmony/indicator-sets', { name: '自定义', subjectKind: 'enterprise', indicators: [DEFAULT_ENTERPRISE_INDICATORS[0], DEFAULT_ENTERPRISE_INDICATORS[0]] });
    expect(dupCode.status).toBe(400);
    const app = await ent.post('/api/harmony/applications', { indicatorSetId: set.id, year: 2026 });
    expect(app.status).toBe(201);
    expect(app.body.subjectName).toBe(t.demo.enterprises.find((e) => e.id === t.demo.ids.enterprise1)!.name);
    const scores = Object.fromEntries(DEFAULT_ENTERPRISE_INDICATORS.map((i) => [i.code, { score: i.maxScore - 1 }]));
    const incomplete = await ent.put(`/api/harmony/applications/${app.body.id}/self-assessment`, { scores: { contract: { score: 10 } }, submit: true });
    expect(incomplete.status).toBe(400);
    const over = await ent.put(`/api/harmony/applications/${app.body.id}/self-assessment`, { scores: { contract: { score: 99 } } });
    expect(errorOf(over).fields![0]!.field).toBe('scores.contract');
    const sub = await ent.put(`/api/harmony/applications/${app.body.id}/self-assessment`, { scores, submit: true });
    expect(sub.body).toMatchObject({ status: 'submitted', selfTotal: 91 });
    expect((await ent.post(`/api/harmony/applications/${app.body.id}/review`, { scores })).status).toBe(403);
    expect((await street.post(`/api/harmony/applications/${app.body.id}/review`, { scores })).status).toBe(404);
    expect((await official.post(`/api/harmony/applications/${app.body.id}/recognise`, {})).status).toBe(409);
    const lower = Object.fromEntries(DEFAULT_ENTERPRISE_INDICATORS.map((i) => [i.code, { score: Math.floor(i.maxScore * 0.85) }]));
    const rev = await official.post(`/api/harmony/applications/${app.body.id}/review`, { scores: lower, comment: '集体协商待加强' });
    expect(rev.body.suggestedLevel).toBe('AA');
    expect((await official.post(`/api/harmony/applications/${app.body.id}/recognise`, { level: 'AAA' })).status).toBe(400);
    const rec = await official.post(`/api/harmony/applications/${app.body.id}/recognise`, { recognisedOn: '2026-11-26' });
    expect(rec.body).toMatchObject({ status: 'recognised', level: 'AA', year: 2026 });
    expect(await audit('harmony.recognise', app.body.id)).toHaveLength(1);
    const honours = await t.anon().get('/api/public/honours');
    expect(honours.status).toBe(200);
    const mine = honours.body.items.find((h: { id: string }) => h.id === app.body.id);
    expect(mine).toMatchObject({ level: 'AA', year: 2026, subjectKind: 'enterprise' });
    expect(JSON.stringify(honours.body)).not.toContain('selfTotal');
    expect(honours.body.items.some((h: { subjectKind: string }) => h.subjectKind === 'park')).toBe(true);
    expect((await t.anon().get(`/api/public/honours?enterpriseId=${t.demo.ids.enterprise1}`)).body.items).toHaveLength(1);
    expect((await ent.get('/api/harmony/applications')).body.items.every((a: { id: string }) => a.id === app.body.id)).toBe(true);
    expect((await ent.get('/api/harmony/applications/ha-demo-1')).status).toBe(404);
  });

  it('officials apply for a park or street; wrong region kind is 400', async () => {
    const sets = (await official.get('/api/harmony/indicator-sets')).body.items;
    const streetSet = sets.find((s: { subjectKind: string }) => s.subjectKind === 'street');
    const bad = await official.post('/api/harmony/applications', { indicatorSetId: streetSet.id, year: 2026, subjectRegionId: t.demo.ids.park });
    expect(errorOf(bad).fields![0]!.field).toBe('subjectRegionId');
    const ok = await street.post('/api/harmony/applications', { indicatorSetId: streetSet.id, year: 2026, subjectRegionId: '441999003' });
    expect(ok.status).toBe(201);
    expect((await street.post('/api/harmony/applications', { indicatorSetId: streetSet.id, year: 2026, subjectRegionId: '441999004' })).status).toBe(400);
  });
});
