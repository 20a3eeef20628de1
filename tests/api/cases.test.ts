import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runObligationReminders } from '../../src/server/jobs/case-jobs';
import { readZipEntries } from '../../src/server/documents/read-zip';
import { errorOf, startTestApp, type Client, type TestApp } from '../support/test-app';

let t: TestApp;
let m1: Client;
let m2: Client;
let enterprise1Uscc: string;
let otherUscc: string;

/** Moves the test clock (sessions expire after 12 hours, so the mediators sign in again). */
async function setClock(iso: string) {
  t.clock.set(iso);
  m1 = await t.login('mediator1');
  m2 = await t.login('mediator2');
}

beforeAll(async () => {
  t = await startTestApp();
  await setClock('2025-03-03T02:00:00Z');
  enterprise1Uscc = t.demo.enterprises.find((e) => e.id === t.demo.ids.enterprise1)!.uscc;
  otherUscc = t.demo.enterprises.find((e) => e.id !== t.demo.ids.enterprise1 && e.region_id.startsWith(t.demo.ids.xinqiao))!.uscc;
});
afterAll(async () => t.close());

const body = (over: Record<string, unknown> = {}) => ({
  respondentUscc: otherUscc,
  applicants: [{ name: '王小明', phone: '13912345678', idNumber: '11010519491231002X' }],
  claims: [{ type: 'wage_arrears', amount: 12000 }],
  facts: '申请人于2024年5月入职，被申请人拖欠2025年1月至2月工资共计12000元。',
  receivedDate: '2025-03-03',
  ...over,
});

