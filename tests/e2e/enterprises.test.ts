import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../src/domain/identifiers/uscc';
import { loginAs, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.stop());

const code = (n: number) => {
  const b = `91440300${String(n).padStart(9, '0')}`;
  return b + usccCheckChar(b);
};

describe('enterprise registry journey (official)', () => {
  it('imports a ledger: report, commit, then filters the list and opens the detail', async () => {
    const { page, context } = await e.newPage();
    await loginAs(page, 'official');
    await page.waitForURL('**/workspace');
    await page.getByTestId('card-enterprises').getByText('查看').click();
    await page.waitForURL('**/enterprises');
    await page.getByRole('button', { name: '导入台账' }).click();
    await page.waitForURL('**/enterprises/import');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hexie-e2e-csv-')), '台账.csv');
    fs.writeFileSync(
      file,
      ['单位名称,信用代码,镇街,职工人数,是否建会', `云溪浏览器导入有限公司,${code(9001)},新桥街道,66,是`, `云溪浏览器二号有限公司,${code(9002)},青湖街道,12,否`, `坏行有限公司,123,火星街道,十,否`].join('\n'),
    );
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText('校验完成（试导入）').waitFor();
    await page.getByRole('cell', { name: '未知的街道（镇）“火星街道”' }).waitFor();
    await e.shot(page, 'enterprise-import-report');
    await page.getByRole('button', { name: /提交导入/ }).click();
    await page.getByText('导入完成', { exact: true }).first().waitFor();
    await e.shot(page, 'enterprise-import-committed');
    await page.getByRole('link', { name: '查看企业名录' }).click();
    await page.getByPlaceholder('企业名称或统一社会信用代码').fill('浏览器');
    await page.getByPlaceholder('企业名称或统一社会信用代码').press('Enter');
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(2);
    await page.getByTestId('filter-union').click();
    await page.getByTitle('已建会').click();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(1);
    expect(page.url()).toContain('union=yes');
    await e.shot(page, 'enterprise-list-filtered');
    await page.getByRole('link', { name: '云溪浏览器导入有限公司' }).click();
    await page.getByTestId('timeline').getByText('台账导入：新增企业').waitFor();
    await e.shot(page, 'enterprise-detail');
    // An enterprise at red risk: its timeline gathers alerts and signals, each tagged with its module.
    await page.goto(`${e.baseUrl}/enterprises?risk=red&sort=headcount&order=desc`);
    await page.locator('.ant-table-row a').first().click();
    await page.getByTestId('timeline').getByText('风险信号', { exact: true }).first().waitFor();
    await e.shot(page, 'enterprise-detail-timeline');
    await context.close();
  });

  it('opens the union-brain dashboard, clicks a chart through to the list, and shows the big screen', async () => {
    const { page, context } = await e.newPage();
    await loginAs(page, 'union');
    await page.waitForURL('**/workspace');
    await page.goto('/dashboard');
    const panel = page.getByTestId('panel-street');
    const canvas = panel.locator('canvas').first();
    await canvas.waitFor();
    await page.waitForTimeout(500);
    await e.shot(page, 'union-brain-dashboard');
    const box = (await canvas.boundingBox())!;
    // ECharts grid: left 48, right 16, bottom 48; 8 streets — click the first bar just above the axis.
    await page.mouse.click(box.x + 48 + ((box.width - 64) * 0.5) / 8, box.y + box.height - 52);
    await page.waitForURL(/\/enterprises\?street=441999001/);
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(0);
    await e.shot(page, 'dashboard-click-through');
    await page.goto('/dashboard/screen');
    await page.getByTestId('big-screen').getByText('每分钟自动刷新', { exact: false }).waitFor();
    await page.locator('[data-testid=big-screen] canvas').first().waitFor();
    await page.waitForTimeout(500);
    await e.shot(page, 'union-brain-big-screen');
    await context.close();
  });
});
