import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.stop());

describe('collective contract: upload → review → effective → coverage', () => {
  let url = '';
  it('the enterprise registers its contract, uploads the .docx and submits it', async () => {
    const { page, context } = await e.newPage();
    await loginAs(page, 'enterprise1');
    await page.waitForURL('**/workspace');
    await page.goto('/contracts');
    await page.getByRole('button', { name: '登记集体合同' }).click();
    await page.getByLabel('合同名称').fill('2027—2029年度集体合同');
    await page.getByRole('button', { name: /登\s*记/ }).last().click();
    await page.waitForURL(/\/contracts\/[0-9A-Z]{26}$/);
    url = new URL(page.url()).pathname;
    await page.locator('input[type=file]').setInputFiles(path.resolve('tests/fixtures/contracts/contract.docx'));
    await expect.poll(() => page.getByTestId('clause-summary').textContent()).toContain('必备事项 14/14，问题 0 项');
    await page.getByTestId('contract-text').getByText('哺乳期').first().waitFor();
    await page.getByRole('button', { name: '报送审查' }).click();
    // The clock starts today (China time) and runs 15 days, longer over statutory rest days: the end date and the
    // days left agree whatever day the test runs on.
    await expect.poll(() => page.getByTestId('review-clock').textContent()).toMatch(/收到文本，至 \d{4}-\d{2}-\d{2} 止，剩余 \d+ 天/);
    const clock = (await page.getByTestId('review-clock').textContent())!;
    const [, received, end, left] = clock.match(/(\d{4}-\d{2}-\d{2}) 收到文本，至 (\d{4}-\d{2}-\d{2}) 止，剩余 (\d+) 天/)!;
    const days = (Date.parse(end!) - Date.parse(received!)) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(15);
    expect(Number(left)).toBe(days + 1);
    await e.shot(page, 'contracts-submitted');
    await context.close();
  });

  it('the labor department finds it by its text, sees the findings beside the text and raises no objection', async () => {
    const { page, context } = await e.newPage();
    await loginAs(page, 'official');
    await page.waitForURL('**/workspace');
    await page.goto('/contracts');
    await page.getByTestId('contract-search').locator('input').fill('职业病危害因素');
    await page.getByTestId('contract-search').locator('input').press('Enter');
    await page.getByRole('link', { name: '2027—2029年度集体合同' }).click();
    await page.waitForURL(`**${url}`);
    await page.getByText('女职工和未成年工特殊保护').first().waitFor();
    await e.shot(page, 'contracts-review');
    await page.getByRole('button', { name: '审查无异议' }).click();
    await expect.poll(() => page.getByTestId('review-clock').textContent()).toContain('已生效');
    await page.getByRole('link', { name: /审查意见书/ }).waitFor();
    await e.shot(page, 'contracts-effective');
    await context.close();
  });

  it('the union federation sees coverage by street and the union-building targets', async () => {
    const { page, context } = await e.newPage();
    await loginAs(page, 'union');
    await page.waitForURL('**/workspace');
    await page.goto('/contracts?tab=coverage');
    await page.getByTestId('coverage-contract').waitFor();
    await page.getByRole('cell', { name: '新桥街道' }).waitFor();
    await e.shot(page, 'contracts-coverage');
    await page.goto('/contracts?tab=expiring');
    await page.getByRole('cell', { name: /集体合同/ }).first().waitFor();
    await e.shot(page, 'contracts-expiring');
    await page.goto('/union-building');
    await page.getByRole('cell', { name: '石门镇' }).waitFor();
    await e.shot(page, 'union-building-summary');
    await page.goto('/union-building?tab=pipeline');
    await page.getByText('更新进度').first().waitFor();
    await e.shot(page, 'union-building-pipeline');
    await page.goto('/union-building?tab=assessment');
    await page.getByRole('columnheader', { name: '组织建设（20）' }).waitFor();
    await e.shot(page, 'union-building-assessment');
    await context.close();
  });
});
