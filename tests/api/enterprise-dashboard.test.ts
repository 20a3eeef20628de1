import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type TestApp } from '../support/test-app';
import { auditRows } from './enterprises-support';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ enterpriseCount: 80 });
});
afterAll(async () => t.close());

describe('GET /api/dashboard/enterprises', () => {
  it('official: totals equal the data, breakdowns add up, targets per street', async () => {
    const c = await t.login('union');
    const r = await c.get('/api/dashboard/enterprises?year=2025');
    expect(r.status).toBe(200);
    const ents = t.demo.enterprises;
    expect(r.body.totals.enterprises).toBe(ents.length);
    expect(r.body.totals.unions).toBe(ents.filter((e) => e.union_established).length);
    expect(r.body.totals.unionRate).toBeCloseTo(ents.filter((e) => e.union_established).length / ents.length, 2);
    for (const k of ['byStreet', 'byIndustry', 'bySize']) expect(r.body[k].reduce((s: number, i: any) => s + i.enterprises, 0)).toBe(ents.length);
    expect(r.body.byPark.find((p: any) => p.id === '441999006101').enterprises).toBe(ents.filter((e) => e.region_id === '441999006101').length);
    expect(r.body.headcountTrend.length).toBeGreaterThan(4);
    expect(r.body.unionTargets.year).toBe(2025);
    expect(r.body.unionTargets.items).toHaveLength(8);
    expect(r.body.unionTargets.items[0]).toMatchObject({ regionId: '441999001', target: expect.any(Number), actual: expect.any(Number) });
    const actual2025 = ents.filter((e) => e.union_established_on?.startsWith('2025')).length;
    expect(r.body.unionTargets.totalActual).toBe(actual2025);
    // collective-contract coverage is the contract module's figure (in-force comprehensive contracts of unionized enterprises)
    const cov = await c.get('/api/collective-contracts/coverage?by=street');
    expect(cov.status).toBe(200);
    expect(cov.body.totals.withContract).toBeGreaterThan(0);
    expect(r.body.totals.collectiveContractCoverage).toBeCloseTo(cov.body.totals.withContract / cov.body.totals.unionized, 3);
  });

  it('scoped: a street official sees its street; another region → 403; coordinator sees assigned; 401/403', async () => {
    const street = await t.login('street1');
    const r = await street.get('/api/dashboard/enterprises');
    expect(r.body.totals.enterprises).toBe(t.demo.enterprises.filter((e) => e.region_id.startsWith('441999003')).length);
    expect(r.body.byStreet.map((s: any) => s.id)).toEqual(['441999003']);
    expect((await street.get('/api/dashboard/enterprises?regionId=441999001')).status).toBe(403);
    const coord = await (await t.login('coordinator1')).get('/api/dashboard/enterprises');
    expect(coord.body.totals.enterprises).toBe(t.demo.enterprises.filter((e) => e.coordinator_user_id === 'usr-coordinator1').length);
    expect((await t.anon().get('/api/dashboard/enterprises')).status).toBe(401);
    expect((await (await t.login('enterprise1')).get('/api/dashboard/enterprises')).status).toBe(403);
    expect((await (await t.login('worker1')).get('/api/dashboard/enterprises')).status).toBe(403);
  });
});

describe('PUT /api/dashboard/union-targets', () => {
  it('official sets a street target (audited) and the dashboard shows it', async () => {
    const c = await t.login('official');
    const r = await c.put('/api/dashboard/union-targets', { regionId: '441999006', year: 2027, target: 24 });
    expect(r.status).toBe(200);
    const d = await c.get('/api/dashboard/enterprises?year=2027');
    expect(d.body.unionTargets.items.find((i: any) => i.regionId === '441999006').target).toBe(24);
    expect(await auditRows(t, 'unionTarget.set', '441999006:2027')).toHaveLength(1);
  });

  it('400 naming the field, 403 out of region or by role, 401 anonymous', async () => {
    const c = await t.login('official');
    const bad = await c.put('/api/dashboard/union-targets', { regionId: '441999006', year: 2027, target: -1 });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).fields![0]!.field).toBe('target');
    const park = await c.put('/api/dashboard/union-targets', { regionId: '441999006101', year: 2027, target: 3 });
    expect(errorOf(park).fields![0]!.field).toBe('regionId');
    expect((await (await t.login('street1')).put('/api/dashboard/union-targets', { regionId: '441999001', year: 2027, target: 3 })).status).toBe(403);
    expect((await (await t.login('mediator1')).put('/api/dashboard/union-targets', { regionId: '441999003', year: 2027, target: 3 })).status).toBe(403);
    expect((await t.anon().put('/api/dashboard/union-targets', { regionId: '441999003', year: 2027, target: 3 })).status).toBe(401);
  });
});
