import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onCreditGradeChanged, type CreditGradeChanged } from '../../src/server/modules/complaints/hooks';
import { errorOf, startTestApp, type Client, type TestApp } from '../support/test-app';

let t: TestApp;
let ent: Client;
let official: Client;
let street: Client;
let worker: Client;
let e1 = '';
let outside = '';
const fired: CreditGradeChanged[] = [];
let off: () => void;
beforeAll(async () => {
  t = await startTestApp({ enterpriseCount: 60 });
  t.clock.set('2026-11-26T02:00:00.000Z');
  [ent, official, street, worker] = await Promise.all([t.login('enterprise1'), t.login('official'), t.login('street1'), t.login('worker1')]);
  e1 = t.demo.ids.enterprise1;
  outside = t.demo.enterprises.find((e) => !e.region_id.startsWith(t.demo.ids.xinqiao))!.id;
  off = onCreditGradeChanged.on((_trx, e) => void fired.push(e));
});
afterAll(async () => {
  off?.();
  await t?.close();
});

const db = () => t.built.ctx.db;
const audit = (action: string, entityId?: string) => {
  let q = db().selectFrom('audit_log').selectAll().where('action', '=', action);
  if (entityId) q = q.where('entity_id', '=', entityId);
  return q.execute();
};
const reset = async (id: string) => {
  await db().deleteFrom('credit_evaluations').where('enterprise_id', '=', id).execute();
  await db().deleteFrom('labor_violations').where('enterprise_id', '=', id).execute();
  await db().updateTable('enterprises').set({ credit_grade: null, credit_graded_on: null }).where('id', '=', id).execute();
};

describe('credit grades: record, dynamic downgrade, objection', () => {
  beforeAll(async () => reset(e1));

  it('reads the grade: 401 anonymous, 403 worker, own enterprise 200, other enterprise 404', async () => {
    expect((await t.anon().get(`/api/enterprises/${e1}/credit`)).status).toBe(401);
    expect((await worker.get(`/api/enterprises/${e1}/credit`)).status).toBe(403);
    const own = await ent.get(`/api/enterprises/${e1}/credit`);
    expect(own.status).toBe(200);
    expect(own.body.current).toBeNull();
    expect(own.body.indicated.grade).toBe('A');
    expect((await ent.get(`/api/enterprises/${outside}/credit`)).status).toBe(404);
  });

  it('records a violation: 403 enterprise, 404 out of street, 400 names the field', async () => {
    const body = { kind: 'ordinary', foundOn: '2026-11-20', description: '未依法签订书面劳动合同' };
    expect((await ent.post(`/api/enterprises/${e1}/violations`, body)).status).toBe(403);
    expect((await street.post(`/api/enterprises/${outside}/violations`, body)).status).toBe(404);
    const bad = await official.post(`/api/enterprises/${e1}/violations`, { ...body, description: ' ' });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).fields![0].field).toBe('description');
    const future = await official.post(`/api/enterprises/${e1}/violations`, { ...body, foundOn: '2026-12-01' });
    expect(errorOf(future).fields![0].field).toBe('foundOn');
  });

  let dynamicId = '';
  it('a first violation downgrades to B at once, with timeline, hook and audit', async () => {
    const r = await official.post(`/api/enterprises/${e1}/violations`, { kind: 'ordinary', foundOn: '2026-11-20', description: '未依法签订书面劳动合同' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ previousGrade: null, grade: 'B', downgraded: true });
    dynamicId = r.body.evaluationId;
    expect(await audit('violation.record', r.body.id)).toHaveLength(1);
    expect(fired.at(-1)).toMatchObject({ enterpriseId: e1, from: null, to: 'B' });
    const ev = await db().selectFrom('enterprise_events').selectAll().where('enterprise_id', '=', e1).where('kind', '=', 'credit.grade').execute();
    expect(ev.map((x) => x.title)).toContain('劳动保障守法诚信等级：未评价 → B');
    const detail = await official.get(`/api/enterprises/${e1}`);
    expect(detail.body.creditGrade).toBe('B');
  });

  it('obstructing inspection is a C rule; the grade drops to C and never rises by itself', async () => {
    const riskOf = () => db().selectFrom('enterprises').select(['risk_score', 'risk_level']).where('id', '=', e1).executeTakeFirstOrThrow();
    const before = await riskOf();
    const r = await official.post(`/api/enterprises/${e1}/violations`, { kind: 'obstruction', foundOn: '2026-11-25', description: '拒绝监察员进入劳动场所检查' });
    expect(r.body).toMatchObject({ previousGrade: 'B', grade: 'C' });
    // the C grade feeds the risk score at once (rule set creditGradePoints: C = 20 points, B = 0)
    const after = await riskOf();
    expect(Number(after.risk_score)).toBeCloseTo(Math.min(100, Number(before.risk_score) + 20), 0);
    expect(after.risk_level).not.toBe('none');
    const explained = await official.get(`/api/risk/enterprises/${e1}`);
    expect(explained.status).toBe(200);
    expect(explained.body).toMatchObject({ creditGrade: 'C', creditPoints: 20 });
    expect(explained.body.score).toBeCloseTo(Number(after.risk_score), 0);
    const again = await official.post(`/api/enterprises/${e1}/violations`, { kind: 'ordinary', foundOn: '2026-11-25', description: '延长工作时间超过法定上限' });
    expect(again.body).toMatchObject({ grade: 'C', downgraded: false });
    const c = await ent.get(`/api/enterprises/${e1}/credit`);
    expect(c.body.current).toMatchObject({ grade: 'C', inspectionsPerYear: 4 });
    expect(c.body.history[0].reasons.map((x: { ruleId: string }) => x.ruleId)).toEqual(['C4']);
    expect(c.body.indicated.reasons.map((x: { ruleId: string }) => x.ruleId)).toEqual(['C4', 'C7']);
    expect(c.body.violations).toHaveLength(3);
    dynamicId = c.body.history[0].id;
    expect(c.body.history[0].abilities.object).toBe(true);
  });

  it('the enterprise objects; an official reviews (upheld needs a grade); the grade follows the review', async () => {
    expect((await official.post(`/api/credit/evaluations/${dynamicId}/objection`, { reason: 'x' })).status).toBe(403);
    const o = await ent.post(`/api/credit/evaluations/${dynamicId}/objection`, { reason: '阻挠一事系门卫误解，已书面说明' });
    expect(o.status).toBe(200);
    expect(o.body.status).toBe('objected');
    const twice = await ent.post(`/api/credit/evaluations/${dynamicId}/objection`, { reason: '再次' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.allowed).toEqual(['review']);
    expect((await official.get('/api/credit/objections')).body.items.map((x: { id: string }) => x.id)).toContain(dynamicId);
    const noGrade = await official.post(`/api/credit/evaluations/${dynamicId}/review`, { outcome: 'upheld', reply: '经核实' });
    expect(errorOf(noGrade).fields![0].field).toBe('grade');
    const rv = await official.post(`/api/credit/evaluations/${dynamicId}/review`, { outcome: 'upheld', grade: 'B', reply: '经核实，阻挠情形不成立' });
    expect(rv.status).toBe(200);
    expect(rv.body).toMatchObject({ status: 'final', grade: 'B', proposedGrade: 'C' });
    expect((await ent.get(`/api/enterprises/${e1}/credit`)).body.current.grade).toBe('B');
    expect(await audit('credit.review', dynamicId)).toHaveLength(1);
  });
});

