import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('conventions', () => {
  it('GET /api/health → {"status":"ok"}', async () => {
    const r = await t.anon().get('/api/health');
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('ok');
  });

  it('serves the OpenAPI document and the browsable reference', async () => {
    const doc = await t.anon().get('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/identifiers/validate', '/api/regions', '/api/audit']));
    const ui = await fetch(t.baseUrl + '/api/docs/');
    expect(ui.status).toBe(200);
  });

  it('unknown API routes → 404 in the error shape', async () => {
    const r = await t.anon().get('/api/nope');
    expect(r.status).toBe(404);
    expect(errorOf(r).code).toBe('NOT_FOUND');
  });
});

describe('POST /api/identifiers/validate', () => {
  it.each([
    ['uscc', '91350100M000100Y43', true],
    ['uscc', '91350100M000100Y44', false],
    ['idNumber', '11010519491231002X', true],
    ['idNumber', '110105194912310021', false],
  ])('%s %s → valid=%s', async (kind, value, valid) => {
    const r = await t.anon().post('/api/identifiers/validate', { kind, value });
    expect(r.status).toBe(200);
    expect(r.body.valid).toBe(valid);
    if (!valid) expect(r.body.reason).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('bad kind → 400 naming the field', async () => {
    const r = await t.anon().post('/api/identifiers/validate', { kind: 'passport', value: 'x' });
    expect(r.status).toBe(400);
    expect(errorOf(r).fields![0]!.field).toBe('kind');
    expect(errorOf(r).message).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('GET /api/regions', () => {
  it('returns the district tree with streets, towns and parks', async () => {
    const r = await t.anon().get('/api/regions');
    expect(r.status).toBe(200);
    const [district] = r.body.items;
    expect(district.level).toBe('district');
    const streets = district.children.filter((c: any) => c.level === 'street' || c.level === 'town');
    expect(streets).toHaveLength(8);
    const parks = streets.flatMap((s: any) => s.children).filter((c: any) => c.level === 'park');
    expect(parks).toHaveLength(3);
    for (const p of parks) expect(p.id.startsWith(p.parentId)).toBe(true);
  });
});

describe('workspace', () => {
  it.each(['admin', 'official', 'union', 'arbitrator', 'mediator1', 'mediator2', 'coordinator1', 'enterprise1', 'worker1'])(
    '%s gets a workspace with real figures',
    async (u) => {
      const c = await t.login(u);
      const r = await c.get('/api/workspace');
      expect(r.status).toBe(200);
      expect(r.body.cards.length).toBeGreaterThan(0);
    },
  );

  it('official figures equal the database (region scope)', async () => {
    const c = await t.login('official');
    const r = await c.get('/api/workspace');
    const card = r.body.cards.find((x: any) => x.key === 'enterprises');
    expect(card.value).toBe(t.demo.enterprises.length);
    const street = await (await t.login('street1')).get('/api/workspace');
    const inStreet = t.demo.enterprises.filter((e) => e.region_id.startsWith(t.demo.ids.xinqiao)).length;
    expect(street.body.cards.find((x: any) => x.key === 'enterprises').value).toBe(inStreet);
    expect(inStreet).toBeLessThan(t.demo.enterprises.length);
  });

  it('coordinator sees only assigned enterprises', async () => {
    const r = await (await t.login('coordinator1')).get('/api/workspace');
    expect(r.body.cards.find((x: any) => x.key === 'assigned').value).toBe(t.demo.enterprises.filter((e) => e.coordinator_user_id === 'usr-coordinator1').length);
  });

  it('401 without a session; 403 for a data provider key', async () => {
    expect((await t.anon().get('/api/workspace')).status).toBe(401);
    expect((await t.provider().get('/api/workspace')).status).toBe(403);
  });
});

describe('users (admin)', () => {
  it('lists users; official sees only their region, mediator is denied', async () => {
    const admin = await t.login('admin');
    const all = await admin.get('/api/users?pageSize=100');
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThanOrEqual(10);
    expect(all.body.items[0].phoneMasked ?? '').not.toMatch(/^\d{11}$/);
    const street = await (await t.login('street1')).get('/api/users?pageSize=100');
    expect(street.status).toBe(200);
    expect(street.body.items.every((u: any) => u.regionId.startsWith(t.demo.ids.xinqiao))).toBe(true);
    expect(street.body.items.map((u: any) => u.username)).not.toContain('admin');
    expect((await (await t.login('mediator1')).get('/api/users')).status).toBe(403);
    expect((await t.anon().get('/api/users')).status).toBe(401);
  });

  it('creates a user under the password policy, audited with before/after', async () => {
    const admin = await t.login('admin');
    const weak = await admin.post('/api/users', { username: 'wang', displayName: '王', password: 'short1A', roles: ['official'], orgUnitId: 'ou-hrss' });
    expect(weak.status).toBe(400);
    expect(errorOf(weak).fields![0]).toEqual({ field: 'password', message: '密码长度至少10位' });
    const twoClasses = await admin.post('/api/users', { username: 'wang', displayName: '王', password: 'alllowercase123', roles: ['official'], orgUnitId: 'ou-hrss' });
    expect(twoClasses.status).toBe(400);
    const ok = await admin.post('/api/users', { username: 'wangfang', displayName: '王芳', password: 'Strong-Pass-2026', roles: ['official'], orgUnitId: 'ou-hrss' });
    expect(ok.status).toBe(201);
    const dup = await admin.post('/api/users', { username: 'wangfang', displayName: '王芳', password: 'Strong-Pass-2026', roles: ['official'], orgUnitId: 'ou-hrss' });
    expect(dup.status).toBe(409);
    const login = await t.anon().post('/api/auth/login', { username: 'wangfang', password: 'Strong-Pass-2026' });
    expect(login.status).toBe(200);
    const audit = await admin.get(`/api/audit?entityType=user&entityId=${ok.body.id}&action=user.create`);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0].after.username).toBe('wangfang');
    expect(audit.body.items[0].actorId).toBe('usr-admin');
    const official = await t.login('official');
    expect((await official.post('/api/users', { username: 'x1x', displayName: 'x', password: 'Strong-Pass-2026', roles: ['admin'], orgUnitId: 'ou-hrss' })).status).toBe(403);
  });

  it('disabling a user ends their sessions', async () => {
    const admin = await t.login('admin');
    const created = await admin.post('/api/users', { username: 'tempuser', displayName: '临时', password: 'Strong-Pass-2026', roles: ['official'], orgUnitId: 'ou-hrss' });
    const c = t.anon();
    const l = await c.post('/api/auth/login', { username: 'tempuser', password: 'Strong-Pass-2026' });
    c.csrf = l.body.csrfToken;
    expect((await c.get('/api/me')).status).toBe(200);
    expect((await admin.patch(`/api/users/${created.body.id}`, { disabled: true })).status).toBe(200);
    expect((await c.get('/api/me')).status).toBe(401);
    expect((await admin.patch('/api/users/nope', { disabled: true })).status).toBe(404);
  });

  it('revealing a phone number is audited', async () => {
    const admin = await t.login('admin');
    const r = await admin.post('/api/users/usr-worker1/reveal-phone');
    expect(r.body.phone).toBe('13800000001');
    const audit = await admin.get('/api/audit?action=pii.reveal&entityId=usr-worker1');
    expect(audit.body.total).toBe(1);
    expect((await (await t.login('official')).post('/api/users/usr-worker1/reveal-phone')).status).toBe(403);
  });
});

describe('API keys', () => {
  it('admin creates a key shown once; it authenticates; revoked it stops; all audited', async () => {
    const admin = await t.login('admin');
    const created = await admin.post('/api/api-keys', { name: '法院立案数据', orgUnitId: 'ou-court' });
    expect(created.status).toBe(201);
    const key = created.body.key as string;
    const list = await admin.get('/api/api-keys');
    expect(JSON.stringify(list.body)).not.toContain(key);
    const machine = t.provider(key);
    expect((await machine.get('/api/me')).status).toBe(200);
    expect((await admin.post(`/api/api-keys/${created.body.id}/revoke`)).status).toBe(200);
    expect((await machine.get('/api/me')).status).toBe(401);
    expect((await admin.post(`/api/api-keys/${created.body.id}/revoke`)).status).toBe(409);
    const audit = await admin.get(`/api/audit?entityType=api_key&entityId=${created.body.id}`);
    expect(audit.body.items.map((i: any) => i.action).sort()).toEqual(['apiKey.create', 'apiKey.revoke']);
  });

  it('a provider key cannot manage keys or read users', async () => {
    const p = t.provider();
    expect((await p.get('/api/api-keys')).status).toBe(403);
    expect((await p.get('/api/users')).status).toBe(403);
    expect((await t.provider('wrong-key').get('/api/me')).status).toBe(401);
  });

  it('non-admins are denied', async () => {
    expect((await (await t.login('official')).get('/api/api-keys')).status).toBe(403);
  });
});

describe('audit log', () => {
  it('admin only; bad filters → 400', async () => {
    expect((await t.anon().get('/api/audit')).status).toBe(401);
    expect((await (await t.login('official')).get('/api/audit')).status).toBe(403);
    const admin = await t.login('admin');
    expect((await admin.get('/api/audit?from=yesterday')).status).toBe(400);
    expect((await admin.get('/api/audit?pageSize=1000')).status).toBe(400);
    const r = await admin.get('/api/audit?action=auth.login&pageSize=5');
    expect(r.body.items.length).toBe(5);
    expect(r.body.total).toBeGreaterThan(5);
  });

  it('the database refuses to change or delete audit rows', async () => {
    const db = t.built.ctx.db;
    await expect(db.updateTable('audit_log').set({ summary: 'tampered' }).execute()).rejects.toThrow(/insert-only/);
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/insert-only/);
  });
});
