/**
 * Mediation-room fan-out benchmark (`npx tsx bench/rooms.ts`): 200 concurrent rooms × 5 members over WebSocket on
 * loopback. The server runs as real child process(es) (`src/cli/start.ts`) on a fresh demo database; this process
 * is the 1,000 clients. Every room sends one message per second (rotating sender) for BENCH_SECONDS; for each
 * message the latency send → receipt is recorded at each of the other four members (fan-out), and every expected
 * delivery is counted (none may be lost).
 *   SQLite (default): one server process, in-process bus.
 *   PostgreSQL (DATABASE_URL=postgres://…): a scratch database; BENCH_PROCESSES=2 runs two servers, members of each
 *   room spread over both, so every message crosses LISTEN/NOTIFY.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import WebSocket from 'ws';

const ROOMS = Number(process.env.BENCH_ROOMS ?? 200);
const MEMBERS = ['mediator1', 'worker1', 'enterprise1', 'official', 'admin'];
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 1);
const PASSWORD = 'Demo@2026';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });

const children: ChildProcess[] = [];
async function startServer(databaseUrl: string, demo: boolean): Promise<string> {
  const port = await freePort();
  const child = spawn(path.resolve('node_modules/.bin/tsx'), ['src/cli/start.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      HEXIE_ENV: 'development',
      HEXIE_DEMO: demo ? '1' : '0',
      LOG_LEVEL: 'warn',
      HEXIE_WEB_DIR: '/nonexistent',
      HEXIE_FILES_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'hexie-bench-files-')),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode})`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return url;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not start');
}

class Http {
  cookie = '';
  csrf = '';
  constructor(readonly base: string) {}
  async req(method: string, url: string, body?: unknown) {
    const res = await fetch(this.base + url, {
      method,
      headers: { 'content-type': 'application/json', cookie: this.cookie, 'x-csrf-token': this.csrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) if (c.startsWith('hexie_session=')) this.cookie = c.split(';')[0]!;
    const json = (await res.json()) as any;
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }
  user: any = null;
  async login(username: string) {
    const r = await this.req('POST', '/api/auth/login', { username, password: PASSWORD });
    this.csrf = r.csrfToken;
    this.user = r.user;
    return this;
  }
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  const pgUrl = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : null;
  let databaseUrl: string;
  let drop = async () => {};
  if (pgUrl) {
    const name = `hexie_bench_rooms_${Date.now()}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database ${name} template template0 encoding 'UTF8'`);
    await admin.end();
    const u = new URL(pgUrl);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    drop = async () => {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    databaseUrl = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hexie-bench-rooms-')), 'bench.db');
  }
  const processes = pgUrl ? PROCESSES : 1;
  const t0 = performance.now();
  const first = await startServer(databaseUrl, true); // seeds the demo district
  const servers = [first, ...(await Promise.all(Array.from({ length: processes - 1 }, () => startServer(databaseUrl, false))))];
  console.log(
    `servers up (${servers.length} process${servers.length > 1 ? 'es' : ''}, ${pgUrl ? 'PostgreSQL' : 'SQLite'}) in ${Math.round(performance.now() - t0)} ms`,
  );

  // Setup through the API: one case per room (worker1 against enterprise1, mediator1's organisation), one session.
  const m1 = await new Http(first).login('mediator1');
  const ent = await new Http(first).login('enterprise1');
  const entRow = await ent.req('GET', `/api/enterprises/${ent.user.enterpriseId}`);
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const sessionIds: string[] = [];
  for (let i = 0; i < ROOMS; i++) {
    const c = await m1.req('POST', '/api/cases', {
      respondentUscc: entRow.uscc,
      applicants: [{ name: '李建国', phone: '13800000001' }],
      claims: [{ type: 'wage_arrears', amount: 5000 + i }],
      facts: `压测案件${i}：拖欠工资。`,
      receivedDate: today,
    });
    const s = await m1.req('POST', `/api/cases/${c.id}/sessions`, {
      scheduledAt: new Date(Date.now() + 60_000).toISOString(),
      mode: 'text',
    });
    sessionIds.push(s.id);
  }
  console.log(`${ROOMS} cases and sessions created in ${Math.round(performance.now() - t0)} ms`);

  // Clients: 5 members per room; member k of room r connects to server (r + k) % processes.
  const sessions = await Promise.all(MEMBERS.map(async (u) => Promise.all(servers.map((s) => new Http(s).login(u)))));
  const sent = new Map<string, number>();
  const latencies: number[] = [];
  let received = 0;
  const serverErrors: string[] = [];
  const sockets: WebSocket[][] = [];
  const tc = performance.now();
  await Promise.all(
    sessionIds.map(async (sid, r) => {
      const row: WebSocket[] = [];
      sockets[r] = row;
      await Promise.all(
        MEMBERS.map(
          (_, k) =>
            new Promise<void>((resolve, reject) => {
              const srv = (r + k) % servers.length;
              const http = sessions[k]![srv]!;
              const ws = new WebSocket(`${servers[srv]!.replace('http', 'ws')}/api/sessions/${sid}/ws`, {
                headers: { cookie: http.cookie, origin: servers[srv]! },
              });
              row[k] = ws;
              ws.on('error', reject);
              ws.on('message', (raw) => {
                const f = JSON.parse(String(raw));
                if (f.type === 'synced') resolve();
                if (f.type === 'error') serverErrors.push(JSON.stringify(f).slice(0, 200));
                if (f.type === 'event' && f.event.clientId) {
                  const at = sent.get(f.event.clientId);
                  if (at !== undefined && !f.event.clientId.endsWith(`:${k}`)) {
                    latencies.push(performance.now() - at);
                    received++;
                  }
                }
              });
            }),
        ),
      );
    }),
  );
  console.log(`${ROOMS * MEMBERS.length} members connected in ${Math.round(performance.now() - tc)} ms`);

  // Load: each room sends one message per second, from its members in turn (observers excluded: they cannot post).
  // CPU time of the server process(es) and of this client process over the load window (Linux /proc).
  const tree = (pid: number): number[] => {
    const kids: number[] = [];
    try {
      for (const t of fs.readdirSync(`/proc/${pid}/task`)) kids.push(...fs.readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
    } catch {
      /* gone */
    }
    return [pid, ...kids.flatMap(tree)];
  };
  const cpuOf = (pid: number) => {
    try {
      const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(f[11]) + Number(f[12])) / 100; // utime + stime in seconds (USER_HZ = 100)
    } catch {
      return 0;
    }
  };
  // tsx runs the server in a child node process: count the whole process tree.
  const ticks = () => children.map((c) => tree(c.pid!).reduce((sum, p) => sum + cpuOf(p), 0));
  const cpu0 = ticks();
  const client0 = process.cpuUsage();
  const posters = [0, 1, 2];
  let expected = 0;
  const start = performance.now();
  await new Promise<void>((resolve) => {
    let tick = 0;
    const timers = sessionIds.map((_, r) =>
      setTimeout(
        () => {
          const iv = setInterval(() => {
            const n = Math.floor((performance.now() - start) / 1000);
            if (n >= SECONDS) {
              clearInterval(iv);
              if (++tick === ROOMS) setTimeout(resolve, 1500);
              return;
            }
            const k = posters[n % posters.length]!;
            const clientId = `${r}-${n}:${k}`;
            sent.set(clientId, performance.now());
            expected += MEMBERS.length - 1;
            sockets[r]![k]!.send(JSON.stringify({ type: 'message', text: `第${n}条消息`, clientId }));
          }, 1000);
        },
        (r * 1000) / ROOMS,
      ),
    );
    void timers;
  });
  const elapsed = (performance.now() - start) / 1000;
  const serverCpu = ticks().map((t, i) => ((t - cpu0[i]!) / elapsed) * 100);
  const used = process.cpuUsage(client0);
  const clientCpu = ((used.user + used.system) / 1e6 / elapsed) * 100;
  latencies.sort((a, b) => a - b);
  const fmt = (n: number) => n.toFixed(1);
  console.log('\n| rooms × members | servers | messages | deliveries measured | lost | fan-out p50 | p95 | p99 | max |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  console.log(
    `| ${ROOMS} × ${MEMBERS.length} | ${servers.length} (${pgUrl ? 'PostgreSQL' : 'SQLite'}) | ${sent.size} in ${elapsed.toFixed(0)} s | ${received} | ${expected - received} | ${fmt(percentile(latencies, 50))} ms | ${fmt(percentile(latencies, 95))} ms | ${fmt(percentile(latencies, 99))} ms | ${fmt(latencies.at(-1)!)} ms |`,
  );
  console.log(`\nCPU over the load window: server ${serverCpu.map((c) => `${c.toFixed(0)}%`).join(' + ')} of one core, clients ${clientCpu.toFixed(0)}%; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
  const p95 = percentile(latencies, 95);
  if (serverErrors.length) console.log(`\nerror frames from the server: ${serverErrors.length} (first: ${serverErrors[0]})`);
  console.log(`\nfan-out p95 ${fmt(p95)} ms ${p95 <= 50 ? '≤' : '>'} 50 ms target; lost deliveries: ${expected - received}`);
  for (const row of sockets) for (const ws of row) ws.terminate();
  for (const c of children) c.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  await drop();
  process.exit(p95 <= 50 && expected === received ? 0 : 1);
}

main().catch((e: unknown) => {
  console.error(e);
  for (const c of children) c.kill('SIGTERM');
  process.exit(1);
});
