import { z } from 'zod';
import { PERIOD_PATTERNS, previousPeriod, ReportKind } from '../../../domain/plans/periods';
import type { Actor, AppContext } from '../../context';
import { fieldError, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { scopeFilter, whereInScope } from '../../policy/scope';
import { storageKey } from '../../storage';
import { insertAudit } from '../audit/repo';
import { resolveRegion } from '../indicators/service';
import { buildWorkReport } from './work-report';

export const WorkReportCreate = z.object({ kind: ReportKind, period: z.string(), regionId: z.string().regex(/^\d{6,12}$/, '区域编码格式不正确').optional() });
export type WorkReportCreate = z.infer<typeof WorkReportCreate>;

async function generate(ctx: AppContext, region: { id: string; name: string }, kind: ReportKind, period: string, trigger: 'manual' | 'schedule', actor: Actor, issuer: string) {
  const today = todayInChina(ctx.clock);
  const built = await buildWorkReport(ctx, region, kind, period, issuer, today);
  const key = storageKey('work-reports', `${built.title}.docx`, ctx.clock.now());
  await ctx.files.put(key, built.data, { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
  const at = isoNow(ctx.clock);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('work_reports').values({ id, region_id: region.id, kind, period, title: built.title, storage_key: key, size: built.data.length, trigger, generated_by: actor.principal?.id ?? null, created_at: at }).execute();
    await insertAudit(trx, { at, actorId: actor.principal?.id ?? null, actorName: actor.principal?.displayName ?? '定时任务', action: 'workReport.generate', entityType: 'work_report', entityId: id, regionId: region.id, summary: `生成${built.title}`, after: { kind, period, trigger, figures: built.figures, overdue: built.overdue }, ip: actor.ip });
  });
  return { id, title: built.title, kind, period, regionId: region.id, size: built.data.length, trigger, createdAt: at };
}

export async function generateWorkReport(ctx: AppContext, actor: Actor, input: WorkReportCreate) {
  if (!PERIOD_PATTERNS[input.kind].test(input.period)) throw fieldError('period', input.kind === 'monthly' ? '月报的统计期格式为YYYY-MM' : input.kind === 'quarterly' ? '季报的统计期格式为YYYY-Q1至Q4' : '年报的统计期格式为YYYY');
  if (input.period.slice(0, 7) > todayInChina(ctx.clock).slice(0, 7)) throw fieldError('period', '统计期不能晚于当前');
  const region = await resolveRegion(ctx, actor, 'workReport.generate', input.regionId);
  const unit = await ctx.db.selectFrom('org_units').select('name').where('id', '=', actor.principal!.orgUnitId).executeTakeFirst();
  return generate(ctx, region, input.kind, input.period, 'manual', actor, unit?.name ?? region.name);
}

export async function listWorkReports(ctx: AppContext, actor: Actor) {
  const filter = scopeFilter(actor.principal, 'workReport.read');
  const rows = await ctx.db.selectFrom('work_reports').selectAll().where(whereInScope(filter, { region: 'work_reports.region_id' })).orderBy('created_at', 'desc').limit(100).execute();
  return { items: rows.map((r) => ({ id: r.id, title: r.title, kind: r.kind, period: r.period, regionId: r.region_id, size: r.size, trigger: r.trigger, createdAt: r.created_at })) };
}

export async function downloadWorkReport(ctx: AppContext, actor: Actor, id: string) {
  const filter = scopeFilter(actor.principal, 'workReport.read');
  const r = await ctx.db.selectFrom('work_reports').selectAll().where('id', '=', id).where(whereInScope(filter, { region: 'work_reports.region_id' })).executeTakeFirst();
  if (!r) throw notFound('工作报告');
  const data = await ctx.files.get(r.storage_key);
  if (!data) throw notFound('工作报告文件');
  return { name: `${r.title}.docx`, data };
}

/**
 * The scheduled run: for every district, the report of each period that ended before today, once
 * (a period already reported is skipped, so a rerun after a crash does no double work).
 */
export async function runScheduledWorkReports(ctx: AppContext): Promise<string> {
  const today = todayInChina(ctx.clock);
  const districts = await ctx.db.selectFrom('regions').select(['id', 'name']).where('level', '=', 'district').execute();
  let made = 0;
  for (const d of districts) {
    for (const kind of ReportKind.options) {
      const period = previousPeriod(kind, today);
      const exists = await ctx.db.selectFrom('work_reports').select('id').where('region_id', '=', d.id).where('kind', '=', kind).where('period', '=', period).executeTakeFirst();
      if (exists) continue;
      await generate(ctx, d, kind, period, 'schedule', { principal: null, ip: null }, `${d.name}劳动关系公共服务平台`);
      made++;
    }
  }
  return `generated ${made}`;
}
