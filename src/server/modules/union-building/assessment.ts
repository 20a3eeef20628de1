import ExcelJS from 'exceljs';
import { can } from '../../../domain/access/policy';
import { assessmentGrade, assessmentTotal } from '../../../domain/contracts/union-building';
import type { Actor, AppContext } from '../../context';
import type { DbOrTrx } from '../../db';
import { badRequest, conflict, fieldError, notFound, type FieldError } from '../../errors';
import { isoNow } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { scopeFilter, whereInScope } from '../../policy/scope';
import { insertAudit } from '../audit/repo';
import { audit } from '../contracts/service';
import type { IndicatorCreate, IndicatorUpdate, ScoresQuery, ScoresSet } from './schemas';

/** The indicator set that applies to a region: those defined for it or any region above it. */
async function indicatorsFor(db: DbOrTrx, regionId: string, activeOnly = true) {
  const prefixes = [6, 9, 12].filter((n) => n <= regionId.length).map((n) => regionId.slice(0, n));
  let q = db.selectFrom('assessment_indicators').selectAll().where('region_id', 'in', prefixes);
  if (activeOnly) q = q.where('active', '=', 1);
  return q.orderBy('sort').orderBy('code').execute();
}

const presentIndicator = (i: Awaited<ReturnType<typeof indicatorsFor>>[number]) => ({ id: i.id, code: i.code, name: i.name, maxScore: i.max_score, weight: i.weight, sort: i.sort, active: i.active === 1, regionId: i.region_id });

export async function listIndicators(ctx: AppContext, actor: Actor) {
  scopeFilter(actor.principal, 'unionAssessment.read');
  return { items: (await indicatorsFor(ctx.db, actor.principal!.regionId, false)).map(presentIndicator) };
}

export async function createIndicator(ctx: AppContext, actor: Actor, input: IndicatorCreate) {
  const p = actor.principal!;
  const dup = await ctx.db.selectFrom('assessment_indicators').select('id').where('region_id', '=', p.regionId).where('code', '=', input.code).executeTakeFirst();
  if (dup) throw conflict(`指标代码 ${input.code} 已存在`);
  const at = isoNow(ctx.clock);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('assessment_indicators').values({ id, region_id: p.regionId, code: input.code, name: input.name, max_score: input.maxScore, weight: input.weight, sort: input.sort ?? 0, active: 1, created_at: at }).execute();
    await insertAudit(trx, { at, ...audit(actor), action: 'unionAssessment.indicator.create', entityType: 'assessment_indicator', entityId: id, regionId: p.regionId, after: input });
  });
  return listIndicators(ctx, actor);
}

export async function updateIndicator(ctx: AppContext, actor: Actor, id: string, input: IndicatorUpdate) {
  const row = await ctx.db.selectFrom('assessment_indicators').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !can(actor.principal, 'unionAssessment.manage', { regionId: row.region_id })) throw notFound('考核指标');
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('assessment_indicators')
      .set({ ...(input.name ? { name: input.name } : {}), ...(input.code ? { code: input.code } : {}), ...(input.maxScore ? { max_score: input.maxScore } : {}), ...(input.weight ? { weight: input.weight } : {}), ...(input.sort !== undefined ? { sort: input.sort } : {}), ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}) })
      .where('id', '=', id)
      .execute();
    await insertAudit(trx, { at, ...audit(actor), action: 'unionAssessment.indicator.update', entityType: 'assessment_indicator', entityId: id, regionId: row.region_id, before: presentIndicator(row), after: input });
  });
  return listIndicators(ctx, actor);
}

/** Unionized enterprises in scope with their scores for the year, the weighted total and the grade. */
export async function listScores(ctx: AppContext, actor: Actor, q: ScoresQuery & PageQuery) {
  const filter = scopeFilter(actor.principal, 'unionAssessment.read');
  let query = ctx.db.selectFrom('enterprises').where('union_established', '=', 1).where(whereInScope(filter, { region: 'enterprises.region_id', enterprise: 'enterprises.id' }));
  if (q.q) query = query.where('name', 'like', `%${q.q}%`);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const ents = await query.select(['id', 'name', 'region_id', 'union_chair']).orderBy('name').limit(q.pageSize).offset(pageOffset(q)).execute();
  const indicators = await indicatorsFor(ctx.db, actor.principal!.regionId);
  const scores = ents.length ? await ctx.db.selectFrom('assessment_scores').selectAll().where('year', '=', q.year).where('enterprise_id', 'in', ents.map((e) => e.id)).execute() : [];
  const ind = indicators.map((i) => ({ id: i.id, maxScore: i.max_score, weight: i.weight }));
  return {
    year: q.year,
    indicators: indicators.map(presentIndicator),
    items: ents.map((e) => {
      const mine = new Map(scores.filter((s) => s.enterprise_id === e.id).map((s) => [s.indicator_id, s.score]));
      const t = mine.size ? assessmentTotal(ind, mine) : null;
      return { enterpriseId: e.id, name: e.name, regionId: e.region_id, unionChair: e.union_chair, scores: Object.fromEntries(mine), total: t, grade: t === null ? null : assessmentGrade(t) };
    }),
    total: Number(total),
    page: q.page,
    pageSize: q.pageSize,
  };
}

async function writeScores(trx: DbOrTrx, enterpriseId: string, regionId: string, year: number, scores: { indicatorId: string; score: number }[], at: string) {
  for (const s of scores) {
    const ex = await trx.selectFrom('assessment_scores').select('id').where('enterprise_id', '=', enterpriseId).where('year', '=', year).where('indicator_id', '=', s.indicatorId).executeTakeFirst();
    if (ex) await trx.updateTable('assessment_scores').set({ score: s.score, updated_at: at }).where('id', '=', ex.id).execute();
    else await trx.insertInto('assessment_scores').values({ id: newId(), enterprise_id: enterpriseId, region_id: regionId, year, indicator_id: s.indicatorId, score: s.score, updated_at: at }).execute();
  }
}

