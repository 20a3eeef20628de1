import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPayrollMonitorJob } from '../../src/server/modules/wage-arrears/projects';
import { errorOf, startTestApp, type Client, type TestApp } from '../support/test-app';

// Issue 10, second part: construction-project wage supervision, 双随机、一公开 and the red/black lists.
let t: TestApp;
let ent: Client;
let official: Client;
let street: Client;
let worker: Client;
let e1 = '';
let outside = '';
beforeAll(async () => {
  t = await startTestApp({ enterpriseCount: 60 });
  t.clock.set('2026-11-26T02:00:00.000Z');
  [ent, official, street, worker] = await Promise.all([t.login('enterprise1'), t.login('official'), t.login('street1'), t.login('worker1')]);
  e1 = t.demo.ids.enterprise1;
  outside = t.demo.enterprises.find((e) => !e.region_id.startsWith(t.demo.ids.xinqiao))!.id;
});
afterAll(async () => t?.close());

const db = () => t.built.ctx.db;
const audit = (action: string, entityId?: string) => {
  let q = db().selectFrom('audit_log').selectAll().where('action', '=', action);
  if (entityId) q = q.where('entity_id', '=', entityId);
  return q.execute();
};
const field = (r: { body: unknown; status: number }) => errorOf(r as never).fields?.[0]?.field;

