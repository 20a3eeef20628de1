import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loginAs, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.stop());

const ok = (page: Page) => page.locator('.ant-modal-footer, .ant-popconfirm-buttons').last().getByRole('button', { name: /确\s*定|OK/ }).click();

describe('rosters and yearly recognition journey', () => {
  it('an official reviews coverage, then runs the 2026 金牌协调员 selection to the public notice; the public sees the honours', async () => {
    const { page, context } = await e.newPage();
    await loginAs(page, 'official');
    await page.waitForURL('**/workspace');

    await page.goto('/rosters/coverage');
    await page.getByText('大中型企业劳动关系协调员覆盖情况').waitFor();
    await page.getByText('新桥街道').first().waitFor();
    await e.shot(page, 'rosters-coverage');

    await page.goto('/rosters/coordinators/coord-demo-1');
    await page.getByText('协调员档案：吴晓东').waitFor();
    await page.getByRole('tab', { name: /工作日志/ }).click();
    await e.shot(page, 'rosters-coordinator');

    // the seeded 2026 round has one nomination; nominate a second coordinator
    await page.goto('/recognition/award-2026-coord');
    await page.getByText('2026年度金牌劳动关系协调员评选').first().waitFor();
    const subjects = (await (await page.request.get('/api/award-rounds/award-2026-coord/subjects')).json()) as { items: { id: string; name: string }[] };
    const pick = subjects.items.find((s) => s.id !== 'coord-demo-5' && s.id !== 'coord-demo-1')!;
    await page.getByRole('button', { name: /^推\s*荐$/ }).click();
    await page.locator('#subjectId').click();
    await page.locator('#subjectId').fill(pick.name);
    await page.locator('.ant-select-item-option').filter({ hasText: pick.name }).first().click();
    await page.getByLabel('推荐单位').fill('新桥街道总工会');
    await page.getByLabel('推荐理由（主要事迹）').fill('常年服务辖区企业，化解劳动纠纷多起');
    await page.getByLabel('事迹材料（每行一项）').fill('年度工作总结\n企业评价表');
    await ok(page);
    await page.getByRole('cell', { name: pick.name }).waitFor();

    // into review; the official scores both nominees
    await page.getByRole('button', { name: '截止推荐，进入评审' }).click();
    await ok(page);
    const marks = [[95, 90, 88, 92], [80, 85, 78, 82]];
    for (let n = 0; n < 2; n++) {
      await page.getByRole('button', { name: /^打\s*分$/ }).first().click();
      const inputs = page.locator('.ant-modal-body input.ant-input-number-input');
      for (let i = 0; i < 4; i++) await inputs.nth(i).fill(String(marks[n]![i]));
      await ok(page);
      await page.locator('.ant-modal-body').waitFor({ state: 'detached' });
      await page.getByRole('button', { name: '修改评分' }).nth(n).waitFor(); // the list has refreshed
    }
    await page.getByText('拟入选', { exact: true }).first().waitFor();
    await e.shot(page, 'recognition-review');

    // public notice starts today for 7 days; an objection is recorded and resolved
    await page.getByRole('button', { name: '确定排名，开始公示' }).click();
    await ok(page);
    await page.getByText(/公示期 \d{4}-\d{2}-\d{2} 至/).waitFor();
    await page.getByRole('button', { name: '登记异议' }).click();
    await page.locator('#nominationId').click();
    await page.locator('.ant-select-item-option').first().click();
    await page.getByLabel('异议内容').fill('反映其服务企业数量与台账不符');
    await ok(page);
    await page.getByRole('button', { name: '核查处理' }).click();
    await page.locator('#upheld').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '异议不成立' }).click();
    await page.getByLabel('核查情况').fill('经核查台账一致，异议不成立');
    await ok(page);
    await page.getByText('异议不成立', { exact: true }).waitFor();
    await e.shot(page, 'recognition-notice');
    await context.close();

    // the public honours page (no sign-in) shows the announced 2025 selection
    const anon = await e.newPage();
    await anon.page.goto('/gold-honours');
    await anon.page.getByText('金牌荣誉榜').first().waitFor();
    await anon.page.getByRole('cell', { name: '吴晓东' }).waitFor();
    expect(await anon.page.textContent('body')).not.toContain('91.4');
    await e.shot(anon.page, 'recognition-gold-honours');
    // 上墙公布: the street mediation centre's public page
    await anon.page.goto('/mediation-orgs/mo-street-003');
    await anon.page.getByText('工作制度').waitFor();
    await anon.page.getByText('黄丽娟').waitFor();
    await e.shot(anon.page, 'rosters-mediation-org-public');
    await anon.context.close();
  });
});
