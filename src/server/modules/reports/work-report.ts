import { INDICATOR_CATALOGUE } from '../../../domain/indicators/catalogue';
import { LIGHT_LABELS } from '../../../domain/plans/traffic-light';
import { periodLabel, periodRange, REPORT_KIND_LABELS, type ReportKind } from '../../../domain/plans/periods';
import { TASK_STATUS_LABELS } from '../../../domain/plans/status';
import type { AppContext } from '../../context';
import { statusOf, type IndicatorStatus } from '../indicators/compute';
import { listIndicatorRows, listVersions, type IndicatorRow } from '../indicators/repo';
import { presentTasks, summarize } from '../plans/service';
import { regionPrefixCondition } from '../../policy/scope';
import { barChartPng, barChartSvg } from './charts';
import { buildDocx, type Block } from './documents';

const fmt = (v: number | null, unit: string) => (v === null ? '暂无数据' : `${v}${unit}`);

/**
 * The periodic work report (统计分析、信息通报): every indicator of the region with target and light as
 * of the period's end, the chart of the yearly counts, the task summary and every overdue task.
 */
export async function buildWorkReport(ctx: AppContext, region: { id: string; name: string }, kind: ReportKind, period: string, issuer: string, today: string) {
  const { to, year } = periodRange(kind, period);
  const asOf = to < today ? to : today;
  const lines: { ind: IndicatorRow; s: IndicatorStatus }[] = [];
  for (const ind of await listIndicatorRows(ctx.db)) {
    const s = await statusOf(ctx.db, ind, region.id, year, asOf, await listVersions(ctx.db, ind.id));
    lines.push({ ind, s });
  }
  const tasksRows = await ctx.db.selectFrom('plan_tasks').selectAll().where(regionPrefixCondition('plan_tasks.region_id', region.id.slice(0, 6))).execute();
  const tasks = await presentTasks(ctx.db, tasksRows, asOf, { principal: null, ip: null });
  const sum = summarize(tasks);
  const overdue = tasks.filter((t) => t.status === 'overdue').sort((a, b) => (a.nextDeadline ?? '').localeCompare(b.nextDeadline ?? ''));
  const counts = lines.filter((l) => l.ind.measure === 'count');
  const rates = lines.filter((l) => l.ind.measure === 'rate');
  const chartOf = (title: string, items: typeof lines): Block => {
    const data = items.map((l) => ({ name: l.ind.name.slice(0, 8), value: l.s.figure.value ?? 0, target: l.s.target }));
    return { kind: 'image', svg: barChartSvg(title, data), png: barChartPng(data), width: 640, height: 320, caption: title };
  };
  const green = lines.filter((l) => l.s.light === 'green').length;
  const red = lines.filter((l) => l.s.light === 'red').length;
  const blocks: Block[] = [
    { kind: 'heading', text: '一、总体情况' },
    { kind: 'paragraph', text: `截至${asOf}，${region.name}纳入监测的${lines.length}项指标中，达标${green}项、预警${lines.filter((l) => l.s.light === 'yellow').length}项、滞后${red}项。方案任务共${sum.total}项，已完成${sum.done}项，进行中${sum.in_progress}项，未开始${sum.not_started}项，逾期${sum.overdue}项。` },
    { kind: 'heading', text: '二、主要指标' },
    {
      kind: 'table',
      columns: [{ title: '指标', width: 30 }, { title: '实际', width: 12 }, { title: '目标', width: 12 }, { title: '状态', width: 8 }, { title: '数据来源', width: 28 }],
      rows: lines.map((l) => [l.ind.name, fmt(l.s.figure.value, l.ind.unit), fmt(l.s.target, l.ind.unit), LIGHT_LABELS[l.s.light], l.ind.mode === 'manual' ? '单位填报' : '平台实时计算']),
    },
    chartOf(`${year}年度累计指标完成情况`, counts),
    chartOf('比率类指标（%）', rates),
    { kind: 'heading', text: '三、逾期任务' },
    overdue.length
      ? { kind: 'table', columns: [{ title: '序号', width: 6 }, { title: '任务', width: 40 }, { title: '牵头单位', width: 20 }, { title: '时限', width: 14 }, { title: '进度', width: 8 }], rows: overdue.map((t, i) => [String(i + 1), t.title, t.leadUnit.name, t.nextDeadline ?? t.dueOn, `${t.progress}%`]) }
      : { kind: 'paragraph', text: '本期无逾期任务。' },
    { kind: 'heading', text: '四、下一步工作' },
    { kind: 'paragraph', text: red ? `针对${lines.filter((l) => l.s.light === 'red').map((l) => l.ind.name).join('、')}等滞后指标，请牵头单位分析原因、明确措施，于下期报告中说明进展。` : '各项指标总体平稳，请各单位继续按方案推进。' },
  ];
  const pending = INDICATOR_CATALOGUE.filter((d) => d.mode === 'manual').length;
  blocks.push({ kind: 'paragraph', text: `注：${pending}项指标暂由单位填报，相关业务模块上线后改为平台实时计算。任务状态：${Object.values(TASK_STATUS_LABELS).join('、')}。` });
  const title = `${region.name}构建和谐劳动关系工作${REPORT_KIND_LABELS[kind]}（${periodLabel(kind, period)}）`;
  const data = await buildDocx({ title, blocks, issuer, date: today });
  return { title, data, figures: lines.map((l) => ({ id: l.ind.id, value: l.s.figure.value, target: l.s.target, light: l.s.light })), overdue: overdue.length };
}
