import type { Insertable } from 'kysely';
import { loadDefaultCalendar } from '../../domain/calendar/default-holidays';
import { acceptanceDue, COMPLAINT_ISSUE_LABELS, investigationDue, triage, type ComplaintIssue } from '../../domain/complaints';
import { evaluateGrade, type ViolationFact, type ViolationKind } from '../../domain/credit';
import type { Db } from '../db';
import type { Database } from '../db/schema';
import { addTimelineEvents, type TimelineEvent } from '../modules/enterprises/timeline';
import type { DemoData } from './demo-data';
import { Rng } from './random';

const ts = '2026-01-20T02:00:00.000Z';

async function insert<T extends keyof Database>(db: Db, table: T, rows: Insertable<Database[T]>[]) {
  for (let i = 0; i < rows.length; i += 200) await db.insertInto(table).values(rows.slice(i, i + 200) as never).execute();
}

const DESCRIPTIONS: Record<ViolationKind, string> = {
  ordinary: '未依法与劳动者订立书面劳动合同',
  mass_incident: '欠薪引发职工聚集',
  child_labour: '招用未满十六周岁未成年人',
  forced_labour: '以限制人身自由手段强迫劳动',
  refused_order: '逾期未履行限期整改指令',
  obstruction: '拒绝监察员进入劳动场所检查',
  criminal: '拒不支付劳动报酬被追究刑事责任',
  wage_crime_amount: '拖欠工资数额达到拒不支付劳动报酬罪标准',
};

/**
 * Labor-security supervision demo (issue 10): violations found in 2025, the closed 2025 grading round with
 * current grades, and complaints at every stage in 2026. enterprise1 is left ungraded with no complaints so
 * that the demo journey (complaint → order → grade) starts clean.
 */
