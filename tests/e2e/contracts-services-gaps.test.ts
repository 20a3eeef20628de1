import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.stop());

describe('contract search and renewal reminders', () => {
  it('the union searches contracts (words marked in the snippet) and sees the renewal reminders the job raised', async () => {
    const { page, context } = await e.newPage();
    await loginAs(page, 'union');
    await page.waitForURL('**/workspace');
    await page.goto('/contracts');
    await page.getByPlaceholder(/搜索|检索/).first().fill('女职工 哺乳期');
    await page.getByPlaceholder(/搜索|检索/).first().press('Enter');
    await page.locator('mark', { hasText: '哺乳期' }).first().waitFor();
    await e.shot(page, 'contracts-search-highlight');
    await page.goto('/contracts?tab=expiring');
    await page.getByText(/续签提醒（\d+条待处理）/).waitFor();
    expect(await page.getByText('集体合同规定 第三十八条').count()).toBeGreaterThan(0);
    await e.shot(page, 'contracts-renewal-reminders');
    // the union brain: special-contract coverage and the union annual assessment
    await page.goto('/dashboard');
    await page.getByTestId('panel-union-assessment').getByText(/优秀 \d+/).waitFor();
    await page.getByTestId('panel-contract-coverage').getByText('女职工专项').first().waitFor();
    await page.getByTestId('panel-union-assessment').scrollIntoViewIfNeeded();
    await e.shot(page, 'dashboard-union-work');
    await context.close();
  });
});

describe('enterprise services gaps', () => {
  it('an official edits an indicator set, rejects an application with a reason, picks a policy list; recognitions show on the enterprise', async () => {
    const { page, context } = await e.newPage();
    await loginAs(page, 'official');
    await page.waitForURL('**/workspace');

    // indicator-set editing
    await page.goto('/services/harmony');
    await page.getByRole('button', { name: '指标体系' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /编\s*辑/ }).first().click();
    const edit = page.getByRole('dialog').filter({ hasText: '编辑指标体系' });
    await edit.waitFor();
    await e.shot(page, 'services-indicator-set-edit');
    await edit.getByRole('button', { name: /取\s*消/ }).click();
    await page.locator('.ant-drawer-close').click();

    // reject with a reason
    const row = page.locator('tr', { hasText: '待评审' }).first();
    await row.getByRole('button', { name: /详\s*情/ }).click();
    await page.getByRole('button', { name: '不予命名' }).click();
    await page.getByRole('button', { name: '确认不予命名' }).click();
    await page.getByText('请填写理由').waitFor();
    await page.getByLabel('不予命名理由').fill('近两年发生集体劳动争议，不符合命名条件');
    await page.getByRole('button', { name: '确认不予命名' }).click();
    await page.getByText('理由：近两年发生集体劳动争议，不符合命名条件').waitFor();
    await e.shot(page, 'services-harmony-rejected');
    await page.keyboard.press('Escape');

    // policy list picked from the registry
    await page.goto('/services/policies');
    await page.getByRole('button', { name: '起草政策' }).click();
    await page.getByRole('button', { name: '从企业名录选择' }).click();
    const picker = page.getByRole('dialog').filter({ hasText: '选择推送企业' });
    await picker.locator('.ant-table-row').first().waitFor();
    await picker.locator('.ant-select').nth(3).click();
    await page.locator('.ant-select-item-option', { hasText: '未建会' }).click();
    await picker.locator('.ant-table-row .ant-checkbox-input').nth(0).check();
    await picker.locator('.ant-table-row .ant-checkbox-input').nth(1).check();
    await e.shot(page, 'services-enterprise-picker');
    await picker.getByRole('button', { name: /确定（已选2家）/ }).click();
    await page.getByText('已选 2 家企业').waitFor();
    await e.shot(page, 'services-policy-list');
    await context.close();
  });

  it('recognitions appear on the enterprise detail page', async () => {
    const { page, context } = await e.newPage();
    const honours = await (await fetch(`${e.baseUrl}/api/public/honours?kind=enterprise`)).json();
    const id = honours.items[0].enterpriseId as string;
    await loginAs(page, 'official');
    await page.waitForURL('**/workspace');
    await page.goto(`/enterprises/${id}`);
    const card = page.getByTestId('recognitions');
    await card.getByText(/年度劳动关系和谐企业/).first().waitFor();
    await card.scrollIntoViewIfNeeded();
    await e.shot(page, 'enterprise-recognitions');
    await context.close();
  });
});
