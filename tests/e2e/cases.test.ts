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

describe('dispute case journey', () => {
  it('a mediator registers a case, mediates it to a signed agreement with its document, and sees it in the statistics', async () => {
    const { page, context } = await e.newPage();
    await loginAs(page, 'mediator1');
    await page.waitForURL('**/workspace');
    await page.getByTestId('card-overdueCases').waitFor();
    await e.shot(page, 'cases-workspace-mediator1');

    await page.goto('/cases');
    await page.locator('.ant-table-row').first().waitFor();
    await e.shot(page, 'cases-list');

    await page.goto('/cases/new');
    await page.getByLabel('被申请人统一社会信用代码').fill(uscc);
    await page.getByText('建议受理组织').waitFor();
    await page.getByLabel('申请人姓名').fill('孙志远');
    await page.getByLabel('申请人手机').fill('13912340000');
    await page.getByLabel('请求金额').fill('12000');
    await page.getByLabel('事实与理由').fill('申请人在被申请人处从事装配工作，被申请人拖欠2026年9月至10月工资共计12000元。');
    await e.shot(page, 'cases-intake');
    await page
      .getByRole('button', { name: /登\s*记/ })
      .last()
      .click();
    await page.waitForURL(/\/cases\/[0-9A-Z]{26}$/);
    await page.getByTestId('deadline-mediationDue').waitFor();
    expect(await page.getByTestId('case-status').textContent()).toBe('已登记待受理');

    await page.getByRole('button', { name: '受理调解' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await expect.poll(() => page.getByTestId('case-status').textContent()).toBe('调解中');
    await page.getByRole('button', { name: '达成调解协议' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await expect.poll(() => page.getByTestId('case-status').textContent()).toBe('已达成调解协议');

    await page.getByRole('button', { name: '登记协议' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('协议金额').fill('12000');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('待履行').first().waitFor();

    await page.getByLabel('文书类型').click();
    await page.getByTitle('调解协议书').click();
    await page.getByRole('button', { name: '生成文书' }).click();
    await page.locator('.doc-preview').getByText('壹万贰仟元整').first().waitFor();
    await e.shot(page, 'cases-agreement-document');
    await page.keyboard.press('Escape');
    await page.getByText('办理过程').scrollIntoViewIfNeeded();
    await e.shot(page, 'cases-detail');

    await page.goto('/case-stats');
    await page.getByTestId('stat-success-rate').waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    expect(await page.locator('.ant-table-row').first().textContent()).toContain('新桥街道劳动争议调解中心');
    await e.shot(page, 'cases-statistics');
    await context.close();
  }, 120_000);

  it('the public directory lists organisations and mediators', async () => {
    const { page, context } = await e.newPage();
    await loginAs(page, 'official');
    await page.waitForURL('**/workspace');
    await page.goto('/mediation-orgs');
    await page.getByText('新桥街道劳动争议调解中心').waitFor();
    await e.shot(page, 'mediation-orgs');
    await context.close();
  });
});
