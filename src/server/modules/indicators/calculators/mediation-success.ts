import { pct } from '../../../../domain/indicators/catalogue';
import { regionPrefixCondition } from '../../../policy/scope';
import { yearStart, type IndicatorCalculator } from './types';

/**
 * Dispute cases closed in the year with a mediated agreement (result success) over those closed with or without
 * one (success + failed); withdrawn and declined cases are in neither, as in the case statistics (案件统计).
 */
export const mediationSuccess: IndicatorCalculator = {
  key: 'mediation-success',
  recordType: 'case',
  async compute({ db, regionId, year, asOf }) {
    const rows = await db
      .selectFrom('dispute_cases')
      .select(['id', 'result'])
      .where(regionPrefixCondition('dispute_cases.region_id', regionId))
      .where('closed_on', '>=', yearStart(year))
      .where('closed_on', '<=', asOf)
      .where('result', 'in', ['success', 'failed'])
      .orderBy('id')
      .execute();
    const ok = rows.filter((r) => r.result === 'success');
    return { value: pct(ok.length, rows.length), numerator: ok.length, denominator: rows.length, recordType: 'case', recordIds: ok.map((r) => r.id), denominatorIds: rows.map((r) => r.id) };
  },
};

/**
 * Arbitration cases (stage arbitration) closed in the year within the statutory period (closed_in_time).
 * 劳动争议调解仲裁法 第四十三条：仲裁庭裁决劳动争议案件，应当自受理仲裁申请之日起四十五日内结束；可以延期不得超过十五日。
 */
export const arbitrationClosing: IndicatorCalculator = {
  key: 'arbitration-closing',
  recordType: 'case',
  async compute({ db, regionId, year, asOf }) {
    const rows = await db
      .selectFrom('dispute_cases')
      .select(['id', 'closed_in_time'])
      .where((eb) => eb.or([regionPrefixCondition('dispute_cases.region_id', regionId), regionPrefixCondition('dispute_cases.arbitration_region_id', regionId)]))
      .where('stage', '=', 'arbitration')
      .where('closed_on', '>=', yearStart(year))
      .where('closed_on', '<=', asOf)
      .orderBy('id')
      .execute();
    const ok = rows.filter((r) => r.closed_in_time === 1);
    return { value: pct(ok.length, rows.length), numerator: ok.length, denominator: rows.length, recordType: 'case', recordIds: ok.map((r) => r.id), denominatorIds: rows.map((r) => r.id) };
  },
};
