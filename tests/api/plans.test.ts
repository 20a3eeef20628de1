import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type Client, type TestApp } from '../support/test-app';
import { docxText, readZipEntry } from '../support/zip';
import { DEMO_PLAN_ID } from '../../src/server/seed/demo-plans';

let t: TestApp;

export async function divisionWorkbook(rows: (string | Date)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务分工');
  ws.addRow(['新桥片区构建和谐劳动关系综合试验区方案']);
  ws.addRow(['序号', '重点任务', '具体措施', '完成时限', '总体目标', '阶段性目标', '牵头单位', '配合单位']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(c: Client, url: string, data: Buffer, name: string, type: string, fields: Record<string, string> = {}) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  fd.append('file', new Blob([new Uint8Array(data)], { type }), name);
  return c.post(url, fd);
}
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const ROWS: (string | Date)[][] = [
  ['1', '推动领导体制机制创新', '1.建立党委领导、政府负责的劳动关系工作领导小组。定期召开联席会议。', '2026年12月', '形成综合治理机制', '2026年3月：成立领导小组\n2026年9月：召开第一次联席会议', '区人力资源社会保障局', '区总工会、区工商联'],
  ['2', '', '2.建立劳动关系风险监测预警制度。', '2027-06-30', '', '', '区总工会', '区人社局'],
  ['3', '深化集体协商', '3.推进工资集体协商。', '2027年', '', '', '区工商联', ''],
];

beforeAll(async () => {
  t = await startTestApp({ enterpriseCount: 40 });
  t.clock.set('2026-01-10T02:00:00.000Z');
});
afterAll(async () => t?.close());

describe('plans: access', () => {
  it('401 anonymous, 403 for roles without plans, region scope for officials', async () => {
    expect((await t.anon().get('/api/plans')).status).toBe(401);
    expect((await (await t.login('mediator1')).get('/api/plans')).status).toBe(403);
    expect((await (await t.login('enterprise1')).get('/api/plans')).status).toBe(403);
    const official = await t.login('official');
    const list = await official.get('/api/plans');
    expect(list.body.items.map((p: { id: string }) => p.id)).toContain(DEMO_PLAN_ID);
    const street1 = await t.login('street1');
    expect((await street1.get('/api/plans')).body.total).toBe(0);
    expect((await street1.get(`/api/plans/${DEMO_PLAN_ID}`)).status).toBe(404);
    expect((await street1.get(`/api/plans/${DEMO_PLAN_ID}/division.docx`)).status).toBe(404);
  });

  it('the demo plan carries seed 000 sections, stages and units with derived statuses', async () => {
    const official = await t.login('official');
    const p = await official.get(`/api/plans/${DEMO_PLAN_ID}`);
    expect(p.body.sections.map((s: { title: string }) => s.title)).toHaveLength(7);
    expect(p.body.sections[2].title).toBe('打造金牌劳动人事争议调解组织');
    const task = p.body.sections[1].tasks[0];
    expect(task.leadUnit.id).toBe('ou-union');
    expect(task.partnerUnits.map((u: { id: string }) => u.id)).toEqual(['ou-hrss', 'ou-federation']);
    expect(p.body.summary.total).toBe(16);
    expect(p.body.summary.overdue).toBeGreaterThan(0);
    expect(p.body.summary.in_progress).toBeGreaterThan(0);
  });
});

describe('plans: import, export', () => {
  it('rejects a workbook with unknown units, naming the row', async () => {
    const official = await t.login('official');
    const bad = await upload(official, '/api/plans/import', await divisionWorkbook([['1', '任务', '措施内容。', '2026年5月', '', '', '区不存在局', '']]), 'x.xlsx', XLSX);
    expect(bad.status).toBe(400);
    expect(errorOf(bad).fields?.[0]).toMatchObject({ field: '第3行 牵头单位' });
    const notXlsx = await upload(official, '/api/plans/import', Buffer.from('hello'), 'x.xlsx', XLSX);
    expect(errorOf(notXlsx).fields?.[0]?.field).toBe('file');
    expect((await upload(await t.login('arbitrator'), '/api/plans/import', Buffer.from('x'), 'x.xlsx', XLSX)).status).toBe(403);
  });

  let planId = '';
  it('imports a task-division table; units are matched by name', async () => {
    const official = await t.login('official');
    const r = await upload(official, '/api/plans/import', await divisionWorkbook(ROWS), '分工.xlsx', XLSX);
    expect(r.status).toBe(201);
    planId = r.body.id;
    expect(r.body.title).toBe('新桥片区构建和谐劳动关系综合试验区方案');
    expect(r.body.sections.map((s: { title: string }) => s.title)).toEqual(['推动领导体制机制创新', '深化集体协商']);
    const [t1, t2] = r.body.sections[0].tasks;
    expect(t1).toMatchObject({ title: '建立党委领导、政府负责的劳动关系工作领导小组', dueOn: '2026-12-31', leadUnit: { id: 'ou-hrss' } });
    expect(t1.partnerUnits.map((u: { id: string }) => u.id)).toEqual(['ou-union', 'ou-federation']);
    expect(t1.stages.map((s: { dueOn: string }) => s.dueOn)).toEqual(['2026-03-31', '2026-09-30']);
    expect(t2).toMatchObject({ dueOn: '2027-06-30', leadUnit: { id: 'ou-union' } });
    expect(r.body.sections[1].tasks[0]).toMatchObject({ dueOn: '2027-12-31', leadUnit: { id: 'ou-federation' } });
    const audit = await t.built.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'plan.import').where('entity_id', '=', planId).execute();
    expect(audit).toHaveLength(1);
  });

  it('exports the division table as .docx in the template layout and as a re-importable .xlsx', async () => {
    const official = await t.login('official');
    const d = await official.get(`/api/plans/${planId}/division.docx`);
    expect(d.status).toBe(200);
    const xml = readZipEntry(d.body, 'word/document.xml')!;
    const text = docxText(xml);
    for (const h of ['序号', '重点任务', '具体措施', '完成时限', '总体目标', '阶段性目标', '牵头单位', '配合单位']) expect(text).toContain(h);
    expect(text).toContain('云溪区总工会、云溪区工商业联合会');
    expect(text).toContain('2026年12月31日');
    expect(xml).toContain('w:orient="landscape"');
    const x = await official.get(`/api/plans/${planId}/division.xlsx`);
    const again = await upload(official, '/api/plans/import', x.body, 'again.xlsx', XLSX);
    expect(again.status).toBe(201);
    expect(again.body.summary.total).toBe(3);
    expect(again.body.sections[0].tasks[0].stages).toHaveLength(2);
  });

  it('creates a plan from JSON; bad units are field errors', async () => {
    const official = await t.login('official');
    const body = { title: '测试方案', startYear: 2026, endYear: 2026, sections: [{ title: '一', tasks: [{ title: '任务', leadUnitId: 'nope', dueOn: '2026-06-30' }] }] };
    const bad = await official.post('/api/plans', body);
    expect(errorOf(bad).fields?.[0]?.field).toBe('sections.0.tasks.0.leadUnitId');
    const ok = await official.post('/api/plans', { ...body, requestId: 'r1', sections: [{ title: '一', tasks: [{ title: '任务', leadUnitId: 'ou-hrss', dueOn: '2026-06-30' }] }] });
    expect(ok.status).toBe(201);
    const dup = await official.post('/api/plans', { ...body, requestId: 'r1', sections: [{ title: '一', tasks: [{ title: '任务', leadUnitId: 'ou-hrss', dueOn: '2026-06-30' }] }] });
    expect(dup.body.id).toBe(ok.body.id);
    expect((await (await t.login('street1')).post('/api/plans', { ...body, regionId: '441999' })).status).toBe(400);
  });

  it('progress: a partner unit reports with an attachment, the lead unit approves, the task completes', async () => {
    const official = await t.login('official');
    const union = await t.login('union');
    const plan = await official.get(`/api/plans/${planId}`);
    const task = plan.body.sections[0].tasks[0];
    expect(task.status).toBe('not_started');
    // A partner sees only its own tasks of the plan.
    expect((await union.get(`/api/plans/${planId}`)).body.sections[0].tasks).toHaveLength(2);
    const up = await upload(union, `/api/plan-tasks/${task.id}/attachments`, Buffer.from('%PDF-1.4 test'), '会议纪要.pdf', 'application/pdf');
    expect(up.status).toBe(201);
    const badType = await upload(union, `/api/plan-tasks/${task.id}/attachments`, Buffer.from('MZ'), 'x.exe', 'application/x-msdownload');
    expect(errorOf(badType).fields?.[0]?.field).toBe('file');
    expect((await union.post(`/api/plan-tasks/${task.id}/reports`, { period: '2026-01', text: '短', percent: 10 })).status).toBe(400);
    const rep = await union.post(`/api/plan-tasks/${task.id}/reports`, { period: '2026-01', text: '已起草领导小组组建方案。', figures: [{ name: '召开会议', value: 2, unit: '次' }], percent: 30, stageId: task.stages[0].id, attachments: [up.body], requestId: 'q1' });
    expect(rep.status).toBe(201);
    expect((await union.post(`/api/plan-tasks/${task.id}/reports`, { period: '2026-01', text: '已起草领导小组组建方案。', percent: 30, requestId: 'q1' })).body.id).toBe(rep.body.id);
    expect((await (await t.login('coordinator1')).post(`/api/plan-tasks/${task.id}/reports`, { period: '2026-01', text: '协调员无权报送', percent: 1 })).status).toBe(403);
    expect((await (await t.login('street1')).post(`/api/plan-tasks/${task.id}/reports`, { period: '2026-01', text: '不在范围内报送', percent: 1 })).status).toBe(404);
    expect((await union.post(`/api/progress-reports/${rep.body.id}/review`, { decision: 'approve' })).status).toBe(403);
    const att = await official.get(`/api/progress-reports/${rep.body.id}/attachments/0`);
    expect(Buffer.from(att.body).toString()).toBe('%PDF-1.4 test');
    expect((await official.post(`/api/progress-reports/${rep.body.id}/review`, { decision: 'return' })).status).toBe(400);
    const ok = await official.post(`/api/progress-reports/${rep.body.id}/review`, { decision: 'approve', comment: '同意' });
    expect(ok.body.status).toBe('approved');
    const again = await official.post(`/api/progress-reports/${rep.body.id}/review`, { decision: 'return', comment: 'x' });
    expect(again.status).toBe(409);
    expect(again.body.error.allowed ?? []).toEqual([]);
    let view = (await official.get(`/api/plans/${planId}`)).body.sections[0].tasks[0];
    expect(view).toMatchObject({ status: 'in_progress', progress: 30 });
    expect(view.stages[0].doneOn).toBe('2026-01-10');
    const done = await official.post(`/api/plan-tasks/${task.id}/reports`, { period: '2026-02', text: '领导小组已成立并运行。', percent: 100, claimsDone: true });
    await official.post(`/api/progress-reports/${done.body.id}/review`, { decision: 'approve' });
    view = (await official.get(`/api/plans/${planId}`)).body.sections[0].tasks[0];
    expect(view).toMatchObject({ status: 'done', progress: 100, doneOn: '2026-01-10' });
    expect((await union.post(`/api/plan-tasks/${task.id}/reports`, { period: '2026-03', text: '任务完成后再报送', percent: 100 })).status).toBe(409);
    const audit = await t.built.ctx.db.selectFrom('audit_log').select('action').where('action', 'in', ['plan.report', 'plan.review']).execute();
    expect(audit.length).toBeGreaterThanOrEqual(4);
  });

  it('reminders: stored as rows before and after deadlines, once each', async () => {
    t.clock.set('2027-06-25T02:00:00.000Z'); // 5 days before task 2's deadline (2027-06-30): the -7 reminder
    let official = await t.login('official');
    let union = await t.login('union');
    const g = await official.post('/api/plan-reminders/generate');
    expect(g.status, JSON.stringify(g.body)).toBe(200);
    expect(g.body.created).toBeGreaterThan(0);
    expect((await official.post('/api/plan-reminders/generate')).body.created).toBe(0);
    const mine = await union.get('/api/plan-reminders');
    const r = mine.body.items.find((x: { deadline: string; planId: string }) => x.deadline === '2027-06-30' && x.planId === planId);
    expect(r).toMatchObject({ kind: 'before', offsetDays: -7 });
    expect(r.message).toContain('还有7天');
    t.clock.set('2027-07-08T02:00:00.000Z');
    official = await t.login('official');
    union = await t.login('union');
    await official.post('/api/plan-reminders/generate');
    const after = (await union.get('/api/plan-reminders')).body.items.filter((x: { deadline: string; planId: string }) => x.deadline === '2027-06-30' && x.planId === planId);
    expect(after.map((x: { offsetDays: number }) => x.offsetDays)).toEqual([7, -7]);
    const tasks = await official.get(`/api/plan-tasks?planId=${planId}&status=overdue`);
    expect(tasks.body.total).toBeGreaterThan(0);
    expect((await (await t.login('street1')).post('/api/plan-reminders/generate')).status).toBe(200);
    t.clock.set('2026-01-10T02:00:00.000Z');
  });
});