async function create(c: Client, over: Record<string, unknown> = {}) {
  const r = await c.post('/api/cases', body(over));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

async function act(c: Client, id: string, action: string, extra: Record<string, unknown> = {}) {
  const cur = await c.get(`/api/cases/${id}`);
  const r = await c.post(`/api/cases/${id}/actions`, { action, version: cur.body.version, ...extra });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

describe('intake: POST /api/cases', () => {
  it('401 anonymous, 403 for a role without the right', async () => {
    expect((await t.anon().post('/api/cases', body())).status).toBe(401);
    expect((await t.anon().get('/api/cases')).status).toBe(401);
    expect((await (await t.login('coordinator1')).post('/api/cases', body())).status).toBe(403);
  });

  it('a mediator registers a case for their own organisation, with statutory deadlines and an audit row', async () => {
    const c = await create(m1);
    expect(c).toMatchObject({ stage: 'mediation', status: 'registered', receivedDate: '2025-03-03', organizationId: 'mo-street-003' });
    expect(c.caseNo).toMatch(/^（2025）调字第\d+号$/);
    // 劳动争议调解仲裁法 第十四条: 15 days from receipt.
    expect(c.deadlines.mediationDue).toBe('2025-03-18');
    expect(c.applicants[0].idNumberMasked).toBe('110105********002X');
    expect(JSON.stringify(c)).not.toContain('11010519491231002X');
    expect(c.abilities.actions).toEqual(expect.arrayContaining(['accept_mediation', 'decline', 'transfer_org']));
    expect(c.timeline[0].action).toBe('create');
    const audit = await (await t.login('admin')).get(`/api/audit?entityId=${c.id}`);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toContain('case.create');
  });

  it('a retried create with the same requestId does not duplicate', async () => {
    const a = await create(m1, { requestId: 'req-0001-abcdef' });
    const b = await m1.post('/api/cases', body({ requestId: 'req-0001-abcdef' }));
    expect(b.status).toBe(201);
    expect(b.body.id).toBe(a.id);
  });

  it.each([
    [{ respondentUscc: '91350100M000100Y44' }, 'respondentUscc'],
    [{ respondentUscc: '91350100M000100Y43' }, 'respondentUscc'],
    [{ applicants: [{ name: '张三', idNumber: '110105194912310021' }] }, 'applicants.0.idNumber'],
    [{ claims: [{ type: 'bonus' }] }, 'claims.0.type'],
    [{ receivedDate: '2025-02-30' }, 'receivedDate'],
  ])('400 naming the field for %j', async (over, field) => {
    const r = await m1.post('/api/cases', body(over));
    expect(r.status).toBe(400);
    expect(errorOf(r).fields!.map((f) => f.field)).toContain(field);
  });

  it('a mediator cannot register for another organisation', async () => {
    const r = await m1.post('/api/cases', body({ organizationId: 'mo-park-joint' }));
    expect(r.status).toBe(400);
    expect(errorOf(r).fields![0]!.field).toBe('organizationId');
  });

  it('10 or more applicants make a collective dispute with priority', async () => {
    const applicants = Array.from({ length: 12 }, (_, i) => ({ name: `工人${i + 1}` }));
    const c = await create(m1, { applicants });
    expect(c.collective).toBe(true);
    expect(c.priority).toBe('high');
    expect(c.collectiveMeasures.length).toBeGreaterThan(0);
  });
});

describe('routing', () => {
  it('suggests street centre and district; collective disputes go to the district first', async () => {
    const single = await m1.get(`/api/cases/routing-suggestion?respondentUscc=${otherUscc}&applicantCount=1`);
    expect(single.status).toBe(200);
    expect(single.body.suggestions.map((s: { level: string }) => s.level)).toEqual(expect.arrayContaining(['street', 'district']));
    const many = await m1.get(`/api/cases/routing-suggestion?respondentUscc=${enterprise1Uscc}&applicantCount=15`);
    expect(many.body.suggestions[0].level).toBe('district');
    expect(many.body.suggestions.some((s: { organizationId: string }) => s.organizationId === 'mo-park-joint')).toBe(true);
  });

  it('transfer with a reason moves the case to the other organisation; decline needs a reason', async () => {
    const c = await create(m1);
    const noReason = await m1.post(`/api/cases/${c.id}/actions`, { action: 'decline', version: c.version });
    expect(noReason.status).toBe(400);
    expect(errorOf(noReason).fields![0]!.field).toBe('reason');
    const moved = await act(m1, c.id, 'transfer_org', {
      organizationId: 'mo-park-joint',
      reason: '被申请人位于合作区，由联处中心就近调解',
    });
    expect(moved.organizationId).toBe('mo-park-joint');
    expect(moved.timeline.at(-1)).toMatchObject({ action: 'transfer_org', reason: '被申请人位于合作区，由联处中心就近调解' });
    expect((await m1.get(`/api/cases/${c.id}`)).status).toBe(404);
    const accepted = await act(m2, c.id, 'accept_mediation');
    expect(accepted.status).toBe('mediating');
    const declined = await act(m1, (await create(m1)).id, 'decline', { reason: '不属于劳动争议受理范围' });
    expect(declined.status).toBe('declined');
  });
});

describe('stages, state machine and concurrency', () => {
  it('illegal transition → 409 with the Chinese reason and allowed actions', async () => {
    const c = await create(m1);
    const r = await m1.post(`/api/cases/${c.id}/actions`, { action: 'reach_agreement', version: c.version });
    expect(r.status).toBe(409);
    expect(errorOf(r).message).toContain('不能达成调解协议');
    expect(r.body.error.allowed).toEqual(expect.arrayContaining(['accept_mediation']));
  });

  it('a stale version → 409 with the current version (no lost update)', async () => {
    const c = await create(m1);
    await act(m1, c.id, 'accept_mediation');
    const stale = await m1.patch(`/api/cases/${c.id}`, { version: c.version, facts: '另一位调解员的修改' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.currentVersion).toBe(c.version + 1);
    const ok = await m1.patch(`/api/cases/${c.id}`, { version: c.version + 1, facts: '补充事实：双方同意调解。' });
    expect(ok.status).toBe(200);
    expect(ok.body.facts).toBe('补充事实：双方同意调解。');
  });

  it('mediation → agreement → performance → arbitral review → confirmed, with documents and performance tracking', async () => {
    const c = await create(m1, { applicants: [{ name: '刘晓红', phone: '13800000001', idNumber: '11010519491231002X' }] });
    await act(m1, c.id, 'accept_mediation');
    const ext = await act(m1, c.id, 'extend_mediation', { until: '2025-03-28' });
    expect(ext.deadlines.mediationExtendedDue).toBe('2025-03-28');
    expect(ext.nextDue).toBe('2025-03-28');
    const agreed = await act(m1, c.id, 'reach_agreement', { on: '2025-03-10' });
    expect(agreed.status).toBe('agreement_reached');
    expect(agreed.deadlines.arbitralReviewApplicationDue).toBe('2025-03-25');

    const ag = await m1.post(`/api/cases/${c.id}/agreements`, {
      kind: 'mediation',
      signedOn: '2025-03-10',
      obligations: [{ obligor: '被申请人', description: '向申请人支付拖欠工资', amount: 12000, dueDate: '2025-03-20' }],
    });
    expect(ag.status).toBe(201);
    const obligation = ag.body.agreements[0].obligations[0];
    expect(ag.body.amountAgreed).toBe(12000);

    // Documents: the agreement with the amount in Chinese capitals, and the acceptance notice.
    const doc = await m1.post(`/api/cases/${c.id}/documents`, { kind: 'mediation_agreement' });
    expect(doc.status).toBe(201);
    const preview = await m1.get(`/api/cases/${c.id}/documents/${doc.body.id}/preview`);
    expect(preview.body.text).toContain('调解协议书');
    expect(preview.body.text).toContain('壹万贰仟元整');
    expect(preview.body.html).toContain('<p');
    const file = await m1.get(`/api/cases/${c.id}/documents/${doc.body.id}`);
    expect(file.headers.get('content-type')).toContain('wordprocessingml');
    const xml = readZipEntries(file.body as Buffer)
      .get('word/document.xml')!
      .toString('utf8');
    expect(xml).toContain('刘晓红');
    expect(xml).not.toContain('11010519491231002X');
    const notice = await m1.post(`/api/cases/${c.id}/documents`, { kind: 'acceptance_notice' });
    const noticeText = (await m1.get(`/api/cases/${c.id}/documents/${notice.body.id}/preview`)).body.text as string;
    expect(noticeText).toContain('受理通知书');
    expect(noticeText).toContain('2025年3月28日');

    // Performance: partly, then overdue with a reminder SMS, a follow-up visit, then fulfilled.
    const partly = await m1.post(`/api/cases/${c.id}/obligations/${obligation.id}/payments`, { amount: 5000, paidOn: '2025-03-15' });
    expect(partly.body.agreements[0].performance).toBe('partly');
    await setClock('2025-03-24T02:00:00Z');
    const overdue = await m1.get(`/api/cases/${c.id}`);
    expect(overdue.body.agreements[0].performance).toBe('overdue');
    const queue = await m1.get('/api/cases/reminders');
    expect(queue.body.obligations.some((o: { caseId: string; overdue: boolean }) => o.caseId === c.id && o.overdue)).toBe(true);
    const sent = t.sms.sent.length;
    // the scheduled job reminds the overdue obligor once a day
    expect(await runObligationReminders(t.built.ctx)).toMatch(/^reminded [1-9]/);
    expect(t.sms.sent.length).toBeGreaterThan(sent);
    const afterJob = t.sms.sent.length;
    expect(await runObligationReminders(t.built.ctx)).toBe('reminded 0 of 0 cases');
    const remind = await m1.post(`/api/cases/${c.id}/reminders`);
    expect(remind.status).toBe(200);
    expect(t.sms.sent.length).toBe(afterJob + 1);
    const visit = await m1.post(`/api/cases/${c.id}/visits`, {
      visitedOn: '2025-03-24',
      method: 'phone',
      result: 'partly',
      note: '企业承诺三日内付清',
    });
    expect(visit.status).toBe(201);
    expect(visit.body.agreements[0].visits).toHaveLength(1);
    const paid = await m1.post(`/api/cases/${c.id}/obligations/${obligation.id}/payments`, { amount: 7000, paidOn: '2025-03-24' });
    expect(paid.body.agreements[0].performance).toBe('fulfilled');
    expect(paid.body.amountPaid).toBe(12000);
    const over = await m1.post(`/api/cases/${c.id}/obligations/${obligation.id}/payments`, { amount: 1, paidOn: '2025-03-24' });
    expect(over.status).toBe(400);

    // Arbitral review by the arbitration committee (办案规则 第七十四条), carrying the file over.
    await act(m1, c.id, 'apply_arbitral_review', { on: '2025-03-24' });
    const arb = await t.login('arbitrator');
    const file2 = await arb.get(`/api/cases/${c.id}/arbitration-file`);
    expect(file2.status).toBe(200);
    expect(file2.body.applicants[0].name).toBe('刘晓红');
    expect(file2.body.documents.length).toBe(2);
    const mediatorCannot = await m1.post(`/api/cases/${c.id}/actions`, {
      action: 'confirm_agreement',
      version: (await m1.get(`/api/cases/${c.id}`)).body.version,
    });
    expect(mediatorCannot.status).toBe(403);
    const confirmed = await act(arb, c.id, 'confirm_agreement');
    expect(confirmed.status).toBe('agreement_confirmed');
    const closed = await act(m1, c.id, 'confirm_performance');
    expect(closed.status).toBe('closed');
    expect(closed.result).toBe('success');
    await setClock('2025-03-03T02:00:00Z');
  });

  it('failed mediation → transfer to arbitration → accepted and awarded by the arbitrator', async () => {
    const c = await create(m1);
    await act(m1, c.id, 'accept_mediation');
    const term = await act(m1, c.id, 'terminate_mediation', { reason: '被申请人拒绝调解' });
    expect(term.result).toBe('failed');
    const doc = await m1.post(`/api/cases/${c.id}/documents`, { kind: 'mediation_termination_notice' });
    expect((await m1.get(`/api/cases/${c.id}/documents/${doc.body.id}/preview`)).body.text).toContain('被申请人拒绝调解');
    const moved = await act(m1, c.id, 'transfer_to_arbitration');
    expect(moved.stage).toBe('arbitration');
    expect(moved.deadlines.arbitrationAcceptanceDue).toBe('2025-03-10');
    const arb = await t.login('arbitrator');
    const accepted = await act(arb, c.id, 'accept_arbitration', { on: '2025-03-05' });
    // 劳动争议调解仲裁法 第四十三条: 45 days from acceptance (2025-04-19 is a Saturday → Monday 21 April).
    expect(accepted.deadlines.arbitrationAwardDue).toBe('2025-04-21');
    const awarded = await act(arb, c.id, 'make_award');
    expect(awarded.outcomes.arbitration).toBe('award');
  });

  it('negotiation and consultation stages', async () => {
    const c = await create(m1);
    const neg = await act(m1, c.id, 'start_negotiation');
    expect(neg.stage).toBe('negotiation');
    expect(neg.deadlines.negotiationResponseDue).toBeDefined();
    const settled = await act(m1, c.id, 'reach_settlement');
    expect(settled.status).toBe('settled');
    const consult = await create(m1, { start: 'consultation' });
    expect(consult.stage).toBe('consultation');
    const answered = await act(m1, consult.id, 'answer');
    expect(answered.status).toBe('closed');
  });
});

describe('attachments', () => {
  it('parties and mediators file evidence; only allowed types; out of scope 404', async () => {
    const c = await create(m1);
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4 工资条')], { type: 'application/pdf' }), '工资条.pdf');
    const r = await m1.post(`/api/cases/${c.id}/attachments`, form);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.fileName).toBe('工资条.pdf');
    const detail = await m1.get(`/api/cases/${c.id}`);
    expect(detail.body.attachments).toHaveLength(1);
    const file = await m1.get(`/api/cases/${c.id}/attachments/${r.body.id}`);
    expect((file.body as Buffer).toString()).toContain('%PDF-1.4');
    const bad = new FormData();
    bad.append('file', new Blob([Buffer.from('MZ')]), 'virus.exe');
    expect((await m1.post(`/api/cases/${c.id}/attachments`, bad)).status).toBe(415);
    const again = new FormData();
    again.append('file', new Blob([Buffer.from('%PDF')]), 'a.pdf');
    expect((await m2.post(`/api/cases/${c.id}/attachments`, again)).status).toBe(404);
    expect((await m2.get(`/api/cases/${c.id}/attachments/${r.body.id}`)).status).toBe(404);
  });
});

describe('scope', () => {
  it('mediator2 can neither read nor change mediator1 organisation cases', async () => {
    const c = await create(m1);
    expect((await m2.get(`/api/cases/${c.id}`)).status).toBe(404);
    expect((await m2.post(`/api/cases/${c.id}/actions`, { action: 'accept_mediation', version: 1 })).status).toBe(404);
    expect((await m2.patch(`/api/cases/${c.id}`, { version: 1, facts: 'x' })).status).toBe(404);
    expect((await m2.post(`/api/cases/${c.id}/documents`, { kind: 'acceptance_notice' })).status).toBe(404);
    const list = await m2.get('/api/cases?pageSize=200');
    expect(list.body.items.every((i: { organizationId: string }) => i.organizationId === 'mo-park-joint')).toBe(true);
    const mine = await m1.get('/api/cases?pageSize=200');
    expect(mine.body.total).toBeGreaterThan(0);
    expect(mine.body.items.every((i: { organizationId: string }) => i.organizationId === 'mo-street-003')).toBe(true);
  });

  it('a worker sees only cases where they are an applicant; an enterprise user only cases against it', async () => {
    const mine = await create(m1, { applicants: [{ name: '李建国', phone: '13800000001' }], respondentUscc: enterprise1Uscc });
    const w = await t.login('worker1');
    const list = await w.get('/api/cases?pageSize=200');
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(mine.id);
    for (const item of list.body.items) {
      const d = await w.get(`/api/cases/${item.id}`);
      expect(d.body.applicants.some((a: { phoneMasked: string }) => a.phoneMasked === '138****0001')).toBe(true);
    }
    const other = await create(m1);
    expect((await w.get(`/api/cases/${other.id}`)).status).toBe(404);
    expect((await w.post(`/api/cases/${mine.id}/actions`, { action: 'withdraw', version: 1 })).status).toBe(403);
    const ent = await t.login('enterprise1');
    const el = await ent.get('/api/cases?pageSize=200');
    expect(el.body.items.map((i: { id: string }) => i.id)).toContain(mine.id);
    expect(el.body.items.every((i: { respondentName: string }) => i.respondentName === mine.respondent.name)).toBe(true);
  });

  it('a worker applies online: linked to the account, source online_worker', async () => {
    const w = await t.login('worker1');
    const r = await w.post('/api/cases', body({ applicants: [{ name: '李建国', phone: '13800000001' }], organizationId: 'mo-street-003' }));
    expect(r.status).toBe(201);
    expect(r.body.source).toBe('online_worker');
    expect(r.body.abilities.actions).toEqual([]);
  });

  it('full ID numbers only with the reveal right, and each reveal is audited', async () => {
    const c = await create(m1);
    const r = await m1.post(`/api/cases/${c.id}/reveal`);
    expect(r.status).toBe(200);
    expect(r.body.items[0].idNumber).toBe('11010519491231002X');
    expect((await (await t.login('worker1')).post(`/api/cases/${c.id}/reveal`)).status).toBe(403);
    const audit = await (await t.login('admin')).get(`/api/audit?entityId=${c.id}`);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toContain('pii.reveal');
  });

  it('officials see their region; street1 only its street', async () => {
    const off = await (await t.login('official')).get('/api/cases?pageSize=5');
    expect(off.body.total).toBeGreaterThan(0);
    const s1 = await t.login('street1');
    const street = await s1.get('/api/cases?pageSize=200');
    expect(street.body.total).toBeGreaterThan(0);
    for (const i of street.body.items.slice(0, 10))
      expect((await s1.get(`/api/cases/${i.id}`)).body.regionId.startsWith(t.demo.ids.xinqiao)).toBe(true);
  });
});

describe('lists, statistics and typical cases', () => {
  it('overdue and due-soon flags and filters', async () => {
    await setClock('2025-03-17T02:00:00Z');
    const soon = await m1.get('/api/cases?due=due_soon&pageSize=200');
    expect(soon.body.items.length).toBeGreaterThan(0);
    expect(soon.body.items.every((i: { dueStatus: string }) => i.dueStatus === 'due_soon')).toBe(true);
    await setClock('2025-04-30T02:00:00Z');
    const overdue = await m1.get('/api/cases?due=overdue&pageSize=200');
    expect(overdue.body.items.length).toBeGreaterThan(0);
    expect(overdue.body.items.every((i: { dueStatus: string }) => i.dueStatus === 'overdue')).toBe(true);
    const ws = await m1.get('/api/workspace');
    const card = ws.body.cards.find((x: { key: string }) => x.key === 'overdueCases');
    expect(card.value).toBe(overdue.body.total);
    await setClock('2025-03-03T02:00:00Z');
  });

  it('statistics per organisation with success rate vs target, and the .xlsx export', async () => {
    const off = await t.login('official');
    const r = await off.get('/api/case-stats?groupBy=org&from=2025-03-01&to=2025-03-31');
    expect(r.status).toBe(200);
    expect(r.body.target).toBe(60);
    const row = r.body.rows.find((x: { key: string }) => x.key === 'mo-street-003');
    expect(row.received).toBeGreaterThan(5);
    expect(row.success).toBeGreaterThanOrEqual(2);
    expect(row.label).toBe('新桥街道劳动争议调解中心');
    for (const g of ['level', 'kind', 'street', 'claimType', 'month', 'year']) {
      const s = await off.get(`/api/case-stats?groupBy=${g}&from=2025-03-01`);
      expect(s.status, `${g} ${JSON.stringify(s.body)}`).toBe(200);
      expect(s.body.rows.length).toBeGreaterThan(0);
    }
    const mine = await m1.get('/api/case-stats?groupBy=org&from=2025-03-01');
    expect(mine.body.rows.map((x: { key: string }) => x.key)).toEqual(['mo-street-003']);
    const xlsx = await off.get('/api/case-stats/export.xlsx?groupBy=org&from=2025-03-01');
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const sheet = readZipEntries(xlsx.body as Buffer);
    expect([...sheet.keys()]).toContain('xl/worksheets/sheet1.xml');
    expect((await (await t.login('worker1')).get('/api/case-stats')).status).toBe(403);
  });

  it('an official publishes a closed case anonymised; it appears in the public list', async () => {
    const c = await create(m1, { applicants: [{ name: '赵大海' }] });
    await act(m1, c.id, 'accept_mediation');
    await act(m1, c.id, 'reach_agreement');
    const off = await t.login('official');
    const early = await off.post(`/api/cases/${c.id}/publish`, {
      title: '赵大海诉企业欠薪案',
      holding: '经调解双方达成协议，企业当场支付工资。',
      citedArticles: ['劳动合同法 第三十条'],
    });
    expect(early.status).toBe(201);
    expect(early.body.title).toBe('赵某诉企业欠薪案');
    expect((await m1.post(`/api/cases/${c.id}/publish`, { title: 'xxxx', holding: 'x'.repeat(20), citedArticles: ['a b'] })).status).toBe(
      403,
    );
    const pub = await t.anon().get('/api/knowledge/published-cases');
    expect(pub.status).toBe(200);
    expect(JSON.stringify(pub.body)).not.toContain('赵大海');
    expect(JSON.stringify(pub.body)).not.toContain(c.respondent.name);
    // the knowledge base holds it as a reviewed typical case citing the resolved article
    const kc = await t.built.ctx.db.selectFrom('knowledge_cases').selectAll().where('id', '=', `published-${early.body.id}`).executeTakeFirstOrThrow();
    expect(kc).toMatchObject({ title: '赵某诉企业欠薪案', status: 'reviewed', source: 'published' });
    expect(JSON.parse(kc.citations)).toEqual([{ lawId: 'labor-contract-law', articleNo: 30 }]);
    expect((await off.delete(`/api/cases/${c.id}/publish`)).status).toBe(204);
    expect(await t.built.ctx.db.selectFrom('knowledge_cases').select('id').where('id', '=', `published-${early.body.id}`).executeTakeFirst()).toBeUndefined();
  });
});

describe('calendar and directories', () => {
  it('an admin adds next year arrangement; others cannot', async () => {
    const cal = await m1.get('/api/calendar');
    expect(cal.body.years).toEqual(expect.arrayContaining([2024, 2025, 2026]));
    const rows = [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }];
    expect((await m1.post('/api/calendar', { source: '国办发明电〔2026〕1号', rows })).status).toBe(403);
    const r = await (await t.login('admin')).post('/api/calendar', { source: '国办发明电〔2026〕1号', rows });
    expect(r.status).toBe(201);
    expect(r.body.added).toBe(1);
    const clash = await (
      await t.login('admin')
    ).post('/api/calendar', { source: 'x', rows: [{ date: '2027-01-01', kind: 'workday', name: '元旦' }] });
    expect(clash.status).toBe(409);
  });

  it('public directories show name, organisation and speciality only', async () => {
    const orgs = await t.anon().get('/api/public/mediation-orgs?level=street');
    expect(orgs.status).toBe(200);
    expect(orgs.body.items).toHaveLength(8);
    const meds = await t.anon().get('/api/public/mediators?organizationId=mo-street-003');
    expect(Object.keys(meds.body.items[0]).sort()).toEqual(['name', 'organizationId', 'organizationName', 'specialities']);
  });

  it('officials manage organisations and mediators in their region', async () => {
    const off = await t.login('official');
    const o = await off.post('/api/mediation-orgs', {
      name: '云溪区物流业劳动争议调解委员会',
      level: 'industry',
      kind: 'people',
      regionId: '441999',
    });
    expect(o.status).toBe(201);
    const m = await off.post('/api/mediators', {
      organizationId: o.body.id,
      name: '钱多多',
      specialities: ['工伤待遇'],
      certificateNo: 'YX-TJ-2026-001',
    });
    expect(m.status).toBe(201);
    const left = await off.patch(`/api/mediators/${m.body.id}`, { status: 'left', leftOn: '2026-01-01' });
    expect(left.body.status).toBe('left');
    const gold = await off.patch(`/api/mediation-orgs/${o.body.id}`, { goldOn: '2026-12-01' });
    expect(gold.body.gold).toBe(true);
    expect((await m1.post('/api/mediation-orgs', { name: '某某组织', level: 'industry', kind: 'people', regionId: '441999' })).status).toBe(
      403,
    );
    expect((await (await t.login('street1')).patch(`/api/mediation-orgs/mo-district-center`, { phone: '1' })).status).toBe(404);
  });
});

describe('cases feed the risk module', () => {
  it('a registered case becomes a dispute_case signal of the respondent', async () => {
    const c = await create(m1, { receivedDate: '2025-03-03' });
    const signal = await t.built.ctx.db
      .selectFrom('risk_signals')
      .selectAll()
      .where('source', '=', 'dispute-cases')
      .where('external_id', '=', c.id)
      .executeTakeFirst();
    expect(signal).toMatchObject({ kind: 'dispute_case', channel: 'case', workers_affected: 1, amount: 12000 });
    const ent = await t.built.ctx.db.selectFrom('enterprises').select('id').where('uscc', '=', otherUscc).executeTakeFirstOrThrow();
    expect(signal!.enterprise_id).toBe(ent.id);
  });
});
