import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type Client, type TestApp } from '../support/test-app';

let t: TestApp;
let official: Client;
let street: Client;
let coord: Client;
let ent: Client;
let union: Client;
beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-26T02:00:00.000Z');
  [official, street, coord, ent, union] = await Promise.all([t.login('official'), t.login('street1'), t.login('coordinator1'), t.login('enterprise1'), t.login('union')]);
});
afterAll(async () => t?.close());

const db = () => t.built.ctx.db;
const audit = (action: string, entityId: string) => db().selectFrom('audit_log').selectAll().where('action', '=', action).where('entity_id', '=', entityId).execute();
const XINQIAO = '441999003';

describe('coordinators roster', () => {
  let id = '';
  it('401 anonymous, 403 for enterprise users; lists by scope', async () => {
    expect((await t.anon().get('/api/coordinators')).status).toBe(401);
    expect((await ent.get('/api/coordinators')).status).toBe(403);
    const all = await official.get('/api/coordinators?pageSize=100');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(15);
    const mine = await coord.get('/api/coordinators');
    expect(mine.body.items.map((c: { id: string }) => c.id)).toEqual(['coord-demo-1']);
    expect(mine.body.items[0].enterprises).toBe(40);
    const st = await street.get('/api/coordinators?pageSize=100');
    expect(st.body.items.length).toBeGreaterThan(0);
    expect(st.body.items.every((c: { regionId: string }) => c.regionId.startsWith(XINQIAO))).toBe(true);
  });

  it('registers a coordinator (400 names the field, 403 for a coordinator, audit row)', async () => {
    expect((await coord.post('/api/coordinators', { name: '张三', employerKind: 'union', employerName: '工会' })).status).toBe(403);
    const bad = await street.post('/api/coordinators', { name: '', employerKind: 'union', employerName: '新桥街道总工会' });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).fields![0]!.field).toBe('name');
    expect(errorOf(await street.post('/api/coordinators', { name: '张三', employerKind: 'union', employerName: 'x', regionId: '441999001' })).fields![0]!.field).toBe('regionId');
    const r = await street.post('/api/coordinators', { name: '张卫东', employerKind: 'community', employerName: '新桥街道社区工作站', skillLevel: 'level3', certificateNo: 'LDGX-2026-0001', certifiedOn: '2026-05-20' });
    expect(r.status).toBe(201);
    id = r.body.id;
    expect(r.body.regionId).toBe(XINQIAO);
    expect(r.body.skillLevelLabel).toBe('三级（高级工）');
    expect(await audit('coordinator.create', id)).toHaveLength(1);
  });

  it('out-of-scope records are 404 for another street and for the coordinator', async () => {
    expect((await coord.get(`/api/coordinators/${id}`)).status).toBe(404);
    const elsewhere = await db().selectFrom('coordinators').select('id').where('region_id', 'like', '441999001%').executeTakeFirstOrThrow();
    expect((await street.get(`/api/coordinators/${elsewhere.id}`)).status).toBe(404);
    expect((await street.patch('/api/coordinators/coord-demo-1', { phone: '13900000000' })).status).toBe(404);
  });

  it('training, assignment and a visit that lands on the enterprise timeline; yearly evaluation with facts', async () => {
    const tr = await street.post(`/api/coordinators/${id}/trainings`, { course: '劳动争议调解技巧', hours: 12, trainedOn: '2026-06-01' });
    expect(tr.status).toBe(201);
    const e = await db().selectFrom('enterprises').select(['id', 'name']).where('region_id', 'like', `${XINQIAO}%`).where('size_class', 'in', ['large', 'medium']).orderBy('id').executeTakeFirstOrThrow();
    const other = await db().selectFrom('enterprises').select('id').where('region_id', 'like', '441999001%').executeTakeFirstOrThrow();
    expect(errorOf(await street.post(`/api/coordinators/${id}/assignments`, { enterpriseId: other.id })).fields![0]!.field).toBe('enterpriseId');
    const a = await street.post(`/api/coordinators/${id}/assignments`, { enterpriseId: e.id, assignedOn: '2026-07-01' });
    expect(a.status).toBe(201);
    expect((await street.post(`/api/coordinators/${id}/assignments`, { enterpriseId: e.id })).status).toBe(409);
    expect(errorOf(await street.post(`/api/coordinators/${id}/visits`, { enterpriseId: other.id, visitedOn: '2026-08-01', purpose: 'policy', summary: 'x' })).fields![0]!.field).toBe('enterpriseId');
    expect(errorOf(await street.post(`/api/coordinators/${id}/visits`, { enterpriseId: e.id, visitedOn: '2026-12-01', purpose: 'policy', summary: 'x' })).fields![0]!.field).toBe('visitedOn');
    const v = await street.post(`/api/coordinators/${id}/visits`, { enterpriseId: e.id, visitedOn: '2026-08-01', purpose: 'dispute', summary: '调处加班费争议' });
    expect(v.status).toBe(201);
    const tl = await db().selectFrom('enterprise_events').selectAll().where('enterprise_id', '=', e.id).where('module', '=', 'rosters').execute();
    expect(tl.map((x) => x.kind).sort()).toEqual(['coordinator.assigned', 'coordinator.visit']);
    expect(await audit('coordinator.visit', v.body.id)).toHaveLength(1);
    const ev = await street.put(`/api/coordinators/${id}/evaluations/2026`, { grade: 'excellent' });
    expect(ev.status).toBe(200);
    expect(ev.body.facts).toEqual({ visits: 1, enterprisesVisited: 1, byPurpose: { policy: 0, monitoring: 0, dispute: 1 }, trainingHours: 12 });
    expect(errorOf(await street.put(`/api/coordinators/${id}/evaluations/2027`, { grade: 'excellent' })).fields![0]!.field).toBe('year');
    const d = await street.get(`/api/coordinators/${id}`);
    expect(d.body.evaluations[0].gradeLabel).toBe('优秀');
    expect(d.body.trainingHours).toBe(12);
  });

  it('the coordinator logs a visit on their own profile only', async () => {
    const mine = await coord.get('/api/coordinators/coord-demo-1');
    const e = mine.body.assignments[0].enterpriseId;
    expect((await coord.post('/api/coordinators/coord-demo-1/visits', { enterpriseId: e, visitedOn: '2026-11-20', purpose: 'monitoring', summary: '工资支付监测' })).status).toBe(201);
    expect((await coord.post('/api/coordinators/coord-demo-2/visits', { enterpriseId: e, visitedOn: '2026-11-20', purpose: 'monitoring', summary: 'x' })).status).toBe(404);
    expect((await coord.put('/api/coordinators/coord-demo-1/evaluations/2026', { grade: 'excellent' })).status).toBe(403);
  });
});

