import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let planId = '';
let sectionId = '';

const task = (title: string, extra: Record<string, unknown> = {}) => ({ title, leadUnitId: 'ou-hrss', partnerUnitIds: ['ou-union'], startOn: '2026-02-01', dueOn: '2026-12-31', stages: [{ dueOn: '2026-06-30', target: '完成摸底' }], ...extra });

beforeAll(async () => {
  t = await startTestApp({ enterpriseCount: 20 });
  t.clock.set('2026-03-01T02:00:00.000Z');
  const official = await t.login('official');
  const r = await official.post('/api/plans', { title: '云溪区综合试验区实施方案', startYear: 2026, endYear: 2027, sections: [{ title: '健全协调机制', tasks: [task('建立联席会议制度')] }] });
  expect(r.status).toBe(201);
  planId = r.body.id;
  sectionId = r.body.sections[0].id;
  expect(r.body.version).toBe(1);
});
afterAll(async () => t?.close());

describe('editing a plan: access', () => {
  it('401 anonymous, 403 without plan.manage, 404 out of scope or unknown', async () => {
    const body = { version: 1, title: '改名后的方案' };
    expect((await t.anon().patch(`/api/plans/${planId}`, body)).status).toBe(401);
    expect((await (await t.login('arbitrator')).patch(`/api/plans/${planId}`, body)).status).toBe(403);
    expect((await (await t.login('enterprise1')).patch(`/api/plans/${planId}`, body)).status).toBe(403);
    const street1 = await t.login('street1');
    expect((await street1.patch(`/api/plans/${planId}`, body)).status).toBe(404);
    expect((await street1.post(`/api/plans/${planId}/sections`, { version: 1, title: '新增' })).status).toBe(404);
    const official = await t.login('official');
    expect((await official.patch('/api/plans/nope', body)).status).toBe(404);
    expect((await official.patch('/api/plan-tasks/nope', body)).status).toBe(404);
    expect((await official.patch('/api/plan-sections/nope', body)).status).toBe(404);
    expect((await official.delete('/api/plan-tasks/nope?version=1')).status).toBe(404);
  });
});

