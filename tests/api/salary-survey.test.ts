import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SurveyData } from '../../src/domain/salary-survey';
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

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const audit = (action: string, entityId: string) => t.built.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('entity_id', '=', entityId).execute();
/** Raw .xlsx upload with the client's session (the shared test client only sends JSON or FormData). */
async function upload(c: Client, url: string, file: Buffer) {
  const res = await fetch(t.baseUrl + url, { method: 'POST', headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': XLSX }, body: new Uint8Array(file) });
  return { status: res.status, body: (await res.json()) as any };
}
const good = (): SurveyData => ({
  economic: { revenue: 20000, profit: 900, avgEmployees: 20, totalPayroll: 130 },
  laborCost: { total: 170, wages: 130, socialInsurance: 28, welfare: 6, education: 2, housing: 3, other: 1 },
  employees: [
    { occupation: '6', annualPay: 60000, months: 12 },
    { occupation: '6', annualPay: 62000, months: 12 },
    { occupation: '2', annualPay: 90000, months: 12 },
    { occupation: '1', annualPay: 160000, months: 12 },
  ],
});

describe('salary survey', () => {
  let formId = '';
  it('the enterprise opens its 2026 form (idempotent); 401/403/400', async () => {
    expect((await t.anon().post('/api/salary-survey/forms', { year: 2026 })).status).toBe(401);
    expect((await official.post('/api/salary-survey/forms', { year: 2026 })).status).toBe(403);
    const none = await ent.post('/api/salary-survey/forms', { year: 2030 });
    expect(none.status).toBe(400);
    expect(errorOf(none).fields![0]!.field).toBe('year');
    const r = await ent.post('/api/salary-survey/forms', { year: 2026 });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('draft');
    formId = r.body.id;
    expect((await ent.post('/api/salary-survey/forms', { year: 2026 })).body.id).toBe(formId);
    expect(await audit('salarySurvey.open', formId)).toHaveLength(1);
  });

  it('saving returns per-field validation; submit with errors is 400 naming the fields', async () => {
    const bad = good();
    bad.laborCost.total = 171;
    bad.employees[0]!.annualPay = 20000; // 1,667/month < 1,900
    const s = await ent.put(`/api/salary-survey/forms/${formId}`, { data: bad });
    expect(s.status).toBe(200);
    expect(s.body.issues.filter((i: { level: string }) => i.level === 'error').map((i: { field: string }) => i.field)).toEqual(['laborCost.total', 'employees.0.annualPay']);
    const sub = await ent.post(`/api/salary-survey/forms/${formId}/submit`);
    expect(sub.status).toBe(400);
    expect(errorOf(sub).fields!.map((f) => f.field)).toEqual(['laborCost.total', 'employees.0.annualPay']);
    expect((await ent.put(`/api/salary-survey/forms/${formId}`, { data: { ...bad, economic: { revenue: 'x' } } })).status).toBe(400);
    expect((await ent.put(`/api/salary-survey/forms/${formId}`, { data: good(), version: 1 })).status).toBe(409);
  });

  it('imports the form from .xlsx (the exported file round-trips)', async () => {
    const tpl = await ent.get('/api/salary-survey/template.xlsx');
    expect(tpl.status).toBe(200);
    expect(tpl.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.body);
    const s1 = wb.getWorksheet('经济指标与人工成本')!;
    const d = good();
    const values = [d.economic.revenue, d.economic.profit, d.economic.avgEmployees, d.economic.totalPayroll, d.laborCost.total, d.laborCost.wages, d.laborCost.socialInsurance, d.laborCost.welfare, d.laborCost.education, d.laborCost.housing, d.laborCost.other];
    values.forEach((v, i) => (s1.getRow(i + 2).getCell(2).value = v));
    const s2 = wb.getWorksheet('职工薪酬')!;
    for (const e of d.employees) s2.addRow([e.occupation, e.annualPay, e.months]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await upload(ent, `/api/salary-survey/forms/${formId}/import`, file);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.data).toEqual(d);
    expect(r.body.errorCount).toBe(0);
    // an unreadable cell is named
    s1.getRow(2).getCell(2).value = '很多';
    const bad = await upload(ent, `/api/salary-survey/forms/${formId}/import`, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields![0]!.field).toBe('经济指标与人工成本!B2');
    const junk = await upload(ent, `/api/salary-survey/forms/${formId}/import`, Buffer.from('not a zip'));
    expect(junk.status).toBe(400);
    const exp = await ent.get(`/api/salary-survey/forms/${formId}/export.xlsx`);
    expect(exp.status).toBe(200);
  });

  it('submit → return with reason → resubmit → accept; illegal transitions 409', async () => {
    const s = await ent.post(`/api/salary-survey/forms/${formId}/submit`);
    expect(s.status).toBe(200);
    expect(s.body.status).toBe('submitted');
    expect((await ent.put(`/api/salary-survey/forms/${formId}`, { data: good() })).status).toBe(409);
    expect((await ent.post(`/api/salary-survey/forms/${formId}/accept`, {})).status).toBe(403);
    expect((await official.post(`/api/salary-survey/forms/${formId}/return`, { reason: '' })).status).toBe(400);
    const ret = await official.post(`/api/salary-survey/forms/${formId}/return`, { reason: '单位负责人工资请附说明' });
    expect(ret.body).toMatchObject({ status: 'returned', returnReason: '单位负责人工资请附说明' });
    expect((await official.post(`/api/salary-survey/forms/${formId}/accept`, {})).status).toBe(409);
    expect((await ent.post(`/api/salary-survey/forms/${formId}/submit`)).body.status).toBe('submitted');
    const acc = await official.post(`/api/salary-survey/forms/${formId}/accept`, {});
    expect(acc.body.status).toBe('accepted');
    expect(acc.body.history.map((h: { action: string }) => h.action)).toEqual(['submit', 'return', 'submit', 'accept']);
    const conflict = await official.post(`/api/salary-survey/forms/${formId}/return`, { reason: 'x' });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.allowed).toEqual([]);
    expect(await audit('salarySurvey.accept', formId)).toHaveLength(1);
  });

  it('scope: an enterprise never sees another enterprise’s form; street officials only their street', async () => {
    const other = t.demo.enterprises.find((e) => e.id !== t.demo.ids.enterprise1 && (e.headcount ?? 0) >= 20 && e.industry_code === 'C')!;
    const otherId = (await t.built.ctx.db.selectFrom('salary_surveys').select('id').where('enterprise_id', '=', other.id).executeTakeFirstOrThrow()).id;
    expect((await ent.get(`/api/salary-survey/forms/${otherId}`)).status).toBe(404);
    expect((await ent.put(`/api/salary-survey/forms/${otherId}`, { data: good() })).status).toBe(404);
    const mine = await ent.get('/api/salary-survey/forms?pageSize=200');
    expect(mine.body.items.every((i: { enterprise: { id: string } }) => i.enterprise.id === t.demo.ids.enterprise1)).toBe(true);
    expect((await street.get(`/api/salary-survey/forms/${formId}`)).status).toBe(404); // enterprise1 is in the park, not 新桥
    const st = await street.get('/api/salary-survey/forms?pageSize=200');
    expect(st.body.items.every((i: { regionId: string }) => i.regionId.startsWith('441999003'))).toBe(true);
    expect((await ent.get('/api/salary-survey/results?year=2025')).status).toBe(403);
    expect((await ent.get('/api/salary-survey/progress?year=2026')).status).toBe(403);
  });

  it('progress by street and wage levels with suppression; .xlsx export', async () => {
    const p = await official.get('/api/salary-survey/progress?year=2026');
    expect(p.status).toBe(200);
    expect(p.body.total.accepted).toBeGreaterThan(0);
    expect(p.body.byStreet.reduce((s: number, g: { sample: number }) => s + g.sample, 0)).toBe(p.body.total.sample);
    const r = await official.get('/api/salary-survey/results?year=2025');
    expect(r.status).toBe(200);
    expect(r.body.minEnterprises).toBe(3);
    const total = r.body.cells.find((c: { industry: string; occupation: string }) => c.industry === '*' && c.occupation === '*');
    expect(total.suppressed).toBe(false);
    expect(total.p10).toBeLessThanOrEqual(total.p25);
    expect(total.p50).toBeLessThanOrEqual(total.p90);
    for (const c of r.body.cells) if (c.enterprises < 3) expect(c).toMatchObject({ suppressed: true, p50: null, mean: null });
    // raising the round's threshold above the number of reporting enterprises suppresses every cell
    await t.built.ctx.db.updateTable('salary_survey_rounds').set({ min_enterprises: 1000 }).where('id', '=', 'ssr-2025').execute();
    const all = await official.get('/api/salary-survey/results?year=2025');
    expect(all.body.cells.every((c: { suppressed: boolean; p50: number | null; employees: number }) => c.suppressed && c.p50 === null && c.employees === 0)).toBe(true);
    await t.built.ctx.db.updateTable('salary_survey_rounds').set({ min_enterprises: 3 }).where('id', '=', 'ssr-2025').execute();
    const x = await official.get('/api/salary-survey/results.xlsx?year=2025');
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.body);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(7).value).toBe('P50（中位数）');
    expect(ws.rowCount).toBeGreaterThan(r.body.cells.length);
    expect((await official.get('/api/salary-survey/results?year=2031')).status).toBe(404);
  });

  it('rounds: officials open a year (conflict on repeat), enterprises cannot', async () => {
    expect((await ent.post('/api/salary-survey/rounds', { year: 2027, minimumMonthlyWage: 2000, deadline: '2027-12-31' })).status).toBe(403);
    const r = await official.post('/api/salary-survey/rounds', { year: 2027, minimumMonthlyWage: 2000, deadline: '2027-12-31' });
    expect(r.status).toBe(201);
    expect((await official.post('/api/salary-survey/rounds', { year: 2027, minimumMonthlyWage: 2000, deadline: '2027-12-31' })).status).toBe(409);
    expect((await ent.get('/api/salary-survey/rounds')).body.items.map((x: { year: number }) => x.year)).toContain(2027);
  });
});
