import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPLIANT_ANSWERS } from '../../src/domain/self-check';
import { errorOf, startTestApp, type Client, type TestApp } from '../support/test-app';

let t: TestApp;
let ent: Client;
let official: Client;
let street: Client;
beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-26T02:00:00.000Z');
  [ent, official, street] = await Promise.all([t.login('enterprise1'), t.login('official'), t.login('street1')]);
});
afterAll(async () => t?.close());

const audit = (action: string, entityId: string) => t.built.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('entity_id', '=', entityId).execute();

describe('employment self-check', () => {
  it('serves the questionnaire with the local minimum wage; 401 anonymous', async () => {
    expect((await t.anon().get('/api/self-check/questionnaire')).status).toBe(401);
    const r = await ent.get('/api/self-check/questionnaire');
    expect(r.status).toBe(200);
    expect(r.body.questions.length).toBeGreaterThan(15);
    expect(r.body.minimumMonthlyWage).toBe(1900);
  });

  let reportId = '';
  it('an enterprise submits answers and gets a report by severity with articles and advice', async () => {
    const r = await ent.post('/api/self-check/submissions', { answers: { ...COMPLIANT_ANSWERS, monthly_overtime: 48, rules_democratic: 'partial', lowest_monthly_wage: 1800 } });
    expect(r.status).toBe(201);
    reportId = r.body.id;
    expect(r.body.counts).toEqual({ high: 2, medium: 1, low: 0 });
    expect(r.body.report.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['hours.overtime-36', 'wage.minimum', 'rules.democratic']);
    expect(r.body.report.findings[0].citations[0]).toEqual({ law: '劳动法', article: '第四十一条' });
    expect(r.body.report.findings[1].title).toContain('1900');
    expect(await audit('selfCheck.submit', reportId)).toHaveLength(1);
    const list = await ent.get('/api/self-check/submissions');
    expect(list.body.items[0].id).toBe(reportId);
  });

  it('400 names the unanswered or invalid question', async () => {
    const { social_insurance: _x, ...rest } = COMPLIANT_ANSWERS;
    const r = await ent.post('/api/self-check/submissions', { answers: { ...rest, daily_hours: 30 } });
    expect(r.status).toBe(400);
    expect(errorOf(r).fields!.map((f) => f.field)).toEqual(['answers.daily_hours', 'answers.social_insurance']);
  });

  it('only the enterprise answers; officials cannot read an enterprise report (403), another enterprise gets 404', async () => {
    expect((await official.post('/api/self-check/submissions', { answers: COMPLIANT_ANSWERS })).status).toBe(403);
    expect((await official.get(`/api/self-check/submissions/${reportId}`)).status).toBe(403);
    expect((await ent.get(`/api/self-check/submissions/sc-demo-1`)).status).toBe(404);
    expect((await ent.get('/api/self-check/submissions')).body.items.every((i: { id: string }) => !i.id.startsWith('sc-demo'))).toBe(true);
  });

  it('officials see anonymised results and aggregates by street and industry; enterprises get 403', async () => {
    expect((await ent.get('/api/self-check/results')).status).toBe(403);
    expect((await ent.get('/api/self-check/stats')).status).toBe(403);
    const r = await official.get('/api/self-check/results?pageSize=100');
    expect(r.status).toBe(200);
    const mine = r.body.items.find((i: { id: string }) => i.id === reportId);
    expect(mine.enterprise).toBeNull();
    expect(JSON.stringify(mine)).not.toContain(t.demo.ids.enterprise1);
    const accepted = r.body.items.find((i: { visit: { status: string } | null }) => i.visit?.status === 'accepted');
    expect(accepted.enterprise.name).toBeTruthy();
    const s = await official.get('/api/self-check/stats');
    expect(s.body.enterprises).toBe(r.body.total);
    for (const g of [...s.body.byStreet, ...s.body.byIndustry]) {
      if (g.enterprises < 3) expect(g).toMatchObject({ suppressed: true, avgScore: null, withHighRisk: null });
    }
    expect(s.body.byRule.length).toBeGreaterThan(0);
    // a street official sees only their street
    const st = await street.get('/api/self-check/results?pageSize=100');
    expect(st.body.items.every((i: { street: string }) => i.street === '新桥街道')).toBe(true);
  });

  it('an official offers a visit; the enterprise accepts and only then is identified', async () => {
    expect((await street.post(`/api/self-check/results/${reportId}/visit-offer`, { message: '上门指导' })).status).toBe(404);
    expect((await official.post(`/api/self-check/results/${reportId}/visit-offer`, { message: '' })).status).toBe(400);
    const o = await official.post(`/api/self-check/results/${reportId}/visit-offer`, { message: '区人社局可安排协调员上门指导加班管理' });
    expect(o.status).toBe(200);
    expect(await audit('selfCheck.offerVisit', reportId)).toHaveLength(1);
    expect((await official.post(`/api/self-check/results/${reportId}/visit-offer`, { message: '再次' })).status).toBe(409);
    const mine = await ent.get(`/api/self-check/submissions/${reportId}`);
    expect(mine.body.visit.status).toBe('offered');
    const a = await ent.post(`/api/self-check/submissions/${reportId}/visit-response`, { accept: true });
    expect(a.body.visit.status).toBe('accepted');
    expect((await ent.post(`/api/self-check/submissions/${reportId}/visit-response`, { accept: true })).status).toBe(409);
    const r = await official.get('/api/self-check/results?pageSize=100');
    expect(r.body.items.find((i: { id: string }) => i.id === reportId).enterprise.name).toBe(t.demo.enterprises.find((e) => e.id === t.demo.ids.enterprise1)!.name);
  });
});
