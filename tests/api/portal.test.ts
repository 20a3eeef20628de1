import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type Client, type TestApp } from '../support/test-app';

let t: TestApp;
let w1: Client;
let ent: Client;
let m1: Client;
let official: Client;
let enterprise1Id: string;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\n');
const upload = (name: string, type: string, bytes: Buffer) => {
  const fd = new FormData();
  fd.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  return fd;
};

async function signIn() {
  w1 = await t.login('worker1');
  ent = await t.login('enterprise1');
  m1 = await t.login('mediator1');
  official = await t.login('official');
}

/** A second worker who registers by SMS. */
async function smsWorker(phone: string) {
  const c = t.anon();
  await c.post('/api/auth/sms/send', { phone });
  const r = await c.post('/api/auth/sms/login', { phone, code: t.sms.lastCodeFor(phone)! });
  expect(r.status).toBe(200);
  c.csrf = r.body.csrfToken;
  return c;
}

const application = (over: Record<string, unknown> = {}) => ({
  requestId: 'req-portal-0001',
  enterpriseId: enterprise1Id,
  organizationId: 'mo-street-003',
  claims: [{ type: 'wage_arrears', amount: 8600, periodFrom: '2025-01-01', periodTo: '2025-02-28' }],
  facts: '2025年1月至2月的工资8600元至今未发放，多次催要未果。',
  ...over,
});

beforeAll(async () => {
  t = await startTestApp({ enterpriseCount: 40 });
  t.clock.set('2025-03-03T02:00:00Z');
  enterprise1Id = t.demo.ids.enterprise1;
  await signIn();
});
afterAll(async () => t.close());

describe('portal access', () => {
  it('401 without a session, 403 for roles without the portal', async () => {
    for (const url of ['/api/portal/profile', '/api/portal/cases', '/api/portal/inbox', '/api/portal/enterprises?q=科技']) {
      expect((await t.anon().get(url)).status).toBe(401);
    }
    expect((await m1.get('/api/portal/profile')).status).toBe(403);
    expect((await m1.post('/api/portal/applications', application())).status).toBe(403);
    expect((await ent.post('/api/portal/applications', application())).status).toBe(403);
  });
});

describe('profile', () => {
  it('validates the ID number (GB 11643), stores it masked, reveals it to the owner and officials with an audit row', async () => {
    const bad = await w1.put('/api/portal/profile', { realName: '李建国', idNumber: '110105194912310021' });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).fields?.[0]?.field).toBe('idNumber');
    const noName = await w1.put('/api/portal/profile', { realName: '', idNumber: '11010519491231002X' });
    expect(errorOf(noName).fields?.[0]?.field).toBe('realName');
    const ok = await w1.put('/api/portal/profile', { realName: '李建国', idNumber: '11010519491231002x' });
    expect(ok.status).toBe(200);
    expect(ok.body.idNumberMasked).not.toContain('19491231');
    expect(JSON.stringify(ok.body)).not.toContain('11010519491231002X');
    const own = await w1.post('/api/portal/profile/reveal');
    expect(own.body.idNumber).toBe('11010519491231002X');
    const byOfficial = await official.post(`/api/portal/profiles/${own.body.userId}/reveal`);
    expect(byOfficial.status).toBe(200);
    expect(byOfficial.body.idNumber).toBe('11010519491231002X');
    expect((await m1.post(`/api/portal/profiles/${own.body.userId}/reveal`)).status).toBe(403);
    expect((await official.post('/api/portal/profiles/nobody/reveal')).status).toBe(404);
    const audit = await t.built.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'pii.reveal').where('entity_id', '=', own.body.userId).execute();
    expect(audit.length).toBe(2);
  });
});

