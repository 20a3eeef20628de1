import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_JOBS } from '../../src/server/jobs/contract-jobs';
import { catchUpIndex } from '../../src/server/modules/contracts/lifecycle';
import { runJobOnce } from '../../src/server/jobs/scheduler';
import { errorOf, startTestApp, type Client, type TestApp } from '../support/test-app';

let t: TestApp;
let official: Client;
let union: Client;
let street1: Client;
let ent1: Client;

async function at(iso: string) {
  t.clock.set(iso);
  [official, union, street1, ent1] = await Promise.all([t.login('official'), t.login('union'), t.login('street1'), t.login('enterprise1')]);
}
const runJob = () => runJobOnce(t.built.ctx, CONTRACT_JOBS[0]!, 'test-holder');
const q = (s: string) => '/api/collective-contracts?q=' + encodeURIComponent(s);

beforeAll(async () => {
  t = await startTestApp();
  await at('2026-11-26T04:00:00Z');
});
afterAll(() => t.close());

describe('contract search: jieba words, BM25, highlights', () => {
  it('every demo contract is in the index', async () => {
    const { n } = await t.built.ctx.db.selectFrom('collective_contracts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const { d } = await t.built.ctx.db.selectFrom('contract_search_docs').select((eb) => eb.fn.countAll<number>().as('d')).executeTakeFirstOrThrow();
    expect(Number(d)).toBe(Number(n));
  });

  it('the index catch-up of the scheduled job works through a whole unindexed register in batches, not one batch a run', async () => {
    const db = t.built.ctx.db;
    const count = async (table: 'collective_contracts' | 'contract_search_docs') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const total = await count('collective_contracts');
    expect(total).toBeGreaterThan(20);
    await db.deleteFrom('contract_search_terms').execute();
    await db.deleteFrom('contract_search_docs').execute();
    expect(await catchUpIndex(db, t.clock.now().toISOString(), 10)).toBe(total);
    expect(await count('contract_search_docs')).toBe(total);
    expect(await runJob()).toContain('indexed 0');
  });

  it('ranks the contracts that are about the words first and marks them in the snippet', async () => {
    const r = await official.get(q('女职工 哺乳期'));
    expect(r.status).toBe(200);
    expect(r.body.total).toBeGreaterThan(0);
    // both parts must match: only contracts that mention 哺乳期, not every one that mentions 职工
    const withNursing = await t.built.ctx.db.selectFrom('collective_contracts').select('id').where('text', 'like', '%哺乳期%').execute();
    expect(r.body.total).toBeLessThanOrEqual(withNursing.length);
    const top = r.body.items[0];
    expect(top.kind).toBe('female');
    expect(top.match.terms).toContain('哺乳期');
    const marked = top.match.highlights.map(([a, b]: [number, number]) => top.match.snippet.slice(a, b));
    expect(marked).toContain('哺乳期');
    const scores = r.body.items.map((i: any) => i.match.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('a word inside a longer one is found by segmentation (search mode), not only by the exact string', async () => {
    const r = await official.get(q('增长机制'));
    expect(r.body.items.length).toBeGreaterThan(0);
    expect(r.body.items[0].kind).toBe('wage');
  });

  it('filters and scope apply to search: kind filter, the street sees only its street, the enterprise only its own', async () => {
    const wage = await official.get(q('工资') + '&kind=wage&pageSize=100');
    for (const c of wage.body.items) expect(c.kind).toBe('wage');
    const street = await street1.get(q('工资') + '&pageSize=100');
    for (const c of street.body.items) expect(c.regionId.startsWith('441999003')).toBe(true);
    const own = await ent1.get(q('工资') + '&pageSize=100');
    for (const c of own.body.items) expect(c.enterpriseId === t.demo.ids.enterprise1 || c.scope !== 'enterprise').toBe(true);
  });

  it('a query of stop words only finds nothing; paging is stable', async () => {
    const r = await official.get(q('的 了'));
    expect(r.body).toMatchObject({ total: 0, items: [] });
    const p1 = await official.get(q('工资') + '&pageSize=5&page=1');
    const p2 = await official.get(q('工资') + '&pageSize=5&page=2');
    expect(p1.body.total).toBe(p2.body.total);
    const ids = new Set(p1.body.items.map((i: any) => i.id));
    for (const i of p2.body.items) expect(ids.has(i.id)).toBe(false);
  });

  it('renaming a contract re-indexes its title in the same transaction', async () => {
    const draft = await official.get(`/api/collective-contracts/cc-demo-draft`);
    const r = await union.patch(`/api/collective-contracts/cc-demo-draft`, { title: '蓝鲸测试集体合同', version: draft.body.version });
    expect(r.status).toBe(200);
    const found = await official.get(q('蓝鲸'));
    expect(found.body.items[0].id).toBe('cc-demo-draft');
  });
});

describe('the scheduled contract job (TestClock)', () => {
  it('raises the renewal reminder once the 3-month window opens (集体合同规定 第三十八条), once only', async () => {
    const first = await runJob();
    expect(first).toMatch(/reminders \d+/);
    const r = await ent1.get('/api/collective-contracts/reminders');
    expect(r.status).toBe(200);
    const mine = r.body.items.find((x: any) => x.contractId === 'cc-demo-e1');
    expect(mine).toMatchObject({ kind: 'expiring', termEnd: '2027-01-15', raisedOn: '2026-11-26', canDismiss: true });
    expect(mine.message).toContain('第三十八条');
    for (const x of r.body.items) expect(x.enterpriseId).toBe(t.demo.ids.enterprise1);
    // the enterprise's users are told in their inbox and by text message
    const inbox = await ent1.get('/api/portal/inbox');
    const note = inbox.body.items.find((m: any) => m.title === '集体合同续签提醒');
    expect(note).toBeDefined();
    expect(note.caseId).toBeNull();
    expect(note.body).toBe(mine.message);
    const e1Users = await t.built.ctx.db.selectFrom('users').select('phone').where('enterprise_id', '=', t.demo.ids.enterprise1).where('phone', 'is not', null).execute();
    const texts = t.sms.sent.filter((m) => m.text.includes(mine.message));
    expect(texts.map((m) => m.phone).sort()).toEqual(e1Users.map((u) => u.phone).sort());
    expect(texts.length).toBeGreaterThan(0);
    expect(await runJob()).toContain('reminders 0');
    expect(t.sms.sent.filter((m) => m.text.includes(mine.message))).toHaveLength(texts.length);
    const d = await official.get('/api/collective-contracts/cc-demo-e1');
    expect(d.body.events.filter((e: any) => e.action === 'remind')).toHaveLength(1);
  });

  it('after the term ends the job marks the contract expired, writes the event and audit, and raises the expired reminder', async () => {
    await at('2027-01-16T04:00:00Z');
    const before = await official.get('/api/collective-contracts/cc-demo-e1');
    expect(before.body.status).toBe('expired'); // derived on read before the job runs
    expect(before.body.events.map((e: any) => e.action)).not.toContain('expire');
    await runJob();
    const row = await t.built.ctx.db.selectFrom('collective_contracts').select('status').where('id', '=', 'cc-demo-e1').executeTakeFirstOrThrow();
    expect(row.status).toBe('expired');
    const d = await official.get('/api/collective-contracts/cc-demo-e1');
    expect(d.body).toMatchObject({ status: 'expired', statusLabel: '已到期', expired: true });
    expect(d.body.abilities.renew).toBe(true);
    const ev = d.body.events.find((e: any) => e.action === 'expire');
    expect(ev).toMatchObject({ onDate: '2027-01-16', actorName: '系统' });
    const audit = await t.built.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'contract.expire').where('entity_id', '=', 'cc-demo-e1').execute();
    expect(audit).toHaveLength(1);
    const rem = await ent1.get('/api/collective-contracts/reminders?kind=expired');
    expect(rem.body.items.map((x: any) => x.contractId)).toContain('cc-demo-e1');
    const expiredList = await official.get('/api/collective-contracts?status=expired&pageSize=200');
    expect(expiredList.body.items.map((x: any) => x.id)).toContain('cc-demo-e1');
    const effective = await official.get('/api/collective-contracts?status=effective&pageSize=200');
    expect(effective.body.items.map((x: any) => x.id)).not.toContain('cc-demo-e1');
  });

  it('a contract with a renewal negotiation gets no further reminders', async () => {
    const renew = await union.post('/api/collective-contracts/cc-demo-e1/renew');
    expect(renew.status).toBe(201);
    await at('2027-01-20T04:00:00Z');
    await runJob();
    const rem = await ent1.get('/api/collective-contracts/reminders?state=all');
    const forE1 = rem.body.items.filter((x: any) => x.contractId === 'cc-demo-e1');
    expect(forE1).toHaveLength(2);
    expect(forE1.every((x: any) => x.renewalNegotiationId)).toBe(true);
  });
});

describe('reminder routes: 401, 403, 404, 400, dismiss and its audit, 409', () => {
  it('401 without a session, 403 for roles without contract.read / contract.manage', async () => {
    expect((await t.anon().get('/api/collective-contracts/reminders')).status).toBe(401);
    expect((await t.anon().post('/api/collective-contracts/reminders/x/dismiss')).status).toBe(401);
    const mediator = await t.login('mediator1');
    expect((await mediator.get('/api/collective-contracts/reminders')).status).toBe(403);
    expect((await mediator.post('/api/collective-contracts/reminders/x/dismiss')).status).toBe(403);
  });

  it('400 names the bad field', async () => {
    const r = await official.get('/api/collective-contracts/reminders?state=closed');
    expect(r.status).toBe(400);
    expect(errorOf(r).fields?.[0]?.field).toBe('state');
  });

  it('404 outside the scope; dismiss is audited and a second dismiss is 409', async () => {
    const all = await official.get('/api/collective-contracts/reminders?pageSize=200');
    const other = all.body.items.find((x: any) => !x.regionId.startsWith('441999003'));
    expect(other).toBeDefined();
    expect((await street1.post(`/api/collective-contracts/reminders/${other.id}/dismiss`)).status).toBe(404);
    expect((await official.post('/api/collective-contracts/reminders/nope/dismiss')).status).toBe(404);
    const ok = await union.post(`/api/collective-contracts/reminders/${other.id}/dismiss`);
    expect(ok.status).toBe(200);
    const audit = await t.built.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'contract.reminder.dismiss').where('entity_id', '=', other.id).execute();
    expect(audit).toHaveLength(1);
    expect((await union.post(`/api/collective-contracts/reminders/${other.id}/dismiss`)).status).toBe(409);
    const open = await official.get('/api/collective-contracts/reminders?pageSize=200');
    expect(open.body.items.map((x: any) => x.id)).not.toContain(other.id);
  });
});

describe('union assessment summary for the union brain', () => {
  it('401, 403 for roles without the action, 400 without a year; totals match the scored enterprises by hand', async () => {
    expect((await t.anon().get('/api/union-assessment/summary?year=2025')).status).toBe(401);
    expect((await (await t.login('mediator1')).get('/api/union-assessment/summary?year=2025')).status).toBe(403);
    const bad = await union.get('/api/union-assessment/summary');
    expect(bad.status).toBe(400);
    expect(errorOf(bad).fields?.[0]?.field).toBe('year');
    const r = await union.get('/api/union-assessment/summary?year=2025');
    expect(r.status).toBe(200);
    const db = t.built.ctx.db;
    const scoredIds = await db.selectFrom('assessment_scores as s').innerJoin('enterprises as e', 'e.id', 's.enterprise_id').select('s.enterprise_id').distinct().where('s.year', '=', 2025).where('e.union_established', '=', 1).execute();
    const unionized = await db.selectFrom('enterprises').select((eb) => eb.fn.countAll<number>().as('n')).where('union_established', '=', 1).executeTakeFirstOrThrow();
    expect(r.body).toMatchObject({ year: 2025, scored: scoredIds.length, unionized: Number(unionized.n) });
    const g = r.body.grades;
    expect(g['优秀'] + g['良好'] + g['合格'] + g['不合格']).toBe(scoredIds.length);
    expect(r.body.byStreet.reduce((s: number, x: any) => s + x.scored, 0)).toBe(scoredIds.length);
    const street = await street1.get('/api/union-assessment/summary?year=2025');
    expect(street.body.byStreet.every((x: any) => x.regionId.startsWith('441999003'))).toBe(true);
    expect((await union.get('/api/union-assessment/summary?year=2024')).body).toMatchObject({ scored: 0, average: null });
  });
});
