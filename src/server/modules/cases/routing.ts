import { COLLECTIVE_DISPUTE_MIN_WORKERS } from '../../../domain/cases/collective';
import { MEDIATION_LEVELS, type MediationLevel } from '../../../domain/mediation/organisations';

export interface RoutableOrg {
  id: string;
  name: string;
  level: string;
  kind: string;
  region_id: string;
  enterprise_id: string | null;
}

export interface RoutingSuggestion {
  organizationId: string;
  name: string;
  level: string;
  levelLabel: string;
  reason: string;
}

/** Industry mediation committees by industry section (GB/T 4754 门类): construction, accommodation and catering. */
const INDUSTRY_ORG_KEYWORDS: Record<string, string> = { E: '建筑', H: '餐饮' };

/**
 * Which organisation should take a dispute, best first (常州 协商调解重点任务 (二): 企业调解委员会 → 镇街调解中心 → 区级).
 * Small individual disputes start where the enterprise is (its own committee, its industry, its park, its street);
 * collective disputes (≥ 10 workers, 劳动争议调解仲裁法 第七条) go to the district centre first.
 */
export function suggestOrganisations(
  enterprise: { id: string; region_id: string; industry_code: string | null },
  applicantCount: number,
  orgs: readonly RoutableOrg[],
): RoutingSuggestion[] {
  const out: RoutingSuggestion[] = [];
  const add = (o: RoutableOrg | undefined, reason: string) => {
    if (o && !out.some((s) => s.organizationId === o.id)) {
      out.push({
        organizationId: o.id,
        name: o.name,
        level: o.level,
        levelLabel: MEDIATION_LEVELS[o.level as MediationLevel] ?? o.level,
        reason,
      });
    }
  };
  const collective = applicantCount >= COLLECTIVE_DISPUTE_MIN_WORKERS;
  const covering = (level: string) =>
    orgs
      .filter((o) => o.level === level && enterprise.region_id.startsWith(o.region_id))
      .sort((a, b) => b.region_id.length - a.region_id.length)[0];
  const district = orgs.find((o) => o.level === 'district' && o.kind === 'administrative') ?? covering('district');
  if (collective) add(district, `集体争议（${applicantCount}人），由区级调解中心优先处理`);
  add(
    orgs.find((o) => o.level === 'enterprise' && o.enterprise_id === enterprise.id),
    '被申请人设有企业劳动争议调解委员会，可在企业内部先行调解',
  );
  const keyword = enterprise.industry_code ? INDUSTRY_ORG_KEYWORDS[enterprise.industry_code] : undefined;
  if (keyword)
    add(
      orgs.find((o) => o.level === 'industry' && o.name.includes(keyword)),
      '被申请人所属行业设有行业性调解组织',
    );
  add(covering('regional'), '被申请人位于该园区（区域性调解组织）');
  add(covering('street'), '被申请人所在镇街的调解中心');
  add(district, '区级劳动人事争议调解中心');
  return out;
}