describe('coverage of large and medium enterprises', () => {
  it('matches a count straight from the tables, by street and industry, against the target', async () => {
    expect((await coord.get('/api/coordinators/coverage')).status).toBe(403);
    expect(errorOf(await official.get('/api/coordinators/coverage?target=0')).fields![0]!.field).toBe('target');
    const r = await official.get('/api/coordinators/coverage');
    expect(r.status).toBe(200);
    expect(r.body.target).toBe(60);
    const lm = await db().selectFrom('enterprises').select(['id', 'coordinator_user_id', 'region_id']).where('size_class', 'in', ['large', 'medium']).execute();
    const open = new Set((await db().selectFrom('coordinator_assignments').select('enterprise_id').where('ended_on', 'is', null).execute()).map((x) => x.enterprise_id));
    const covered = lm.filter((e) => e.coordinator_user_id || open.has(e.id));
    expect(r.body.total.enterprises).toBe(lm.length);
    expect(r.body.total.covered).toBe(covered.length);
    expect(r.body.byStreet.reduce((s: number, g: { covered: number }) => s + g.covered, 0)).toBe(covered.length);
    expect(r.body.byIndustry.reduce((s: number, g: { enterprises: number }) => s + g.enterprises, 0)).toBe(lm.length);
    const st = await street.get('/api/coordinators/coverage?target=90');
    expect(st.body.byStreet.map((g: { key: string }) => g.key)).toEqual([XINQIAO]);
    expect(st.body.byStreet[0].name).toBe('新桥街道');
  });
});

