import { INDICATOR_CATALOGUE, pct, type ComputedSwitch, type Measure } from '../../../domain/indicators/catalogue';
import { elapsedShare, trafficLight, type Light } from '../../../domain/plans/traffic-light';
import type { DbOrTrx } from '../../db';
import { isoNow, type Clock } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { findCalculator, type RecordType } from './calculators';
import { findTarget, latestManualEntries, listVersions, type IndicatorRow, type VersionRow } from './repo';

/** Registers the shipped indicators (version 1) once; existing rows and later versions are left alone. */
export async function ensureCatalogue(db: DbOrTrx, clock: Clock): Promise<void> {
  const existing = new Set((await db.selectFrom('indicators').select('id').execute()).map((r) => r.id));
  const at = isoNow(clock);
  for (const [i, d] of INDICATOR_CATALOGUE.entries()) {
    if (existing.has(d.id)) continue;
    await db
      .insertInto('indicators')
      .values({ id: d.id, name: d.name, unit: d.unit, measure: d.measure, direction: d.direction, mode: d.mode, sort: i + 1, current_version: 1, created_at: at })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await db
      .insertInto('indicator_versions')
      .values({ id: newId(), indicator_id: d.id, version: 1, definition: d.definition, formula: d.formula, data_source: d.dataSource, calculator: d.calculator ?? null, params: JSON.stringify(d.params ?? {}), valid_from: '2000-01-01', created_by: null, created_at: at })
      .onConflict((oc) => oc.columns(['indicator_id', 'version']).doNothing())
      .execute();
  }
  for (const d of INDICATOR_CATALOGUE) if (d.computedFrom) await ensureComputedSwitch(db, d.id, d.computedFrom, at);
}

/**
 * An indicator the units entered until its module landed becomes computed: a new definition version carrying the
 * calculator, valid from the module's go-live; years before keep the entered figures. Idempotent.
 */
async function ensureComputedSwitch(db: DbOrTrx, id: string, sw: ComputedSwitch, at: string): Promise<void> {
  const versions = await listVersions(db, id);
  if (versions.some((v) => v.calculator === sw.calculator)) return;
  const last = versions[versions.length - 1];
  const version = (last?.version ?? 0) + 1;
  const validFrom = last && last.valid_from >= sw.validFrom ? at.slice(0, 10) : sw.validFrom;
  const params = { ...(last ? (JSON.parse(last.params) as Record<string, unknown>) : {}), ...(sw.params ?? {}) };
  await db
    .insertInto('indicator_versions')
    .values({ id: newId(), indicator_id: id, version, definition: sw.definition, formula: sw.formula, data_source: sw.dataSource, calculator: sw.calculator, params: JSON.stringify(params), valid_from: validFrom, created_by: null, created_at: at })
    .onConflict((oc) => oc.columns(['indicator_id', 'version']).doNothing())
    .execute();
  await db.updateTable('indicators').set({ mode: 'computed', current_version: version }).where('id', '=', id).execute();
}

/** The definition in force for a year (latest version valid by the year's end), or an explicit version. */
export function versionFor(versions: VersionRow[], year: number, explicit?: number): VersionRow | undefined {
  if (explicit !== undefined) return versions.find((v) => v.version === explicit);
  const end = `${year}-12-31`;
  return [...versions].filter((v) => v.valid_from <= end).sort((a, b) => b.version - a.version)[0] ?? versions[0];
}

export interface Figure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  version: number;
  recordType: RecordType | 'entry';
  recordIds: string[];
  denominatorIds?: string[];
}

const asOfFor = (year: number, today: string) => (today < `${year}-12-31` ? today : `${year}-12-31`);

/** The figure of one indicator for a region and year: computed live, or from the units' latest entries. */
export async function figureOf(db: DbOrTrx, ind: IndicatorRow, versions: VersionRow[], regionId: string, year: number, today: string, explicitVersion?: number): Promise<Figure> {
  const v = versionFor(versions, year, explicitVersion);
  const version = v?.version ?? 1;
  const calc = findCalculator(v?.calculator);
  if (ind.mode === 'computed' && calc && v) {
    const r = await calc.compute({ db, regionId, year, asOf: asOfFor(year, today), params: JSON.parse(v.params) as Record<string, unknown> });
    return { value: r.value, numerator: r.numerator, denominator: r.denominator, version, recordType: r.recordType, recordIds: r.recordIds, denominatorIds: r.denominatorIds };
  }
  const entries = await latestManualEntries(db, ind.id, regionId, year);
  const own = entries.find((e) => e.region_id === regionId);
  const used = own ? [own] : entries;
  return { ...aggregate(ind.measure as Measure, used), version, recordType: 'entry', recordIds: used.map((e) => e.id) };
}

/** A region without its own entry shows the aggregate of the regions under it. */
function aggregate(measure: Measure, entries: { value: number; numerator: number | null; denominator: number | null }[]) {
  if (entries.length === 0) return { value: null, numerator: null, denominator: null };
  if (measure !== 'rate') {
    const sum = entries.reduce((s, e) => s + Number(e.value), 0);
    return { value: sum, numerator: sum, denominator: null };
  }
  if (entries.length === 1) return { value: Number(entries[0]!.value), numerator: entries[0]!.numerator, denominator: entries[0]!.denominator };
  if (entries.every((e) => e.numerator !== null && e.denominator !== null)) {
    const n = entries.reduce((s, e) => s + Number(e.numerator), 0);
    const d = entries.reduce((s, e) => s + Number(e.denominator), 0);
    return { value: pct(n, d), numerator: n, denominator: d };
  }
  return { value: Math.round((entries.reduce((s, e) => s + Number(e.value), 0) / entries.length) * 10) / 10, numerator: null, denominator: null };
}

export interface IndicatorStatus {
  figure: Figure;
  target: number | null;
  light: Light;
}

/** Figure, target (rates inherit the nearest ancestor region's target; counts do not) and traffic light. */
export async function statusOf(db: DbOrTrx, ind: IndicatorRow, regionId: string, year: number, today: string, versions?: VersionRow[]): Promise<IndicatorStatus> {
  const vs = versions ?? (await listVersions(db, ind.id));
  const figure = await figureOf(db, ind, vs, regionId, year, today);
  const target = await findTarget(db, ind.id, regionId, year, ind.measure === 'rate');
  const light = trafficLight({ actual: figure.value, target, measure: ind.measure as Measure, direction: ind.direction as 'higher' | 'lower', elapsed: elapsedShare(year, today) });
  return { figure, target, light };
}