describe('editing a plan: validation, versions and audit', () => {
  it('400 names the field', async () => {
    const official = await t.login('official');
    expect(errorOf(await official.patch(`/api/plans/${planId}`, { title: '没有版本号' })).fields?.[0]?.field).toBe('version');
    expect(errorOf(await official.patch(`/api/plans/${planId}`, { version: 1, startYear: 2028 })).fields?.[0]).toMatchObject({ field: 'endYear', message: '结束年份不能早于开始年份' });
    expect(errorOf(await official.post(`/api/plans/${planId}/tasks`, { version: 1, sectionId, ...task('阶段晚于时限', { stages: [{ dueOn: '2027-03-01', target: '过晚' }] }) })).fields?.[0]?.field).toBe('stages.0.dueOn');
    expect(errorOf(await official.post(`/api/plans/${planId}/tasks`, { version: 1, sectionId: 'other', ...task('错的重点任务') })).fields?.[0]?.field).toBe('sectionId');
    expect(errorOf(await official.post(`/api/plans/${planId}/tasks`, { version: 1, sectionId, ...task('未知单位', { leadUnitId: 'ou-nope' }) })).fields?.[0]?.field).toBe('leadUnitId');
    expect((await official.get(`/api/plans/${planId}`)).body.version).toBe(1);
  });

  it('an edit bumps the version and is audited; a stale version gets 409', async () => {
    const official = await t.login('official');
    const r = await official.patch(`/api/plans/${planId}`, { version: 1, title: '云溪区构建和谐劳动关系综合试验区实施方案' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ version: 2, title: '云溪区构建和谐劳动关系综合试验区实施方案' });
    const audit = await t.built.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'plan.update').where('entity_id', '=', planId).execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.before_json!)).toMatchObject({ title: '云溪区综合试验区实施方案' });
    const stale = await official.patch(`/api/plans/${planId}`, { version: 1, title: '另一个窗口的修改' });
    expect(stale.status).toBe(409);
    expect(errorOf(stale).message).toContain('当前版本 2');
  });

  it('of two concurrent edits on the same version exactly one wins', async () => {
    const official = await t.login('official');
    const [a, b] = await Promise.all([
      official.post(`/api/plans/${planId}/sections`, { version: 2, title: '深化集体协商' }),
      official.patch(`/api/plan-sections/${sectionId}`, { version: 2, objective: '形成联动机制' }),
    ]);
    expect([a, b].filter((r) => r.status < 300)).toHaveLength(1);
    expect([a, b].filter((r) => r.status === 409)).toHaveLength(1);
    const plan = await official.get(`/api/plans/${planId}`);
    expect(plan.body.version).toBe(3);
  });

  it('sections and tasks are added and edited; stages kept, changed, added and removed', async () => {
    const official = await t.login('official');
    let v = (await official.get(`/api/plans/${planId}`)).body.version as number;
    const s = await official.post(`/api/plans/${planId}/sections`, { version: v, title: '加强争议调处', objective: '调解成功率60%以上' });
    expect(s.status).toBe(201);
    const newSection = s.body.sections.find((x: { title: string }) => x.title === '加强争议调处');
    v = s.body.version;
    const added = await official.post(`/api/plans/${planId}/tasks`, { version: v, sectionId: newSection.id, ...task('每年认定3家标准化调解组织', { stages: [{ dueOn: '2026-06-30', target: '认定1家' }, { dueOn: '2026-09-30', target: '认定2家' }] }) });
    expect(added.status).toBe(201);
    const created = added.body.sections.find((x: { id: string }) => x.id === newSection.id).tasks[0];
    expect(created.stages).toHaveLength(2);
    v = added.body.version;
    const patched = await official.patch(`/api/plan-tasks/${created.id}`, {
      version: v,
      leadUnitId: 'ou-union',
      partnerUnitIds: ['ou-hrss', 'ou-arbitration'],
      dueOn: '2026-11-30',
      stages: [{ id: created.stages[1].id, dueOn: '2026-08-31', target: '认定2家（提前）' }, { dueOn: '2026-11-30', target: '认定3家' }],
    });
    expect(patched.status).toBe(200);
    const after = patched.body.sections.find((x: { id: string }) => x.id === newSection.id).tasks[0];
    expect(after).toMatchObject({ leadUnit: { id: 'ou-union' }, dueOn: '2026-11-30' });
    expect(after.partnerUnits.map((u: { id: string }) => u.id)).toEqual(['ou-hrss', 'ou-arbitration']);
    expect(after.stages.map((x: { id: string; dueOn: string; target: string }) => [x.dueOn, x.target])).toEqual([['2026-08-31', '认定2家（提前）'], ['2026-11-30', '认定3家']]);
    expect(after.stages[0].id).toBe(created.stages[1].id);
    // the new lead unit now sees the task among its own
    const mine = await (await t.login('union')).get('/api/plan-tasks?mine=true');
    expect(mine.body.items.some((x: { id: string }) => x.id === created.id)).toBe(true);
    const stale = await official.patch(`/api/plan-tasks/${created.id}`, { version: v, title: '过期修改' });
    expect(stale.status).toBe(409);
    expect(errorOf(await official.patch(`/api/plan-tasks/${created.id}`, { version: patched.body.version, stages: [{ id: 'not-mine', dueOn: '2026-08-01', target: 'x' }] })).fields?.[0]?.field).toBe('stages.0.id');
  });

  it('a stage or task with progress reports cannot be removed; a task without can', async () => {
    const official = await t.login('official');
    let plan = (await official.get(`/api/plans/${planId}`)).body;
    const first = plan.sections[0].tasks[0];
    const rep = await official.post(`/api/plan-tasks/${first.id}/reports`, { period: '2026-03', text: '已起草联席会议制度', percent: 20, stageId: first.stages[0].id });
    expect(rep.status).toBe(201);
    const removeStage = await official.patch(`/api/plan-tasks/${first.id}`, { version: plan.version, stages: [] });
    expect(removeStage.status).toBe(409);
    const del = await official.delete(`/api/plan-tasks/${first.id}?version=${plan.version}`);
    expect(del.status).toBe(409);
    expect(errorOf(del).message).toContain('已有进展报告');
    const extra = await official.post(`/api/plans/${planId}/tasks`, { version: plan.version, sectionId: plan.sections[0].id, ...task('临时任务') });
    plan = extra.body;
    const tmp = plan.sections[0].tasks.find((x: { title: string }) => x.title === '临时任务');
    expect(errorOf(await official.delete(`/api/plan-tasks/${tmp.id}`)).fields?.[0]?.field).toBe('version');
    const gone = await official.delete(`/api/plan-tasks/${tmp.id}?version=${plan.version}`);
    expect(gone.status).toBe(200);
    expect(gone.body.sections[0].tasks.some((x: { id: string }) => x.id === tmp.id)).toBe(false);
    expect(await t.built.ctx.db.selectFrom('plan_stages').select('id').where('task_id', '=', tmp.id).execute()).toHaveLength(0);
    const audits = await t.built.ctx.db.selectFrom('audit_log').select('summary').where('action', '=', 'plan.update').where('entity_id', '=', planId).execute();
    expect(audits.some((a) => a.summary?.includes('删除具体措施“临时任务”'))).toBe(true);
  });
});
