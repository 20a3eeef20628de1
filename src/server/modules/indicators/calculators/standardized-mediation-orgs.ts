import { regionPrefixCondition } from '../../../policy/scope';
import { countResult, yearStart, type IndicatorCalculator } from './types';

/** Mediation organisations recognised as standardised in the year (mediation_orgs.standardized_on). */
export const standardizedMediationOrgs: IndicatorCalculator = {
  key: 'standardized-mediation-orgs',
  recordType: 'mediation_org',
  async compute({ db, regionId, year, asOf }) {
    const rows = await db
      .selectFrom('mediation_orgs')
      .select('id')
      .where(regionPrefixCondition('mediation_orgs.region_id', regionId))
      .where('standardized_on', '>=', yearStart(year))
      .where('standardized_on', '<=', asOf)
      .orderBy('id')
      .execute();
    return countResult('mediation_org', rows.map((r) => r.id));
  },
};
