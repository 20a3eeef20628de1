import { pct } from '../../../../domain/indicators/catalogue';
import { regionPrefixCondition } from '../../../policy/scope';
import type { IndicatorCalculator } from './types';

/** Share of large and medium enterprises that have a labour-relations coordinator assigned. */
export const coordinatorCoverage: IndicatorCalculator = {
  key: 'coordinator-coverage',
  recordType: 'enterprise',
  async compute({ db, regionId, params }) {
    const classes = Array.isArray(params.sizeClasses) ? (params.sizeClasses as string[]) : ['large', 'medium'];
    const population = await db
      .selectFrom('enterprises')
      .select(['id', 'coordinator_user_id'])
      .where(regionPrefixCondition('enterprises.region_id', regionId))
      .where('size_class', 'in', classes)
      .orderBy('id')
      .execute();
    const covered = population.filter((e) => !!e.coordinator_user_id);
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
