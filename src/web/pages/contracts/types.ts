/** Shapes of the collective-contract API responses used by the pages. */
export interface ContractItem {
  id: string;
  title: string;
  scope: string;
  scopeLabel: string;
  kind: string;
  kindLabel: string;
  status: string;
  statusLabel: string;
  regionId: string;
  regionName: string | null;
  enterpriseId: string | null;
  enterpriseName: string | null;
  employerRepresentative: string | null;
  workerRepresentative: string | null;
  negotiatedOn: string | null;
  signedOn: string | null;
  congressOn: string | null;
  congressVotesFor: number | null;
  congressDelegates: number | null;
  termStart: string | null;
  termEnd: string | null;
  term: { ok: boolean; years: number; reason?: string } | null;
  coveredEmployees: number | null;
  file: { name: string; size: number; searchable: boolean } | null;
  filing: { due: string; late: boolean } | null;
  receivedOn: string | null;
  reviewClock: { deadline: string; daysLeft: number; elapsed: number; lapsed: boolean; effectiveOn: string } | null;
  reviewedOn: string | null;
  reviewOpinion: string | null;
  effectiveOn: string | null;
  expired: boolean;
  previousContractId: string | null;
  negotiationId: string | null;
  abilities: { update: boolean; upload: boolean; submit: boolean; withdraw: boolean; review: boolean; renew: boolean };
  match?: { score: number; snippet: string; terms: string[]; highlights: [number, number][] };
  daysLeft?: number;
  renewal?: { negotiationId: string | null; contractId: string | null };
}

export interface Excerpt {
  start: number;
  end: number;
  text: string;
}
export type Finding =
  | { type: 'subject'; code: string; label: string; required: boolean; present: boolean; excerpts: Excerpt[]; message: string }
  | { type: 'special'; label: string; present: boolean; excerpts: Excerpt[]; message: string }
  | { type: 'wage_below_minimum'; amount: number; unit: string; minimum: number; excerpts: Excerpt[]; message: string }
  | { type: 'no_text'; message: string };

export interface ContractDetail extends ContractItem {
  text: string;
  minimumWage: { monthly: number; hourly: number; regionId: string; effectiveFrom: string } | null;
  clauseCheck: { findings: Finding[]; problems: number; covered: number; required: number };
  enterpriseCount: number;
  events: { at: string; onDate: string; action: string; actorName: string | null; note: string | null }[];
}

export interface Paged<T> {
  items: T[];
  total: number;
}

export const STATUS_COLORS: Record<string, string> = { draft: 'default', under_review: 'processing', effective: 'success', objected: 'error', withdrawn: 'default', expired: 'warning' };
export const KIND_OPTIONS = [
  { value: 'comprehensive', label: '综合性集体合同' },
  { value: 'wage', label: '工资专项集体合同' },
  { value: 'female', label: '女职工权益保护专项集体合同' },
];
export { CONTRACT_EVENT_LABELS as EVENT_LABELS } from '../../../domain/contracts/types';
