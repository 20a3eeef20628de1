import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateDemoData } from '../../src/server/seed/demo-data';
import { loginAs, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
}, 180_000);
afterAll(async () => e?.stop());

const demo = generateDemoData();
const enterprise1 = demo.enterprises.find((x) => x.id === demo.ids.enterprise1)!;
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** Reads the agreement, asks for a code (the development provider echoes it on screen) and confirms. */
async function confirmWithCode(page: Page, name: string) {
  await page.getByTestId('agreement-text').waitFor();
  const before = await page.getByTestId('confirmation').count();
  await page.getByTestId('send-code').click();
  const code = ((await page.getByTestId('dev-code').textContent()) ?? '').match(/(\d{6})/)![1]!;
  await page.getByTestId('confirm-code').fill(code);
  await page.getByTestId('confirm-agreement').click();
  await page.waitForTimeout(1500);
  await e.shot(page, name);
  await expect.poll(() => page.getByTestId('confirmation').count()).toBe(before + 1);
}

describe('worker portal journey', () => {
  it('a worker applies on a phone, the mediator accepts and drafts an agreement, both parties confirm it by code', async () => {
    const { page: w } = await e.newPage({ mobile: true });
    await loginAs(w, 'worker1');
    await w.waitForURL('**/portal');
    await w.getByTestId('portal-apply').waitFor();
    await e.shot(w, 'portal-home');

    // the calculator's amount comes along in the query
    await w.goto('/portal/apply?claimType=overtime&amount=3200&from=overtime');
    await w.getByTestId('profile-name').fill('李建国');
    await w.getByTestId('profile-id').fill('11010519491231002X');
    await e.shot(w, 'portal-apply-1-profile');
    await w.getByTestId('apply-next').click();

    await w.getByTestId('respondent-search').locator('input').fill(enterprise1.name.slice(0, 6));
    await w.getByTestId('respondent-search').locator('button').click();
    await w.getByTestId('respondent-option').first().click();
    await w.locator('.ant-radio-wrapper').first().waitFor();
    // the park's joint mediation office (mediator2's organisation) rather than the enterprise's own committee
    await w.locator('.ant-radio-wrapper').filter({ hasText: '联处中心' }).click();
    await e.shot(w, 'portal-apply-2-respondent');
    await w.getByTestId('apply-next').click();

    await w.getByText('已带入计算器的计算结果').waitFor();
    expect(await w.locator('input[data-testid=claim-amount], [data-testid=claim-amount] input').first().inputValue()).toContain('3');
    await w.getByTestId('claim-facts').fill('2026年9月至10月每周六加班未发加班费，按计算器估算约3200元。');
    await e.shot(w, 'portal-apply-3-claim');
    await w.getByTestId('apply-next').click();

    await w.locator('input[type=file]').setInputFiles({ name: '考勤记录.png', mimeType: 'image/png', buffer: PNG });
    await w.getByText('考勤记录.png').waitFor();
    await e.shot(w, 'portal-apply-4-evidence');
    await w.getByTestId('apply-next').click();
    await w.getByTestId('review').waitFor();
    await e.shot(w, 'portal-apply-5-review');
    await w.getByTestId('apply-submit').dblclick();
    await w.waitForURL(/\/portal\/cases\/[0-9A-Z]{26}$/);
    const caseId = w.url().split('/').pop()!;
    await w.getByTestId('next-step').waitFor();
    expect(await w.getByTestId('case-status').textContent()).toBe('已登记待受理');
    await e.shot(w, 'portal-case-submitted');

    // the mediator of the chosen organisation, at a desktop
    const { page: m } = await e.newPage();
    await loginAs(m, 'mediator2');
    await m.waitForURL('**/workspace');
    await m.goto(`/cases/${caseId}`);
    for (const [button, status] of [
      ['受理调解', '调解中'],
      ['达成调解协议', '已达成调解协议'],
    ] as const) {
      await m.getByRole('button', { name: button }).click();
      await m
        .getByRole('dialog')
        .getByRole('button', { name: /确\s*定/ })
        .click();
      await expect.poll(() => m.getByTestId('case-status').textContent()).toBe(status);
    }
    await m.getByRole('button', { name: '登记协议' }).click();
    const dialog = m.getByRole('dialog');
    await dialog.getByLabel('协议金额').fill('3000');
    await dialog.getByText('需双方当事人在线阅读').click();
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await m.getByTestId('agreement-confirm-status').waitFor();
    expect(await m.getByTestId('agreement-confirm-status').textContent()).toBe('待双方确认');

    // the worker confirms on the phone
    await w.reload();
    await w.getByTestId('open-agreement').click();
    await e.shot(w, 'portal-agreement-read');
    await confirmWithCode(w, 'portal-agreement-worker-confirmed');
    expect(await w.getByTestId('agreement-status').textContent()).toBe('待双方确认');

    // the enterprise confirms through the same page
    const { page: ent } = await e.newPage({ mobile: true });
    await loginAs(ent, 'enterprise1');
    await ent.waitForURL('**/workspace');
    await ent.goto(`/portal/cases/${caseId}`);
    await ent.getByTestId('open-agreement').click();
    await confirmWithCode(ent, 'portal-agreement-enterprise-confirmed');
    await expect.poll(() => ent.getByTestId('agreement-status').textContent()).toBe('已生效');

    await w.reload();
    await expect.poll(() => w.getByTestId('agreement-status').textContent()).toBe('已生效');
    await e.shot(w, 'portal-agreement-effective');
    await w.goto(`/portal/cases/${caseId}`);
    await w.getByText('双方都已确认，协议生效').first().waitFor();
    await e.shot(w, 'portal-case-effective');
    await w.goto('/portal/inbox');
    await w.getByTestId('inbox-item').first().waitFor();
    await e.shot(w, 'portal-inbox');
    await m.reload();
    await expect.poll(() => m.getByTestId('agreement-confirm-status').textContent()).toBe('已生效');
  }, 180_000);
});
