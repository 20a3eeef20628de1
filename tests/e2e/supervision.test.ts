import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.stop());

/** Waits until no modal is visible (closing animations would grey the screenshot). */
const settled = (p: import('playwright-core').Page) => p.waitForFunction(() => [...document.querySelectorAll('.ant-modal')].every((m) => (m as HTMLElement).offsetParent === null));
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('supervision journeys: 双随机 draw → results → public; arrears → black list with notice and appeal → public', () => {
  it('draws a plan with a recorded seed, enters results, publishes them on the public page', async () => {
    const off = await e.newPage();
    await loginAs(off.page, 'official');
    await off.page.waitForURL('**/workspace');
    await off.page.goto('/inspections');
    await off.page.getByRole('link', { name: '2026年下半年劳动保障双随机抽查' }).click();
    await off.page.locator('input[placeholder^="随机种子"]').fill('20261126-摇号');
    await off.page.getByRole('button', { name: '随机抽取' }).click();
    await off.page.getByRole('dialog').getByRole('button', { name: /确\s*定|OK/ }).click();
    await off.page.getByText('检查中').first().waitFor();
    await off.page.getByRole('button', { name: '复算验证' }).click();
    await off.page.locator('.ant-modal-confirm-title', { hasText: '复算结果与记录一致' }).waitFor();
    await e.shot(off.page, 'inspection-verified');
    await off.page.keyboard.press('Escape');
    await off.page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
    await settled(off.page);
    await e.shot(off.page, 'inspection-drawn');

    // One result through the form, the rest through the API (the form is the same for each).
    await off.page.getByRole('button', { name: '录入结果' }).first().click();
    const dlg = off.page.getByRole('dialog', { name: /录入检查结果/ });
    await dlg.locator('#inspectedOn').fill(today());
    await dlg.locator('#inspectedOn').press('Enter');
    await dlg.locator('#findings').fill('劳动合同、工资台账齐全，未发现问题');
    await dlg.getByRole('button', { name: /确\s*定/ }).click();
    await off.page.getByText('未发现问题').first().waitFor();
    const id = off.page.url().split('/').pop()!;
    const plan = (await (await off.page.request.get(`/api/inspections/plans/${id}`)).json()) as { tasks: { id: string; result: string | null }[] };
    const csrf = (await (await off.page.request.get('/api/me')).json()) as { csrfToken?: string };
    for (const t of plan.tasks.filter((x) => !x.result)) {
      const r = await off.page.request.post(`/api/inspections/tasks/${t.id}/result`, { data: { result: 'compliant', inspectedOn: today(), findings: '未发现问题' }, headers: csrf.csrfToken ? { 'x-csrf-token': csrf.csrfToken } : {} });
      expect(r.status()).toBe(200);
    }
    await off.page.reload();
    await off.page.getByRole('button', { name: '审核并公开结果' }).click();
    await off.page.getByText('已公开').first().waitFor();
    await settled(off.page);
    await e.shot(off.page, 'inspection-published');

    const pub = await e.newPage();
    await pub.page.goto('/public/credit');
    await pub.page.getByRole('tab', { name: /双随机/ }).click();
    await pub.page.getByText('20261126-摇号').waitFor();
    await e.shot(pub.page, 'public-inspection-results');
    expect(await pub.page.textContent('body')).not.toMatch(/李建国|王海燕|工资台账齐全/);
  });

  it('an arrears case makes enterprise1 a black-list candidate; notice → appeal → decision → public query', async () => {
    const ent = await e.newPage();
    await loginAs(ent.page, 'enterprise1');
    await ent.page.waitForURL('**/workspace');
    const me = (await (await ent.page.request.get('/api/me')).json()) as { user: { enterpriseName: string } };
    const name = me.user.enterpriseName;

    const off = await e.newPage();
    await loginAs(off.page, 'official');
    await off.page.waitForURL('**/workspace');
    await off.page.goto('/wage');
    await off.page.getByText('逾期未支付月份').waitFor();
    await off.page.getByRole('button', { name: '运行欠薪监测' }).click();
    await off.page.getByText(/新增欠薪预警|未发现新的逾期/).waitFor();
    await e.shot(off.page, 'wage-projects');
    await off.page.getByRole('button', { name: '欠薪立案' }).click();
    const dlg = off.page.getByRole('dialog', { name: '欠薪立案' });
    await dlg.locator('#enterpriseId').fill(name.slice(0, 4));
    await off.page.locator('.ant-select-item-option', { hasText: name }).first().click();
    await dlg.locator('#description').fill('车间12名工人9月至10月工资被拖欠，聚集讨薪');
    await dlg.locator('#workers').fill('12');
    await dlg.locator('#amountOwed').fill('96000');
    await dlg.locator('#openedOn').fill(today());
    await dlg.locator('#openedOn').press('Enter');
    await dlg.locator('#massIncident').check();
    await dlg.getByRole('button', { name: /确\s*定/ }).click();
    await off.page.getByRole('cell', { name: name }).first().waitFor();
    await settled(off.page);
    await e.shot(off.page, 'wage-arrears');

    await off.page.goto('/credit-lists');
    await off.page.getByRole('tab', { name: /符合列入条件/ }).click();
    const row = off.page.getByRole('row', { name: new RegExp(name) });
    await row.getByRole('button', { name: '告知拟列入' }).click();
    const notice = off.page.getByRole('dialog', { name: '告知拟列入名单' });
    await notice.locator('#reason').fill('拖欠12名农民工工资引发聚集讨薪，造成不良社会影响');
    await notice.getByRole('button', { name: /确\s*定/ }).click();
    await off.page.getByRole('tab', { name: /名单记录/ }).click();
    await off.page.getByRole('row', { name: new RegExp(name) }).getByText('已告知（陈述申辩期）').waitFor();
    await settled(off.page);
    await e.shot(off.page, 'credit-list-noticed');

    await ent.page.goto('/credit-lists');
    await ent.page.getByRole('button', { name: '陈述申辩' }).click();
    await ent.page.locator('#reason').fill('已于本周补发部分工资，聚集系劳务班组个别人员所致');
    await ent.page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await ent.page.getByText('已申辩待决定').waitFor();
    await settled(ent.page);
    await e.shot(ent.page, 'credit-list-appealed');

    await off.page.reload();
    await off.page.getByRole('row', { name: new RegExp(name) }).getByRole('button', { name: '作出决定' }).click();
    const decide = off.page.getByRole('dialog', { name: '作出列入决定' });
    await decide.getByText('企业申辩').waitFor();
    await decide.locator('#reply').fill('申辩理由不成立：欠薪事实清楚，未全部清偿');
    await decide.getByRole('button', { name: /确\s*定/ }).click();
    await off.page.getByRole('row', { name: new RegExp(name) }).getByText('已列入').waitFor();
    await settled(off.page);
    await e.shot(off.page, 'credit-list-listed');

    const pub = await e.newPage();
    await pub.page.goto('/public/credit');
    await pub.page.getByText('拖欠农民工工资失信联合惩戒对象名单').click();
    await pub.page.getByRole('cell', { name }).waitFor();
    await e.shot(pub.page, 'public-black-list');
  });
});
