import { describe, expect, it } from 'vitest';
import { INDICATOR_CATALOGUE, MODULES_LIVE_FROM, pct } from './catalogue';
import { findCalculator } from '../../server/modules/indicators/calculators';

describe('indicator catalogue', () => {
  it('ids are unique', () => {
    const ids = INDICATOR_CATALOGUE.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(INDICATOR_CATALOGUE.map((d) => [d.id, d] as const))('%s: computed ones name a registered calculator, manual ones none', (_id, d) => {
    const calculator = d.calculator ?? d.computedFrom?.calculator;
    if (d.mode === 'computed') expect(findCalculator(calculator)).toBeDefined();
    else expect(calculator).toBeUndefined();
    if (d.measure === 'rate') expect(d.defaultTarget).toBeLessThanOrEqual(100);
  });

  it('switched indicators keep version 1 manual and become computed from the go-live date', () => {
    const switched = INDICATOR_CATALOGUE.filter((d) => d.computedFrom);
    expect(switched.map((d) => d.id).sort()).toEqual(['arbitration_closing_rate', 'collective_contract_coverage', 'complaints_on_time_rate', 'enterprises_cultivated', 'gold_coordinators', 'mediation_success_rate', 'recruitment_events_offline', 'recruitment_events_online', 'salary_survey_completion']);
    for (const d of switched) {
      expect(d.calculator).toBeUndefined();
      expect(d.computedFrom!.validFrom).toBe(MODULES_LIVE_FROM);
      expect(d.computedFrom!.validFrom).toMatch(/^\d{4}-01-01$/);
    }
    expect(INDICATOR_CATALOGUE.some((d) => d.mode === 'manual')).toBe(true);
  });

  it.each([
    [3, 5, 60],
    [2, 3, 66.7],
    [1, 3, 33.3],
    [0, 0, null],
  ])('pct(%i, %i) = %s', (n, d, v) => expect(pct(n, d)).toBe(v));
});
