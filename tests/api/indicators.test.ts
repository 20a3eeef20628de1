import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type TestApp } from '../support/test-app';
import { docxText, readZipEntry, zipEntries } from '../support/zip';
import { acquireLease, releaseLease, runJobOnce } from '../../src/server/jobs/scheduler';
import { runScheduledWorkReports } from '../../src/server/modules/reports/service';

let t: TestApp;
const D = '442000';
const ts = '2024-01-01T00:00:00.000Z';

/** A hand-counted district (测试区) of its own, outside the demo district the officials govern. */
async function fixtures(app: TestApp) {
  const db = app.built.ctx.db;
  await db.insertInto('regions').values([
    { id: D, name: '测试区', level: 'district', parent_id: null, sort: 9 },
    { id: `${D}001`, name: '甲街道', level: 'street', parent_id: D, sort: 1 },
    { id: `${D}002`, name: '乙街道', level: 'street', parent_id: D, sort: 2 },
  ]).execute();
  const e = (id: string, street: string, headcount: number, union: 0 | 1, on: string | null, size: string, coord: string | null, key: 0 | 1) => ({
    id, name: `测试企业${id}`, uscc: `91442000TEST${id.padStart(6, '0')}`, region_id: `${D}${street}`, headcount, union_established: union, union_established_on: on, size_class: size,
    coordinator_user_id: coord, is_key: key, created_at: ts, updated_at: ts, version: 1,
  });
  await db.insertInto('enterprises').values([
    e('f1', '001', 30, 1, '2025-03-01', 'small', null, 0),
    e('f2', '001', 400, 1, '2020-01-01', 'medium', 'usr-coordinator1', 1),
    e('f3', '002', 1200, 0, null, 'large', null, 1),
    e('f4', '002', 10, 1, '2025-07-01', 'micro', null, 0),
    e('f5', '002', 50, 0, null, 'small', null, 0),
    e('f6', '001', 26, 1, '2026-02-01', 'small', null, 0),
  ]).execute();
  const mo = (id: string, std: string | null, gold: string | null) => ({ id, name: `测试调解组织${id}`, level: 'street', kind: 'people', region_id: `${D}001`, standardized_on: std, gold_on: gold, created_at: ts });
  await db.insertInto('mediation_orgs').values([mo('m1', '2025-05-01', '2025-12-01'), mo('m2', '2024-12-20', null), mo('m3', '2025-11-11', null)]).execute();
  const md = (id: string, org: string, status: string, joined: string, left: string | null) => ({ id, org_id: org, region_id: `${D}001`, name: `调解员${id}`, specialities: '[]', status, joined_on: joined, left_on: left, created_at: ts });
  await db.insertInto('mediators').values([md('md1', 'm1', 'active', '2020-01-01', null), md('md2', 'm1', 'left', '2019-01-01', '2025-06-30'), md('md3', 'm2', 'active', '2026-03-01', null)]).execute();
}

beforeAll(async () => {
  t = await startTestApp({ enterpriseCount: 40 });
  t.clock.set('2026-11-26T02:00:00.000Z');
  await fixtures(t);
});
afterAll(async () => t?.close());

