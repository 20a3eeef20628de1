import { z } from 'zod';

export const POLICY_KINDS = { compilation: '政策汇编', guide: '办事指南', risk_notice: '用工风险提示', notice: '通知公告' } as const;
export type PolicyKind = keyof typeof POLICY_KINDS;
export const PolicyKind = z.enum(Object.keys(POLICY_KINDS) as [PolicyKind, ...PolicyKind[]]);

/**
 * Who a policy reaches. Empty lists mean "any". Enterprises named in `enterpriseIds` always receive it;
 * the others receive it when they match every dimension that is given. With nothing given, every
 * enterprise of the publishing region receives it.
 */
export const PolicyTarget = z.object({
  industries: z.array(z.string().max(4)).max(20).default([]),
  sizes: z.array(z.enum(['large', 'medium', 'small', 'micro'])).max(4).default([]),
  regionIds: z.array(z.string().regex(/^\d{6,15}$/, '区域编码格式不正确')).max(50).default([]),
  enterpriseIds: z.array(z.string().max(40)).max(2000).default([]),
});
export type PolicyTarget = z.infer<typeof PolicyTarget>;

export interface TargetableEnterprise {
  id: string;
  region_id: string;
  industry_code: string | null;
  size_class: string | null;
}

export function matchesTarget(t: PolicyTarget, e: TargetableEnterprise, policyRegionId: string): boolean {
  if (!e.region_id.startsWith(policyRegionId)) return false;
  if (t.enterpriseIds.includes(e.id)) return true;
  const byList = t.enterpriseIds.length > 0;
  const dims = t.industries.length + t.sizes.length + t.regionIds.length;
  if (dims === 0) return !byList;
  if (t.industries.length && !t.industries.includes(e.industry_code ?? '')) return false;
  if (t.sizes.length && !t.sizes.includes((e.size_class ?? '') as never)) return false;
  if (t.regionIds.length && !t.regionIds.some((r) => e.region_id.startsWith(r))) return false;
  return true;
}
