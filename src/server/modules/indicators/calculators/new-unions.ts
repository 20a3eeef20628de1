import { regionPrefixCondition } from '../../../policy/scope';
import { countResult, yearStart, type IndicatorCalculator } from './types';

/** Enterprises whose union was established in the year (enterprises.union_established_on). */
export const newUnions: IndicatorCalculator = {
  key: 'new-unions',
  recordType: 'enterprise',
  async compute({ db, regionId, year, asOf }) {
    const rows = await db
      .selectFrom('enterprises')
      .select('id')
      .where(regionPrefixCondition('enterprises.region_id', regionId))
      .where('union_established', '=', 1)
      .where('union_established_on', '>=', yearStart(year))
      .where('union_established_on', '<=', asOf)
      .orderBy('id')
      .execute();
    return countResult('enterprise', rows.map((r) => r.id));
  },
};
