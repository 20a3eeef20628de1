import { regionPrefixCondition } from '../../../policy/scope';
import { countResult, type IndicatorCalculator } from './types';

/** Mediators on the roster who have not left (mediators.status = active) on `asOf`. */
export const activeMediators: IndicatorCalculator = {
  key: 'active-mediators',
  recordType: 'mediator',
  async compute({ db, regionId, asOf }) {
    const rows = await db
      .selectFrom('mediators')
      .select('id')
      .where(regionPrefixCondition('mediators.region_id', regionId))
      .where((eb) => eb.or([eb('status', '=', 'active'), eb('left_on', '>', asOf)]))
      .where((eb) => eb.or([eb('joined_on', 'is', null), eb('joined_on', '<=', asOf)]))
      .orderBy('id')
      .execute();
    return countResult('mediator', rows.map((r) => r.id));
  },
};
