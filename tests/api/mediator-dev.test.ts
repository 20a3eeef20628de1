import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type Client, type TestApp } from '../support/test-app';

let t: TestApp;
let official: Client;
let street: Client;
let m1: Client;
let ent: Client;
let coord: Client;
beforeAll(async () => {
  t = await startTestApp({ enterpriseCount: 60 });
  t.clock.set('2026-11-26T02:00:00.000Z');
  [official, street, m1, ent, coord] = await Promise.all([t.login('official'), t.login('street1'), t.login('mediator1'), t.login('enterprise1'), t.login('coordinator1')]);
});
afterAll(async () => t?.close());

const db = () => t.built.ctx.db;
const audit = (action: string, entityId: string) => db().selectFrom('audit_log').selectAll().where('action', '=', action).where('entity_id', '=', entityId).execute();
const field = (r: Parameters<typeof errorOf>[0]) => (expect(r.status).toBe(400), errorOf(r).fields![0]!.field);

describe('mediator roster and file', () => {
  it('401, 403 and scope; figures of the year come from dispute_cases', async () => {
    expect((await t.anon().get('/api/mediator-roster')).status).toBe(401);
    expect((await ent.get('/api/mediator-roster')).status).toBe(403);
    const mine = await m1.get('/api/mediator-roster?pageSize=100');
    expect(mine.status).toBe(200);
    expect(mine.body.items.every((m: { orgId: string }) => m.orgId === t.demo.ids.mediationOrg1)).toBe(true);
    const all = await official.get('/api/mediator-roster?pageSize=200&year=2025');
    expect(all.body.total).toBeGreaterThan(mine.body.total);
    // Hand count of med-demo-1's 2025 figures straight from the case tables.
    const rows = await db().selectFrom('dispute_cases as c').innerJoin('case_mediators as cm', 'cm.case_id', 'c.id').select(['c.result', 'c.closed_in_time']).where('cm.mediator_id', '=', 'med-demo-1').where('c.closed_on', '>=', '2025-01-01').where('c.closed_on', '<=', '2025-12-31').where('c.result', 'in', ['success', 'failed', 'withdrawn', 'declined']).execute();
    expect(rows.length).toBeGreaterThan(0);
    const s = rows.filter((r) => r.result === 'success').length;
    const f = rows.filter((r) => r.result === 'failed').length;
    const m = all.body.items.find((x: { id: string }) => x.id === 'med-demo-1');
    expect(m.caseStats.cases).toBe(rows.length);
    expect(m.caseStats.successRate).toBe(s + f ? Math.round((s / (s + f)) * 1000) / 10 : null);
    expect(m.caseStats.withinLimitRate).toBe(Math.round((rows.filter((r) => r.closed_in_time === 1).length / rows.length) * 1000) / 10);
    expect((await m1.get('/api/mediators/med-demo-2/profile')).status).toBe(404);
    const p = await m1.get('/api/mediators/med-demo-1/profile');
    expect(p.status).toBe(200);
    expect(p.body).toMatchObject({ name: '黄丽娟', serving: true });
    expect(p.body.designatedCases.length).toBeGreaterThan(0);
    expect(p.body.mentoring[0]).toMatchObject({ role: 'mentor' });
  });

  it('a case without a designated mediator counts for the mediator whose account acted on it', async () => {
    const c = await db().selectFrom('dispute_cases').select(['id']).where('org_id', '=', t.demo.ids.mediationOrg1).where('closed_on', '>=', '2025-01-01').where('closed_on', '<=', '2025-12-31').where('result', '=', 'success').orderBy('id').executeTakeFirstOrThrow();
    const before = (await official.get('/api/mediators/med-demo-1/evaluation/2025')).body.caseStats.cases as number;
    const was = await db().selectFrom('case_mediators').select('mediator_id').where('case_id', '=', c.id).executeTakeFirstOrThrow();
    await db().deleteFrom('case_mediators').where('case_id', '=', c.id).execute();
    await db().insertInto('case_events').values({ id: `${c.id}-test`, case_id: c.id, region_id: '441999003', seq: 99, at: '2025-12-01T00:00:00.000Z', on_date: '2025-12-01', actor_id: 'usr-mediator1', actor_name: '黄丽娟', action: 'note', from_status: 'closed', to_status: 'closed', reason: null, data: null }).execute();
    const after = (await official.get('/api/mediators/med-demo-1/evaluation/2025')).body.caseStats.cases as number;
    expect(after).toBe(was.mediator_id === 'med-demo-1' ? before : before + 1);
    await db().insertInto('case_mediators').values({ case_id: c.id, region_id: '441999003', mediator_id: was.mediator_id, assigned_on: '2025-01-01', assigned_by: null, created_at: 'x' }).execute();
  });

  it('designates the mediator of a case (org scope; 400 names the field; audit)', async () => {
    const c = await db().selectFrom('dispute_cases').select('id').where('org_id', '=', t.demo.ids.mediationOrg1).where('status', '!=', 'closed').orderBy('id').executeTakeFirstOrThrow();
    const other = await db().selectFrom('dispute_cases').select('id').where('org_id', '=', t.demo.ids.mediationOrg2).orderBy('id').executeTakeFirstOrThrow();
    expect((await t.anon().put(`/api/cases/${c.id}/mediator`, { mediatorId: 'med-demo-1' })).status).toBe(401);
    expect((await ent.put(`/api/cases/${c.id}/mediator`, { mediatorId: 'med-demo-1' })).status).toBe(403);
    expect((await m1.put(`/api/cases/${other.id}/mediator`, { mediatorId: 'med-demo-1' })).status).toBe(404);
    expect(field(await m1.put(`/api/cases/${c.id}/mediator`, { mediatorId: 'med-demo-2' }))).toBe('mediatorId');
    expect(field(await m1.put(`/api/cases/${c.id}/mediator`, {}))).toBe('mediatorId');
    const r = await m1.put(`/api/cases/${c.id}/mediator`, { mediatorId: 'med-demo-1' });
    expect(r.status).toBe(200);
    expect((await m1.get(`/api/cases/${c.id}/mediator`)).body.mediator).toMatchObject({ id: 'med-demo-1' });
    expect(await audit('case.designateMediator', c.id)).toHaveLength(1);
  });

  let mid = '';
  it('appointment and renewal (聘期至少1年), dismissal with a ground (第三十五条)', async () => {
    mid = (await db().selectFrom('mediators').select('id').where('org_id', '=', t.demo.ids.mediationOrg1).where('status', '=', 'active').where('id', '!=', 'med-demo-1').orderBy('id').executeTakeFirstOrThrow()).id;
    const terms = (await street.get(`/api/mediators/${mid}/profile`)).body.terms as { id: string; termEnd: string }[];
    expect((await m1.post(`/api/mediators/${mid}/terms`, { termStart: '2028-01-01', termEnd: '2028-12-31' })).status).toBe(403);
    const elsewhere = await db().selectFrom('mediators').select('id').where('region_id', 'like', '441999001%').executeTakeFirstOrThrow();
    expect((await street.post(`/api/mediators/${elsewhere.id}/terms`, { termStart: '2028-01-01', termEnd: '2028-12-31' })).status).toBe(404);
    expect(field(await street.post(`/api/mediators/${mid}/terms`, { termStart: '2028-01-01', termEnd: '2028-06-30' }))).toBe('termEnd');
    expect(field(await street.post(`/api/mediators/${mid}/terms`, { termStart: '2026-06-01', termEnd: '2027-12-31' }))).toBe('termStart');
    expect(field(await street.post(`/api/mediators/${mid}/terms`, { termStart: 'x', termEnd: '2027-12-31' }))).toBe('termStart');
    const start = terms.length ? '2028-01-01' : '2026-01-01';
    const r = await street.post(`/api/mediators/${mid}/terms`, { termStart: start, termEnd: '2029-12-31', documentNo: '新桥调聘〔2026〕3号' });
    expect(r.status).toBe(201);
    expect(await audit(terms.length ? 'mediator.reappoint' : 'mediator.appoint', mid)).toHaveLength(1);
    const current = terms[0]?.id ?? r.body.id;
    expect(field(await street.post(`/api/mediators/${mid}/terms/${current}/dismiss`, { dismissedOn: '2026-11-20', ground: 'nope', reason: 'x' }))).toBe('ground');
    expect(field(await street.post(`/api/mediators/${mid}/terms/${current}/dismiss`, { dismissedOn: '2026-12-20', ground: 'misconduct', reason: '收受当事人财物' }))).toBe('dismissedOn');
    expect((await street.post(`/api/mediators/${mid}/terms/nope/dismiss`, { dismissedOn: '2026-11-20', ground: 'misconduct', reason: 'x' })).status).toBe(404);
    const d = await street.post(`/api/mediators/${mid}/terms/${current}/dismiss`, { dismissedOn: '2026-11-20', ground: 'misconduct', reason: '收受当事人财物' });
    expect(d.status).toBe(200);
    expect(d.body.groundLabel).toContain('第三十五条');
    expect((await street.post(`/api/mediators/${mid}/terms/${current}/dismiss`, { dismissedOn: '2026-11-20', ground: 'misconduct', reason: 'x' })).status).toBe(409);
    const p = await street.get(`/api/mediators/${mid}/profile`);
    expect(p.body.status).toBe('left');
    expect(await audit('mediator.dismiss', mid)).toHaveLength(1);
  });

  it('training, rewards and the yearly evaluation with frozen figures and a suggested grade', async () => {
    expect(field(await street.post('/api/mediators/med-demo-1/trainings', { course: '', hours: 6, trainedOn: '2026-06-01' }))).toBe('course');
    expect(field(await street.post('/api/mediators/med-demo-1/trainings', { course: '调解技巧', hours: 6, trainedOn: '2026-12-01' }))).toBe('trainedOn');
    const tr = await street.post('/api/mediators/med-demo-1/trainings', { course: '调解技巧进阶', hours: 30, trainedOn: '2026-06-01' });
    expect(tr.status).toBe(201);
    expect(await audit('mediator.training', 'med-demo-1')).toHaveLength(1);
    expect(field(await street.post('/api/mediators/med-demo-1/rewards', { kind: 'medal', title: 'x', decidedOn: '2026-06-01' }))).toBe('kind');
    expect((await street.post('/api/mediators/med-demo-1/rewards', { kind: 'reward', title: '区优秀调解员', decidedOn: '2026-01-20' })).status).toBe(201);
    expect(field(await street.put('/api/mediators/med-demo-1/evaluations/2027', { grade: 'excellent' }))).toBe('year');
    expect(field(await street.put('/api/mediators/med-demo-1/evaluations/2026', { grade: 'great' }))).toBe('grade');
    expect((await m1.put('/api/mediators/med-demo-1/evaluations/2026', { grade: 'excellent' })).status).toBe(403);
    const ev = await street.put('/api/mediators/med-demo-1/evaluations/2026', { grade: 'competent', comment: '办案质量稳定' });
    expect(ev.status).toBe(200);
    const stats = (await street.get('/api/mediators/med-demo-1/evaluation/2026')).body.caseStats;
    expect(ev.body.facts).toMatchObject({ cases: stats.cases, successRate: stats.successRate, penalties: 0 });
    expect(ev.body.facts.trainingHours).toBeGreaterThanOrEqual(30);
    expect(['excellent', 'competent', 'basic']).toContain(ev.body.suggestedGrade);
    expect(await audit('mediator.evaluate', 'med-demo-1')).toHaveLength(1);
    expect((await street.get('/api/mediators/med-demo-1/profile')).body.evaluations[0]).toMatchObject({ year: 2026, gradeLabel: '称职' });
  });
});