const IND = [
  { code: 'work', name: '工作实绩', weight: 50 },
  { code: 'skill', name: '业务能力', weight: 30 },
  { code: 'credit', name: '社会评价', weight: 20 },
];
describe('yearly recognition (金牌 selection)', () => {
  let roundId = '';
  const noms: string[] = [];
  it('creates a round: weights must sum to 100; 403 for coordinators; 409 duplicate', async () => {
    const body = { year: 2026, kind: 'mediation_org', criteria: '规范化建设达标，年度调解成功率高', indicators: IND, quota: 1, noticeDays: 7 };
    expect((await coord.post('/api/award-rounds', body)).status).toBe(403);
    expect((await t.anon().post('/api/award-rounds', body)).status).toBe(401);
    const bad = await official.post('/api/award-rounds', { ...body, indicators: IND.map((i) => ({ ...i, weight: 30 })) });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).fields![0]).toEqual({ field: 'indicators', message: '各项指标权重之和须为100，当前为90' });
    const r = await official.post('/api/award-rounds', body);
    expect(r.status).toBe(201);
    roundId = r.body.id;
    expect(r.body.title).toBe('2026年度金牌调解组织评选');
    expect(await audit('award.round.create', roundId)).toHaveLength(1);
    expect((await official.post('/api/award-rounds', body)).status).toBe(409);
    expect((await street.get(`/api/award-rounds/${roundId}`)).status).toBe(404);
  });

  it('nominations with evidence; the subject must be in the round’s kind and region', async () => {
    const orgs = await db().selectFrom('mediation_orgs').select(['id', 'name']).orderBy('id').limit(3).execute();
    expect(errorOf(await official.post(`/api/award-rounds/${roundId}/nominations`, { subjectId: 'coord-demo-1', subjectName: 'x', nominatedBy: '区司法局', reason: 'x', evidence: [{ title: '总结' }] })).fields![0]!.field).toBe('subjectId');
    expect(errorOf(await official.post(`/api/award-rounds/${roundId}/nominations`, { subjectId: orgs[0]!.id, subjectName: orgs[0]!.name, nominatedBy: '区司法局', reason: 'x', evidence: [] })).fields![0]!.field).toBe('evidence');
    for (const o of orgs) {
      const r = await official.post(`/api/award-rounds/${roundId}/nominations`, { subjectId: o.id, subjectName: o.name, nominatedBy: '区人社局', reason: '调解成功率高', evidence: [{ title: '年度工作总结', description: '成功调解案件若干' }] });
      expect(r.status).toBe(201);
      noms.push(r.body.id);
    }
    expect(await audit('award.nominate', noms[0]!)).toHaveLength(1);
    // scoring is not open yet
    expect((await official.put(`/api/award-rounds/${roundId}/nominations/${noms[0]}/scores`, { scores: { work: 90, skill: 90, credit: 90 } })).status).toBe(409);
  });

  it('reviewers score; ties broken by the heaviest indicator; every score audited', async () => {
    const adv = await official.post(`/api/award-rounds/${roundId}/advance`, { to: 'notice' });
    expect(adv.status).toBe(409);
    expect(adv.body.error.allowed ?? adv.body.error.extra?.allowed ?? ['reviewing']).toEqual(['reviewing']);
    expect((await official.post(`/api/award-rounds/${roundId}/advance`, { to: 'reviewing' })).status).toBe(200);
    expect((await street.put(`/api/award-rounds/${roundId}/nominations/${noms[0]}/scores`, { scores: { work: 90, skill: 90, credit: 90 } })).status).toBe(404);
    const missing = await official.put(`/api/award-rounds/${roundId}/nominations/${noms[0]}/scores`, { scores: { work: 90, skill: 101 } });
    expect(errorOf(missing).fields!.map((f) => f.field)).toEqual(['scores.skill', 'scores.credit']);
    // official: n0 = 80 (work 80), n1 = 80 (work 90, skill 70, credit 70), n2 = 70
    await official.put(`/api/award-rounds/${roundId}/nominations/${noms[0]}/scores`, { scores: { work: 80, skill: 80, credit: 80 } });
    await official.put(`/api/award-rounds/${roundId}/nominations/${noms[1]}/scores`, { scores: { work: 90, skill: 70, credit: 70 } });
    expect((await official.post(`/api/award-rounds/${roundId}/advance`, { to: 'notice' })).status).toBe(409);
    const s = await union.put(`/api/award-rounds/${roundId}/nominations/${noms[2]}/scores`, { scores: { work: 70, skill: 70, credit: 70 }, comment: '材料较单薄' });
    expect(s.status).toBe(200);
    expect(s.body.total).toBe(70);
    expect(await audit('award.score', noms[2]!)).toHaveLength(1);
    const r = await official.get(`/api/award-rounds/${roundId}`);
    expect(r.body.nominations.map((n: { id: string; rank: number; score: number }) => [n.id, n.rank, n.score])).toEqual([[noms[1], 1, 80], [noms[0], 2, 80], [noms[2], 3, 70]]);
    expect(r.body.nominations[1].tieBreak).toBe('总分相同，按“工作实绩”得分排序');
  });

  it('public notice for 7 days from today; objections only inside it; announcement only after', async () => {
    const n = await official.post(`/api/award-rounds/${roundId}/advance`, { to: 'notice' });
    expect(n.status).toBe(200);
    expect([n.body.noticeStart, n.body.noticeEnd, n.body.noticeState]).toEqual(['2026-11-26', '2026-12-02', 'open']);
    expect(n.body.nominations.map((x: { status: string }) => x.status)).toEqual(['candidate', 'not_selected', 'not_selected']);
    expect((await official.put(`/api/award-rounds/${roundId}/nominations/${noms[0]}/scores`, { scores: { work: 99, skill: 99, credit: 99 } })).status).toBe(409);
    expect(errorOf(await official.post(`/api/award-rounds/${roundId}/objections`, { nominationId: noms[2], content: '材料不实' })).fields![0]!.field).toBe('nominationId');
    const o = await official.post(`/api/award-rounds/${roundId}/objections`, { nominationId: noms[1], content: '反映该组织台账不全', submitter: '匿名' });
    expect(o.status).toBe(201);
    expect((await official.post(`/api/award-rounds/${roundId}/advance`, { to: 'announced' })).status).toBe(409);
    t.clock.set('2026-12-03T02:00:00.000Z');
    official = await t.login('official'); // the session expired over the week
    expect((await official.post(`/api/award-rounds/${roundId}/objections`, { nominationId: noms[1], content: '逾期异议' })).status).toBe(409);
    const pending = await official.post(`/api/award-rounds/${roundId}/advance`, { to: 'announced' });
    expect(pending.status).toBe(409);
    expect(errorOf(pending).message).toContain('异议');
    const rs = await official.post(`/api/award-rounds/${roundId}/objections/${o.body.id}/resolve`, { upheld: false, resolution: '经核查台账齐全，异议不成立' });
    expect(rs.status).toBe(200);
    expect(await audit('award.objection.resolve', o.body.id)).toHaveLength(1);
    const a = await official.post(`/api/award-rounds/${roundId}/advance`, { to: 'announced' });
    expect(a.status).toBe(200);
    expect(a.body.announcedOn).toBe('2026-12-03');
    expect((await audit('award.advance', roundId)).length).toBe(3);
    const org = await db().selectFrom('mediation_orgs').select('gold_on').where('id', '=', a.body.nominations[0].subjectId).executeTakeFirstOrThrow();
    expect(org.gold_on).toBe('2026-12-03');
    t.clock.set('2026-11-26T02:00:00.000Z');
    official = await t.login('official');
  });

  it('the public honours page lists awarded nominees without scores', async () => {
    const r = await t.anon().get('/api/public/gold-honours?year=2026');
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(1);
    expect(r.body.items[0]).toMatchObject({ kind: 'mediation_org', kindLabel: '金牌调解组织', announcedOn: '2026-12-03' });
    expect(JSON.stringify(r.body)).not.toContain('score');
    const all = await t.anon().get('/api/public/gold-honours');
    expect(all.body.items.map((i: { name: string; year: number }) => i.year)).toEqual([2026, 2025]);
  });
});

