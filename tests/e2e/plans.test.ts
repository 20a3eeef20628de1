import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.stop());

async function workbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务分工');
  ws.addRow(['新桥片区综合试验区任务分工']);
  ws.addRow(['序号', '重点任务', '具体措施', '完成时限', '总体目标', '阶段性目标', '牵头单位', '配合单位']);
  ws.addRow(['1', '健全协调机制', '建立劳动关系三方联席会议制度。每季度召开一次。', '2027年6月', '机制健全', '2027年3月：召开首次会议', '区人社局', '区总工会、区工商联']);
  ws.addRow(['2', '', '建设劳动关系公共服务站。', '2027年12月', '', '', '区人力资源社会保障局', '区总工会']);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hexie-plan-')), '任务分工.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

describe('plans journey', () => {
  it('official imports a plan, reports progress, approves it, and reads the cockpit', async () => {
    const { page, context } = await e.newPage();
    await loginAs(page, 'official');
    await page.waitForURL('**/workspace');
    await page.goto('/plans');
    await page.getByText('云溪区劳动关系“和谐同行”能力提升三年行动计划实施方案').waitFor();
    await e.shot(page, 'plans-list');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /导入任务分工表/ }).click();
    await (await chooser).setFiles(await workbook());
    await page.waitForURL(/\/plans\/[0-9A-Z]+$/);
    await page.getByText('建立劳动关系三方联席会议制度').waitFor();
    await e.shot(page, 'plan-imported');

    await page.getByText('建立劳动关系三方联席会议制度').click();
    await page.getByLabel('报送期').fill('2026-11');
    await page.getByLabel('进展情况').fill('已拟定联席会议制度草案，征求三方意见。');
    await page.getByLabel('完成进度（%）').fill('40');
    await page.getByRole('button', { name: /报送进展/ }).click();
    await page.getByText('待审核').waitFor();
    await page.getByRole('button', { name: /通\s*过/ }).click();
    await page.getByText('已通过').waitFor();
    await e.shot(page, 'plan-report-approved');
    await page.locator('.ant-drawer-close').click();
    await page.locator('.ant-table-row').first().getByText('40%').waitFor();

    // the plan stays editable: rename a measure and add a stage target
    await page.getByTestId('edit-task-1').click();
    await page.getByLabel('具体措施', { exact: true }).fill('建立劳动关系三方联席会议制度（每季度一次）');
    await page.getByRole('button', { name: /添加阶段/ }).click();
    await page.getByPlaceholder('阶段性目标').last().fill('召开第二次联席会议');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.locator('.ant-form-item-explain-error').getByText('请选择阶段时限').waitFor();
    await e.shot(page, 'plan-edit-validation');
    await page.getByPlaceholder('阶段时限').last().fill('2027-05-31');
    await page.getByPlaceholder('阶段时限').last().press('Enter');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('方案已更新').waitFor();
    await page.getByText('建立劳动关系三方联席会议制度（每季度一次）').waitFor();
    await page.getByText('第2版').waitFor();
    await e.shot(page, 'plan-edited');

    await page.goto('/cockpit');
    await page.getByTestId('indicator-standardized_mediation_orgs').waitFor();
    await expect.poll(() => page.locator('[data-testid^="indicator-"]').count()).toBe(18);
    await e.shot(page, 'cockpit');
    await page.getByTestId('indicator-new_unions').click();
    await page.getByText('数字背后的记录').waitFor();
    await page.locator('.ant-drawer .ant-table-row').first().waitFor();
    await e.shot(page, 'cockpit-drill');
    await page.locator('.ant-drawer-close').click();
    await page.getByRole('button', { name: /大屏模式/ }).click();
    await page.getByRole('button', { name: /退出大屏/ }).waitFor();
    await e.shot(page, 'cockpit-big-screen');
    await context.close();
  }, 150_000);

  it('official sets a target, a unit enters a figure, reviewers score an evaluation round', async () => {
    const { page, context } = await e.newPage();
    await loginAs(page, 'official');
    await page.waitForURL('**/workspace');
    await page.goto('/indicators');
    await page.getByTestId('target-mediator_training_sessions').waitFor();
    await expect.poll(() => page.getByText('平台计算').count()).toBeGreaterThan(10);
    await page.getByTestId('target-mediator_training_sessions').click();
    await page.getByLabel(/目标值/).fill('-1');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('目标值不能为负').waitFor();
    await page.getByLabel(/目标值/).fill('6');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('目标已保存').waitFor();
    await page.getByTestId('enter-mediator_training_sessions').click();
    await page.getByLabel('统计期').fill('2026-13');
    await page.getByLabel(/数值/).fill('5');
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText('统计期格式为YYYY或YYYY-MM').waitFor();
    await e.shot(page, 'indicator-entry-validation');
    await page.getByLabel('统计期').fill('2026-11');
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText('已填报').waitFor();
    await page.getByRole('row', { name: /调解员培训/ }).getByText('5场').waitFor();
    await e.shot(page, 'indicators');

    await page.goto('/evaluations');
    await page.getByText('尚未发起评估').waitFor();
    await e.shot(page, 'evaluations-empty');
    await page.getByRole('button', { name: /发起评估/ }).click();
    await page.getByLabel('评估名称').fill('云溪区综合试验区中期评估');
    await page.getByLabel('评估指标').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '劳动人事争议调解成功率' }).click();
    // The option list is virtual: walk to the option with the keyboard (it may be outside the rendered window).
    for (let i = 0; i < 60; i++) {
      const active = (await page.locator('.ant-select-item-option-active').first().textContent()) ?? '';
      if (active.includes('新建工会企业')) break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByText('评估名称').click();
    await page.getByRole('button', { name: /发\s*起/ }).last().click();
    await page.waitForURL(/\/evaluations\/[0-9A-Z]+$/);
    await page.getByTestId('score-new_unions').click();
    await page.getByLabel('得分').fill('12');
    await page.getByRole('button', { name: /保存评分/ }).click();
    await page.getByText('得分不能超过满分').waitFor();
    await page.getByLabel('得分').fill('8');
    await page.getByRole('button', { name: /保存评分/ }).click();
    await page.getByText('评分已保存').waitFor();
    await page.getByLabel('意见内容').fill('部分街道建会工作进度滞后，需加强督导。');
    await page.getByRole('button', { name: /提交意见/ }).click();
    await page.getByText('部分街道建会工作进度滞后，需加强督导。').waitFor();
    await page.getByText('80%').first().waitFor();
    await e.shot(page, 'evaluation-scored');
    await page.getByRole('button', { name: /结束评估/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('评估已结束').waitFor();
    await e.shot(page, 'evaluation-closed');
    await context.close();
  }, 150_000);
});
