import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ENTERPRISE_INDICATORS } from '../../src/domain/enterprise-services/harmony';
import { errorOf, startTestApp, type Client, type TestApp } from '../support/test-app';

let t: TestApp;
let ent: Client;
let official: Client;
let street: Client;
beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-11-26T02:00:00.000Z');
  [ent, official, street] = await Promise.all(['enterprise1', 'official', 'street1'].map((u) => t.login(u)));
});
afterAll(async () => t?.close());

const audit = (action: string, entityId: string) => t.built.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('entity_id', '=', entityId).execute();

describe('harmony application: reject with a reason (the UI button)', () => {
  it('401, 403 for the enterprise, 404 out of the street scope, 400 without reason, then rejected with audit; 409 again', async () => {
    const apps = (await official.get('/api/harmony/applications?status=submitted&pageSize=100')).body.items as { id: string; regionId: string }[];
    const outside = apps.find((a) => !a.regionId.startsWith('441999003'))!;
    expect(outside).toBeDefined();
    expect((await t.anon().post(`/api/harmony/applications/${outside.id}/reject`, { reason: 'x' })).status).toBe(401);
    expect((await ent.post(`/api/harmony/applications/${outside.id}/reject`, { reason: 'x' })).status).toBe(403);
    expect((await street.post(`/api/harmony/applications/${outside.id}/reject`, { reason: 'x' })).status).toBe(404);
    expect((await official.post('/api/harmony/applications/nope/reject', { reason: 'x' })).status).toBe(404);
    const bad = await official.post(`/api/harmony/applications/${outside.id}/reject`, { reason: '  ' });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).fields![0]!.field).toBe('reason');
    const ok = await official.post(`/api/harmony/applications/${outside.id}/reject`, { reason: '近两年发生集体劳动争议，不符合命名条件' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'rejected', reviewComment: '近两年发生集体劳动争议，不符合命名条件' });
    expect(ok.body.abilities.reject).toBe(false);
    expect(await audit('harmony.reject', outside.id)).toHaveLength(1);
    const again = await official.post(`/api/harmony/applications/${outside.id}/reject`, { reason: 'x' });
    expect(again.status).toBe(409);
  });
});

describe('harmony indicator sets: editing (the UI edit form)', () => {
  it('401, 403 for the enterprise, 404 for an unknown set, 400 on a duplicate code, 409 once in use; rename and deactivate audited', async () => {
    const created = await official.post('/api/harmony/indicator-sets', { name: '2027年和谐企业评价指标', subjectKind: 'enterprise', indicators: DEFAULT_ENTERPRISE_INDICATORS });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await t.anon().patch(`/api/harmony/indicator-sets/${id}`, { name: 'x' })).status).toBe(401);
    expect((await ent.patch(`/api/harmony/indicator-sets/${id}`, { name: 'x' })).status).toBe(403);
    expect((await official.patch('/api/harmony/indicator-sets/nope', { name: 'x' })).status).toBe(404);
    const dup = await official.patch(`/api/harmony/indicator-sets/${id}`, { indicators: [DEFAULT_ENTERPRISE_INDICATORS[0], DEFAULT_ENTERPRISE_INDICATORS[0]] });
    expect(dup.status).toBe(400);
    expect(errorOf(dup).fields![0]!.field).toBe('indicators.1.code');
    const edited = DEFAULT_ENTERPRISE_INDICATORS.map((i, n) => (n === 0 ? { ...i, name: `${i.name}（含电子劳动合同）` } : i));
    const ok = await official.patch(`/api/harmony/indicator-sets/${id}`, { name: '2027年和谐企业评价指标（修订）', indicators: edited });
    expect(ok.status).toBe(200);
    expect(ok.body.name).toBe('2027年和谐企业评价指标（修订）');
    expect(ok.body.indicators[0].name).toContain('电子劳动合同');
    expect(await audit('harmony.configure', id)).toHaveLength(2);
    // once a unit has assessed itself against it, the indicators are frozen
    const app = await ent.post('/api/harmony/applications', { indicatorSetId: id, year: 2027 });
    expect(app.status).toBe(201);
    const frozen = await official.patch(`/api/harmony/indicator-sets/${id}`, { indicators: DEFAULT_ENTERPRISE_INDICATORS });
    expect(frozen.status).toBe(409);
    const off = await official.patch(`/api/harmony/indicator-sets/${id}`, { active: false });
    expect(off.body.active).toBe(false);
  });
});

describe('policy delivery to a picked list of enterprises (the picker)', () => {
  it('delivers to exactly the listed enterprises of the region', async () => {
    const picked = (await official.get('/api/enterprises?pageSize=3&union=no')).body.items.map((e: { id: string }) => e.id);
    expect(picked).toHaveLength(3);
    const r = await official.post('/api/policies', { title: '未建会企业建会政策指引', kind: 'guide', body: '建会流程与扶持政策', target: { enterpriseIds: picked } });
    expect(r.status).toBe(201);
    const p = await official.post(`/api/policies/${r.body.id}/publish`);
    expect(p.body.delivered).toBe(3);
    const rows = await t.built.ctx.db.selectFrom('policy_deliveries').select('enterprise_id').where('policy_id', '=', r.body.id).execute();
    expect(rows.map((x) => x.enterprise_id).sort()).toEqual([...picked].sort());
  });
});

describe('recognitions shown on the enterprise page', () => {
  it('public honours filtered by enterprise give the level and year', async () => {
    const all = (await t.anon().get('/api/public/honours?kind=enterprise')).body.items as { enterpriseId: string }[];
    const one = all[0]!;
    const r = await t.anon().get(`/api/public/honours?kind=enterprise&enterpriseId=${one.enterpriseId}`);
    expect(r.status).toBe(200);
    expect(r.body.items.length).toBeGreaterThan(0);
    for (const h of r.body.items) expect(h).toMatchObject({ enterpriseId: one.enterpriseId, year: expect.any(Number), level: expect.stringMatching(/^A+$/) });
  });
});
