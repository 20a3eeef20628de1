import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../src/server/seed/demo-data';
import { loginAs, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.stop());

describe('risk: from a pushed headcount drop to a closed alert', () => {
  it('the social-insurance feed reports a drop; an official assigns, a coordinator assesses and handles, the official closes', async () => {
    const demo = generateDemoData();
    const target = [...demo.enterprises].reverse().find((x) => x.region_id === demo.ids.park && (x.headcount ?? 0) >= 100 && x.id !== demo.ids.enterprise1)!;
    const push = await fetch(`${e.baseUrl}/api/feeds/headcount`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo-provider-key-2026', 'content-type': 'application/json' },
      body: JSON.stringify({ records: [{ uscc: target.uscc, month: '2026-10', insuredCount: target.headcount! }, { uscc: target.uscc, month: '2026-11', insuredCount: target.headcount! - 38 }] }),
    });
    expect(push.status).toBe(200);

    const { page, context } = await e.newPage();
    await loginAs(page, 'official');
    await page.waitForURL('**/workspace');
    await page.goto('/risk/map');
    await page.getByText('街道、园区风险分布').waitFor();
    await page.locator('canvas').first().waitFor();
    await e.shot(page, 'risk-map');

    await page.goto(`/risk/alerts?uscc=${target.uscc}`);
    await page.getByRole('link', { name: target.name }).click();
    await page.getByText('规模性裁员').first().waitFor();
    await expect.poll(() => page.getByText('参保人数较 2026-10 减少 38 人').count()).toBeGreaterThan(0);
    await e.shot(page, 'risk-alert-open');

    await page.getByRole('button', { name: /^分\s*派$/ }).click();
    await page.getByLabel('协调员', { exact: true }).click();
    await page.getByTitle('吴晓东（劳动关系协调员）').click();
    await page.getByLabel('分派说明').fill('请于24小时内走访核实');
    await page.getByRole('button', { name: /^提\s*交$/ }).click();
    await page.locator('.ant-steps-item-process', { hasText: '已分派' }).waitFor();
    await context.close();

    const coordinator = await e.newPage();
    await loginAs(coordinator.page, 'coordinator1');
    await coordinator.page.waitForURL('**/workspace');
    await coordinator.page.goto(`/risk/alerts?uscc=${target.uscc}`);
    await coordinator.page.getByRole('link', { name: target.name }).click();
    await coordinator.page.getByRole('button', { name: /^研\s*判$/ }).click();
    await coordinator.page.getByLabel('研判意见').fill('走访核实：订单减少，企业已裁减38人，未履行提前三十日说明程序');
    await coordinator.page.getByRole('button', { name: /^提\s*交$/ }).click();
    await coordinator.page.locator('.ant-steps-item-process', { hasText: '研判中' }).waitFor();
    await coordinator.page.getByRole('button', { name: /^处\s*置$/ }).click();
    await coordinator.page.getByLabel('处置措施').fill('约谈企业负责人，指导依法补正裁员程序并足额支付经济补偿');
    await coordinator.page.getByRole('button', { name: /^提\s*交$/ }).click();
    await coordinator.page.locator('.ant-steps-item-process', { hasText: '处置中' }).waitFor();
    expect(await coordinator.page.getByRole('button', { name: /^销\s*号$/ }).count()).toBe(0);
    await coordinator.context.close();

    const official = await e.newPage();
    await loginAs(official.page, 'official');
    await official.page.waitForURL('**/workspace');
    await official.page.goto(`/risk/alerts?uscc=${target.uscc}&status=`);
    await official.page.getByRole('link', { name: target.name }).click();
    await official.page.getByRole('button', { name: /^销\s*号$/ }).click();
    await official.page.getByLabel('销号结果').fill('企业已补正程序并支付经济补偿，职工情绪稳定');
    await official.page.getByRole('button', { name: /^提\s*交$/ }).click();
    await official.page.getByText('销号成功').waitFor();
    await official.page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
    await official.page.getByText('企业已补正程序并支付经济补偿，职工情绪稳定').first().waitFor();
    await e.shot(official.page, 'risk-alert-closed');
    await official.page.goto('/risk/alerts');
    await official.page.locator('.ant-table-row').first().waitFor();
    await e.shot(official.page, 'risk-alerts');
    await official.context.close();
  });

  it('an admin previews a rule change', async () => {
    const { page, context } = await e.newPage();
    await loginAs(page, 'admin');
    await page.waitForURL('**/workspace');
    await page.goto('/risk/rules');
    await page.getByLabel('黄色阈值（分）').fill('15');
    await page.getByRole('button', { name: '预览影响' }).click();
    await page.getByText(/按新规则将有 \d+ 家企业的风险等级发生变化/).waitFor();
    await e.shot(page, 'risk-rules-preview');
    await context.close();
  });
});
