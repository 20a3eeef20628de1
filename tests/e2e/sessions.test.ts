import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../src/server/seed/demo-data';
import { loginAs, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
}, 180_000);
afterAll(async () => e?.stop());

const demo = generateDemoData();
const uscc = demo.enterprises.find((x) => x.id === demo.ids.enterprise1)!.uscc;

/** A signed-in API client (for the enterprise side and the case set-up, which other tests cover in the browser). */
async function apiAs(username: string) {
  const r = await fetch(`${e.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'Demo@2026' }),
  });
  const cookie = r.headers
    .getSetCookie()
    .find((c) => c.startsWith('hexie_session='))!
    .split(';')[0]!;
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return async (method: string, url: string, body?: unknown) => {
    const res = await fetch(e.baseUrl + url, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
}

describe('online mediation room', () => {
  it('the mediator schedules from the case page, the worker joins from a phone, they talk, a proposal is accepted by both sides, becomes the agreement, and both confirm it', async () => {
    const m1 = await apiAs('mediator1');
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const created = await m1('POST', '/api/cases', {
      respondentUscc: uscc,
      applicants: [{ name: '李建国', phone: '13800000001' }],
      claims: [{ type: 'wage_arrears', amount: 9000 }],
      facts: '申请人在被申请人处从事装配工作，被申请人拖欠2026年9月至10月工资共计9000元。',
      receivedDate: today,
    });
    expect(created.status).toBe(201);
    const caseId = created.body.id as string;
    expect((await m1('POST', `/api/cases/${caseId}/actions`, { action: 'accept_mediation', version: created.body.version })).status).toBe(
      200,
    );

    // Mediator, desktop: schedule from the case page.
    const med = await e.newPage();
    await loginAs(med.page, 'mediator1');
    await med.page.waitForURL('**/workspace');
    await med.page.goto(`/cases/${caseId}`);
    await med.page.getByTestId('schedule-session').click();
    await med.page.getByRole('button', { name: '预约并通知双方' }).click();
    await med.page.getByTestId('enter-room').waitFor();
    await med.page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
    await med.page.getByText(/在线调解定于/).waitFor();
    await e.shot(med.page, 'sessions-case-card-mediator');
    await med.page.getByTestId('enter-room').click();
    await med.page.waitForURL(/\/sessions\/[0-9A-Z]{26}$/);
    await med.page.getByText('已连接').waitFor();
    await expect.poll(() => med.page.getByTestId('video-banner').textContent()).toContain('视频未开启');

    // Worker, phone: the portal's "我的在线调解" → the room.
    const wk = await e.newPage({ mobile: true });
    await loginAs(wk.page, 'worker1');
    await wk.page.waitForURL('**/portal');
    await wk.page.getByTestId('portal-sessions').click();
    await wk.page.getByTestId('enter-room').first().waitFor();
    await e.shot(wk.page, 'sessions-portal-list-phone');
    await wk.page.getByTestId('enter-room').first().click();
    await wk.page.getByText('已连接').waitFor();
    await med.page.getByTestId('presence').getByText('李建国').waitFor();

    await med.page.getByTestId('composer').fill('您好，我是本案调解员，今天在线调解工资争议。');
    await med.page.getByTestId('send').click();
    await wk.page.getByText('我是本案调解员').waitFor();
    await wk.page.getByTestId('composer').fill('您好，公司欠我两个月工资9000元。');
    await wk.page.getByTestId('send').click();
    await med.page.getByText('欠我两个月工资').waitFor();

    // 背对背 with the worker only.
    await med.page.getByTestId('tab-applicant').click();
    await med.page.getByTestId('composer').fill('私下问一下：如果公司一次性付8000元，您能接受吗？');
    await med.page.getByTestId('send').click();
    await wk.page.getByTestId('tab-applicant').click();
    await wk.page.getByText('一次性付8000元').waitFor();
    await e.shot(wk.page, 'sessions-side-room-phone');
    await wk.page.getByTestId('tab-main').click();
    await med.page.getByTestId('tab-main').click();

    // The proposal: made on the desktop, accepted by the enterprise (API) and by the worker (phone).
    await med.page.getByTestId('propose').click();
    await med.page.getByTestId('proposal-summary').fill('被申请人于本月底前一次性支付拖欠工资8000元，申请人放弃其余请求。');
    await med.page.getByPlaceholder('金额（元）').fill('8000');
    await med.page.getByRole('button', { name: '发给双方' }).click();
    await wk.page.getByTestId('proposal-card').waitFor();
    const ent = await apiAs('enterprise1');
    const sessionId = med.page.url().split('/').pop()!;
    const detail = await ent('GET', `/api/sessions/${sessionId}`);
    expect(detail.body.me.role).toBe('respondent');
    const msgs = await ent('GET', `/api/sessions/${sessionId}/messages`);
    expect(JSON.stringify(msgs.body)).not.toContain('一次性付8000元'); // the side room stays private
    const proposalId = msgs.body.items.find((m: { kind: string }) => m.kind === 'proposal').data.proposalId;
    expect((await ent('POST', `/api/sessions/${sessionId}/proposals/${proposalId}/respond`, { decision: 'accept' })).status).toBe(200);
    await e.shot(wk.page, 'sessions-proposal-phone');
    await wk.page.getByTestId('accept-proposal').click();
    await expect.poll(() => wk.page.getByTestId('proposal-status').textContent()).toBe('双方已接受');
    await expect.poll(() => med.page.getByTestId('proposal-status').textContent()).toBe('双方已接受');
    await e.shot(wk.page, 'sessions-room-phone');
    await med.page.getByTestId('to-agreement').click();
    await med.page.getByText('已形成调解协议', { exact: true }).waitFor();
    await e.shot(med.page, 'sessions-room-mediator');

    const c = await m1('GET', `/api/cases/${caseId}`);
    expect(c.body.status).toBe('agreement_reached');
    expect(c.body.agreements.at(-1).totalAmount).toBe(8000);

    // Closing files the draft mediation record.
    await med.page.getByTestId('close-session').click();
    await med.page.getByRole('button', { name: /^结\s*束$/ }).click();
    await wk.page.getByText('调解已结束，记录只读。').waitFor();
    await wk.page.reload(); // a closed room opens as its read-only record
    await wk.page.getByText('欠我两个月工资').waitFor();
    await e.shot(wk.page, 'sessions-closed-phone');
    await med.page.goto(`/cases/${caseId}`);
    await med.page
      .getByText(/调解笔录（/)
      .first()
      .waitFor();
    await e.shot(med.page, 'sessions-case-after');

    // The agreement from the room waits for both parties: the worker confirms on the phone with a one-time code,
    // the enterprise through the API; then it is effective.
    const agreementId = c.body.agreements.at(-1).id as string;
    expect(c.body.agreements.at(-1).status).toBe('pending_confirmation');
    await wk.page.goto(`/portal/cases/${caseId}`);
    await wk.page.getByTestId('open-agreement').click();
    await wk.page.getByTestId('agreement-text').waitFor();
    await wk.page.getByTestId('send-code').click();
    const code = ((await wk.page.getByTestId('dev-code').textContent()) ?? '').match(/(\d{6})/)![1]!;
    await wk.page.getByTestId('confirm-code').fill(code);
    await wk.page.getByTestId('confirm-agreement').click();
    await expect.poll(() => wk.page.getByTestId('confirmation').count()).toBe(1);
    const entCode = await ent('POST', `/api/portal/cases/${caseId}/agreements/${agreementId}/code`, {});
    expect(entCode.status).toBe(202);
    const confirmed = await ent('POST', `/api/portal/cases/${caseId}/agreements/${agreementId}/confirm`, { code: entCode.body.devCode });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    await wk.page.reload();
    await expect.poll(() => wk.page.getByTestId('agreement-status').textContent()).toBe('已生效');
    await e.shot(wk.page, 'sessions-agreement-effective-phone');
    await med.context.close();
    await wk.context.close();
  }, 180_000);
});
