import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { AddressInfo } from 'node:net';
import { buildApp, type BuiltApp } from '../../src/server/app';
import { loadConfig, type Config } from '../../src/server/config';
import { openDatabase } from '../../src/server/db';
import type { Clock } from '../../src/server/lib/clock';
import { MemorySmsProvider } from '../../src/server/sms/provider';
import { DEMO_PASSWORD, seedDemo } from '../../src/server/seed/insert-demo';
import type { DemoData } from '../../src/server/seed/demo-data';

/** A clock that tests move forward by hand (session expiry, lockout, deadlines). */
export class TestClock implements Clock {
  private t = Date.now();
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
  set(iso: string): void {
    this.t = new Date(iso).getTime();
  }
}

export interface Response<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** An HTTP client with its own cookie jar and CSRF token, like one browser. */
export class Client {
  cookie = '';
  csrf = '';
  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      h['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(this.baseUrl + url, { method, headers: h, body: payload });
    const setCookie = res.headers.getSetCookie();
    for (const c of setCookie) {
      const [pair] = c.split(';');
      if (pair?.startsWith('hexie_session=')) this.cookie = pair.endsWith('=') ? '' : pair;
    }
    const type = res.headers.get('content-type') ?? '';
    const parsed = type.includes('application/json') ? await res.json() : type.startsWith('text/') ? await res.text() : Buffer.from(await res.arrayBuffer());
    return { status: res.status, body: parsed as T, headers: res.headers };
  }
  get<T = any>(url: string, headers?: Record<string, string>) {
    return this.request<T>('GET', url, undefined, headers);
  }
  post<T = any>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', url, body ?? {}, headers);
  }
  patch<T = any>(url: string, body?: unknown) {
    return this.request<T>('PATCH', url, body ?? {});
  }
  put<T = any>(url: string, body?: unknown) {
    return this.request<T>('PUT', url, body ?? {});
  }
  delete<T = any>(url: string) {
    return this.request<T>('DELETE', url);
  }
}

export interface TestApp {
  baseUrl: string;
  built: BuiltApp;
  clock: TestClock;
  sms: MemorySmsProvider;
  demo: DemoData;
  config: Config;
  /** A new client signed in as a demo account. */
  login(username: string, password?: string): Promise<Client>;
  anon(): Client;
  /** A client using the demo data-provider key. */
  provider(key?: string): Client;
  close(): Promise<void>;
}

/**
 * A fresh database per suite: a temporary SQLite file, or — when HEXIE_TEST_DB=postgres — a new
 * PostgreSQL database created on the server given by DATABASE_URL and dropped afterwards.
 */
async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (process.env.HEXIE_TEST_DB === 'postgres') {
    const adminUrl = process.env.DATABASE_URL;
    if (!adminUrl?.startsWith('postgres')) throw new Error('HEXIE_TEST_DB=postgres needs DATABASE_URL=postgres://…');
    const name = `hexie_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name} template template0 encoding 'UTF8'`);
    await admin.end();
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    return {
      url: u.toString(),
      drop: async () => {
        const c = new pg.Client({ connectionString: adminUrl });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hexie-test-'));
  return { url: path.join(dir, 'test.db'), drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export async function startTestApp(opts: { enterpriseCount?: number; env?: Record<string, string> } = {}): Promise<TestApp> {
  const db = await freshDatabase();
  const config = loadConfig({ HEXIE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: db.url, HEXIE_WEB_DIR: '/nonexistent', HEXIE_FILES_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'hexie-files-')), ...opts.env });
  const clock = new TestClock();
  const sms = new MemorySmsProvider();
  const database = openDatabase(config.database);
  const built = await buildApp(config, { clock, sms, database });
  const demo = await seedDemo(database.db, { enterpriseCount: opts.enterpriseCount ?? 150 });
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(built.app.server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    built,
    clock,
    sms,
    demo,
    config,
    anon: () => new Client(baseUrl),
    provider: (key = 'demo-provider-key-2026') => {
      const c = new Client(baseUrl);
      const request = c.request.bind(c);
      c.request = (method, url, body, headers = {}) => request(method, url, body, { authorization: `Bearer ${key}`, ...headers });
      return c;
    },
    async login(username: string, password = DEMO_PASSWORD) {
      const c = new Client(baseUrl);
      const r = await c.post('/api/auth/login', { username, password });
      if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
      c.csrf = r.body.csrfToken;
      return c;
    },
    async close() {
      await built.close();
      await db.drop();
    },
  };
}

/** Asserts the DESIGN.md error shape. */
export function errorOf(r: Response): { code: string; message: string; fields?: { field: string; message: string }[] } {
  return r.body?.error;
}
