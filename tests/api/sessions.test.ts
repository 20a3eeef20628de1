import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZipEntries } from '../../src/server/documents/read-zip';
import { joinRoom, refusedStatus, type RoomClient } from '../support/room-client';
import { startTestApp, type Client, type TestApp } from '../support/test-app';
import { mediationCase, schedule } from './sessions-support';

let t: TestApp;
let m1: Client, m2: Client, worker: Client, ent: Client, official: Client;
let caseId: string;
let sessionId: string;
const open: RoomClient[] = [];

beforeAll(async () => {
  t = await startTestApp({ enterpriseCount: 60 });
  [m1, m2, worker, ent, official] = await Promise.all(
    ['mediator1', 'mediator2', 'worker1', 'enterprise1', 'official'].map((u) => t.login(u)),
  );
  caseId = (await mediationCase(t, m1)).id;
});
afterAll(async () => {
  for (const r of open) if (!r.closed) r.ws.terminate();
  await t.close();
});

async function join(c: Client, after = 0) {
  const r = await joinRoom(t.baseUrl, c, sessionId, { after });
  open.push(r);
  return r;
}

describe('scheduling: POST /api/cases/:id/sessions', () => {
  it('401 anonymous, 403 for parties and officials (only the case mediators schedule), 404 out of scope, 400 field named', async () => {
    const body = { scheduledAt: new Date(t.clock.now().getTime() + 3_600_000).toISOString() };
    expect((await t.anon().post(`/api/cases/${caseId}/sessions`, body)).status).toBe(401);
    expect((await worker.post(`/api/cases/${caseId}/sessions`, body)).status).toBe(403);
    expect((await official.post(`/api/cases/${caseId}/sessions`, body)).status).toBe(403);
    expect((await m2.post(`/api/cases/${caseId}/sessions`, body)).status).toBe(404);
    const bad = await m1.post(`/api/cases/${caseId}/sessions`, { scheduledAt: '明天上午', mode: 'phone' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['scheduledAt', 'mode']));
  });

  it('schedules a session: unguessable video room, a case event with the link for the parties, an audit row; video off without a meeting service', async () => {
    const s = await schedule(t, m1, caseId);
    sessionId = s.id;
    expect(s.link).toBe(`/sessions/${s.id}`);
    expect(s.video).toMatchObject({ enabled: false, url: null });
    expect(s.video.message).toContain('视频未开启');
    const c = await worker.get(`/api/cases/${caseId}`);
    const ev = c.body.timeline.find((e: { action: string }) => e.action === 'session_scheduled');
    expect(ev.actionLabel).toBe('预约在线调解');
    expect(ev.data.link).toBe(s.link);
    const audit = await (await t.login('admin')).get(`/api/audit?entityId=${s.id}`);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toContain('session.schedule');
    // The parties are told in their portal inbox (and by SMS) with the time.
    // worker1 reaches the case through the phone number given at the counter, and is told too.
    const wInbox = await worker.get('/api/portal/inbox');
    expect(wInbox.body.items.some((m: { kind: string }) => m.kind === 'session_scheduled')).toBe(true);
    const inbox = await ent.get('/api/portal/inbox');
    const notice = inbox.body.items.find((m: { kind: string }) => m.kind === 'session_scheduled');
    expect(notice.body).toContain('预约了在线调解');
    expect(notice.sms).toBe(true);
    // With a meeting service configured, members get a Jitsi-style URL whose room name carries 128 random bits.
    t.built.ctx.config.meetingBaseUrl = 'https://meet.example.gov.cn';
    try {
      const g = await worker.get(`/api/sessions/${s.id}`);
      expect(g.body.video.enabled).toBe(true);
      expect(g.body.video.url).toMatch(/^https:\/\/meet\.example\.gov\.cn\/hexie-[0-9a-f]{32}$/);
      const other = await schedule(t, m1, caseId);
      const g2 = await m1.get(`/api/sessions/${other.id}`);
      expect(g2.body.video.url).not.toBe(g.body.video.url);
      expect((await m1.post(`/api/sessions/${other.id}/cancel`, { reason: '改期' })).status).toBe(200);
      const after = await ent.get('/api/portal/inbox');
      expect(after.body.items.find((m: { kind: string }) => m.kind === 'session_cancelled').body).toContain('改期');
    } finally {
      t.built.ctx.config.meetingBaseUrl = null;
    }
  });

  it('lists sessions for the case and for the party; members only', async () => {
    const list = await ent.get(`/api/cases/${caseId}/sessions`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((x: { id: string }) => x.id)).toContain(sessionId);
    const mine = await worker.get('/api/sessions?status=scheduled');
    expect(mine.body.items.map((x: { id: string }) => x.id)).toContain(sessionId);
    expect((await m2.get(`/api/cases/${caseId}/sessions`)).status).toBe(404);
    expect((await (await t.login('coordinator1')).get(`/api/sessions/${sessionId}`)).status).toBe(403);
    const roles = await Promise.all([m1, worker, ent, official].map((c) => c.get(`/api/sessions/${sessionId}`)));
    expect(roles.map((r) => r.body.me.role)).toEqual(['mediator', 'applicant', 'respondent', 'observer']);
    expect(roles[3]!.body.me.canPost).toBe(false);
    expect((await m2.get(`/api/sessions/${sessionId}`)).status).toBe(404);
  });
});