describe('wage arrears: construction projects, payrolls, monitor, arrears cases', () => {
  let projectId = '';
  let caseId = '';

  it('lists projects: 401, 403 worker, own projects for the enterprise, all for the official with deficits and missing months', async () => {
    expect((await t.anon().get('/api/wage/projects')).status).toBe(401);
    expect((await worker.get('/api/wage/projects')).status).toBe(403);
    expect((await ent.get('/api/wage/projects')).body.total).toBe(0);
    const all = await official.get('/api/wage/projects');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(4);
    const cp3 = all.body.items.find((p: { id: string }) => p.id === 'cp-3');
    expect(cp3.missingPayrolls).toEqual([{ month: '2026-10', dueOn: '2026-11-15' }]);
    const cp4 = all.body.items.find((p: { id: string }) => p.id === 'cp-4');
    expect(cp4.deficits.map((d: { code: string }) => d.code)).toEqual(['WAGE_ACCOUNT', 'GUARANTEE', 'REAL_NAME', 'LABOR_MANAGER']);
    expect((await official.get('/api/wage/projects?overdue=1')).body.items.map((p: { id: string }) => p.id)).toEqual(['cp-3']);
  });

  it('registers a project: 403 enterprise, 404 outside the street, 400 names the field, 201 and audit', async () => {
    const body = { name: '和谐花园二期工程', contractorEnterpriseId: e1, builderName: '区住房保障中心', startOn: '2026-09-01' };
    expect((await ent.post('/api/wage/projects', body)).status).toBe(403);
    expect((await street.post('/api/wage/projects', { ...body, contractorEnterpriseId: outside })).status).toBe(404);
    expect(field(await official.post('/api/wage/projects', { ...body, name: ' ' }))).toBe('name');
    expect(field(await official.post('/api/wage/projects', { ...body, endOn: '2026-08-01' }))).toBe('endOn');
    const r = await official.post('/api/wage/projects', body);
    expect(r.status).toBe(201);
    projectId = r.body.id;
    expect(r.body.deficits).toHaveLength(5);
    expect(r.body.missingPayrolls.map((m: { month: string }) => m.month)).toEqual(['2026-09', '2026-10']);
    expect(await audit('wage.project.create', projectId)).toHaveLength(1);
    expect((await t.anon().get(`/api/wage/projects/${projectId}`)).status).toBe(401);
    expect((await street.get(`/api/wage/projects/${projectId}`)).status).toBe(404);
    expect((await ent.get(`/api/wage/projects/${projectId}`)).status).toBe(200);
  });

  it('records the wage account, the guarantee and real-name counts (PATCH)', async () => {
    expect((await ent.patch(`/api/wage/projects/${projectId}`, { infoBoard: true })).status).toBe(403);
    expect((await street.patch(`/api/wage/projects/${projectId}`, { infoBoard: true })).status).toBe(404);
    expect(field(await official.patch(`/api/wage/projects/${projectId}`, { payDay: 40 }))).toBe('payDay');
    const r = await official.patch(`/api/wage/projects/${projectId}`, { wageAccountBank: '工商银行', wageAccountNo: '3602000123456', wageAccountOpenedOn: '2026-09-02', guaranteeForm: 'bank_guarantee', guaranteeAmount: 300000, realNameWorkers: 64, laborManager: '李明', infoBoard: true });
    expect(r.status).toBe(200);
    expect(r.body.deficits).toEqual([]);
    expect(r.body.guarantee.formName).toBe('金融机构保函');
    expect(await audit('wage.project.update', projectId)).toHaveLength(1);
  });

  it('the contractor confirms a month: 201, duplicate 409, future month 400, another contractor 404', async () => {
    const body = { month: '2026-09', workersPaid: 60, amount: 402000, paidOn: '2026-10-14' };
    expect((await worker.post(`/api/wage/projects/${projectId}/payrolls`, body)).status).toBe(403);
    expect((await ent.post('/api/wage/projects/cp-1/payrolls', body)).status).toBe(404);
    expect(field(await ent.post(`/api/wage/projects/${projectId}/payrolls`, { ...body, month: '2026-12' }))).toBe('month');
    expect(field(await ent.post(`/api/wage/projects/${projectId}/payrolls`, { ...body, month: '2026-9' }))).toBe('month');
    const r = await ent.post(`/api/wage/projects/${projectId}/payrolls`, body);
    expect(r.status).toBe(201);
    expect(r.body.missingPayrolls.map((m: { month: string }) => m.month)).toEqual(['2026-10']);
    expect((await ent.post(`/api/wage/projects/${projectId}/payrolls`, body)).status).toBe(409);
    expect(await audit('wage.payroll.confirm', projectId)).toHaveLength(1);
  });

  it('the monitor raises one alert per missing month into the risk module, once', async () => {
    expect((await ent.post('/api/wage/monitor/run')).status).toBe(403);
    const r = await official.post('/api/wage/monitor/run');
    expect(r.status).toBe(200);
    expect(r.body.raised.map((x: { projectId: string; month: string }) => `${x.projectId}:${x.month}`).sort()).toEqual(['cp-3:2026-10', `${projectId}:2026-10`].sort());
    const signals = await db().selectFrom('risk_signals').selectAll().where('source', '=', 'wage-monitor').execute();
    expect(signals.map((s) => s.external_id).sort()).toEqual(['cp-3:2026-10', `${projectId}:2026-10`].sort());
    expect(signals.find((s) => s.external_id.startsWith(projectId))!.enterprise_id).toBe(e1);
    expect((await official.post('/api/wage/monitor/run')).body.raised).toEqual([]);
    expect(await audit('wage.monitor.run')).toHaveLength(2);
  });

  it('the scheduled monitor (wage-payroll-monitor job) raises the months that fall due later, once, as the system', async () => {
    const before = (await db().selectFrom('project_payroll_alerts').select('id').execute()).length;
    const saved = t.clock.now().toISOString();
    t.clock.advance(40 * 86_400_000); // past the next pay day: November's wages are now overdue too
    try {
      const first = await runPayrollMonitorJob(t.built.ctx);
      expect(first).toMatch(/raised [1-9]\d* alerts/);
      const after = await db().selectFrom('project_payroll_alerts').select(['project_id', 'month']).execute();
      expect(after.length).toBeGreaterThan(before);
      expect(after.some((a) => a.project_id === projectId && a.month === '2026-11')).toBe(true);
      expect(await runPayrollMonitorJob(t.built.ctx)).toMatch(/raised 0 alerts/);
      const rows = await db().selectFrom('audit_log').select(['actor_id', 'actor_name']).where('action', '=', 'wage.monitor.run').execute();
      expect(rows.filter((r) => r.actor_name === '欠薪监测（定时）')).toEqual([{ actor_id: null, actor_name: '欠薪监测（定时）' }]);
    } finally {
      t.clock.set(saved);
    }
  });

  it('opens an arrears case, records recoveries, transfers it; scope and validation', async () => {
    const body = { enterpriseId: e1, projectId, description: '钢筋班组工资拖欠两个月，工人聚集讨薪', workers: 23, amountOwed: 286000, openedOn: '2026-11-20', massIncident: true };
    expect((await t.anon().post('/api/wage/arrears', body)).status).toBe(401);
    expect((await ent.post('/api/wage/arrears', body)).status).toBe(403);
    expect((await street.post('/api/wage/arrears', body)).status).toBe(404);
    expect(field(await official.post('/api/wage/arrears', { ...body, workers: 0 }))).toBe('workers');
    expect(field(await official.post('/api/wage/arrears', { ...body, projectId: 'nope' }))).toBe('projectId');
    const r = await official.post('/api/wage/arrears', body);
    expect(r.status).toBe(201);
    caseId = r.body.id;
    expect(r.body).toMatchObject({ outstanding: 286000, massIncident: true, status: 'open' });
    expect(await audit('wage.arrears.open', caseId)).toHaveLength(1);
    expect((await street.get(`/api/wage/arrears/${caseId}`)).status).toBe(404);
    expect(field(await official.post(`/api/wage/arrears/${caseId}/recoveries`, { amount: 300000, workers: 23, recoveredOn: '2026-11-25' }))).toBe('amount');
    expect(field(await official.post(`/api/wage/arrears/${caseId}/recoveries`, { amount: 1000, workers: 1, recoveredOn: '2026-11-19' }))).toBe('recoveredOn');
    const rec = await official.post(`/api/wage/arrears/${caseId}/recoveries`, { amount: 86000, workers: 7, recoveredOn: '2026-11-25' });
    expect(rec.status).toBe(201);
    expect(rec.body).toMatchObject({ amountRecovered: 86000, outstanding: 200000, status: 'open' });
    expect(rec.body.recoveries).toHaveLength(1);
    expect(await audit('wage.arrears.recover', caseId)).toHaveLength(1);
    const list = await official.get('/api/wage/arrears');
    expect(list.body.totals.cases).toBe(2);
    expect(list.body.totals.amountRecovered).toBe(466000);
    expect((await worker.get('/api/wage/arrears')).status).toBe(403);
    const detail = await official.get(`/api/wage/projects/${projectId}`);
    expect(detail.body.arrears.map((a: { id: string }) => a.id)).toEqual([caseId]);
  });

  it('transfers a case to the police once (409 after)', async () => {
    expect(field(await official.post('/api/wage/arrears/wa-1/transfer', { note: '' }))).toBe('note');
    const r = await official.post('/api/wage/arrears/wa-1/transfer', { note: '涉嫌拒不支付劳动报酬罪' });
    expect(r.body.status).toBe('transferred');
    expect((await official.post('/api/wage/arrears/wa-1/transfer', { note: '再次' })).status).toBe(409);
    expect(await audit('wage.arrears.transfer', 'wa-1')).toHaveLength(1);
  });
});

