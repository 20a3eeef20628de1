import { z } from 'zod';
import { IndicatorDefinitionChange } from '../../../domain/indicators/catalogue';
import type { Action } from '../../../domain/access/policy';
import type { Actor, AppContext } from '../../context';
import { conflict, fieldError, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { scopeFilter } from '../../policy/scope';
import { insertAudit } from '../audit/repo';
import { figureOf, statusOf, versionFor } from './compute';
import { describeRecords, findIndicator, listIndicatorRows, listVersions, type IndicatorRow } from './repo';

export const RegionYearQuery = z.object({
  regionId: z.string().regex(/^\d{6,12}$/, '区域编码格式不正确').optional(),
  year: z.coerce.number().int().min(2000, '年份不正确').max(2100, '年份不正确').optional(),
});
export type RegionYearQuery = z.infer<typeof RegionYearQuery>;

export const RecordsQuery = RegionYearQuery.extend({
  version: z.coerce.number().int().min(1).optional(),
  side: z.enum(['numerator', 'denominator']).default('numerator'),
});
export type RecordsQuery = z.infer<typeof RecordsQuery>;

export const ValueEntry = z.object({
  regionId: z.string().regex(/^\d{6,12}$/, '区域编码格式不正确'),
  period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, '统计期格式为YYYY或YYYY-MM'),
  value: z.number().min(0, '数值不能为负'),
  numerator: z.number().min(0).optional(),
  denominator: z.number().positive('分母须大于0').optional(),
  note: z.string().max(300).optional(),
});
export type ValueEntry = z.infer<typeof ValueEntry>;

export const TargetSet = z.object({
  regionId: z.string().regex(/^\d{6,12}$/, '区域编码格式不正确'),
  year: z.number().int().min(2000).max(2100),
  target: z.number().min(0, '目标值不能为负'),
});
export type TargetSet = z.infer<typeof TargetSet>;

export { IndicatorDefinitionChange };

const who = (actor: Actor) => ({ actorId: actor.principal?.id ?? null, actorName: actor.principal?.displayName ?? null, ip: actor.ip });