describe('mentoring pairs and competitions', () => {
  it('pairs a senior mediator with a young one (rules name the field); ends the pair', async () => {
    expect((await ent.get('/api/mentoring-pairs')).status).toBe(403);
    const mine = await m1.get('/api/mentoring-pairs');
    expect(mine.body.items.length).toBe(1);
    const young = await db().selectFrom('mediators').select(['id']).where('org_id', '=', t.demo.ids.mediationOrg2).where('status', '=', 'active').where('id', '!=', 'med-demo-2').orderBy('id').executeTakeFirstOrThrow();
    await db().updateTable('mediators').set({ joined_on: '2026-01-10' }).where('id', '=', young.id).execute();
    expect((await m1.post('/api/mentoring-pairs', { mentorId: 'med-demo-2', menteeId: young.id, startedOn: '2026-11-01', goals: 'x' })).status).toBe(403);
    expect(field(await street.post('/api/mentoring-pairs', { mentorId: 'med-demo-2', menteeId: young.id, startedOn: '2026-11-01', goals: 'x' }))).toBe('menteeId');
    expect(field(await official.post('/api/mentoring-pairs', { mentorId: young.id, menteeId: young.id, startedOn: '2026-11-01', goals: 'x' }))).toBe('menteeId');
    expect(field(await official.post('/api/mentoring-pairs', { mentorId: 'med-demo-2', menteeId: young.id, startedOn: '2026-11-01', goals: '' }))).toBe('goals');
    const r = await official.post('/api/mentoring-pairs', { mentorId: 'med-demo-2', menteeId: young.id, startedOn: '2026-11-01', goals: '独立承办工伤待遇争议' });
    expect(r.status).toBe(201);
    expect(await audit('mentoring.create', r.body.id)).toHaveLength(1);
    expect(field(await official.post('/api/mentoring-pairs', { mentorId: 'med-demo-2', menteeId: young.id, startedOn: '2026-11-02', goals: 'again' }))).toBe('menteeId');
    expect((await street.post(`/api/mentoring-pairs/${r.body.id}/end`, { endedOn: '2026-11-20', outcome: 'x' })).status).toBe(404);
    expect(field(await official.post(`/api/mentoring-pairs/${r.body.id}/end`, { endedOn: '2026-10-01', outcome: 'x' }))).toBe('endedOn');
    expect((await official.post(`/api/mentoring-pairs/${r.body.id}/end`, { endedOn: '2026-11-20', outcome: '已能独立办案' })).status).toBe(200);
    expect((await official.post(`/api/mentoring-pairs/${r.body.id}/end`, { endedOn: '2026-11-20', outcome: 'x' })).status).toBe(409);
  });

  it('records competition scores: ties share a rank, awards follow the rank', async () => {
    expect((await t.anon().get('/api/competitions')).status).toBe(401);
    expect((await ent.get('/api/competitions')).status).toBe(403);
    expect((await m1.get('/api/competitions')).body.items.length).toBeGreaterThan(0);
    expect((await m1.post('/api/competitions', { title: '技能竞赛', heldOn: '2026-10-01', organizer: '区人社局' })).status).toBe(403);
    expect(field(await official.post('/api/competitions', { title: '', heldOn: '2026-10-01', organizer: '区人社局' }))).toBe('title');
    const c = await official.post('/api/competitions', { title: '2026年调解员技能竞赛', heldOn: '2026-10-01', organizer: '区人社局' });
    expect(c.status).toBe(201);
    const ids = (await db().selectFrom('mediators').select('id').where('status', '=', 'active').orderBy('id').limit(4).execute()).map((m) => m.id);
    expect(field(await official.put(`/api/competitions/${c.body.id}/results`, { results: [{ mediatorId: 'nope', score: 80 }] }))).toBe('results.0.mediatorId');
    expect(field(await official.put(`/api/competitions/${c.body.id}/results`, { results: [{ mediatorId: ids[0], score: 120 }] }))).toBe('results.0.score');
    const r = await official.put(`/api/competitions/${c.body.id}/results`, { results: [{ mediatorId: ids[0], score: 80 }, { mediatorId: ids[1], score: 92 }, { mediatorId: ids[2], score: 92 }, { mediatorId: ids[3], score: 70 }] });
    expect(r.status).toBe(200);
    expect(r.body.results.map((x: { rank: number; award: string | null }) => [x.rank, x.award])).toEqual([[1, '一等奖'], [1, '一等奖'], [3, '二等奖'], [4, '三等奖']]);
    expect(await audit('competition.results', c.body.id)).toHaveLength(1);
    expect((await street.get(`/api/competitions/${c.body.id}`)).status).toBe(404);
    const later = await official.post('/api/competitions', { title: '2027年竞赛', heldOn: '2027-10-01', organizer: '区人社局' });
    expect((await official.put(`/api/competitions/${later.body.id}/results`, { results: [{ mediatorId: ids[0], score: 80 }] })).status).toBe(409);
  });
});

