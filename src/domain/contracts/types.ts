import { z } from 'zod';

/** 劳动合同法 第五十一条、第五十二条: a comprehensive contract, or a special one (wages, female workers). */
export const CONTRACT_KINDS = ['comprehensive', 'wage', 'female'] as const;
export const ContractKind = z.enum(CONTRACT_KINDS);
export type ContractKind = z.infer<typeof ContractKind>;
export const CONTRACT_KIND_LABELS = {
  comprehensive: '综合性集体合同',
  wage: '工资专项集体合同',
  female: '女职工权益保护专项集体合同',
} as const satisfies Record<ContractKind, string>;

/** 劳动合同法 第五十三条: one enterprise, or a regional or industry contract covering many. */
export const CONTRACT_SCOPES = ['enterprise', 'regional', 'industry'] as const;
export const ContractScope = z.enum(CONTRACT_SCOPES);
export type ContractScope = z.infer<typeof ContractScope>;
export const CONTRACT_SCOPE_LABELS = {
  enterprise: '企业集体合同',
  regional: '区域性集体合同',
  industry: '行业性集体合同',
} as const satisfies Record<ContractScope, string>;

export const CONTRACT_STATUSES = ['draft', 'under_review', 'effective', 'objected', 'withdrawn', 'expired'] as const;
export const ContractStatus = z.enum(CONTRACT_STATUSES);
export type ContractStatus = z.infer<typeof ContractStatus>;
export const CONTRACT_STATUS_LABELS = {
  draft: '待报送',
  under_review: '审查中',
  effective: '已生效',
  objected: '审查有异议',
  withdrawn: '已撤回',
  expired: '已到期',
} as const satisfies Record<ContractStatus, string>;

export const CONTRACT_ACTIONS = ['submit', 'approve', 'object', 'withdraw', 'lapse', 'expire'] as const;
export type ContractAction = (typeof CONTRACT_ACTIONS)[number];

/**
 * Workflow as data. submit = the enterprise or union files the text and the labor department receives
 * it (the 15-day clock starts); approve = the reviewer states no objection early; object = an objection
 * within the 15 days; lapse = the 15 days passed without objection (劳动合同法 第五十四条); expire = the
 * term ended (集体合同规定 第三十八条: a term of 1 to 3 years), recorded by the scheduled contract job. An objected or
 * withdrawn contract can be corrected and submitted again.
 */
export const CONTRACT_TRANSITIONS = {
  draft: ['submit', 'withdraw'],
  under_review: ['approve', 'object', 'lapse'],
  effective: ['expire'],
  objected: ['submit', 'withdraw'],
  withdrawn: [],
  expired: [],
} as const satisfies Record<ContractStatus, readonly ContractAction[]>;

export const ACTION_TARGET = {
  submit: 'under_review',
  approve: 'effective',
  object: 'objected',
  withdraw: 'withdrawn',
  lapse: 'effective',
  expire: 'expired',
} as const satisfies Record<ContractAction, ContractStatus>;

export function allowedActions(status: ContractStatus): readonly ContractAction[] {
  return CONTRACT_TRANSITIONS[status];
}

/** What each entry of a contract's history records (collective_contract_events.action). */
export const CONTRACT_EVENT_LABELS: Record<string, string> = {
  create: '登记',
  upload: '上传文本',
  submit: '报送审查',
  approve: '审查无异议',
  object: '提出异议',
  withdraw: '撤回',
  lapse: '期满生效',
  expire: '期满终止',
  remind: '续签提醒',
};
