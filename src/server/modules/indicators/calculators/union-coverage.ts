import { pct } from '../../../../domain/indicators/catalogue';
import { regionPrefixCondition } from '../../../policy/scope';
import type { IndicatorCalculator } from './types';

/**
 * Share of enterprises with at least `minHeadcount` workers that have a union on `asOf`.
 * 工会法 第十一条：用人单位有会员二十五人以上的，应当建立基层工会委员会。
 */
export const unionCoverage: IndicatorCalculator = {
  key: 'union-coverage',
  recordType: 'enterprise',
  async compute({ db, regionId, asOf, params }) {
    const min = typeof params.minHeadcount === 'number' ? params.minHeadcount : 25;
    const population = await db
      .selectFrom('enterprises')
      .select(['id', 'union_established', 'union_established_on'])
      .where(regionPrefixCondition('enterprises.region_id', regionId))
      .where('headcount', '>=', min)
      .where((eb) => eb.or([eb('registered_on', 'is', null), eb('registered_on', '<=', asOf)]))
      .orderBy('id')
      .execute();
    const covered = population.filter((e) => e.union_established === 1 && (!e.union_established_on || e.union_established_on <= asOf));
    return {
      value: pct(covered.length, population.length),
      numerator: covered.length,
      denominator: population.length,
      recordType: 'enterprise',
      recordIds: covered.map((e) => e.id),
      denominatorIds: population.map((e) => e.id),
    };
  },
};
