import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ enterpriseCount: 20 });
});
afterAll(() => t.close());

describe('money keeps its cents on both databases (migration 0018)', () => {
  it('a claim of 12,345,678.91 yuan comes back exactly', async () => {
    const m1 = await t.login('mediator1');
    const uscc = t.demo.enterprises.find((e) => e.id === t.demo.ids.enterprise1)!.uscc;
    const today = new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const r = await m1.post('/api/cases', {
      respondentUscc: uscc,
      applicants: [{ name: '李建国', phone: '13800000001' }],
      claims: [{ type: 'wage_arrears', amount: 12_345_678.91 }],
      facts: '集体欠薪，金额较大。',
      receivedDate: today,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const got = await m1.get(`/api/cases/${r.body.id}`);
    expect(got.body.claims[0].amount).toBe(12_345_678.91);
  });
});