describe('social organisations and purchased services', () => {
  let orgId = '';
  it('ledger: 401/403, 400 names the field, scope 404, audit; nominated to a gold round', async () => {
    expect((await t.anon().get('/api/social-orgs')).status).toBe(401);
    expect((await m1.get('/api/social-orgs')).status).toBe(403);
    const l = await official.get('/api/social-orgs');
    expect(l.body.total).toBe(5);
    expect(l.body.summary.organisations).toBe(5);
    expect(field(await street.post('/api/social-orgs', { name: '新桥和谐促进会', orgType: 'association', size: 'small', staffCount: 5, services: [] }))).toBe('services');
    expect(field(await street.post('/api/social-orgs', { name: '新桥和谐促进会', orgType: 'association', size: 'small', staffCount: 5, services: ['training'], regionId: '441999001' }))).toBe('regionId');
    const r = await street.post('/api/social-orgs', { name: '新桥和谐促进会', orgType: 'association', size: 'small', staffCount: 5, industries: ['制造业'], services: ['dispute_mediation', 'training'] });
    expect(r.status).toBe(201);
    orgId = r.body.id;
    expect(r.body.regionId).toBe('441999003');
    expect(await audit('socialOrg.create', orgId)).toHaveLength(1);
    expect((await street.get('/api/social-orgs/so-demo-1')).status).toBe(404);
    expect((await street.patch('/api/social-orgs/so-demo-1', { staffCount: 1 })).status).toBe(404);
    expect((await street.patch(`/api/social-orgs/${orgId}`, { staffCount: 7 })).body.staffCount).toBe(7);
    const round = await official.post('/api/award-rounds', { year: 2026, kind: 'social_org', criteria: '服务成效突出', quota: 1, noticeDays: 5, indicators: [{ code: 'a', name: '服务成效', weight: 100 }] });
    expect(round.status).toBe(201);
    const subjects = await official.get(`/api/award-rounds/${round.body.id}/subjects`);
    expect(subjects.body.items.map((s: { id: string }) => s.id)).toContain('so-demo-1');
    const ev = [{ title: '年度服务报告' }];
    expect(field(await official.post(`/api/award-rounds/${round.body.id}/nominations`, { subjectName: '无名组织', nominatedBy: '区总工会', reason: 'x', evidence: ev }))).toBe('subjectId');
    expect((await official.post(`/api/award-rounds/${round.body.id}/nominations`, { subjectId: 'so-demo-1', subjectName: '云溪区和谐劳动关系促进会', nominatedBy: '区总工会', reason: '服务小微企业成效突出', evidence: ev })).status).toBe(201);
  });

  it('a project: deliverables inside the term, delivery, acceptance only when all delivered', async () => {
    const body = { title: '新桥街道劳动纠纷调解服务', purchaser: '新桥街道办事处', amount: 50000, startOn: '2026-01-01', endOn: '2026-12-31', content: '驻点调解', deliverables: [{ title: '调解案卷20件', dueOn: '2026-11-30' }, { title: '年度报告', dueOn: '2026-12-31' }] };
    expect(field(await street.post(`/api/social-orgs/${orgId}/projects`, { ...body, deliverables: [] }))).toBe('deliverables');
    expect(field(await street.post(`/api/social-orgs/${orgId}/projects`, { ...body, deliverables: [{ title: 'x', dueOn: '2027-03-01' }] }))).toBe('deliverables.0.dueOn');
    expect(field(await street.post(`/api/social-orgs/${orgId}/projects`, { ...body, amount: 0 }))).toBe('amount');
    const p = await street.post(`/api/social-orgs/${orgId}/projects`, body);
    expect(p.status).toBe(201);
    const id = p.body.id;
    expect((await street.get('/api/service-projects/sp-demo-1')).status).toBe(404);
    expect((await street.get('/api/service-projects')).body.items.map((x: { id: string }) => x.id)).toEqual([id]);
    const [d1, d2] = p.body.deliverables;
    expect(field(await street.post(`/api/service-projects/${id}/acceptance`, { passed: true, score: 90, note: '好' }))).toBe('passed');
    expect(field(await street.post(`/api/service-projects/${id}/deliverables/${d1.id}/deliver`, { deliveredOn: '2026-12-01', evidence: 'x' }))).toBe('deliveredOn');
    await street.post(`/api/service-projects/${id}/deliverables/${d1.id}/deliver`, { deliveredOn: '2026-11-20', evidence: '案卷22件' });
    expect((await street.post(`/api/service-projects/${id}/deliverables/${d2.id}/deliver`, { deliveredOn: '2026-11-25', evidence: '报告' })).status).toBe(200);
    expect(field(await street.post(`/api/service-projects/${id}/acceptance`, { passed: true, score: 55, note: '差' }))).toBe('score');
    const a = await street.post(`/api/service-projects/${id}/acceptance`, { passed: true, score: 91, note: '按期保质完成' });
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ status: 'accepted', evalGradeLabel: '优秀', acceptedOn: '2026-11-26' });
    expect(await audit('serviceProject.accept', id)).toHaveLength(1);
    expect((await street.post(`/api/service-projects/${id}/acceptance`, { passed: false, score: 10, note: 'x' })).status).toBe(409);
  });
});

