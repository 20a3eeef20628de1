import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
}, 150_000);
afterAll(async () => e?.stop());

describe('public legal consultation on a phone', () => {
  it('asks a question, gets a plain answer with highlighted terms, opens an article', async () => {
    const { page, context } = await e.newPage({ mobile: true });
    await page.goto('/login');
    await page.getByTestId('consult-link').click();
    await page.waitForURL('**/consult');
    await page.getByTestId('consult-search').locator('input').fill('公司不跟我签合同，干了半年了，能要求什么赔偿？');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.getByTestId('plain-answer').waitFor();
    await expect.poll(() => page.locator('mark.hl').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('result-article').count()).toBeGreaterThan(0);
    await e.shot(page, 'consult-search-mobile');
    await page.getByTestId('plain-answer').locator('a').first().click();
    await page.getByTestId('article-title').waitFor();
    await expect.poll(() => page.getByText('引用本条的问答和案例').count()).toBeGreaterThan(0);
    await e.shot(page, 'consult-article-mobile');
    // an article with a repealed paragraph says so above its text
    await page.goto('/consult/articles/spc-labor-dispute-interpretation-1/32');
    await page.getByTestId('amendment-note').getByText('第1款已废止（2025-09-01起）').waitFor();
    await e.shot(page, 'consult-article-amended-mobile');
    await context.close();
  });

  it('computes severance with the articles applied and a print button', async () => {
    const { page, context } = await e.newPage({ mobile: true });
    await page.goto('/calculators/severance');
    await page.getByLabel('入职日期（用工之日）').fill('2018-03-01');
    await page.getByLabel('离职日期（劳动合同解除或终止日）').fill('2024-08-31');
    await page.getByLabel('离职前十二个月平均工资（元/月）').fill('8000');
    await page.getByLabel('当地上年度职工月平均工资（元/月）').fill('9000');
    await page.getByLabel('当地月最低工资标准（元/月）').fill('2300');
    await page.getByTestId('calc-submit').click();
    const result = page.getByTestId('calc-result');
    await result.waitFor();
    await expect.poll(() => result.textContent()).toContain('56,000.00 元');
    expect(await result.textContent()).toContain('第四十七条');
    await e.shot(page, 'calculator-severance-mobile');
    await page.emulateMedia({ media: 'print' });
    await e.shot(page, 'calculator-severance-print');
    await context.close();
  });

  it('an official opens the Q&A editor from the menu', async () => {
    const { page, context } = await e.newPage();
    await loginAs(page, 'official');
    await page.waitForURL('**/workspace');
    await page.goto('/knowledge/qa');
    await page.getByTestId('qa-new').waitFor();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(5);
    await page.getByTestId('qa-new').click();
    await page.getByText('新增问答').last().waitFor();
    await e.shot(page, 'knowledge-qa-editor');
    await context.close();
  });
});
