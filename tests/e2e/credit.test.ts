import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.stop());

const future = (days: number) => new Date(Date.now() + days * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);

describe('labor-security supervision journey', () => {
  it('a public complaint → accepted → rectification order → closed with a violation → the grade drops', async () => {
    // enterprise1 (ungraded in the demo) is the employer complained about.
    const ent = await e.newPage();
    await loginAs(ent.page, 'enterprise1');
    await ent.page.waitForURL('**/workspace');
    const me = (await (await ent.page.request.get('/api/me')).json()) as { user: { enterpriseId: string; enterpriseName: string } };
    const { enterpriseId, enterpriseName } = me.user;
    expect(enterpriseName).toBeTruthy();

    // 1. An anonymous report from the public page.
    const pub = await e.newPage();
    await pub.page.goto('/public/complaint');
    await pub.page.locator('#employerName').fill(enterpriseName);
    await pub.page.getByLabel('拖欠、克扣工资').check();
    await pub.page.locator('#description').fill('公司已连续两个月未发放工资，车间12名工人多次催要未果。');
    await pub.page.locator('#workersAffected').fill('12');
    await pub.page.locator('#anonymous').click();
    await e.shot(pub.page, 'complaint-public-form');
    await pub.page.getByRole('button', { name: /提\s*交/ }).click();
    const code = (await pub.page.getByTestId('tracking-code').textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{10}$/);
    await e.shot(pub.page, 'complaint-public-filed');

    // 2. The inspector accepts it, issues a 限期整改指令书 and closes it with a violation found.
    const off = await e.newPage();
    await loginAs(off.page, 'official');
    await off.page.waitForURL('**/workspace');
    await off.page.goto('/complaints');
    await off.page.getByRole('link', { name: enterpriseName }).first().click();
    await off.page.getByText(`投诉举报：${enterpriseName}`).waitFor();
    const ok = (title: string) => off.page.getByRole('dialog', { name: title }).getByRole('button', { name: /确\s*定/ }).click();
    await off.page.getByRole('button', { name: '受理立案' }).click();
    await ok('受理立案');
    await off.page.getByText('已受理立案（调查中）').first().waitFor();
    await off.page.getByRole('button', { name: '下达限期整改指令书' }).click();
    await off.page.locator('#findings').fill('拖欠12名劳动者2026年9月至10月工资');
    await off.page.locator('#items').fill('足额补发拖欠工资\n建立工资支付台账');
    await off.page.locator('#dueOn').fill(future(20));
    await e.shot(off.page, 'complaint-order-form');
    await off.page.locator('#dueOn').press('Enter'); // confirms the date and submits the form
    await off.page.getByText(/劳监限改〔\d{4}〕\d+号/).waitFor();
    await e.shot(off.page, 'complaint-rectification-order');
    await off.page.getByRole('button', { name: /^办\s*结$/ }).click();
    await off.page.locator('#findings').fill('拖欠工资属实，单位已按整改指令补发');
    await off.page.locator('#feedback').fill('经查，您反映的欠薪问题属实，单位已补发全部工资。');
    await ok('办结');
    await off.page.getByText('已办结').first().waitFor();

    // 3. The grade on the enterprise page has dropped to B (dynamic adjustment), and the complainant sees the result.
    await off.page.goto(`/enterprises/${enterpriseId}`);
    const card = off.page.getByTestId('credit-card');
    await card.getByText('B级（基本守法诚信）').waitFor();
    expect(await card.textContent()).toContain('动态调整');
    await off.page.getByTestId('timeline').getByText('下达劳动保障监察限期整改指令书').first().waitFor();
    await e.shot(off.page, 'credit-enterprise-grade');
    await pub.page.locator('input[placeholder="请输入查询码"]').fill(code);
    await pub.page.getByRole('button', { name: /查\s*询/ }).click();
    await pub.page.getByText('经查，您反映的欠薪问题属实').waitFor();
    expect(await pub.page.textContent('body')).not.toContain(enterpriseName);

    await off.page.goto('/credit');
    await off.page.getByText('年度评价批次').waitFor();
    await e.shot(off.page, 'credit-overview');
  });
});