describe('yearly evaluation rounds', () => {
  let roundId = '';
  it('opens a round with a proposed grade for every enterprise in the region: 403 enterprise, 409 twice', async () => {
    expect((await ent.post('/api/credit/rounds', { year: 2026 })).status).toBe(403);
    const r = await official.post('/api/credit/rounds', { year: 2026 });
    expect(r.status).toBe(201);
    roundId = r.body.id;
    expect(r.body.objectionDueOn).toBe('2026-12-10');
    const total = r.body.counts.byGrade.A + r.body.counts.byGrade.B + r.body.counts.byGrade.C;
    expect(total).toBe(60);
    expect((await official.post('/api/credit/rounds', { year: 2026 })).status).toBe(409);
    expect(await audit('credit.round.create', roundId)).toHaveLength(1);
  });

  it('lists evaluations in scope: the street official sees only the street, other rounds are 404', async () => {
    const all = await official.get(`/api/credit/rounds/${roundId}/evaluations?grade=C`);
    expect(all.body.items.map((x: { enterpriseId: string }) => x.enterpriseId)).toContain(e1);
    expect(all.body.items.find((x: { enterpriseId: string }) => x.enterpriseId === e1).reasons[0].ruleId).toBe('C4');
    expect((await street.get(`/api/credit/rounds/${roundId}`)).status).toBe(404);
  });

  it('closes only after the objection period, with minutes and no open objection', async () => {
    const early = await official.post(`/api/credit/rounds/${roundId}/close`, { meetingOn: '2026-11-26', minutes: '评价会议纪要' });
    expect(early.status).toBe(409);
    const mine = (await ent.get(`/api/enterprises/${e1}/credit`)).body.history.find((h: { roundId: string }) => h.roundId === roundId);
    await ent.post(`/api/credit/evaluations/${mine.id}/objection`, { reason: '已整改' });
    t.clock.set('2026-12-11T02:00:00.000Z');
    [ent, official] = await Promise.all([t.login('enterprise1'), t.login('official')]);
    const noMinutes = await official.post(`/api/credit/rounds/${roundId}/close`, { meetingOn: '2026-12-11', minutes: '' });
    expect(errorOf(noMinutes).fields![0].field).toBe('minutes');
    expect((await official.post(`/api/credit/rounds/${roundId}/close`, { meetingOn: '2026-12-11', minutes: '纪要' })).status).toBe(409);
    await official.post(`/api/credit/evaluations/${mine.id}/review`, { outcome: 'rejected', reply: '违法事实清楚' });
    const closed = await official.post(`/api/credit/rounds/${roundId}/close`, { meetingOn: '2026-12-11', minutes: '区人社局守法诚信等级评价会议，参会5人，一致通过' });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect((await ent.get(`/api/enterprises/${e1}/credit`)).body.current.grade).toBe('C');
    const ov = await official.get('/api/credit/overview?grade=C');
    expect(ov.body.counts.none).toBe(0);
    expect(ov.body.items.map((x: { id: string }) => x.id)).toContain(e1);
    expect(await audit('credit.round.close', roundId)).toHaveLength(1);
    expect((await official.post(`/api/credit/rounds/${roundId}/close`, { meetingOn: '2026-12-11', minutes: '纪要' })).status).toBe(409);
  });
});