describe('indicator formulas against hand-counted fixtures', () => {
  it.each([
    ['new_unions', 2025, D, 2, 2, null],
    ['new_unions', 2025, `${D}001`, 1, 1, null],
    ['new_unions', 2025, `${D}002`, 1, 1, null],
    ['union_coverage', 2025, D, 40, 2, 5],
    ['coordinator_coverage', 2025, D, 50, 1, 2],
    ['key_enterprises_monitored', 2025, D, 2, 2, null],
    ['standardized_mediation_orgs', 2025, D, 2, 2, null],
    ['standardized_mediation_orgs', 2024, D, 1, 1, null],
    ['gold_mediation_orgs', 2025, D, 1, 1, null],
    ['active_mediators', 2025, D, 1, 1, null],
    ['active_mediators', 2026, D, 2, 2, null],
  ] as const)('%s %i in %s = %d, and its drill-down lists exactly those records', async (id, year, region, value, numerator, denominator) => {
    const admin = await t.login('admin');
    const r = await admin.get(`/api/indicators/${id}/records?regionId=${region}&year=${year}`);
    expect(r.status).toBe(200);
    expect(r.body.value).toBe(value);
    expect(r.body.numerator).toBe(numerator);
    expect(r.body.denominator).toBe(denominator);
    expect(r.body.total).toBe(numerator);
    expect(r.body.items).toHaveLength(numerator);
    if (denominator !== null) {
      const den = await admin.get(`/api/indicators/${id}/records?regionId=${region}&year=${year}&side=denominator`);
      expect(den.body.total).toBe(denominator);
    }
  });

  it('the union coverage drill-down names the covered enterprises', async () => {
    const admin = await t.login('admin');
    const r = await admin.get(`/api/indicators/union_coverage/records?regionId=${D}&year=2025`);
    expect(r.body.items.map((i: { id: string }) => i.id).sort()).toEqual(['f1', 'f2']);
  });

  it('the regional breakdown adds up to the district figure', async () => {
    const admin = await t.login('admin');
    const r = await admin.get(`/api/indicators/new_unions/breakdown?regionId=${D}&year=2025`);
    expect(r.status).toBe(200);
    expect(r.body.regions.map((x: { value: number }) => x.value)).toEqual([1, 1]);
  });

  it('a definition change is a new version; past figures stay reproducible', async () => {
    const admin = await t.login('admin');
    const bad = await admin.post('/api/indicators/union_coverage/versions', { definition: '职工40人以上企业建会率', formula: 'x', dataSource: 'y', validFrom: '1999-01-01' });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).fields?.[0]?.field).toBe('validFrom');
    const r = await admin.post('/api/indicators/union_coverage/versions', { definition: '职工40人以上企业中已建会的比例', formula: '已建会企业数 ÷ 职工≥40企业数', dataSource: '企业台账', params: { minHeadcount: 40 }, validFrom: '2026-01-01' });
    expect(r.status).toBe(201);
    expect(r.body.currentVersion).toBe(2);
    const y2025 = await admin.get(`/api/indicators/union_coverage/records?regionId=${D}&year=2025`);
    expect([y2025.body.version, y2025.body.value]).toEqual([1, 40]);
    const y2026 = await admin.get(`/api/indicators/union_coverage/records?regionId=${D}&year=2026`);
    expect([y2026.body.version, y2026.body.value, y2026.body.denominator]).toEqual([2, 33.3, 3]);
    const old = await admin.get(`/api/indicators/union_coverage/records?regionId=${D}&year=2026&version=1`);
    expect([old.body.version, old.body.value]).toEqual([1, 60]);
    const audit = await t.built.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'indicator.define').execute();
    expect(audit).toHaveLength(1);
    const official = await t.login('official');
    expect((await official.post('/api/indicators/union_coverage/versions', { definition: 'xxxxx', formula: 'x', dataSource: 'y', validFrom: '2030-01-01' })).status).toBe(403);
  });
});

