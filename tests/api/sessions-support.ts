import { expect } from 'vitest';
import type { Client, TestApp } from '../support/test-app';

/** A case of mediator1's organisation: worker1 (by phone) against enterprise1, accepted for mediation. */
export async function mediationCase(t: TestApp, m1: Client) {
  const uscc = t.demo.enterprises.find((e) => e.id === t.demo.ids.enterprise1)!.uscc;
  const today = new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const r = await m1.post('/api/cases', {
    respondentUscc: uscc,
    applicants: [{ name: '李建国', phone: '13800000001' }],
    claims: [{ type: 'wage_arrears', amount: 8000 }],
    facts: '申请人在被申请人处工作，被申请人拖欠2个月工资共计8000元。',
    receivedDate: today,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const acc = await m1.post(`/api/cases/${r.body.id}/actions`, { action: 'accept_mediation', version: r.body.version });
  expect(acc.status, JSON.stringify(acc.body)).toBe(200);
  return r.body as { id: string; caseNo: string };
}

export async function schedule(t: TestApp, m1: Client, caseId: string, over: Record<string, unknown> = {}) {
  const at = new Date(t.clock.now().getTime() + 3_600_000).toISOString();
  const r = await m1.post(`/api/cases/${caseId}/sessions`, { scheduledAt: at, mode: 'text_video', ...over });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; link: string; video: { enabled: boolean; url: string | null; message: string } };
}