export async function setScores(ctx: AppContext, actor: Actor, input: ScoresSet) {
  const ent = await ctx.db.selectFrom('enterprises').select(['id', 'region_id', 'union_established']).where('id', '=', input.enterpriseId).executeTakeFirst();
  if (!ent || !can(actor.principal, 'unionAssessment.manage', { regionId: ent.region_id })) throw notFound('企业');
  if (!ent.union_established) throw fieldError('enterpriseId', '该企业尚未建立工会');
  const indicators = new Map((await indicatorsFor(ctx.db, ent.region_id)).map((i) => [i.id, i]));
  input.scores.forEach((s, i) => {
    const ind = indicators.get(s.indicatorId);
    if (!ind) throw fieldError(`scores.${i}.indicatorId`, '考核指标不存在或已停用');
    if (s.score > ind.max_score) throw fieldError(`scores.${i}.score`, `“${ind.name}”得分不能超过${ind.max_score}分`);
  });
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await writeScores(trx, ent.id, ent.region_id, input.year, input.scores, at);
    await insertAudit(trx, { at, ...audit(actor), action: 'unionAssessment.score', entityType: 'enterprise', entityId: ent.id, regionId: ent.region_id, after: input });
  });
  return { ok: true };
}

/**
 * Import from Excel: first sheet, a header row with 统一社会信用代码 (or 企业名称) and one column per
 * indicator (named by indicator name or code). All rows are checked first; nothing is written on an error.
 */
export async function importScores(ctx: AppContext, actor: Actor, year: number, data: Buffer) {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw fieldError('file', '无法读取该 Excel 文件（请上传 .xlsx）');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw fieldError('file', '文件中没有工作表');
  const cell = (r: number, c: number) => {
    const v = ws.getRow(r).getCell(c).value;
    return v === null || v === undefined ? '' : typeof v === 'object' && 'result' in v ? String(v.result ?? '') : String(v).trim();
  };
  const indicators = await indicatorsFor(ctx.db, actor.principal!.regionId);
  const header = Array.from({ length: ws.columnCount }, (_, i) => cell(1, i + 1));
  const usccCol = header.findIndex((h) => h.includes('信用代码')) + 1;
  const nameCol = header.findIndex((h) => h.includes('企业名称')) + 1;
  if (!usccCol && !nameCol) throw fieldError('file', '表头须包含“统一社会信用代码”或“企业名称”列');
  const cols = indicators.map((i) => ({ ind: i, col: header.findIndex((h) => h === i.name || h === i.code) + 1 })).filter((c) => c.col > 0);
  if (!cols.length) throw fieldError('file', '表头中没有与考核指标同名的列');
  const errors: FieldError[] = [];
  const plan: { ent: { id: string; region_id: string }; scores: { indicatorId: string; score: number }[] }[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const key = usccCol ? cell(r, usccCol) : cell(r, nameCol);
    if (!key) continue;
    const ent = await ctx.db.selectFrom('enterprises').select(['id', 'region_id', 'union_established']).where(usccCol ? 'uscc' : 'name', '=', key).executeTakeFirst();
    if (!ent || !can(actor.principal, 'unionAssessment.manage', { regionId: ent.region_id })) {
      errors.push({ field: `row.${r}`, message: `第${r}行：企业“${key}”不存在或不在管辖范围内` });
      continue;
    }
    if (!ent.union_established) errors.push({ field: `row.${r}`, message: `第${r}行：企业“${key}”尚未建立工会` });
    const scores: { indicatorId: string; score: number }[] = [];
    for (const { ind, col } of cols) {
      const raw = cell(r, col);
      if (raw === '') continue;
      const v = Number(raw);
      if (!Number.isFinite(v) || v < 0 || v > ind.max_score) errors.push({ field: `row.${r}`, message: `第${r}行“${ind.name}”得分应为0至${ind.max_score}的数字` });
      else scores.push({ indicatorId: ind.id, score: v });
    }
    plan.push({ ent, scores });
  }
  if (errors.length) throw badRequest(`导入失败：${errors.length}处错误，未写入任何数据`, errors.slice(0, 50));
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    for (const p of plan) if (p.scores.length) await writeScores(trx, p.ent.id, p.ent.region_id, year, p.scores, at);
    await insertAudit(trx, { at, ...audit(actor), action: 'unionAssessment.import', entityType: 'assessment_score', entityId: String(year), regionId: actor.principal!.regionId, summary: `导入${year}年度工会考核得分 ${plan.length} 家`, after: { year, rows: plan.length } });
  });
  return { year, imported: plan.length };
}

/** An .xlsx template: the enterprises' codes and names and one column per indicator. */
export async function scoresTemplate(ctx: AppContext, actor: Actor, year: number): Promise<Buffer> {
  const list = await listScores(ctx, actor, { year, page: 1, pageSize: 200 });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${year}年度工会考核`);
  ws.addRow(['统一社会信用代码', '企业名称', ...list.indicators.map((i) => i.name)]);
  const usccs = new Map((await ctx.db.selectFrom('enterprises').select(['id', 'uscc']).where('id', 'in', [...list.items.map((i) => i.enterpriseId), '']).execute()).map((e) => [e.id, e.uscc]));
  for (const it of list.items) ws.addRow([usccs.get(it.enterpriseId), it.name, ...list.indicators.map((i) => it.scores[i.id] ?? null)]);
  ws.columns.forEach((c, i) => (c.width = i === 1 ? 36 : 20));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