export async function seedCreditDemo(db: Db, data: DemoData): Promise<void> {
  const rng = new Rng(20261010);
  const cal = loadDefaultCalendar();
  const skip = data.ids.enterprise1;
  const enterprises = data.enterprises.filter((e) => e.id !== skip);
  const violations: Insertable<Database['labor_violations']>[] = [];
  const facts = new Map<string, ViolationFact[]>();
  let n = 0;
  for (const e of enterprises) {
    const roll = rng.next();
    const kinds: ViolationKind[] = roll < 0.02 ? ['wage_crime_amount'] : roll < 0.03 ? ['obstruction'] : roll < 0.05 ? ['ordinary', 'ordinary', 'ordinary'] : roll < 0.15 ? ['ordinary'] : [];
    for (const kind of kinds) {
      const id = `vio-demo-${++n}`;
      const foundOn = `2025-${String(rng.int(2, 11)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      violations.push({ id, region_id: e.region_id, enterprise_id: e.id, kind, found_on: foundOn, description: DESCRIPTIONS[kind], source: 'inspection', source_id: null, created_by: 'usr-official', created_at: ts });
      facts.set(e.id, [...(facts.get(e.id) ?? []), { id, kind, foundOn }]);
    }
  }
  await insert(db, 'labor_violations', violations);

  const roundId = 'crd-demo-2025';
  await insert(db, 'credit_rounds', [{ id: roundId, region_id: data.ids.district, year: 2025, title: '2025年度企业劳动保障守法诚信等级评价', period_from: '2025-01-01', period_to: '2025-12-31', status: 'closed', notified_on: '2026-01-05', objection_due_on: '2026-01-19', meeting_on: '2026-01-20', minutes: '区人力资源和社会保障局召开2025年度守法诚信等级评价会议，审议拟评结果及企业异议，确定评价等级。', created_by: 'usr-official', created_at: '2026-01-05T02:00:00.000Z', closed_at: ts }]);
  const evals: Insertable<Database['credit_evaluations']>[] = [];
  const events: TimelineEvent[] = [];
  for (const e of enterprises) {
    const g = evaluateGrade(facts.get(e.id) ?? [], { from: '2025-01-01', to: '2025-12-31' });
    evals.push({ id: `cev-demo-${e.id}`, region_id: e.region_id, enterprise_id: e.id, round_id: roundId, kind: 'yearly', previous_grade: null, proposed_grade: g.grade, grade: g.grade, reasons_json: JSON.stringify(g.reasons), status: 'final', objection: null, objection_at: null, objection_outcome: null, objection_reply: null, reviewed_by: null, reviewed_at: null, effective_on: '2026-01-20', created_at: '2026-01-05T02:00:00.000Z', updated_at: ts });
    if (g.grade !== 'A') events.push({ enterpriseId: e.id, regionId: e.region_id, at: ts, kind: 'credit.grade', module: 'credit', title: `劳动保障守法诚信等级：未评价 → ${g.grade}`, detail: '2025年度企业劳动保障守法诚信等级评价确定' });
  }
  await insert(db, 'credit_evaluations', evals);
  for (const grade of ['A', 'B', 'C'] as const) {
    const ids = evals.filter((v) => v.grade === grade).map((v) => v.enterprise_id);
    for (let i = 0; i < ids.length; i += 500) await db.updateTable('enterprises').set({ credit_grade: grade, credit_graded_on: '2026-01-20' }).where('id', 'in', ids.slice(i, i + 500)).execute();
  }

  // Complaints at each stage.
  const ISSUES: ComplaintIssue[][] = [['wage_arrears'], ['no_contract'], ['wage_arrears', 'social_insurance'], ['working_hours'], ['minimum_wage'], ['social_insurance']];
  const complaints: Insertable<Database['complaints']>[] = [];
  const STAGES = ['received', 'received', 'received', 'accepted', 'accepted', 'accepted', 'rectifying', 'rectifying', 'closed', 'closed', 'closed', 'rejected'] as const;
  STAGES.forEach((status, i) => {
    const e = enterprises[(i * 7 + 3) % enterprises.length]!;
    const issues = ISSUES[i % ISSUES.length]!;
    const receivedOn = status === 'received' ? `2026-11-${String(18 + i).padStart(2, '0')}` : `2026-${String(8 + (i % 3)).padStart(2, '0')}-${String(3 + i).padStart(2, '0')}`;
    const acceptedOn = status === 'received' || status === 'rejected' ? null : acceptanceDue(cal, receivedOn);
    const workers = rng.int(1, 14);
    const anonymous = i % 4 === 0;
    complaints.push({
      id: `cmp-demo-${i + 1}`,
      region_id: e.region_id,
      tracking_code: `DEMO${String(i + 1).padStart(6, '0')}`,
      channel: (['public', 'official', '12333', 'public'] as const)[i % 4]!,
      anonymous: anonymous ? 1 : 0,
      complainant_name: anonymous ? null : `${'张王李赵刘陈'[i % 6]}某`,
      complainant_phone: anonymous ? null : `1390000${String(1000 + i)}`,
      complainant_user_id: null,
      transfer_no: i % 4 === 2 ? `12333-2026-${String(5000 + i)}` : null,
      enterprise_id: e.id,
      employer_name: e.name,
      employer_address: e.address ?? null,
      issues_json: JSON.stringify(issues),
      description: `反映${e.name}存在${issues.map((x) => COMPLAINT_ISSUE_LABELS[x]).join('、')}问题，涉及${workers}名职工。`,
      workers_affected: workers,
      amount_claimed: issues.includes('wage_arrears') ? workers * rng.int(3000, 9000) : null,
      status,
      priority: triage(issues, workers),
      received_on: receivedOn,
      accept_due_on: acceptanceDue(cal, receivedOn),
      accepted_on: acceptedOn,
      investigation_due_on: acceptedOn ? investigationDue(cal, acceptedOn, false) : null,
      extended: 0,
      extension_reason: null,
      extension_approved_by: null,
      assignee_user_id: status === 'received' ? null : 'usr-official',
      assignee_name: status === 'received' ? null : '陈立华（区人社局）',
      findings: status === 'closed' ? '经调查，反映问题属实，单位已整改到位。' : null,
      rejection_reason: status === 'rejected' ? '所反映事项属于劳动争议，请依法申请劳动争议仲裁。' : null,
      outcome: status === 'closed' ? 'violation_found' : null,
      closed_on: status === 'closed' || status === 'rejected' ? acceptanceDue(cal, `2026-10-${String(10 + i).padStart(2, '0')}`) : null,
      feedback: status === 'closed' ? '您反映的问题经查属实，已责令单位改正，单位已整改。' : null,
      signal_id: null,
      created_by: null,
      created_at: `${receivedOn}T02:00:00.000Z`,
      updated_at: `${receivedOn}T02:00:00.000Z`,
    });
    events.push({ enterpriseId: e.id, regionId: e.region_id, at: `${receivedOn}T02:00:00.000Z`, kind: 'complaint.filed', module: 'complaints', title: `收到劳动保障投诉举报：${issues.map((x) => COMPLAINT_ISSUE_LABELS[x]).join('、')}`, refType: 'complaint', refId: `cmp-demo-${i + 1}` });
  });
  await insert(db, 'complaints', complaints);
  await addTimelineEvents(db, events);
}
