import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('POST /api/auth/login', () => {
  it.each(['admin', 'official', 'union', 'arbitrator', 'mediator1', 'mediator2', 'coordinator1', 'enterprise1', 'worker1'])(
    'demo account %s logs in, gets an httpOnly cookie and a csrfToken',
    async (username) => {
      const c = t.anon();
      const r = await c.post('/api/auth/login', { username, password: 'Demo@2026' });
      expect(r.status).toBe(200);
      expect(r.body.csrfToken).toMatch(/.{20,}/);
      expect(r.body.user.username).toBe(username);
      const cookie = r.headers.getSetCookie().find((s) => s.startsWith('hexie_session='))!;
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      const me = await c.get('/api/me');
      expect(me.status).toBe(200);
      expect(me.body.user.username).toBe(username);
    },
  );

  it('wrong password → 401 with a Chinese message; unknown user → the same', async () => {
    const a = await t.anon().post('/api/auth/login', { username: 'official', password: 'wrong-password' });
    expect(a.status).toBe(401);
    expect(errorOf(a).message).toBe('用户名或密码错误');
    const b = await t.anon().post('/api/auth/login', { username: 'nobody', password: 'x' });
    expect(b.status).toBe(401);
    expect(errorOf(b).message).toBe('用户名或密码错误');
  });

  it('missing fields → 400 naming the field', async () => {
    const r = await t.anon().post('/api/auth/login', { username: 'admin' });
    expect(r.status).toBe(400);
    expect(errorOf(r).code).toBe('VALIDATION');
    expect(errorOf(r).fields!.map((f) => f.field)).toContain('password');
  });

  it('malformed JSON → 400, never 500', async () => {
    const r = await t.anon().request('POST', '/api/auth/login', undefined, { 'content-type': 'application/json' });
    expect(r.status).toBe(400);
    const raw = await fetch(t.baseUrl + '/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":' });
    expect(raw.status).toBe(400);
  });

  it('five failures lock the account for 15 minutes, and the lock is audited', async () => {
    for (let i = 0; i < 4; i++) {
      expect((await t.anon().post('/api/auth/login', { username: 'street1', password: 'bad' })).status).toBe(401);
    }
    const fifth = await t.anon().post('/api/auth/login', { username: 'street1', password: 'bad' });
    expect(fifth.status).toBe(423);
    expect(errorOf(fifth).message).toContain('锁定');
    const right = await t.anon().post('/api/auth/login', { username: 'street1', password: 'Demo@2026' });
    expect(right.status).toBe(423);
    t.clock.advance(15 * 60_000 + 1000);
    const later = await t.anon().post('/api/auth/login', { username: 'street1', password: 'Demo@2026' });
    expect(later.status).toBe(200);
    const admin = await t.login('admin');
    const audit = await admin.get('/api/audit?action=auth.locked');
    expect(audit.body.items.length).toBe(1);
    expect(audit.body.items[0].entityId).toBe('usr-street1');
  });
});

describe('sessions', () => {
  it('GET /api/me without a session → 401', async () => {
    const r = await t.anon().get('/api/me');
    expect(r.status).toBe(401);
    expect(errorOf(r).code).toBe('UNAUTHENTICATED');
  });

  it('expire after 30 minutes idle', async () => {
    const c = await t.login('official');
    t.clock.advance(29 * 60_000);
    expect((await c.get('/api/me')).status).toBe(200);
    t.clock.advance(29 * 60_000); // activity above kept it alive
    expect((await c.get('/api/me')).status).toBe(200);
    t.clock.advance(31 * 60_000);
    expect((await c.get('/api/me')).status).toBe(401);
  });

  it('expire 12 hours after login even when active', async () => {
    const c = await t.login('union');
    for (let i = 0; i < 25; i++) {
      t.clock.advance(29 * 60_000);
      await c.get('/api/me');
    }
    expect((await c.get('/api/me')).status).toBe(401);
  });

  it('logout ends the session', async () => {
    const c = await t.login('arbitrator');
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    c.cookie = c.cookie || 'hexie_session=stale';
    expect((await c.get('/api/me')).status).toBe(401);
  });
});

describe('CSRF', () => {
  it('a state-changing request on a session cookie without X-CSRF-Token → 403', async () => {
    const c = await t.login('admin');
    const csrf = c.csrf;
    c.csrf = '';
    const r = await c.post('/api/api-keys', { name: 'x', orgUnitId: 'ou-court' });
    expect(r.status).toBe(403);
    expect(errorOf(r).code).toBe('CSRF');
    c.csrf = 'wrong';
    expect((await c.post('/api/api-keys', { name: 'x', orgUnitId: 'ou-court' })).status).toBe(403);
    c.csrf = csrf;
    expect((await c.post('/api/api-keys', { name: 'x', orgUnitId: 'ou-court' })).status).toBe(201);
  });

  it('GET /api/me returns the csrfToken for a reloaded page', async () => {
    const c = await t.login('official');
    const me = await c.get('/api/me');
    expect(me.body.csrfToken).toBe(c.csrf);
  });

  it('requests without a session cookie need no token (public identifiers check)', async () => {
    const r = await t.anon().post('/api/identifiers/validate', { kind: 'uscc', value: '91350100M000100Y43' });
    expect(r.status).toBe(200);
  });
});

describe('worker self-registration by mobile number', () => {
  it('sends a code, signs in and creates a worker account once', async () => {
    const c = t.anon();
    const send = await c.post('/api/auth/sms/send', { phone: '13912345678' });
    expect(send.status).toBe(202);
    const code = t.sms.lastCodeFor('13912345678')!;
    expect(code).toMatch(/^\d{6}$/);
    expect((await c.post('/api/auth/sms/login', { phone: '13912345678', code: code === '000000' ? '111111' : '000000' })).status).toBe(401);
    const r = await c.post('/api/auth/sms/login', { phone: '13912345678', code });
    expect(r.status).toBe(200);
    expect(r.body.registered).toBe(true);
    expect(r.body.user.roles).toEqual(['worker']);
    // the code is single-use
    expect((await t.anon().post('/api/auth/sms/login', { phone: '13912345678', code })).status).toBe(401);
    // a second sign-in reuses the account
    t.clock.advance(61_000);
    await t.anon().post('/api/auth/sms/send', { phone: '13912345678' });
    const again = await t.anon().post('/api/auth/sms/login', { phone: '13912345678', code: t.sms.lastCodeFor('13912345678')! });
    expect(again.body.registered).toBe(false);
    expect(again.body.user.id).toBe(r.body.user.id);
  });

  it('refuses a second code within a minute and bad numbers', async () => {
    const c = t.anon();
    expect((await c.post('/api/auth/sms/send', { phone: '13700000000' })).status).toBe(202);
    expect((await c.post('/api/auth/sms/send', { phone: '13700000000' })).status).toBe(429);
    const bad = await c.post('/api/auth/sms/send', { phone: '12345' });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).fields![0]!.field).toBe('phone');
  });
});