/** The region a request is about: the user's own by default; outside the user's scope it does not exist (404). */
export async function resolveRegion(ctx: AppContext, actor: Actor, action: Action, regionId: string | undefined) {
  const filter = scopeFilter(actor.principal, action);
  const id = regionId ?? actor.principal?.regionId ?? '';
  if (filter.kind === 'region' && !id.startsWith(filter.regionId)) throw notFound('区域');
  if (filter.kind !== 'region' && filter.kind !== 'all') throw notFound('区域');
  const region = await ctx.db.selectFrom('regions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!region) throw notFound('区域');
  return region;
}

async function getIndicatorRow(ctx: AppContext, id: string): Promise<IndicatorRow> {
  const ind = await findIndicator(ctx.db, id);
  if (!ind) throw notFound('指标');
  return ind;
}

function presentIndicator(ind: IndicatorRow) {
  return { id: ind.id, name: ind.name, unit: ind.unit, measure: ind.measure, direction: ind.direction, mode: ind.mode, currentVersion: ind.current_version };
}

/** The cockpit: every indicator of a region and year, with target, traffic light and a five-year trend. */
export async function cockpit(ctx: AppContext, actor: Actor, q: RegionYearQuery) {
  const region = await resolveRegion(ctx, actor, 'indicator.read', q.regionId);
  const today = todayInChina(ctx.clock);
  const year = q.year ?? Number(today.slice(0, 4));
  const items = [];
  for (const ind of await listIndicatorRows(ctx.db)) {
    const versions = await listVersions(ctx.db, ind.id);
    const s = await statusOf(ctx.db, ind, region.id, year, today, versions);
    const trend = [];
    for (let y = year - 4; y <= year; y++) {
      const f = y === year ? s.figure : await figureOf(ctx.db, ind, versions, region.id, y, today);
      trend.push({ year: y, value: f.value });
    }
    const v = versions.find((x) => x.version === s.figure.version);
    items.push({
      ...presentIndicator(ind),
      value: s.figure.value,
      numerator: s.figure.numerator,
      denominator: s.figure.denominator,
      version: s.figure.version,
      /** Units enter this year's figure by hand (no calculator in the definition version in force). */
      manualEntry: !(ind.mode === 'computed' && v?.calculator),
      target: s.target,
      light: s.light,
      trend,
      definition: v?.definition ?? '',
      formula: v?.formula ?? '',
      dataSource: v?.data_source ?? '',
    });
  }
  return { region: { id: region.id, name: region.name }, year, asOf: today, items };
}

export async function listIndicators(ctx: AppContext, actor: Actor) {
  scopeFilter(actor.principal, 'indicator.read');
  const rows = await listIndicatorRows(ctx.db);
  return { items: rows.map(presentIndicator) };
}

export async function getIndicator(ctx: AppContext, actor: Actor, id: string) {
  const filter = scopeFilter(actor.principal, 'indicator.read');
  const ind = await getIndicatorRow(ctx, id);
  const versions = await listVersions(ctx.db, id);
  let tq = ctx.db.selectFrom('indicator_targets').selectAll().where('indicator_id', '=', id);
  if (filter.kind === 'region') tq = tq.where('region_id', 'like', `${filter.regionId}%`);
  const targets = await tq.orderBy('year').orderBy('region_id').execute();
  return {
    ...presentIndicator(ind),
    versions: versions.map((v) => ({ version: v.version, definition: v.definition, formula: v.formula, dataSource: v.data_source, calculator: v.calculator, params: JSON.parse(v.params) as unknown, validFrom: v.valid_from, createdAt: v.created_at })),
    targets: targets.map((t) => ({ regionId: t.region_id, year: t.year, target: Number(t.target) })),
  };
}

/** Drill-down to the regions under a region, and to the units that entered the figures. */
export async function breakdown(ctx: AppContext, actor: Actor, id: string, q: RegionYearQuery) {
  const region = await resolveRegion(ctx, actor, 'indicator.read', q.regionId);
  const ind = await getIndicatorRow(ctx, id);
  const today = todayInChina(ctx.clock);
  const year = q.year ?? Number(today.slice(0, 4));
  const versions = await listVersions(ctx.db, id);
  const children = await ctx.db.selectFrom('regions').select(['id', 'name']).where('parent_id', '=', region.id).orderBy('sort').execute();
  const regions = [];
  for (const c of children) {
    const s = await statusOf(ctx.db, ind, c.id, year, today, versions);
    regions.push({ regionId: c.id, name: c.name, value: s.figure.value, numerator: s.figure.numerator, denominator: s.figure.denominator, target: s.target, light: s.light });
  }
  const entries = await ctx.db
    .selectFrom('indicator_values')
    .leftJoin('org_units', 'org_units.id', 'indicator_values.org_unit_id')
    .select(['indicator_values.id', 'indicator_values.region_id', 'indicator_values.period', 'indicator_values.value', 'indicator_values.note', 'indicator_values.created_at', 'org_units.name as unitName'])
    .where('indicator_values.indicator_id', '=', id)
    .where('indicator_values.period', 'like', `${year}%`)
    .where('indicator_values.region_id', 'like', `${region.id}%`)
    .orderBy('indicator_values.created_at', 'desc')
    .limit(200)
    .execute();
  return {
    indicator: presentIndicator(ind),
    region: { id: region.id, name: region.name },
    year,
    regions,
    units: entries.map((e) => ({ id: e.id, unitName: e.unitName, regionId: e.region_id, period: e.period, value: Number(e.value), note: e.note, createdAt: e.created_at })),
  };
}

/** The records behind a number: exactly the ids the calculator counted (or the entries used). */
export async function records(ctx: AppContext, actor: Actor, id: string, q: RecordsQuery) {
  const region = await resolveRegion(ctx, actor, 'indicator.read', q.regionId);
  const ind = await getIndicatorRow(ctx, id);
  const today = todayInChina(ctx.clock);
  const year = q.year ?? Number(today.slice(0, 4));
  const versions = await listVersions(ctx.db, id);
  if (q.version !== undefined && !versions.some((v) => v.version === q.version)) throw fieldError('version', '指标定义版本不存在');
  const f = await figureOf(ctx.db, ind, versions, region.id, year, today, q.version);
  const ids = q.side === 'denominator' ? (f.denominatorIds ?? []) : f.recordIds;
  let items;
  if (f.recordType === 'entry') {
    const rows = ids.length ? await ctx.db.selectFrom('indicator_values').leftJoin('org_units', 'org_units.id', 'indicator_values.org_unit_id').select(['indicator_values.id', 'indicator_values.region_id', 'indicator_values.period', 'indicator_values.value', 'org_units.name as unitName']).where('indicator_values.id', 'in', ids).execute() : [];
    items = rows.map((r) => ({ id: r.id, name: r.unitName ?? '—', regionId: r.region_id, detail: `${r.period}：${Number(r.value)}${ind.unit}` }));
  } else {
    items = await describeRecords(ctx.db, f.recordType, ids);
  }
  return { indicator: presentIndicator(ind), regionId: region.id, year, version: f.version, value: f.value, numerator: f.numerator, denominator: f.denominator, recordType: f.recordType, side: q.side, total: items.length, items };
}

export async function enterValue(ctx: AppContext, actor: Actor, id: string, input: ValueEntry) {
  const region = await resolveRegion(ctx, actor, 'indicator.enter', input.regionId);
  const ind = await getIndicatorRow(ctx, id);
  const inForce = versionFor(await listVersions(ctx.db, id), Number(input.period.slice(0, 4)));
  if (ind.mode !== 'manual' && inForce?.calculator) throw conflict(`指标“${ind.name}”自${inForce.valid_from}起由平台数据自动计算，不能手工填报`, { allowed: [] });
  if (ind.measure === 'rate' && input.value > 100) throw fieldError('value', '比率不能超过100%');
  if (input.numerator !== undefined && input.denominator !== undefined && input.numerator > input.denominator) throw fieldError('numerator', '分子不能大于分母');
  const at = isoNow(ctx.clock);
  const row = { id: newId(), indicator_id: id, region_id: region.id, org_unit_id: actor.principal!.orgUnitId, period: input.period, value: input.value, numerator: input.numerator ?? null, denominator: input.denominator ?? null, version: inForce?.version ?? ind.current_version, source: 'manual', note: input.note ?? null, entered_by: actor.principal!.id, created_at: at };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('indicator_values').values(row).execute();
    await insertAudit(trx, { at, ...who(actor), action: 'indicator.enter', entityType: 'indicator', entityId: id, regionId: region.id, summary: `填报指标 ${ind.name} ${input.period}：${input.value}${ind.unit}`, after: input });
  });
  return { id: row.id, indicatorId: id, regionId: region.id, period: input.period, value: input.value, version: row.version, createdAt: at };
}