describe('expert team', () => {
  it('lists for mediators, manages for officials, assigns to an enterprise or a case in scope', async () => {
    expect((await t.anon().get('/api/experts')).status).toBe(401);
    expect((await ent.get('/api/experts')).status).toBe(403);
    expect((await m1.get('/api/experts?kind=lawyer')).body.items.length).toBe(2);
    expect((await m1.post('/api/experts', { name: '张律师', kind: 'lawyer', employer: '某所', specialities: ['工伤'] })).status).toBe(403);
    expect(field(await official.post('/api/experts', { name: '张律师', kind: 'lawyer', employer: '某所', specialities: [] }))).toBe('specialities');
    const e = await official.post('/api/experts', { name: '张明远', kind: 'judge', employer: '云溪区人民法院（退休）', specialities: ['劳动争议审判'] });
    expect(e.status).toBe(201);
    expect(await audit('expert.create', e.body.id)).toHaveLength(1);
    expect((await street.get(`/api/experts/${e.body.id}`)).status).toBe(404);
    const c = await db().selectFrom('dispute_cases').select(['id', 'case_no']).orderBy('id').executeTakeFirstOrThrow();
    expect(field(await official.post(`/api/experts/${e.body.id}/assignments`, { targetKind: 'case', targetId: 'nope', task: '会商' }))).toBe('targetId');
    const a = await official.post(`/api/experts/${e.body.id}/assignments`, { targetKind: 'case', targetId: c.id, task: '疑难案件会商' });
    expect(a.status).toBe(201);
    expect(a.body.targetName).toContain(c.case_no);
    const ent1 = t.demo.ids.enterprise1;
    expect((await official.post(`/api/experts/${e.body.id}/assignments`, { targetKind: 'enterprise', targetId: ent1, task: '规章制度审查' })).status).toBe(201);
    expect((await official.get(`/api/experts/${e.body.id}`)).body.assignmentList).toHaveLength(2);
    await official.patch(`/api/experts/${e.body.id}`, { status: 'inactive' });
    expect((await official.post(`/api/experts/${e.body.id}/assignments`, { targetKind: 'enterprise', targetId: ent1, task: 'x' })).status).toBe(409);
  });
});