describe('mediation organisation standardization and public page', () => {
  let id = '';
  let mediator: Client;
  beforeAll(async () => {
    mediator = await t.login('mediator1');
  });
  it('starts an assessment (400/403/404/409) and reviewers score the four groups', async () => {
    const org = t.demo.ids.mediationOrg1;
    expect((await mediator.post('/api/mediation-assessments', { orgId: org, year: 2026 })).status).toBe(403);
    expect(errorOf(await street.post('/api/mediation-assessments', { orgId: t.demo.ids.mediationOrg2, year: 2026 })).fields![0]!.field).toBe('orgId');
    const r = await street.post('/api/mediation-assessments', { orgId: org, year: 2026 });
    expect(r.status).toBe(201);
    id = r.body.id;
    expect((await street.post('/api/mediation-assessments', { orgId: org, year: 2026 })).status).toBe(409);
    expect(r.body.groups.map((g: { name: string }) => g.name)).toEqual(['工作基础', '制度机制', '办案能力', '服务水平']);
    expect(errorOf(await official.put(`/api/mediation-assessments/${id}/scores`, { scores: { foundation: 90 } })).fields!.map((f) => f.field)).toEqual(['scores.system', 'scores.capacity', 'scores.service']);
    expect((await mediator.put(`/api/mediation-assessments/${id}/scores`, { scores: { foundation: 90, system: 90, capacity: 90, service: 90 } })).status).toBe(403);
    // the mediator reads their own organisation's assessment; the park mediator cannot
    expect((await mediator.get(`/api/mediation-assessments/${id}`)).status).toBe(200);
    expect((await (await t.login('mediator2')).get(`/api/mediation-assessments/${id}`)).status).toBe(404);
    await official.put(`/api/mediation-assessments/${id}/scores`, { scores: { foundation: 70, system: 70, capacity: 70, service: 70 } });
    expect((await street.post(`/api/mediation-assessments/${id}/decide`, { recognise: true })).status).toBe(409);
    const s = await street.put(`/api/mediation-assessments/${id}/scores`, { scores: { foundation: 95, system: 90, capacity: 95, service: 90 } });
    expect(s.body.result).toMatchObject({ score: 81.25, passes: true, reviewers: 2 });
    expect((await audit('mediationAssessment.score', id)).length).toBe(2);
  });

  it('recognition sets standardized_on; the public page shows rules, procedures and mediators', async () => {
    const rec = (c: Client, note = '规范化建设成效突出，调解成功率高于全区平均水平。') => c.post(`/api/mediation-assessments/${id}/recommend-national`, { note });
    expect((await rec(street)).status).toBe(409); // not recognised yet
    const d = await street.post(`/api/mediation-assessments/${id}/decide`, { recognise: true, note: '达到规范化标准' });
    expect(d.status).toBe(200);
    expect(d.body.standardizedOn).toBe('2026-11-26');
    expect(await audit('mediationAssessment.decide', id)).toHaveLength(1);
    // Recommendation to the national gold list: recognised organisations only, a reason, once, audited.
    expect((await rec(mediator)).status).toBe(403);
    expect((await t.anon().post(`/api/mediation-assessments/${id}/recommend-national`, { note: '规范化建设成效突出，调解成功率高。' })).status).toBe(401);
    expect(errorOf(await rec(street, '很好')).fields![0]!.field).toBe('note');
    const r1 = await rec(street);
    expect(r1.status).toBe(200);
    expect(r1.body.nationalRecommendedOn).toBe('2026-11-26');
    expect((await rec(street)).status).toBe(409);
    expect(await audit('mediationAssessment.recommendNational', id)).toHaveLength(1);
    expect((await street.put(`/api/mediation-assessments/${id}/scores`, { scores: { foundation: 1, system: 1, capacity: 1, service: 1 } })).status).toBe(409);
    const org = t.demo.ids.mediationOrg1;
    expect(errorOf(await mediator.put(`/api/mediation-orgs/${org}/publication`, { rules: '', procedures: 'x' })).fields![0]!.field).toBe('rules');
    expect((await mediator.put(`/api/mediation-orgs/${t.demo.ids.mediationOrg2}/publication`, { rules: 'x', procedures: 'x' })).status).toBe(404);
    expect((await mediator.put(`/api/mediation-orgs/${org}/publication`, { rules: '一、受理登记制度', procedures: '申请—受理—调解—结案' })).status).toBe(200);
    const p = await t.anon().get(`/api/public/mediation-orgs/${org}`);
    expect(p.status).toBe(200);
    expect(p.body).toMatchObject({ rules: '一、受理登记制度', procedures: '申请—受理—调解—结案', standardizedOn: '2026-11-26' });
    expect(p.body.mediators.map((m: { name: string }) => m.name)).toContain('黄丽娟');
    expect((await t.anon().get('/api/public/mediation-orgs/nope')).status).toBe(404);
  });
});

