import { regionPrefixCondition } from '../../../policy/scope';
import { countResult, yearStart, type IndicatorCalculator } from './types';

/** Mediation organisations selected as gold (金牌) in the year (mediation_orgs.gold_on). */
export const goldMediationOrgs: IndicatorCalculator = {
  key: 'gold-mediation-orgs',
  recordType: 'mediation_org',
  async compute({ db, regionId, year, asOf }) {
    const rows = await db
      .selectFrom('mediation_orgs')
      .select('id')
      .where(regionPrefixCondition('mediation_orgs.region_id', regionId))
      .where('gold_on', '>=', yearStart(year))
      .where('gold_on', '<=', asOf)
      .orderBy('id')
      .execute();
    return countResult('mediation_org', rows.map((r) => r.id));
  },
};