describe('application', () => {
  let caseId: string;

  it('finds the respondent by name or credit code, returning only name, code and id', async () => {
    expect(errorOf(await w1.get('/api/portal/enterprises?q=a')).fields?.[0]?.field).toBe('q');
    const e = t.demo.enterprises.find((x) => x.id === enterprise1Id)!;
    const byCode = await w1.get(`/api/portal/enterprises?q=${e.uscc}`);
    expect(byCode.body.items[0]).toEqual({ id: e.id, name: e.name, uscc: e.uscc });
    const byName = await w1.get(`/api/portal/enterprises?q=${encodeURIComponent(e.name.slice(0, 4))}`);
    expect(byName.body.items.some((i: { id: string }) => i.id === e.id)).toBe(true);
    const route = await w1.get(`/api/portal/routing-suggestion?enterpriseId=${e.id}`);
    expect(route.status).toBe(200);
    expect(route.body.suggestions.length).toBeGreaterThan(0);
  });

  it('accepts images and PDF only, checking the declared type against the bytes', async () => {
    const exe = await w1.post('/api/portal/uploads', upload('a.exe', 'application/x-msdownload', Buffer.from('MZ\x90\x00')));
    expect(exe.status).toBe(415);
    const script = await w1.post('/api/portal/uploads', upload('a.png', 'image/png', Buffer.from('#!/bin/sh\nrm -rf /')));
    expect(script.status).toBe(415);
    const lying = await w1.post('/api/portal/uploads', upload('a.png', 'image/png', PDF));
    expect(lying.status).toBe(415);
    expect(errorOf(lying).fields?.[0]?.field).toBe('file');
    const html = await w1.post('/api/portal/uploads', upload('a.pdf', 'text/html', PDF));
    expect(html.status).toBe(415);
    expect((await w1.post('/api/portal/uploads', upload('a.png', 'image/png', Buffer.alloc(0)))).status).toBe(400);
    const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]);
    expect((await w1.post('/api/portal/uploads', upload('big.png', 'image/png', big))).status).toBe(413);
  });

  it('needs the profile first, names bad fields, and is idempotent by requestId (double tap → one case)', async () => {
    const w2 = await smsWorker('13911112222');
    const noProfile = await w2.post('/api/portal/applications', application({ requestId: 'req-w2-00001' }));
    expect(noProfile.status).toBe(400);
    expect(errorOf(noProfile).fields?.[0]?.field).toBe('profile');
    const badPeriod = await w1.post('/api/portal/applications', application({ claims: [{ type: 'wage_arrears', periodFrom: '2025-03-01', periodTo: '2025-01-01' }] }));
    expect(errorOf(badPeriod).fields?.[0]?.field).toBe('claims.0.periodTo');
    expect(errorOf(await w1.post('/api/portal/applications', application({ facts: '太短' }))).fields?.[0]?.field).toBe('facts');

    const png = await w1.post('/api/portal/uploads', upload('工资条.png', 'image/png', PNG));
    const pdf = await w1.post('/api/portal/uploads', upload('考勤.pdf', 'application/pdf', PDF));
    expect(png.status).toBe(201);
    expect(pdf.status).toBe(201);
    const body = application({ evidenceIds: [png.body.id, pdf.body.id] });
    const [a, b] = await Promise.all([w1.post('/api/portal/applications', body), w1.post('/api/portal/applications', body)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.id).toBe(b.body.id);
    const again = await w1.post('/api/portal/applications', body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(a.body.id);
    caseId = a.body.id;
    // The evidence joins the case in its own transaction, so both answers carry it.
    const created = a.status === 201 ? a : b;
    expect(a.body.attachments.length).toBe(2);
    expect(b.body.attachments.length).toBe(2);
    expect(again.body.attachments.length).toBe(2);
    expect(created.body.source).toBe('online_worker');
    expect(created.body.applicants[0].name).toBe('李建国');
    const n = await t.built.ctx.db.selectFrom('dispute_cases').select('id').where('request_id', '=', 'req-portal-0001').execute();
    expect(n.length).toBe(1);
    // an upload already attached cannot be reused
    const reuse = await w1.post('/api/portal/applications', application({ requestId: 'req-portal-0002', evidenceIds: [png.body.id] }));
    expect(errorOf(reuse).fields?.[0]?.field).toBe('evidenceIds');
    // one fresh file sent with two different applications at the same moment: one case gets it, the other
    // application is refused as a whole (no case without its evidence)
    const shared = await w1.post('/api/portal/uploads', upload('欠条.png', 'image/png', PNG));
    const [x, y] = await Promise.all([
      w1.post('/api/portal/applications', application({ requestId: 'req-portal-0003', evidenceIds: [shared.body.id] })),
      w1.post('/api/portal/applications', application({ requestId: 'req-portal-0004', evidenceIds: [shared.body.id] })),
    ]);
    expect([x.status, y.status].sort()).toEqual([201, 400]);
    const refused = x.status === 400 ? x : y;
    expect(errorOf(refused).fields?.[0]?.field).toBe('evidenceIds');
    const both = await t.built.ctx.db
      .selectFrom('dispute_cases')
      .select('request_id')
      .where('request_id', 'in', ['req-portal-0003', 'req-portal-0004'])
      .execute();
    expect(both).toHaveLength(1);

    // tracking: mine only; another worker gets 404
    const mine = await w1.get('/api/portal/cases');
    expect(mine.body.items.some((c: { id: string }) => c.id === caseId)).toBe(true);
    expect((await w2.get('/api/portal/cases')).body.items.some((c: { id: string }) => c.id === caseId)).toBe(false);
    expect((await w2.get(`/api/portal/cases/${caseId}`)).status).toBe(404);
    expect((await w2.post(`/api/portal/cases/${caseId}/evidence`, upload('x.png', 'image/png', PNG))).status).toBe(404);
    expect((await w1.get('/api/portal/cases/nope')).status).toBe(404);
    const view = await w1.get(`/api/portal/cases/${caseId}`);
    expect(view.body.caseNo).toMatch(/调字第\d+号/);
    expect(view.body.party).toBe('applicant');
    expect(view.body.nextStep).toContain('等待调解组织决定是否受理');
    expect(view.body.timeline.map((e: { text: string }) => e.text)).toContain('您的调解申请已提交，等待调解组织受理');
    // the enterprise sees the application against it, and a message
    const entView = await ent.get(`/api/portal/cases/${caseId}`);
    expect(entView.body.party).toBe('respondent');
    expect(entView.body.abilities.respond).toBe(true);
    const entInbox = await ent.get('/api/portal/inbox');
    expect(entInbox.body.items[0].body).toBe('劳动者提出了调解申请');
  });

  it('the enterprise answers and uploads documents; the worker is told in the inbox', async () => {
    expect(errorOf(await ent.post(`/api/portal/cases/${caseId}/response`, { kind: 'propose_terms' })).fields?.[0]?.field).toBe('terms');
    expect((await w1.post(`/api/portal/cases/${caseId}/response`, { kind: 'decline' })).status).toBe(409);
    const r = await ent.post(`/api/portal/cases/${caseId}/response`, { kind: 'propose_terms', terms: '3月15日前一次性支付8000元', amount: 8000 });
    expect(r.status).toBe(200);
    expect((await ent.post(`/api/portal/cases/${caseId}/evidence`, upload('工资表.pdf', 'application/pdf', PDF))).status).toBe(201);
    const inbox = await w1.get('/api/portal/inbox?unread=1');
    expect(inbox.body.items[0].body).toContain('3月15日前一次性支付8000元');
    const read = await w1.post(`/api/portal/inbox/${inbox.body.items[0].id}/read`);
    expect(read.body.updated).toBe(1);
    expect((await ent.post(`/api/portal/inbox/${inbox.body.items[0].id}/read`)).status).toBe(404);
    expect((await w1.post('/api/portal/inbox/read-all')).status).toBe(200);
    expect((await w1.get('/api/portal/inbox')).body.unread).toBe(0);
  });

  it('state changes reach the inbox and, for key ones, SMS', async () => {
    const c = (await m1.get(`/api/cases/${caseId}`)).body;
    const acc = await m1.post(`/api/cases/${caseId}/actions`, { action: 'accept_mediation', version: c.version });
    expect(acc.status).toBe(200);
    const inbox = await w1.get('/api/portal/inbox?unread=1');
    expect(inbox.body.items[0].body).toBe('调解组织已受理您的申请，将安排调解');
    expect(inbox.body.items[0].sms).toBe(true);
    expect(t.sms.sent.at(-1)?.text).toContain('受理');
    const view = await w1.get(`/api/portal/cases/${caseId}`);
    expect(view.body.nextStep).toContain('到期未达成协议的，您可以申请劳动仲裁');
  });

  it('an agreement requiring confirmation becomes effective only when both parties confirm with their codes', async () => {
    const c = (await m1.get(`/api/cases/${caseId}`)).body;
    expect((await w1.post(`/api/portal/cases/${caseId}/rating`, { score: 5 })).status).toBe(409);
    expect((await m1.post(`/api/cases/${caseId}/actions`, { action: 'reach_agreement', version: c.version })).status).toBe(200);
    const created = await m1.post(`/api/cases/${caseId}/agreements`, {
      kind: 'mediation',
      signedOn: '2025-03-03',
      requiresConfirmation: true,
      obligations: [{ obligor: t.demo.enterprises.find((x) => x.id === enterprise1Id)!.name, description: '支付拖欠工资', amount: 8000, dueDate: '2025-03-15' }],
    });
    expect(created.status).toBe(201);
    const ag = created.body.agreements.at(-1);
    expect(ag.status).toBe('pending_confirmation');
    expect(ag.documentSha256).toMatch(/^[0-9a-f]{64}$/);
    const url = `/api/portal/cases/${caseId}/agreements/${ag.id}`;

    const read = await w1.get(url);
    expect(read.body.text).toContain('调解协议书');
    expect(read.body.canConfirm).toBe(true);
    const w2 = await smsWorker('13911113333');
    expect((await w2.get(url)).status).toBe(404);
    expect((await w2.post(`${url}/code`)).status).toBe(404);

    // wrong code, then an expired one
    expect((await w1.post(`${url}/code`)).status).toBe(202);
    expect((await w1.post(`${url}/code`)).status).toBe(429);
    const code1 = t.sms.lastCodeFor('13800000001')!;
    const wrong = await w1.post(`${url}/confirm`, { code: code1 === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(errorOf(wrong).fields?.[0]?.field).toBe('code');
    expect(errorOf(await w1.post(`${url}/confirm`, { code: '12' })).fields?.[0]?.field).toBe('code');
    t.clock.advance(6 * 60_000);
    await signIn();
    expect((await w1.post(`${url}/confirm`, { code: code1 })).status).toBe(400);
    expect((await w1.post(`${url}/code`)).status).toBe(202);
    const wConfirmed = await w1.post(`${url}/confirm`, { code: t.sms.lastCodeFor('13800000001')! });
    expect(wConfirmed.status).toBe(200);
    expect(wConfirmed.body.status).toBe('pending_confirmation');
    expect(wConfirmed.body.confirmations[0]).toMatchObject({ party: 'applicant', sha256: ag.documentSha256 });
    expect((await w1.post(`${url}/code`)).status).toBe(409);

    expect((await ent.post(`${url}/code`)).status).toBe(202);
    const eConfirmed = await ent.post(`${url}/confirm`, { code: t.sms.lastCodeFor('13800000002')! });
    expect(eConfirmed.body.status).toBe('effective');
    expect(eConfirmed.body.confirmations.map((x: { party: string }) => x.party).sort()).toEqual(['applicant', 'respondent']);

    const full = (await m1.get(`/api/cases/${caseId}`)).body;
    expect(full.agreements.at(-1).status).toBe('effective');
    expect(full.timeline.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['agreement_confirm', 'agreement_effective']));
    const confirmedDoc = full.documents.find((d: { title: string }) => d.title.includes('双方已在线确认'));
    expect(confirmedDoc).toBeTruthy();
    const preview = await w1.get(`/api/cases/${caseId}/documents/${confirmedDoc.id}/preview`);
    expect(preview.body.text).toContain(ag.documentSha256);
    expect(preview.body.text).toContain('当事人在线确认');
    const audit = await t.built.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'case.agreement_confirm').execute();
    expect(audit.length).toBe(2);
    const wv = await w1.get(`/api/portal/cases/${caseId}`);
    expect(wv.body.timeline.slice(0, 3).map((e: { text: string }) => e.text)).toContain('双方都已确认，协议生效');
  });

  it('each party rates once after closing; ratings feed the statistics', async () => {
    expect(errorOf(await w1.post(`/api/portal/cases/${caseId}/rating`, { score: 6 })).fields?.[0]?.field).toBe('score');
    expect((await w1.post(`/api/portal/cases/${caseId}/rating`, { score: 5, comment: '调解员很耐心' })).status).toBe(201);
    expect((await w1.post(`/api/portal/cases/${caseId}/rating`, { score: 4 })).status).toBe(409);
    expect((await ent.post(`/api/portal/cases/${caseId}/rating`, { score: 4 })).status).toBe(201);
    const stats = await m1.get('/api/case-stats?groupBy=org');
    expect(stats.body.satisfaction).toEqual({ ratings: 2, averageScore: 4.5 });
    const row = await t.built.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'case.rating').execute();
    expect(row.length).toBe(2);
  });
});
