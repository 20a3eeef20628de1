import { z } from 'zod';
import { validateUscc } from '../identifiers/uscc';
import { IndustryCode, Ownership, SizeClass } from './industries';

/** Risk levels (filled by the risk module): 红/橙/黄/蓝. */
export const RISK_LEVELS = { red: '红色', orange: '橙色', yellow: '黄色', blue: '蓝色' } as const;
export type RiskLevel = keyof typeof RISK_LEVELS;
export const RiskLevel = z.enum(['red', 'orange', 'yellow', 'blue']);

/** Collective contract status (filled by the collective-contract module). */
export const COLLECTIVE_CONTRACT_STATUSES = { none: '未签订', drafting: '协商中', filed: '已备案', expired: '已到期' } as const;
export type CollectiveContractStatus = keyof typeof COLLECTIVE_CONTRACT_STATUSES;
export const CollectiveContractStatus = z.enum(['none', 'drafting', 'filed', 'expired']);

export const Contact = z.object({
  name: z.string().trim().min(1, '请填写联系人姓名').max(30),
  role: z.string().trim().max(30).optional(),
  phone: z.string().trim().regex(/^[0-9+\- ]{7,20}$/, '请输入正确的电话号码').optional(),
});
export type Contact = z.infer<typeof Contact>;

const Uscc = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .superRefine((v, c) => {
    const r = validateUscc(v);
    if (!r.valid) c.addIssue({ code: 'custom', message: r.reason });
  });
const DateStr = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD');
const Phone = z.string().trim().regex(/^[0-9+\- ]{7,20}$/, '请输入正确的电话号码');

/** Fields an enterprise's own user may edit (contacts and HR figures); everything else is the government's ledger. */
export const ENTERPRISE_SELF_FIELDS = ['contactName', 'contactPhone', 'contacts', 'headcount', 'headcountAsOf', 'contractSigningRate', 'version'] as const;

export const EnterpriseFields = z.object({
  name: z.string().trim().min(2, '企业名称至少2个字').max(100, '企业名称不能超过100字'),
  regionId: z.string().min(1, '请选择所属街道（镇）或园区'),
  legalRepresentative: z.string().trim().max(30).nullish(),
  address: z.string().trim().max(200).nullish(),
  industryCode: IndustryCode.nullish(),
  ownership: Ownership.nullish(),
  sizeClass: SizeClass.nullish(),
  headcount: z.number().int().min(0, '职工人数不能为负').max(1_000_000).nullish(),
  headcountAsOf: DateStr.optional(),
  isKey: z.boolean().optional(),
  unionEstablished: z.boolean().optional(),
  unionEstablishedOn: DateStr.nullish(),
  unionChair: z.string().trim().max(30).nullish(),
  unionMembers: z.number().int().min(0).nullish(),
  contractSigningRate: z.number().min(0, '签订率应在0到1之间').max(1, '签订率应在0到1之间').nullish(),
  contactName: z.string().trim().max(30).nullish(),
  contactPhone: Phone.nullish(),
  contacts: z.array(Contact).max(20).optional(),
  coordinatorUserId: z.string().nullish(),
  registeredOn: DateStr.nullish(),
});

export const EnterpriseCreate = EnterpriseFields.extend({ uscc: Uscc });
export type EnterpriseCreate = z.infer<typeof EnterpriseCreate>;

export const EnterpriseUpdate = EnterpriseFields.partial().extend({
  version: z.number().int().min(1, '请提供记录版本号（version）'),
});
export type EnterpriseUpdate = z.infer<typeof EnterpriseUpdate>;

export const SORTABLE = ['name', 'headcount', 'registeredOn', 'updatedAt', 'riskLevel'] as const;
export const EnterpriseListQuery = z.object({
  q: z.string().trim().max(60).optional(),
  regionId: z.string().max(20).optional(),
  street: z.string().max(20).optional(),
  park: z.string().max(20).optional(),
  industry: IndustryCode.optional(),
  size: SizeClass.optional(),
  union: z.enum(['yes', 'no']).optional(),
  key: z.enum(['yes', 'no']).optional(),
  risk: z.union([RiskLevel, z.literal('none')]).optional(),
  coordinator: z.string().max(40).optional(),
  unionYear: z.coerce.number().int().min(1950).max(2100).optional(),
  sort: z.enum(SORTABLE).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type EnterpriseListQuery = z.infer<typeof EnterpriseListQuery>;

/** 工会会员 / 职工 — the union member rate of one enterprise or a set of them (0..1). */
export function memberRate(members: number, headcount: number): number {
  return headcount > 0 ? Math.min(1, members / headcount) : 0;
}
