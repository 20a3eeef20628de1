import type { DbOrTrx } from '../../../db';

export type RecordType = 'enterprise' | 'mediation_org' | 'mediator' | 'coordinator' | 'case' | 'complaint' | 'recruitment_event' | 'alert';

export interface CalcInput {
  db: DbOrTrx;
  /** Region code: the records of this region and every region under it. */
  regionId: string;
  year: number;
  /** Last day counted (YYYY-MM-DD): the year's end for a past year, today for the current one. */
  asOf: string;
  /** Parameters of the definition version in force (e.g. a headcount threshold). */
  params: Record<string, unknown>;
}

/**
 * A computed figure and the records behind it: `recordIds` are the records counted (the numerator of
 * a rate), `denominatorIds` the population of a rate. A drill-down shows exactly these records.
 */
export interface CalcResult {
  value: number | null;
  numerator: number;
  denominator: number | null;
  recordType: RecordType;
  recordIds: string[];
  denominatorIds?: string[];
}

export interface IndicatorCalculator {
  key: string;
  recordType: RecordType;
  compute(input: CalcInput): Promise<CalcResult>;
}

export const yearStart = (year: number) => `${year}-01-01`;
export const countResult = (recordType: RecordType, ids: string[]): CalcResult => ({ value: ids.length, numerator: ids.length, denominator: null, recordType, recordIds: ids });
