import {
  CASE_STAGE_LABELS,
  CLAIM_TYPE_LABELS,
  CASE_SOURCE_LABELS,
  type CaseSource,
  type CaseStage,
  type ClaimType,
} from '../../../domain/cases/claim-types';
import { assessCollective } from '../../../domain/cases/collective';
import { DEADLINE_KINDS, DEADLINE_RULES, deadlineStatus, type Deadlines } from '../../../domain/cases/deadlines';
import { CASE_ACTION_LABELS, CASE_STATUS_LABELS, type CaseStatus } from '../../../domain/cases/state-machine';
import { maskPhone } from '../../../domain/identifiers/id-number';
import type { CaseApplicantTable, CaseClaimTable } from '../../db/schema';
import type { CaseRow } from './repo';

export function dueStatusOf(c: Pick<CaseRow, 'next_due'>, today: string) {
  return c.next_due ? deadlineStatus(c.next_due, today) : null;
}

export function presentListItem(c: CaseRow & { org_name?: string | null }, today: string) {
  return {
    id: c.id,
    caseNo: c.case_no,
    status: c.status,
    statusLabel: CASE_STATUS_LABELS[c.status as CaseStatus] ?? c.status,
    stage: c.stage,
    stageLabel: CASE_STAGE_LABELS[c.stage as CaseStage] ?? c.stage,
    receivedDate: c.received_date,
    organizationId: c.org_id,
    organizationName: c.org_name ?? null,
    respondentName: c.respondent_name,
    applicantCount: c.applicant_count,
    primaryClaimType: c.primary_claim_type,
    primaryClaimLabel: CLAIM_TYPE_LABELS[c.primary_claim_type as ClaimType] ?? c.primary_claim_type,
    collective: c.collective === 1,
    amountClaimed: c.amount_claimed,
    nextDue: c.next_due,
    nextDueLabel: c.next_due_kind ? (DEADLINE_RULES[c.next_due_kind as keyof typeof DEADLINE_RULES]?.label ?? null) : null,
    dueStatus: dueStatusOf(c, today),
    closedOn: c.closed_on,
    result: c.result,
    version: c.version,
  };
}

export function presentDeadlines(d: Deadlines) {
  const deadlines: Record<string, string> = {};
  for (const k of DEADLINE_KINDS) if (d[k]) deadlines[k] = d[k];
  const rules = Object.keys(deadlines).map((k) => ({ kind: k, due: deadlines[k]!, ...DEADLINE_RULES[k as keyof typeof DEADLINE_RULES] }));
  return { deadlines, deadlineDetails: rules, limitationByClaim: d.limitationByClaim, deadlineWarnings: d.warnings };
}

export function presentApplicant(a: CaseApplicantTable) {
  return {
    id: a.id,
    name: a.name,
    phoneMasked: a.phone ? maskPhone(a.phone) : null,
    idNumberMasked: a.id_number_masked,
    linkedUser: !!a.user_id,
  };
}

export function presentClaim(c: CaseClaimTable) {
  return {
    type: c.type,
    typeLabel: CLAIM_TYPE_LABELS[c.type as ClaimType] ?? c.type,
    amount: c.amount,
    periodFrom: c.period_from,
    periodTo: c.period_to,
    description: c.description,
  };
}

export const sourceLabel = (s: string) => CASE_SOURCE_LABELS[s as CaseSource] ?? s;
export const actionLabel = (a: string) => (CASE_ACTION_LABELS as Record<string, string>)[a] ?? EXTRA_EVENT_LABELS[a] ?? a;

const EXTRA_EVENT_LABELS: Record<string, string> = {
  create: '登记案件',
  update: '修改案件信息',
  document: '生成文书',
  attachment: '上传附件',
  agreement: '登记协议',
  payment: '登记履行',
  visit: '履行回访',
  remind: '履行提醒',
  publish: '发布典型案例',
  unpublish: '撤回典型案例',
  agreement_confirm: '当事人在线确认协议',
  agreement_effective: '协议经双方确认生效',
  party_response: '用人单位答复',
  rating: '当事人评价服务',
  session_scheduled: '预约在线调解',
  session_cancelled: '取消在线调解',
  session_closed: '在线调解结束',
};

export function collectiveInfo(applicantCount: number, collectiveContract = false) {
  return assessCollective({ workerCount: applicantCount, collectiveContract });
}
