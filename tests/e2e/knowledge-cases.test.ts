import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
}, 150_000);
afterAll(async () => e?.stop());

describe('typical cases entered by hand', () => {
  it('an official enters and reviews a case, which then shows in the public consultation', async () => {
    const { page, context } = await e.newPage();
    await loginAs(page, 'official');
    await page.waitForURL('**/workspace');
    await page.goto('/knowledge/cases');
    await page.getByTestId('case-new').waitFor();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(3);
    await page.getByTestId('case-new').click();
    await page.getByTestId('case-title').fill('保洁员被要求签“工伤自负”承诺书后受伤案');
    await page.getByTestId('case-facts').fill('某物业公司要求新入职保洁员签署“工作中受伤责任自负”的承诺书。保洁员擦玻璃时从梯子上摔下致腿部骨折，公司以承诺书为由拒绝申报工伤。');
    await page.getByTestId('case-holding').fill('仲裁委认为，用人单位与劳动者约定免除自身法定责任的条款无效，公司应当依法申报工伤并承担停工留薪期工资。');
    await page.getByTestId('citation-row').first().locator('input.ant-input-number-input').fill('26');
    await page.getByLabel('已审核').check();
    await e.shot(page, 'knowledge-case-form');
    await page.getByTestId('case-save').click();
    await page.getByText('已保存').waitFor();
    await page.getByPlaceholder('标题或案情').fill('工伤自负');
    await page.getByPlaceholder('标题或案情').press('Enter');
    await expect.poll(() => page.locator('.ant-table-row').first().textContent(), { timeout: 10_000 }).toContain('工伤自负');
    expect(await page.locator('.ant-table-row').first().textContent()).toContain('手工录入');
    await e.shot(page, 'knowledge-cases-list');

    await page.goto('/consult');
    await page.getByTestId('consult-search').locator('input').fill('保洁员签了工伤自负承诺书');
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: /查\s*询/ }).click();
          await page.waitForTimeout(300);
          return page.getByText('保洁员被要求签“工伤自负”承诺书后受伤案').count();
        },
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0);
    await e.shot(page, 'knowledge-case-in-search');
    await context.close();
  });
});