export async function setTarget(ctx: AppContext, actor: Actor, id: string, input: TargetSet) {
  const region = await resolveRegion(ctx, actor, 'indicator.target', input.regionId);
  const ind = await getIndicatorRow(ctx, id);
  if (ind.measure === 'rate' && input.target > 100) throw fieldError('target', '比率目标不能超过100%');
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('indicator_targets').selectAll().where('indicator_id', '=', id).where('region_id', '=', region.id).where('year', '=', input.year).executeTakeFirst();
    if (before) await trx.updateTable('indicator_targets').set({ target: input.target, updated_by: actor.principal!.id, updated_at: at }).where('id', '=', before.id).execute();
    else await trx.insertInto('indicator_targets').values({ id: newId(), indicator_id: id, region_id: region.id, year: input.year, target: input.target, updated_by: actor.principal!.id, updated_at: at }).execute();
    await insertAudit(trx, { at, ...who(actor), action: 'indicator.target', entityType: 'indicator', entityId: id, regionId: region.id, summary: `设定 ${ind.name} ${input.year}年目标 ${input.target}${ind.unit}`, before: before ? { target: Number(before.target) } : undefined, after: input });
  });
  return { indicatorId: id, regionId: region.id, year: input.year, target: input.target };
}

/** A definition change is a new version; figures of periods before `validFrom` keep the old one. */
export async function changeDefinition(ctx: AppContext, actor: Actor, id: string, input: IndicatorDefinitionChange) {
  scopeFilter(actor.principal, 'indicator.define');
  const ind = await getIndicatorRow(ctx, id);
  const versions = await listVersions(ctx.db, id);
  const last = versions[versions.length - 1]!;
  if (input.validFrom <= last.valid_from) throw fieldError('validFrom', `生效日期须晚于上一版本（${last.valid_from}）`);
  const at = isoNow(ctx.clock);
  const version = last.version + 1;
  const params = { ...(JSON.parse(last.params) as Record<string, unknown>), ...(input.params ?? {}) };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('indicator_versions').values({ id: newId(), indicator_id: id, version, definition: input.definition, formula: input.formula, data_source: input.dataSource, calculator: last.calculator, params: JSON.stringify(params), valid_from: input.validFrom, created_by: actor.principal!.id, created_at: at }).execute();
    await trx.updateTable('indicators').set({ current_version: version }).where('id', '=', id).execute();
    await insertAudit(trx, { at, ...who(actor), action: 'indicator.define', entityType: 'indicator', entityId: id, summary: `修订指标 ${ind.name} 定义（第${version}版，${input.validFrom}起）`, before: { version: last.version, definition: last.definition, params: JSON.parse(last.params) as unknown }, after: { version, ...input, params } });
  });
  return getIndicator(ctx, actor, id);
}