describe('双随机、一公开', () => {
  let planId = '';
  let inspectorId = '';
  const conflicted = () => t.demo.enterprises.filter((e) => e.id !== e1)[3]!.id;

  it('item list: 401, 403 enterprise, 400 names the field, 201, duplicate code', async () => {
    expect((await t.anon().get('/api/inspections/items')).status).toBe(401);
    expect((await ent.get('/api/inspections/items')).status).toBe(403);
    expect((await official.get('/api/inspections/items')).body.items).toHaveLength(4);
    const body = { code: 'LDJC-005', name: '女职工和未成年工特殊劳动保护情况', basis: '劳动保障监察条例 第十一条第（三）项', method: '实地检查' };
    expect(field(await official.post('/api/inspections/items', { ...body, name: '' }))).toBe('name');
    const r = await official.post('/api/inspections/items', body);
    expect(r.status).toBe(201);
    expect(await audit('inspection.item.create', r.body.id)).toHaveLength(1);
    expect(field(await official.post('/api/inspections/items', body))).toBe('code');
  });

  it('inspector roster with conflicts of interest: 201, 409 duplicate certificate, 400 unknown enterprise, PATCH, 404 out of region', async () => {
    const body = { name: '吴明', certNo: '441999200199', unit: '区劳动保障监察大队', conflicts: [] };
    expect((await ent.post('/api/inspections/inspectors', body)).status).toBe(403);
    expect(field(await official.post('/api/inspections/inspectors', { ...body, conflicts: ['nope'] }))).toBe('conflicts');
    const r = await official.post('/api/inspections/inspectors', body);
    expect(r.status).toBe(201);
    inspectorId = r.body.id;
    expect((await official.post('/api/inspections/inspectors', body)).status).toBe(409);
    expect((await street.patch(`/api/inspections/inspectors/${inspectorId}`, { active: false })).status).toBe(404);
    const p = await official.patch(`/api/inspections/inspectors/${inspectorId}`, { conflicts: [e1] });
    expect(p.body.conflicts[0].enterpriseId).toBe(e1);
    expect(await audit('inspection.inspector.update', inspectorId)).toHaveLength(1);
    expect((await official.get('/api/inspections/inspectors')).body.items).toHaveLength(9);
  });

  it('targets directory by street × industry', async () => {
    const r = await official.get('/api/inspections/targets');
    expect(r.body.total).toBe(60);
    expect(r.body.strata.reduce((s: number, x: { count: number }) => s + x.count, 0)).toBe(60);
    expect((await worker.get('/api/inspections/targets')).status).toBe(403);
  });

  it('creates a plan: 400 ratio under 5 %, 400 unknown item, 201', async () => {
    const body = { year: 2026, title: '2026年第四季度双随机抽查', itemIds: ['isi-1', 'isi-2'], ratio: 0.1 };
    expect(field(await official.post('/api/inspections/plans', { ...body, ratio: 0.01 }))).toBe('ratio');
    expect(field(await official.post('/api/inspections/plans', { ...body, itemIds: ['x'] }))).toBe('itemIds');
    const r = await official.post('/api/inspections/plans', body);
    expect(r.status).toBe(201);
    planId = r.body.id;
    expect(r.body.abilities.draw).toBe(true);
    expect(await audit('inspection.plan.create', planId)).toHaveLength(1);
  });

  it('draws once with a recorded seed; conflicted inspectors never paired; a re-run reproduces it; a second draw is refused', async () => {
    expect((await ent.post(`/api/inspections/plans/${planId}/draw`, { seed: 'lottery-2026-11' })).status).toBe(403);
    expect((await street.post(`/api/inspections/plans/${planId}/draw`, { seed: 'lottery-2026-11' })).status).toBe(404);
    expect(field(await official.post(`/api/inspections/plans/${planId}/draw`, { seed: 'x' }))).toBe('seed');
    const r = await official.post(`/api/inspections/plans/${planId}/draw`, { seed: 'lottery-2026-11' });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('drawn');
    expect(r.body.seed).toBe('lottery-2026-11');
    expect(r.body.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(r.body.tasks.length).toBeGreaterThanOrEqual(6);
    for (const task of r.body.tasks as { enterpriseId: string; inspectors: { id: string }[] }[]) {
      expect(task.inspectors).toHaveLength(2);
      if (task.enterpriseId === conflicted()) expect(task.inspectors.map((i) => i.id)).not.toContain('insp-2');
      if (task.enterpriseId === e1) expect(task.inspectors.map((i) => i.id)).not.toContain(inspectorId);
    }
    const again = await official.post(`/api/inspections/plans/${planId}/draw`, { seed: 'another' });
    expect(again.status).toBe(409);
    expect(errorOf(again).message).toContain('只能抽取一次');
    const v = await official.get(`/api/inspections/plans/${planId}/verify`);
    expect(v.body).toMatchObject({ matches: true, storedFingerprint: r.body.fingerprint, fingerprint: r.body.fingerprint });
    expect(await audit('inspection.plan.draw', planId)).toHaveLength(1);
    // Same seed, same inputs → the same draw in another plan; a changed roster changes it.
    const twin = await official.post('/api/inspections/plans', { year: 2026, title: '复核', itemIds: ['isi-1'], ratio: 0.1 });
    const twinDraw = await official.post(`/api/inspections/plans/${twin.body.id}/draw`, { seed: 'lottery-2026-11' });
    expect(twinDraw.body.fingerprint).toBe(r.body.fingerprint);
    expect(twinDraw.body.tasks.map((x: { enterpriseId: string }) => x.enterpriseId).sort()).toEqual(r.body.tasks.map((x: { enterpriseId: string }) => x.enterpriseId).sort());
    await official.patch(`/api/inspections/inspectors/${inspectorId}`, { active: false });
    const third = await official.post('/api/inspections/plans', { year: 2026, title: '复核二', itemIds: ['isi-1'], ratio: 0.1 });
    expect((await official.post(`/api/inspections/plans/${third.body.id}/draw`, { seed: 'lottery-2026-11' })).body.fingerprint).not.toBe(r.body.fingerprint);
  });

  it('enters results (a violation goes on the record), publishes only when complete, then the public page shows them without personal data', async () => {
    const plan = (await official.get(`/api/inspections/plans/${planId}`)).body;
    const [first, ...rest] = plan.tasks as { id: string; enterpriseId: string }[];
    expect(field(await official.post(`/api/inspections/tasks/${first!.id}/result`, { result: 'violation', inspectedOn: '2026-11-24', findings: '未按时足额支付加班费' }))).toBe('violationKind');
    expect(field(await official.post(`/api/inspections/tasks/${first!.id}/result`, { result: 'compliant', inspectedOn: '2026-12-24', findings: '正常' }))).toBe('inspectedOn');
    expect((await ent.post(`/api/inspections/tasks/${first!.id}/result`, { result: 'compliant', inspectedOn: '2026-11-24', findings: '正常' })).status).toBe(403);
    expect((await street.post(`/api/inspections/tasks/missing/result`, { result: 'compliant', inspectedOn: '2026-11-24', findings: '正常' })).status).toBe(404);
    const v = await official.post(`/api/inspections/tasks/${first!.id}/result`, { result: 'violation', violationKind: 'ordinary', inspectedOn: '2026-11-24', findings: '未按时足额支付加班费' });
    expect(v.status).toBe(200);
    const violation = await db().selectFrom('labor_violations').selectAll().where('id', '=', v.body.violationId).executeTakeFirstOrThrow();
    expect(violation).toMatchObject({ enterprise_id: first!.enterpriseId, source: 'inspection', source_id: first!.id });
    expect(await audit('inspection.result', first!.id)).toHaveLength(1);
    const early = await official.post(`/api/inspections/plans/${planId}/publish`);
    expect(early.status).toBe(409);
    expect(errorOf(early).message).toContain(`尚有${rest.length}户`);
    for (const task of rest) expect((await official.post(`/api/inspections/tasks/${task.id}/result`, { result: 'compliant', inspectedOn: '2026-11-25', findings: '工资台账、劳动合同齐全' })).status).toBe(200);
    expect((await ent.post(`/api/inspections/plans/${planId}/publish`)).status).toBe(403);
    const pub = await official.post(`/api/inspections/plans/${planId}/publish`);
    expect(pub.body.status).toBe('published');
    expect(await audit('inspection.plan.publish', planId)).toHaveLength(1);
    expect((await official.post(`/api/inspections/tasks/${first!.id}/result`, { result: 'compliant', inspectedOn: '2026-11-24', findings: '改' })).status).toBe(409);
    expect((await official.post(`/api/inspections/plans/${planId}/publish`)).status).toBe(409);

    const open = await t.anon().get('/api/public/inspections');
    expect(open.status).toBe(200);
    const p = open.body.items.find((x: { id: string }) => x.id === planId);
    expect(p.seed).toBe('lottery-2026-11');
    expect(p.results).toHaveLength(plan.tasks.length);
    expect(Object.keys(p.results[0]).sort()).toEqual(['enterpriseName', 'inspectedOn', 'result', 'resultName', 'uscc']);
    expect(JSON.stringify(open.body)).not.toMatch(/inspector|findings|加班费|李建国/);
    expect(open.body.items.map((x: { id: string }) => x.id)).not.toContain('isp-2026-2');
  });
});

describe('red and black lists', () => {
  let listingId = '';

  it('the public query page shows listed enterprises without personal data', async () => {
    const r = await t.anon().get('/api/public/credit-lists?kind=red');
    expect(r.status).toBe(200);
    expect(r.body.total).toBeGreaterThan(0);
    expect(Object.keys(r.body.items[0]).sort()).toEqual(['basis', 'enterpriseName', 'kind', 'kindName', 'listedOn', 'listedUntil', 'uscc']);
    expect(JSON.stringify(r.body)).not.toContain('待核对');
    expect(field(await t.anon().get('/api/public/credit-lists?kind=grey'))).toBe('kind');
  });

  it('reads listings: 401, 403 worker, the enterprise only its own', async () => {
    expect((await t.anon().get('/api/credit/lists')).status).toBe(401);
    expect((await worker.get('/api/credit/lists')).status).toBe(403);
    expect((await ent.get('/api/credit/lists')).body.total).toBe(0);
    expect((await official.get('/api/credit/lists?kind=red')).body.total).toBeGreaterThan(0);
    expect((await ent.get('/api/credit/lists/cl-red-1')).status).toBe(404);
  });

  it('candidates for the black list come from unresolved arrears cases (暂行办法 第五条)', async () => {
    expect((await ent.get('/api/credit/lists/candidates?kind=black')).status).toBe(403);
    expect(field(await official.get('/api/credit/lists/candidates'))).toBe('kind');
    const r = await official.get('/api/credit/lists/candidates?kind=black');
    const mine = r.body.items.find((c: { enterpriseId: string }) => c.enterpriseId === e1);
    expect(mine.criteria.map((c: { id: string }) => c.id)).toEqual(['K2']);
    expect(r.body.items.some((c: { criteria: { id: string }[] }) => c.criteria.some((x) => x.id === 'K1'))).toBe(true);
  });

  it('prior notice: 403 enterprise, 404 out of street, 400 criterion of the other list, 409 criterion not met, 201', async () => {
    const body = { enterpriseId: e1, kind: 'black', criterionId: 'K2', reason: '拖欠23名农民工工资引发聚集讨薪' };
    expect((await ent.post('/api/credit/lists', body)).status).toBe(403);
    expect((await street.post('/api/credit/lists', body)).status).toBe(404);
    expect(field(await official.post('/api/credit/lists', { ...body, reason: '' }))).toBe('reason');
    expect(field(await official.post('/api/credit/lists', { ...body, criterionId: 'R1' }))).toBe('criterionId');
    expect((await official.post('/api/credit/lists', { ...body, criterionId: 'K1' })).status).toBe(409);
    const r = await official.post('/api/credit/lists', body);
    expect(r.status).toBe(201);
    listingId = r.body.id;
    expect(r.body).toMatchObject({ status: 'noticed', noticedOn: '2026-11-26', noticeDueOn: '2026-12-03' });
    expect(await audit('creditList.notice', listingId)).toHaveLength(1);
    expect((await official.post('/api/credit/lists', body)).status).toBe(409);
  });

  it('the enterprise states its case; the decision waits for the period unless it has; 409 names allowed events', async () => {
    expect((await official.post(`/api/credit/lists/${listingId}/appeal`, { reason: 'x' })).status).toBe(403);
    expect((await ent.post('/api/credit/lists/cl-red-1/appeal', { reason: 'x' })).status).toBe(404);
    expect(field(await ent.post(`/api/credit/lists/${listingId}/appeal`, { reason: ' ' }))).toBe('reason');
    const a = await ent.post(`/api/credit/lists/${listingId}/appeal`, { reason: '已垫付部分工资，聚集系分包班组所致' });
    expect(a.body.status).toBe('appealed');
    expect(await audit('creditList.appeal', listingId)).toHaveLength(1);
    expect((await ent.post(`/api/credit/lists/${listingId}/appeal`, { reason: '再次' })).status).toBe(409);
    expect((await ent.post(`/api/credit/lists/${listingId}/decide`, { decision: 'list', reply: 'x' })).status).toBe(403);
    expect(field(await official.post(`/api/credit/lists/${listingId}/decide`, { decision: 'maybe', reply: 'x' }))).toBe('decision');
    const d = await official.post(`/api/credit/lists/${listingId}/decide`, { decision: 'list', reply: '申辩理由不成立：总承包单位对分包欠薪先行清偿（条例第三十条）' });
    expect(d.body).toMatchObject({ status: 'listed', listedOn: '2026-11-26', listedUntil: '2029-11-26' });
    expect(await audit('creditList.list', listingId)).toHaveLength(1);
    const again = await official.post(`/api/credit/lists/${listingId}/decide`, { decision: 'drop', reply: 'x' });
    expect(again.status).toBe(409);
    expect(errorOf(again).message).toContain('移出名单');
    expect((await ent.get(`/api/credit/lists/${listingId}`)).body.status).toBe('listed');
    const pub = await t.anon().get(`/api/public/credit-lists?kind=black&name=${encodeURIComponent(t.demo.enterprises.find((e) => e.id === e1)!.name)}`);
    expect(pub.body.total).toBe(1);
  });

  it('exports the lists as .xlsx for joint punishment, audited', async () => {
    expect((await ent.get('/api/credit/lists/export')).status).toBe(403);
    const r = await official.get('/api/credit/lists/export?kind=black');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    expect((r.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    expect(await audit('creditList.export')).toHaveLength(1);
  });

  it('removal: refused early; a red listing ends at once on a new violation; a corrected black listing after six months', async () => {
    const early = await official.post(`/api/credit/lists/${listingId}/remove`, { corrected: true, commitment: true, reason: '已结清' });
    expect(early.status).toBe(409);
    expect(errorOf(early).message).toContain('列入未满6个月');
    expect((await official.post('/api/credit/lists/cl-red-1/remove', { reason: '申请' })).status).toBe(409);
    const red = await db().selectFrom('credit_listings').select('enterprise_id').where('id', '=', 'cl-red-1').executeTakeFirstOrThrow();
    await official.post(`/api/enterprises/${red.enterprise_id}/violations`, { kind: 'ordinary', foundOn: '2026-11-25', description: '未依法订立书面劳动合同' });
    const revoked = await official.post('/api/credit/lists/cl-red-1/remove', { reason: '查处违法行为' });
    expect(revoked.body.status).toBe('removed');
    expect(revoked.body.removalReason).toContain('撤销红名单');
    t.clock.set('2027-06-01T02:00:00.000Z');
    official = await t.login('official'); // the old session expired with the clock
    expect(field(await official.post(`/api/credit/lists/${listingId}/remove`, { corrected: true, commitment: true, reason: '' }))).toBe('reason');
    const r = await official.post(`/api/credit/lists/${listingId}/remove`, { corrected: true, commitment: true, reason: '欠薪已全部结清并作出信用承诺' });
    expect(r.body.status).toBe('removed');
    expect(await audit('creditList.remove', listingId)).toHaveLength(1);
    expect((await official.post(`/api/credit/lists/${listingId}/remove`, { reason: 'x' })).status).toBe(409);
  });
});
