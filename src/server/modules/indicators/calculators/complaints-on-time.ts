import { pct } from '../../../../domain/indicators/catalogue';
import { regionPrefixCondition } from '../../../policy/scope';
import { yearStart, type IndicatorCalculator } from './types';

/**
 * Complaints finished in the year (办结 or 不予受理) and those finished within their time limit: a closed complaint
 * by its investigation deadline (with an approved extension), a rejected one by its acceptance deadline.
 * 劳动保障监察条例 第十七条：调查应当自立案之日起60个工作日内完成；情况复杂的，经批准可以延长30个工作日。
 */
export const complaintsOnTime: IndicatorCalculator = {
  key: 'complaints-on-time',
  recordType: 'complaint',
  async compute({ db, regionId, year, asOf }) {
    const rows = await db
      .selectFrom('complaints')
      .select(['id', 'status', 'closed_on', 'accept_due_on', 'investigation_due_on'])
      .where(regionPrefixCondition('complaints.region_id', regionId))
      .where('status', 'in', ['closed', 'rejected'])
      .where('closed_on', '>=', yearStart(year))
      .where('closed_on', '<=', asOf)
      .orderBy('id')
      .execute();
    const ok = rows.filter((r) => {
      const due = r.status === 'rejected' ? r.accept_due_on : (r.investigation_due_on ?? r.accept_due_on);
      return !!r.closed_on && r.closed_on <= due;
    });
    return { value: pct(ok.length, rows.length), numerator: ok.length, denominator: rows.length, recordType: 'complaint', recordIds: ok.map((r) => r.id), denominatorIds: rows.map((r) => r.id) };
  },
};