describe('the room over WebSocket', () => {
  it('refuses anonymous (401), a foreign Origin (403) and anyone outside the case (404)', async () => {
    expect(await refusedStatus(joinRoom(t.baseUrl, null, sessionId))).toBe(401);
    expect(await refusedStatus(joinRoom(t.baseUrl, worker, sessionId, { origin: 'https://evil.example.com' }))).toBe(403);
    expect(await refusedStatus(joinRoom(t.baseUrl, m2, sessionId))).toBe(404);
    expect(await refusedStatus(joinRoom(t.baseUrl, m1, 'no-such-session'))).toBe(404);
  });

  it('join: presence of every member; messages from two senders arrive at everyone in one gap-free order', async () => {
    const [rm, rw, re] = [await join(m1), await join(worker), await join(ent)];
    await rm.until(() => rm.frames.some((f) => f.type === 'presence' && f.online.length === 3), 5000, 'presence of 3');
    const started = await m1.get(`/api/sessions/${sessionId}`);
    expect(started.body.status).toBe('in_progress');
    await Promise.all([
      ...Array.from({ length: 15 }, (_, i) => rw.request({ type: 'message', text: `申请人消息${i}` })),
      ...Array.from({ length: 15 }, (_, i) => re.request({ type: 'message', text: `企业消息${i}` })),
    ]);
    for (const r of [rm, rw, re]) await r.until(() => r.events.length >= 30, 5000, '30 events');
    const seqs = rm.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(30);
    expect(seqs[29]! - seqs[0]!).toBe(29);
    expect(rw.events.map((e) => e.seq)).toEqual(seqs);
    expect(re.events.map((e) => e.seq)).toEqual(seqs);
    // each sender's own messages stay in the order it sent them
    const own = rm.events.filter((e) => e.author.role === 'applicant').map((e) => e.text);
    expect(own).toEqual(Array.from({ length: 15 }, (_, i) => `申请人消息${i}`));
    // a resend with the same clientId (after a lost ack) is not duplicated
    const a = await rw.request({ type: 'message', text: '重发', clientId: 'fixed-1' });
    rw.send({ type: 'message', text: '重发', clientId: 'fixed-1' });
    await rw.until(() => rw.frames.filter((f) => f.type === 'ack' && f.clientId === 'fixed-1').length === 2);
    expect(rw.frames.filter((f) => f.type === 'ack' && f.clientId === 'fixed-1').every((f) => f.seq === a.seq)).toBe(true);
    // an observer follows read-only (and catches up on everything on joining)
    const ro = await join(official);
    expect(ro.events.filter((e) => e.text === '重发')).toHaveLength(1);
    expect(ro.events.length).toBe(31);
    expect((await ro.request({ type: 'message', text: '旁听发言' })).status).toBe(403);
    await Promise.all([rm, rw, re, ro].map((r) => r.close()));
  });

  it('reconnection: a member who drops and rejoins with its last seq gets exactly what it missed', async () => {
    const rw = await join(worker);
    let re = await join(ent);
    const seen = re.lastSeq;
    await re.close();
    for (let i = 0; i < 5; i++) await rw.request({ type: 'message', text: `断线期间${i}` });
    re = await join(ent, seen);
    expect(re.events.map((e) => e.text)).toEqual(Array.from({ length: 5 }, (_, i) => `断线期间${i}`));
    expect(re.events[0]!.seq).toBe(seen + 1);
    await rw.request({ type: 'message', text: '重连之后' });
    await re.until(() => re.events.some((e) => e.text === '重连之后'));
    const rest = await ent.get(`/api/sessions/${sessionId}/messages?after=${seen}`);
    expect(rest.body.items.map((e: { seq: number }) => e.seq)).toEqual(re.events.map((e) => e.seq));
    await Promise.all([rw.close(), re.close()]);
  });

  it('背对背: a side room reaches the mediator and that party only, never the other party or an observer', async () => {
    const [rm, rw, re, ro] = [await join(m1), await join(worker), await join(ent), await join(official)];
    const base = rm.lastSeq;
    expect((await rm.request({ type: 'message', channel: 'applicant', text: '私下：您的最低接受金额是多少？' })).type).toBe('ack');
    expect((await rw.request({ type: 'message', channel: 'applicant', text: '私下：最低六千元' })).type).toBe('ack');
    expect((await rw.request({ type: 'message', channel: 'respondent', text: '偷看' })).status).toBe(403);
    expect((await re.request({ type: 'message', channel: 'applicant', text: '偷看' })).status).toBe(403);
    expect((await rm.request({ type: 'message', channel: 'respondent', text: '私下：企业能付多少？' })).type).toBe('ack');
    expect((await rm.request({ type: 'message', text: '公开：双方稍候' })).type).toBe('ack');
    await re.until(() => re.events.some((e) => e.text === '公开：双方稍候'));
    await rw.until(() => rw.events.some((e) => e.text === '公开：双方稍候'));
    await ro.until(() => ro.events.some((e) => e.text === '公开：双方稍候'));
    const texts = (r: RoomClient) => r.events.filter((e) => e.seq > base).map((e) => e.text);
    expect(texts(rw)).toEqual(['私下：您的最低接受金额是多少？', '私下：最低六千元', '公开：双方稍候']);
    expect(texts(re)).toEqual(['私下：企业能付多少？', '公开：双方稍候']);
    expect(texts(ro)).toEqual(['公开：双方稍候']);
    expect(texts(rm)).toHaveLength(4);
    // nor can it be fetched over HTTP
    const restEnt = await ent.get(`/api/sessions/${sessionId}/messages?after=${base}`);
    expect(JSON.stringify(restEnt.body)).not.toContain('六千');
    const restObs = await official.get(`/api/sessions/${sessionId}/messages?after=${base}`);
    expect(restObs.body.items.map((e: { text: string }) => e.text)).toEqual(['公开：双方稍候']);
    await Promise.all([rm, rw, re, ro].map((r) => r.close()));
  });

  it('proposals: the mediator proposes, each side answers once, both accepting makes it accepted; one rejecting rejects it', async () => {
    const [rm, rw, re] = [await join(m1), await join(worker), await join(ent)];
    expect((await rw.request({ type: 'propose', terms: { summary: '我提方案' } })).status).toBe(403);
    const terms = {
      summary: '企业于月底前支付工资7000元，申请人放弃其余请求',
      obligations: [{ obligor: '被申请人', description: '支付拖欠工资', amount: 7000, dueDate: '2030-12-31' }],
    };
    await rm.request({ type: 'propose', terms });
    await rw.until(() => rw.events.some((e) => e.kind === 'proposal'));
    const proposalId = rw.events.find((e) => e.kind === 'proposal')!.data.proposalId as string;
    expect((await rm.request({ type: 'respond', proposalId, decision: 'accept' })).status).toBe(403);
    expect((await m1.post(`/api/sessions/${sessionId}/proposals/${proposalId}/agreement`, {})).status).toBe(409);
    await rw.request({ type: 'respond', proposalId, decision: 'accept' });
    expect((await rw.request({ type: 'respond', proposalId, decision: 'reject' })).status).toBe(409);
    await re.request({ type: 'respond', proposalId, decision: 'accept' });
    await rm.until(() => rm.events.some((e) => e.kind === 'proposal_response' && e.data.proposal.status === 'accepted'));
    const g = await ent.get(`/api/sessions/${sessionId}`);
    expect(g.body.proposals.find((p: { id: string }) => p.id === proposalId)).toMatchObject({
      status: 'accepted',
      applicantDecision: 'accept',
      respondentDecision: 'accept',
    });

    const second = await m1.post(`/api/sessions/${sessionId}/proposals`, { terms: { summary: '备选方案：分两期支付' } });
    expect(second.status).toBe(201);
    const pid2 = second.body.data.proposalId as string;
    expect((await ent.post(`/api/sessions/${sessionId}/proposals/${pid2}/respond`, { decision: 'reject' })).status).toBe(200);
    expect((await worker.post(`/api/sessions/${sessionId}/proposals/${pid2}/respond`, { decision: 'accept' })).status).toBe(409);

    // the accepted proposal becomes the case's mediation agreement (the case reaches agreement on the way)
    expect((await worker.post(`/api/sessions/${sessionId}/proposals/${proposalId}/agreement`, {})).status).toBe(403);
    const ag = await m1.post(`/api/sessions/${sessionId}/proposals/${proposalId}/agreement`, {});
    expect(ag.status, JSON.stringify(ag.body)).toBe(201);
    const c = await m1.get(`/api/cases/${caseId}`);
    expect(c.body.status).toBe('agreement_reached');
    expect(c.body.agreements.map((a: { id: string }) => a.id)).toContain(ag.body.agreementId);
    expect(c.body.agreements.at(-1).totalAmount).toBe(7000);
    expect((await m1.post(`/api/sessions/${sessionId}/proposals/${proposalId}/agreement`, {})).status).toBe(409);
    await Promise.all([rm, rw, re].map((r) => r.close()));
  });

  it('closing files the transcript as the draft 调解笔录 (main room only); the room then refuses joins and messages', async () => {
    const rw = await join(worker);
    expect((await worker.post(`/api/sessions/${sessionId}/close`)).status).toBe(403);
    const r = await m1.post(`/api/sessions/${sessionId}/close`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.transcriptDocumentId).toBeTruthy();
    await rw.until(() => rw.events.some((e) => e.kind === 'system' && e.data?.closed));
    const c = await m1.get(`/api/cases/${caseId}`);
    const doc = c.body.documents.find((d: { id: string }) => d.id === r.body.transcriptDocumentId);
    expect(doc.kind).toBe('mediation_record');
    expect(c.body.timeline.at(-1).action).toBe('session_closed');
    const file = await m1.get(`/api/cases/${caseId}/documents/${doc.id}`);
    const xml = readZipEntries(file.body as Buffer)
      .get('word/document.xml')!
      .toString('utf8');
    expect(xml).toContain('调解笔录');
    expect(xml).toContain('申请人消息0');
    expect(xml).toContain('企业于月底前支付工资7000元');
    expect(xml).not.toContain('六千');
    expect(await refusedStatus(joinRoom(t.baseUrl, worker, sessionId))).toBe(409);
    expect((await worker.post(`/api/sessions/${sessionId}/messages`, { text: '还在吗' })).status).toBe(409);
    expect((await m1.post(`/api/sessions/${sessionId}/cancel`, { reason: 'x' })).status).toBe(409);
    const audit = await (await t.login('admin')).get(`/api/audit?entityId=${sessionId}`);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toContain('session.close');
  });
});
