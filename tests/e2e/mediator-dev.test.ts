import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loginAs, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.stop());

const ok = (page: Page) => page.locator('.ant-modal-footer').last().getByRole('button', { name: /确\s*定|OK/ }).click();
const pickDate = async (page: Page, label: string, value: string) => {
  const input = page.getByLabel(label);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
};
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10); // China date, as the server counts

describe('mediator development journey', () => {
  it('an official reviews the roster, renews and evaluates a mediator, accepts a purchased service; a mediator signs up for training', async () => {
    const { page, context } = await e.newPage();
    await loginAs(page, 'official');
    await page.waitForURL('**/workspace');

    await page.goto('/rosters/mediators');
    await page.getByText('调解员名册').first().waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await e.shot(page, 'mediator-roster');

    await page.goto('/rosters/mediators/med-demo-1');
    await page.getByText('调解员档案：黄丽娟').waitFor();
    await page.getByText('办案数据（取自争议案件）').waitFor();
    await page.getByRole('button', { name: /^续\s*聘$/ }).click();
    await pickDate(page, '聘期开始', '2028-01-01');
    await pickDate(page, '聘期结束（聘期至少1年）', '2030-12-31');
    await page.getByLabel('聘书文号').fill('新桥调聘〔2027〕1号');
    await ok(page);
    await page.getByRole('cell', { name: '新桥调聘〔2027〕1号' }).waitFor();
    await page.getByRole('button', { name: '年度考评' }).click();
    await page.getByLabel('等次').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^称职$/ }).click();
    await page.getByLabel('评语').fill('办案规范，调解成功率达标');
    await ok(page);
    await page.getByRole('tab', { name: '年度考评' }).click();
    await page.getByRole('cell', { name: '办案规范，调解成功率达标' }).waitFor();
    await e.shot(page, 'mediator-file');

    await page.goto('/rosters/development');
    await page.getByRole('tab', { name: '技能竞赛' }).click();
    await page.getByText('2025年云溪区劳动人事争议调解员岗位技能竞赛').click();
    await page.locator('.ant-modal').getByText('一等奖').first().waitFor();
    await page.waitForTimeout(500); // let the modal finish its opening animation
    await e.shot(page, 'mediator-competition');
    await page.keyboard.press('Escape');

    await page.goto('/rosters/service-projects/sp-demo-2');
    await page.getByText('购买服务项目：2026年新业态劳动者心理疏导服务项目').waitFor();
    await page.getByRole('button', { name: '登记交付' }).click();
    await pickDate(page, '交付日期', today);
    await page.getByLabel('交付材料说明').fill('年度服务报告（含12场活动总结）');
    await ok(page);
    await page.getByText('年度服务报告（含12场活动总结）').waitFor();
    await page.getByRole('button', { name: '验收与绩效评价' }).click();
    await page.getByLabel(/绩效评价得分/).fill('92');
    await page.getByLabel('评价意见').fill('按期完成全部服务内容，服务对象评价良好');
    await ok(page);
    await page.getByText('绩效评价 92 分（优秀）').waitFor();
    await e.shot(page, 'service-project-accepted');

    await page.goto('/rosters/social-orgs');
    await page.getByText('云溪区和谐劳动关系促进会').waitFor();
    await e.shot(page, 'social-orgs');
    await page.goto('/rosters/experts');
    await page.getByText('岭南大学法学院').waitFor();
    await e.shot(page, 'experts');
    await context.close();

    const m = await e.newPage();
    await loginAs(m.page, 'mediator1');
    await m.page.waitForURL('**/workspace');
    await m.page.goto('/rosters/training');
    await m.page.getByText('2026年下半年调解员业务培训：新就业形态劳动争议').click();
    await m.page.getByRole('button', { name: /本人报名/ }).click();
    await m.page.getByText('您已报名').waitFor();
    await e.shot(m.page, 'training-enrolled');

    // the mediation organisation designates the mediator of one of its cases
    const cases = (await (await m.page.request.get('/api/cases?pageSize=1')).json()) as { items: { id: string }[] };
    await m.page.goto(`/cases/${cases.items[0]!.id}`);
    const card = m.page.locator('.ant-card').filter({ hasText: '承办调解员' });
    await card.locator('.ant-select').click();
    await m.page.locator('.ant-select-item-option').filter({ hasText: '黄丽娟' }).click();
    await card.getByText('当前：').waitFor();
    await card.getByRole('link', { name: '黄丽娟' }).waitFor();
    await e.shot(m.page, 'case-designated-mediator');
    await m.context.close();
  });
});
