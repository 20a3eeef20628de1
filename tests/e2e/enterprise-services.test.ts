import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { COMPLIANT_ANSWERS, QUESTIONS } from '../../src/domain/self-check';
import { loginAs, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.stop());

const OPTION_LABELS: Record<string, string> = { all: '全部做到', partial: '部分做到', none: '没有做到', na: '未招用未成年工' };

async function answer(page: Page, id: string, value: unknown) {
  const q = QUESTIONS.find((x) => x.id === id)!;
  if (q.kind === 'number') await page.locator(`#${id}`).fill(String(value));
  else await page.locator(`#${id}`).getByText(q.kind === 'yesno' ? (value ? '是' : '否') : OPTION_LABELS[value as string]!, { exact: true }).click();
}

describe('enterprise services journey', () => {
  it('enterprise1 completes the self-check and the salary survey; an official reviews', async () => {
    const { page, context } = await e.newPage();
    await loginAs(page, 'enterprise1');
    await page.waitForURL('**/workspace');

    // 1. Employment self-check: overtime above 36 hours a month is a high risk citing 劳动法 第四十一条.
    await page.goto('/services/self-check');
    await page.getByText('企业劳动用工体检').first().waitFor();
    await page.locator('#contract_within_month').waitFor();
    for (const [id, v] of Object.entries({ ...COMPLIANT_ANSWERS, monthly_overtime: 48, rules_democratic: 'partial' })) await answer(page, id, v);
    await page.getByRole('button', { name: '提交体检' }).click();
    const report = page.getByTestId('self-check-report');
    await report.getByText('每月延长工作时间超过三十六小时').waitFor();
    expect(await report.textContent()).toContain('《劳动法》第四十一条');
    expect(await report.textContent()).toContain('《劳动合同法》第四条');
    await e.shot(page, 'services-self-check-report');

    // 2. Salary survey: a wrong sum is named, then fixed, then submitted.
    await page.goto('/services/salary-survey');
    await page.getByRole('button', { name: '开始填报' }).click();
    await page.locator('#economic_revenue').waitFor();
    const fill = async (id: string, v: number) => page.locator(`#${id}`).fill(String(v));
    await fill('economic_revenue', 20000);
    await fill('economic_profit', 900);
    await fill('economic_avgEmployees', 20);
    await fill('economic_totalPayroll', 130);
    for (const [k, v] of Object.entries({ total: 171, wages: 130, socialInsurance: 28, welfare: 6, education: 2, housing: 3, other: 1 })) await fill(`laborCost_${k}`, v);
    for (const [i, pay] of [60000, 62000, 90000].entries()) {
      await page.getByRole('button', { name: '添加职工' }).click();
      await fill(`employees_${i}_annualPay`, pay);
    }
    await page.getByRole('button', { name: '保存并校验' }).click();
    await page.getByTestId('survey-issues').getByText('人工成本总额（171）应等于各分项之和（170）').waitFor();
    await e.shot(page, 'services-salary-survey-error');
    await fill('laborCost_total', 170);
    await page.getByRole('button', { name: '保存并校验' }).click();
    // the sum is fixed; outlier warnings against last year's form remain and do not block submission
    await page.getByText('人工成本总额（171）').waitFor({ state: 'detached' });
    await page.getByTestId('survey-issues').getByText('比上年下降').first().waitFor();
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.locator('.ant-tag', { hasText: '待审核' }).waitFor();
    await e.shot(page, 'services-salary-survey-submitted');
    await context.close();

    // 3. The official reviews: accepts the form, sees progress, wage levels and anonymised self-check results.
    const off = await e.newPage();
    await loginAs(off.page, 'official');
    await off.page.waitForURL('**/workspace');
    await off.page.goto('/services/salary-survey-review');
    await off.page.getByRole('button', { name: /^审\s*核$/ }).first().click();
    const drawer = off.page.locator('.ant-drawer-body');
    await drawer.getByRole('button', { name: '审核通过' }).waitFor();
    await off.page.waitForTimeout(500); // let the drawer finish sliding in
    await e.shot(off.page, 'services-survey-review-drawer');
    await drawer.getByRole('button', { name: '审核通过' }).click();
    await off.page.getByText('已审核通过').waitFor();
    await drawer.locator('.ant-timeline').getByText('审核通过').waitFor();
    await off.page.keyboard.press('Escape');
    await off.page.getByRole('tab', { name: '工资价位' }).click();
    await off.page.getByText('按行业和职业的年工资分位值').waitFor();
    await off.page.getByRole('combobox').first().click();
    await off.page.getByTitle('2025年').click();
    await off.page.locator('td', { hasText: '全部行业' }).first().waitFor();
    await e.shot(off.page, 'services-wage-levels');
    await off.page.getByRole('tab', { name: '填报进度' }).click();
    await off.page.locator('.ant-progress').first().waitFor();
    await e.shot(off.page, 'services-survey-progress');
    await off.page.goto('/services/self-check-results');
    await off.page.getByText('按街道').waitFor();
    await off.page.locator('td', { hasText: '匿名' }).first().waitFor();
    await e.shot(off.page, 'services-self-check-results');
    await off.context.close();
  });

  it('the honours page is public; officials see the policy library and outreach list', async () => {
    const { page, context } = await e.newPage();
    await page.goto('/honours');
    await page.getByText('劳动关系和谐单位荣誉榜').waitFor();
    await page.locator('.ant-tag', { hasText: 'AAA级' }).first().waitFor();
    await e.shot(page, 'services-honours');
    await loginAs(page, 'official');
    await page.waitForURL('**/workspace');
    await page.goto('/services/policies');
    await page.getByText('云溪区稳岗扩就业政策汇编').waitFor();
    await e.shot(page, 'services-policies');
    await page.goto('/services/outreach');
    await page.locator('.ant-table-row').first().waitFor();
    await e.shot(page, 'services-outreach');
    await page.goto('/services/recruitment');
    await page.getByText('线上招聘（目标 30 场）').waitFor();
    await e.shot(page, 'services-recruitment');
    await page.goto('/services/cultivation');
    await page.locator('.ant-table-row').first().waitFor();
    await e.shot(page, 'services-cultivation');
    await page.goto('/services/harmony');
    await page.locator('.ant-table-row').first().waitFor();
    await e.shot(page, 'services-harmony');
    await context.close();
  });
});
