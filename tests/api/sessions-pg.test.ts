import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/seed/insert-demo';
import { joinRoom, type RoomClient } from '../support/room-client';
import { Client, startTestApp, type TestApp } from '../support/test-app';
import { mediationCase, schedule } from './sessions-support';

// Two real server processes sharing one PostgreSQL database: members on different processes meet in one room
// through LISTEN/NOTIFY. Runs in the PostgreSQL suite only (HEXIE_TEST_DB=postgres).
const pgSuite = process.env.HEXIE_TEST_DB === 'postgres';

let t: TestApp;
const procs: ChildProcess[] = [];
const urls: string[] = [];
const rooms: RoomClient[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function startServer(databaseUrl: string): Promise<string> {
  const port = await freePort();
  const child = spawn(path.resolve('node_modules/.bin/tsx'), ['src/cli/start.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      HEXIE_ENV: 'test',
      HEXIE_DEMO: '0',
      LOG_LEVEL: 'warn',
      HEXIE_WEB_DIR: '/nonexistent',
      HEXIE_FILES_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'hexie-files-')),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  procs.push(child);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return url;
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not start');
}

async function loginAt(url: string, username: string) {
  const c = new Client(url);
  const r = await c.post('/api/auth/login', { username, password: DEMO_PASSWORD });
  expect(r.status).toBe(200);
  c.csrf = r.body.csrfToken;
  return c;
}

describe.skipIf(!pgSuite)('two server processes on one PostgreSQL', () => {
  beforeAll(async () => {
    t = await startTestApp({ enterpriseCount: 40 });
    const db = t.config.database;
    if (db.kind !== 'postgres') throw new Error('needs PostgreSQL');
    urls.push(...(await Promise.all([startServer(db.url), startServer(db.url)])));
  }, 60_000);
  afterAll(async () => {
    for (const r of rooms) r.ws.terminate();
    for (const p of procs) p.kill('SIGTERM');
    await Promise.all(procs.map((p) => (p.exitCode !== null ? null : new Promise((r) => p.once('exit', r)))));
    await t?.close();
  });

  it('members on different processes see each other, in one order, with presence, side rooms kept private, and catch-up on the other process', async () => {
    const [A, B] = urls as [string, string];
    const m1 = await loginAt(A, 'mediator1');
    const worker = await loginAt(B, 'worker1');
    const ent = await loginAt(B, 'enterprise1');
    const { id: caseId } = await mediationCase(t, m1);
    const { id: sessionId } = await schedule(t, m1, caseId);
    const join = async (url: string, c: Client, after = 0) => {
      const r = await joinRoom(url, c, sessionId, { after });
      rooms.push(r);
      return r;
    };
    const rm = await join(A, m1);
    const rw = await join(B, worker);
    const re = await join(B, ent);
    // presence is shared: the mediator on A lists the two parties connected to B
    await rm.until(() => rm.frames.some((f) => f.type === 'presence' && f.online.length === 3), 5000, 'presence across processes');

    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => rm.request({ type: 'message', text: `A调解员${i}` })),
      ...Array.from({ length: 10 }, (_, i) => rw.request({ type: 'message', text: `B申请人${i}` })),
    ]);
    for (const r of [rm, rw, re]) await r.until(() => r.events.length >= 20, 5000, '20 events');
    const seqs = rm.events.map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => seqs[0]! + i));
    expect(rw.events.map((e) => e.seq)).toEqual(seqs);
    expect(re.events.map((e) => `${e.seq}${e.text}`)).toEqual(rm.events.map((e) => `${e.seq}${e.text}`));

    // 背对背 across processes: mediator on A → applicant on B; the respondent on B never receives it
    await rm.request({ type: 'message', channel: 'applicant', text: '私下：底线是多少' });
    await rm.request({ type: 'message', text: '公开：继续' });
    await re.until(() => re.events.some((e) => e.text === '公开：继续'));
    await rw.until(() => rw.events.some((e) => e.text === '公开：继续'));
    expect(rw.events.some((e) => e.text === '私下：底线是多少')).toBe(true);
    expect(re.events.some((e) => e.channel !== 'main')).toBe(false);

    // the respondent drops from B and comes back on A: it gets exactly what it missed
    const seen = re.lastSeq;
    await re.close();
    for (let i = 0; i < 3; i++) await rw.request({ type: 'message', text: `断线期间${i}` });
    const re2 = await join(A, await loginAt(A, 'enterprise1'), seen);
    expect(re2.events.map((e) => e.text)).toEqual(['断线期间0', '断线期间1', '断线期间2']);
    await rw.request({ type: 'message', text: '换到A之后' });
    await re2.until(() => re2.events.some((e) => e.text === '换到A之后'));

    // a proposal made on A is accepted from B and from A; both processes see the final state
    await rm.request({ type: 'propose', terms: { summary: '支付7000元' } });
    await rw.until(() => rw.events.some((e) => e.kind === 'proposal'));
    const proposalId = rw.events.find((e) => e.kind === 'proposal')!.data.proposalId;
    await rw.request({ type: 'respond', proposalId, decision: 'accept' });
    await re2.request({ type: 'respond', proposalId, decision: 'accept' });
    await rw.until(() => rw.events.some((e) => e.data?.proposal?.status === 'accepted'));
    await rm.until(() => rm.events.some((e) => e.data?.proposal?.status === 'accepted'));
  }, 60_000);
});
