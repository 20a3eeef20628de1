import { regionPrefixCondition } from '../../../policy/scope';
import { countResult, type IndicatorCalculator } from './types';

/** Coordinators awarded 金牌劳动关系协调员 in the year's announced selection (award_nominations, status awarded). */
export const goldCoordinators: IndicatorCalculator = {
  key: 'gold-coordinators',
  recordType: 'coordinator',
  async compute({ db, regionId, year, asOf }) {
    const rows = await db
      .selectFrom('award_nominations as n')
      .innerJoin('award_rounds as r', 'r.id', 'n.round_id')
      .select('n.subject_id')
      .where(regionPrefixCondition('r.region_id', regionId))
      .where('r.kind', '=', 'coordinator')
      .where('r.year', '=', year)
      .where('r.status', '=', 'announced')
      .where('r.announced_on', '<=', asOf)
      .where('n.status', '=', 'awarded')
      .orderBy('n.subject_id')
      .execute();
    return countResult('coordinator', rows.map((r) => r.subject_id ?? '').filter(Boolean));
  },
};