describe('targets, manual entries and the cockpit', () => {
  it('a target turns the light; rates inherit the district target', async () => {
    const admin = await t.login('admin');
    const r = await admin.put('/api/indicators/new_unions/targets', { regionId: D, year: 2025, target: 2 });
    expect(r.status).toBe(200);
    await admin.put('/api/indicators/coordinator_coverage/targets', { regionId: D, year: 2025, target: 60 });
    const c = await admin.get(`/api/cockpit?regionId=${D}&year=2025`);
    const by = Object.fromEntries(c.body.items.map((i: { id: string }) => [i.id, i]));
    expect(by.new_unions).toMatchObject({ value: 2, target: 2, light: 'green' });
    expect(by.coordinator_coverage).toMatchObject({ value: 50, target: 60, light: 'yellow' });
    expect(by.key_enterprises_monitored.light).toBe('grey');
    expect(by.new_unions.trend).toHaveLength(5);
    const street = await admin.get(`/api/indicators/coordinator_coverage/breakdown?regionId=${D}&year=2025`);
    expect(street.body.regions[0]).toMatchObject({ target: 60 });
  });

  it('units enter manual figures; computed ones refuse entries', async () => {
    const official = await t.login('official');
    expect((await t.anon().post('/api/indicators/mediation_success_rate/values', { regionId: '441999', period: '2025', value: 50 })).status).toBe(401);
    expect((await (await t.login('mediator1')).post('/api/indicators/mediation_success_rate/values', { regionId: '441999', period: '2025', value: 50 })).status).toBe(403);
    const bad = await official.post('/api/indicators/mediation_success_rate/values', { regionId: '441999', period: '2025-13', value: 50 });
    expect(errorOf(bad).fields?.[0]?.field).toBe('period');
    const over = await official.post('/api/indicators/mediation_success_rate/values', { regionId: '441999', period: '2025', value: 120 });
    expect(errorOf(over).fields?.[0]?.field).toBe('value');
    expect((await official.post('/api/indicators/new_unions/values', { regionId: '441999', period: '2026', value: 5 })).status).toBe(409);
    // computed from the dispute cases since 2026: entries for 2026 are refused, 2025 (version 1) still takes them
    const computed = await official.post('/api/indicators/mediation_success_rate/values', { regionId: '441999', period: '2026-11', value: 64.5 });
    expect(computed.status).toBe(409);
    expect((await official.post('/api/indicators/mediation_success_rate/values', { regionId: D, period: '2025', value: 50 })).status).toBe(404);
    const ok = await official.post('/api/indicators/mediation_success_rate/values', { regionId: '441999', period: '2025-12', value: 64.5, numerator: 129, denominator: 200 });
    expect(ok.status).toBe(201);
    expect(ok.body.version).toBe(1);
    const rec = await official.get('/api/indicators/mediation_success_rate/records?year=2025');
    expect(rec.body.value).toBe(64.5);
    expect(rec.body.items).toHaveLength(1);
    const c = await official.get('/api/cockpit?year=2025');
    expect(c.body.items.find((i: { id: string }) => i.id === 'mediation_success_rate')).toMatchObject({ value: 64.5, target: 60, light: 'green' });
    const audit = await t.built.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'indicator.enter').execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('scope: officials see their own region only; others have no cockpit', async () => {
    const official = await t.login('official');
    expect((await official.get(`/api/cockpit?regionId=${D}`)).status).toBe(404);
    expect((await official.get(`/api/indicators/new_unions/records?regionId=${D}`)).status).toBe(404);
    const street1 = await t.login('street1');
    expect((await street1.get('/api/cockpit?regionId=441999')).status).toBe(404);
    expect((await street1.get('/api/cockpit')).status).toBe(200);
    expect((await (await t.login('enterprise1')).get('/api/cockpit')).status).toBe(403);
    expect((await t.anon().get('/api/cockpit')).status).toBe(401);
    expect((await official.get('/api/indicators/nope')).status).toBe(404);
  });
});

describe('work reports and evaluation rounds', () => {
  it('generates the yearly report: a .docx with the figures, charts and the overdue tasks', async () => {
    const admin = await t.login('admin');
    expect(errorOf(await admin.post('/api/work-reports', { kind: 'monthly', period: '2025' })).fields?.[0]?.field).toBe('period');
    const r = await admin.post('/api/work-reports', { kind: 'yearly', period: '2025', regionId: D });
    expect(r.status).toBe(201);
    const file = await admin.get(`/api/work-reports/${r.body.id}/file`);
    expect(file.status).toBe(200);
    const zip = file.body as Buffer;
    const text = docxText(readZipEntry(zip, 'word/document.xml')!);
    expect(text).toContain('测试区构建和谐劳动关系工作年报（2025年度）');
    expect(text).toMatch(/新建工会企业2户2户达标/);
    expect(text).toMatch(/25人以上企业建会率40%/);
    expect(text).toContain('逾期任务');
    expect(zipEntries(zip).some((n) => n.endsWith('.svg'))).toBe(true);
    expect(zipEntries(zip).some((n) => n.endsWith('.png'))).toBe(true);
    const official = await t.login('official');
    expect((await official.get(`/api/work-reports/${r.body.id}/file`)).status).toBe(404);
    expect((await official.post('/api/work-reports', { kind: 'yearly', period: '2025', regionId: D })).status).toBe(404);
  });

  it('the district report lists the demo plan overdue tasks', async () => {
    const official = await t.login('official');
    const r = await official.post('/api/work-reports', { kind: 'monthly', period: '2026-10' });
    const text = docxText(readZipEntry((await official.get(`/api/work-reports/${r.body.id}/file`)).body, 'word/document.xml')!);
    const summary = await official.get('/api/plan-tasks/summary');
    expect(summary.body.overdue.length).toBeGreaterThan(0);
    for (const o of summary.body.overdue) expect(text).toContain(o.title);
  });

  it('the scheduled job runs once per period under a lease', async () => {
    const ctx = t.built.ctx;
    expect(await acquireLease(ctx, 'x', 60_000, 'a')).toBe(true);
    expect(await acquireLease(ctx, 'x', 60_000, 'b')).toBe(false);
    await releaseLease(ctx, 'x', 'ok', 'a');
    expect(await acquireLease(ctx, 'x', 60_000, 'b')).toBe(true);
    const job = { name: 'work-reports', everyMs: 1, leaseMs: 60_000, run: runScheduledWorkReports };
    expect(await runJobOnce(ctx, job)).toMatch(/generated [1-9]/);
    expect(await runJobOnce(ctx, job)).toBe('generated 0');
  });

  it('an evaluation round: scores by reviewers, findings, summary report', async () => {
    const official = await t.login('official');
    const bad = await official.post('/api/evaluations', { title: '综合试验区中期评估', regionId: '441999', year: 2026, indicatorIds: ['nope'] });
    expect(errorOf(bad).fields?.[0]?.field).toBe('indicatorIds.0');
    const r = await official.post('/api/evaluations', { title: '综合试验区中期评估', regionId: '441999', year: 2026, indicatorIds: ['new_unions', 'mediation_success_rate'] });
    expect(r.status).toBe(201);
    const union = await t.login('union');
    expect((await union.post(`/api/evaluations/${r.body.id}/scores`, { indicatorId: 'new_unions', score: 12, maxScore: 10 })).status).toBe(400);
    await union.post(`/api/evaluations/${r.body.id}/scores`, { indicatorId: 'new_unions', score: 8, maxScore: 10 });
    await official.post(`/api/evaluations/${r.body.id}/scores`, { indicatorId: 'new_unions', score: 9, maxScore: 10 });
    const f = await union.post(`/api/evaluations/${r.body.id}/findings`, { severity: 'issue', text: '部分街道建会工作进度滞后' });
    expect(f.body.indicators[0].averagePercent).toBe(85);
    expect((await official.post(`/api/evaluations/${r.body.id}/close`)).status).toBe(200);
    expect((await union.post(`/api/evaluations/${r.body.id}/findings`, { severity: 'issue', text: '再提一条意见内容' })).status).toBe(409);
    const doc = await official.get(`/api/evaluations/${r.body.id}/summary.docx`);
    const text = docxText(readZipEntry(doc.body, 'word/document.xml')!);
    expect(text).toContain('综合得分率85%');
    expect(text).toContain('部分街道建会工作进度滞后');
    expect((await (await t.login('admin')).get(`/api/evaluations/${r.body.id}`)).status).toBe(200);
    expect((await (await t.login('street1')).get(`/api/evaluations/${r.body.id}`)).status).toBe(404);
  });
});
