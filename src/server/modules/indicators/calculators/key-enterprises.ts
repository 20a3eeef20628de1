import { regionPrefixCondition } from '../../../policy/scope';
import { countResult, type IndicatorCalculator } from './types';

/** Key enterprises under employment monitoring (enterprises.is_key); the drill-down shows headcounts. */
export const keyEnterprises: IndicatorCalculator = {
  key: 'key-enterprises',
  recordType: 'enterprise',
  async compute({ db, regionId }) {
    const rows = await db
      .selectFrom('enterprises')
      .select('id')
      .where(regionPrefixCondition('enterprises.region_id', regionId))
      .where('is_key', '=', 1)
      .orderBy('id')
      .execute();
    return countResult('enterprise', rows.map((r) => r.id));
  },
};