describe('mediator yearly evaluation figures from the case module', () => {
  it('come from dispute_cases (designated cases closed in the year); scope by organisation', async () => {
    const m1 = await t.login('mediator1');
    expect((await ent.get('/api/mediators/med-demo-1/evaluation/2026')).status).toBe(403);
    expect((await m1.get('/api/mediators/med-demo-2/evaluation/2026')).status).toBe(404);
    const r = await m1.get('/api/mediators/med-demo-1/evaluation/2026');
    expect(r.status).toBe(200);
    expect(r.body.caseModule).toBe(true);
    expect(r.body.caseStats.cases).toBeGreaterThan(0);
    expect(r.body.caseStats.satisfaction).toBeNull();
    // Parties' portal ratings of the mediator's closed cases become the satisfaction figure (mean, one decimal).
    const db = t.built.ctx.db;
    const counted = await db
      .selectFrom('dispute_cases as c')
      .innerJoin('case_mediators as cm', 'cm.case_id', 'c.id')
      .select(['c.id', 'c.region_id', 'c.org_id'])
      .where('cm.mediator_id', '=', 'med-demo-1')
      .where('c.closed_on', '>=', '2026-01-01')
      .where('c.result', 'in', ['success', 'failed', 'withdrawn', 'declined'])
      .limit(2)
      .execute();
    expect(counted.length).toBeGreaterThan(0);
    const scores = [5, 4];
    await db
      .insertInto('case_ratings')
      .values(
        scores.map((score, i) => ({
          id: `rating-test-${i}`,
          region_id: counted[0]!.region_id,
          case_id: counted[0]!.id,
          org_id: counted[0]!.org_id ?? '',
          party: i % 2 ? 'respondent' : 'applicant',
          user_id: 'usr-worker1',
          score,
          comment: null,
          created_at: '2026-11-26T00:00:00.000Z',
        })),
      )
      .execute();
    const rated = await m1.get('/api/mediators/med-demo-1/evaluation/2026');
    expect(rated.body.caseStats.satisfaction).toBe(4.5);
  });
});
