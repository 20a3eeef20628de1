import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.stop());

describe('login and workspace for every role', () => {
  it.each([
    ['admin', '系统管理工作台'],
    ['official', '部门工作台'],
    ['union', '部门工作台'],
    ['arbitrator', '仲裁工作台'],
    ['mediator1', '新桥街道劳动争议调解中心 工作台'],
    ['mediator2', '劳动关系联处中心调解室 工作台'],
    ['coordinator1', '协调员工作台'],
    ['enterprise1', '有限公司'],
  ])('%s signs in and sees the workspace', async (username, title) => {
    const { page, context } = await e.newPage();
    await loginAs(page, username);
    await page.waitForURL('**/workspace');
    await expect.poll(() => page.locator('h3').first().textContent()).toContain(title);
    await page.locator('.ant-statistic').first().waitFor();
    expect(await page.title()).toBe('和谐 · 劳动关系公共服务平台');
    await e.shot(page, `workspace-${username}`);
    await context.close();
  });

  it('worker1 signs in with a password and lands in the mobile portal', async () => {
    const { page, context } = await e.newPage({ mobile: true });
    await loginAs(page, 'worker1');
    await page.waitForURL('**/portal');
    await page.getByText('您好，李建国').waitFor();
    await e.shot(page, 'portal-worker1');
    await context.close();
  });

  it('a wrong password shows the Chinese error', async () => {
    const { page, context } = await e.newPage();
    await loginAs(page, 'official', 'wrong');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('用户名或密码错误');
    await e.shot(page, 'login-error');
    await context.close();
  });

  it('a mediator opening the audit log gets the 403 page; the admin sees entries', async () => {
    const { page, context } = await e.newPage();
    await loginAs(page, 'mediator1');
    await page.waitForURL('**/workspace');
    await page.goto('/admin/audit');
    await page.getByText('您没有权限访问此页面').waitFor();
    await context.close();
    const admin = await e.newPage();
    await loginAs(admin.page, 'admin');
    await admin.page.waitForURL('**/workspace');
    await admin.page.goto('/admin/audit');
    await admin.page.locator('td', { hasText: 'auth.login' }).first().waitFor();
    await e.shot(admin.page, 'admin-audit');
    await admin.context.close();
  });

  it('the portal login page renders at phone size', async () => {
    const { page, context } = await e.newPage({ mobile: true });
    await page.goto('/portal/login');
    await page.getByText('获取验证码').waitFor();
    await e.shot(page, 'portal-login');
    await context.close();
  });
});