describe('training events', () => {
  it('publish, self-enrol, capacity and audience, attendance credits hours to the training record', async () => {
    expect((await t.anon().get('/api/training-events')).status).toBe(401);
    expect((await ent.get('/api/training-events')).status).toBe(403);
    expect((await m1.post('/api/training-events', { title: '培训', kind: 'training', audience: 'mediator', heldOn: '2026-11-28', place: 'x', hours: 4, capacity: 2 })).status).toBe(403);
    expect(field(await official.post('/api/training-events', { title: '调解技巧培训', kind: 'training', audience: 'mediator', heldOn: '2026-11-28', place: '', hours: 4, capacity: 2 }))).toBe('place');
    const ev = await official.post('/api/training-events', { title: '调解技巧培训', kind: 'training', audience: 'mediator', heldOn: '2026-11-26', place: '区政务中心', hours: 4, capacity: 2 });
    expect(ev.status).toBe(201);
    const id = ev.body.id;
    expect(field(await coord.post(`/api/training-events/${id}/enrolments`, {}))).toBe('personKind');
    expect((await m1.post(`/api/training-events/${id}/enrolments`, { personKind: 'mediator', personId: 'med-demo-2' })).status).toBe(403);
    const self = await m1.post(`/api/training-events/${id}/enrolments`, {});
    expect(self.status).toBe(201);
    expect(self.body.personId).toBe('med-demo-1');
    expect((await m1.post(`/api/training-events/${id}/enrolments`, {})).status).toBe(409);
    const other = await official.post(`/api/training-events/${id}/enrolments`, { personKind: 'mediator', personId: 'med-demo-2' });
    expect(other.status).toBe(201);
    expect((await official.post(`/api/training-events/${id}/enrolments`, { personKind: 'mediator', personId: 'med-mo-city-arb-1' })).status).toBe(409);
    const seen = await m1.get(`/api/training-events/${id}`);
    expect(seen.body.enrolments).toHaveLength(1);
    expect(seen.body.selfEnrolled).toBe(true);
    expect((await official.post('/api/training-events/te-demo-3/attendance', { attended: [] })).status).toBe(409);
    expect(field(await official.post(`/api/training-events/${id}/attendance`, { attended: ['nope'] }))).toBe('attended');
    const att = await official.post(`/api/training-events/${id}/attendance`, { attended: [self.body.id] });
    expect(att.status).toBe(200);
    expect(att.body.enrolments.map((e: { personId: string; hoursCredited: number }) => [e.personId, e.hoursCredited]).sort()).toEqual([['med-demo-1', 4], ['med-demo-2', 0]]);
    const tr = await db().selectFrom('mediator_trainings').selectAll().where('event_id', '=', id).execute();
    expect(tr.map((x) => [x.mediator_id, x.hours, x.region_id])).toEqual([['med-demo-1', 4, '441999003']]);
    expect(await audit('trainingEvent.attendance', id)).toHaveLength(1);
    expect((await official.post(`/api/training-events/${id}/attendance`, { attended: [] })).status).toBe(409);
    expect((await m1.post(`/api/training-events/${id}/enrolments`, {})).status).toBe(409);
    const count = await db().selectFrom('training_enrolments').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBeGreaterThan(2);
  });
});
