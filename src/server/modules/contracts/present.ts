import { contractRestDay } from './calendar';
import { can } from '../../../domain/access/policy';
import { checkClauses, type MinimumWage } from '../../../domain/contracts/clauses';
import { checkTerm, filingDeadline, reviewClock } from '../../../domain/contracts/deadlines';
import { CONTRACT_KIND_LABELS, CONTRACT_SCOPE_LABELS, CONTRACT_STATUS_LABELS, allowedActions, type ContractKind, type ContractScope, type ContractStatus } from '../../../domain/contracts/types';
import type { AuthPrincipal } from '../../context';
import type { ContractRow } from './repo';

/**
 * The status as of today: a contract under review whose 15 days have passed is effective (劳动合同法 第五十四条),
 * an effective one whose term has ended is expired. The contract job persists both; reads do not wait for it.
 */
export function statusOn(row: ContractRow, today: string): ContractStatus {
  const s = row.status as ContractStatus;
  const effective = s === 'effective' || (s === 'under_review' && !!row.review_deadline && today > row.review_deadline);
  if (effective) return row.term_end && row.term_end < today ? 'expired' : 'effective';
  return s;
}

export function contractAbilities(row: ContractRow, p: AuthPrincipal | null, today: string, isReviewer: boolean) {
  const status = statusOn(row, today);
  const manage = can(p, 'contract.manage', { regionId: row.region_id, enterpriseId: row.enterprise_id });
  const editable = status === 'draft' || status === 'objected';
  const actions = allowedActions(status);
  return {
    update: manage && editable,
    upload: manage && editable,
    submit: manage && actions.includes('submit') && !!row.file_key,
    withdraw: manage && actions.includes('withdraw'),
    review: isReviewer && status === 'under_review' && can(p, 'contract.review', { regionId: row.region_id }),
    renew: manage && (status === 'effective' || status === 'expired'),
  };
}

export function presentContract(row: ContractRow, p: AuthPrincipal | null, today: string, isReviewer: boolean, names: { enterpriseName?: string | null; regionName?: string | null } = {}) {
  const status = statusOn(row, today);
  const clock = row.received_on ? reviewClock(row.received_on, today, contractRestDay) : null;
  const filingDue = row.signed_on ? filingDeadline(row.signed_on) : null;
  return {
    id: row.id,
    title: row.title,
    scope: row.scope as ContractScope,
    scopeLabel: CONTRACT_SCOPE_LABELS[row.scope as ContractScope],
    kind: row.kind as ContractKind,
    kindLabel: CONTRACT_KIND_LABELS[row.kind as ContractKind],
    status,
    statusLabel: CONTRACT_STATUS_LABELS[status],
    regionId: row.region_id,
    regionName: names.regionName ?? null,
    enterpriseId: row.enterprise_id,
    enterpriseName: names.enterpriseName ?? null,
    industryCode: row.industry_code,
    employerRepresentative: row.employer_representative,
    workerRepresentative: row.worker_representative,
    negotiatedOn: row.negotiated_on,
    signedOn: row.signed_on,
    congressOn: row.congress_on,
    congressVotesFor: row.congress_votes_for,
    congressDelegates: row.congress_delegates,
    termStart: row.term_start,
    termEnd: row.term_end,
    term: row.term_start && row.term_end ? checkTerm(row.term_start, row.term_end) : null,
    coveredEmployees: row.covered_employees,
    file: row.file_key ? { name: row.file_name, mime: row.file_mime, size: row.file_size, searchable: row.searchable === 1 } : null,
    submittedBySide: row.submitted_by_side,
    submittedOn: row.submitted_on,
    /** 集体合同规定 第四十二条: filed within 10 days of the signatures. */
    filing: filingDue ? { due: filingDue, late: !!row.submitted_on && row.submitted_on > filingDue } : null,
    receivedOn: row.received_on,
    reviewClock: status === 'under_review' || (row.status === 'under_review' && clock) ? clock : null,
    reviewDeadline: row.review_deadline,
    reviewedOn: row.reviewed_on,
    reviewOpinion: row.review_opinion,
    effectiveOn: row.effective_on ?? ((status === 'effective' || status === 'expired') && clock ? clock.effectiveOn : null),
    expired: status === 'expired',
    previousContractId: row.previous_contract_id,
    negotiationId: row.negotiation_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    abilities: contractAbilities(row, p, today, isReviewer),
  };
}

export function clauseReport(row: ContractRow, minimumWage: MinimumWage | undefined) {
  return checkClauses(row.text ?? '', row.kind as ContractKind, minimumWage);
}
