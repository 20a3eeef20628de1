import ExcelJS from 'exceljs';
import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import { IsoDate } from '../../../domain/calendar/iso-date';
import { CLAIM_TYPE_LABELS, type ClaimType } from '../../../domain/cases/claim-types';
import { MEDIATION_KINDS, MEDIATION_LEVELS } from '../../../domain/mediation/organisations';
import type { Actor, AppContext } from '../../context';
import { todayInChina } from '../../lib/clock';
import { caseScope } from './policy';

/** The district's target for the mediation success rate (seed 003 二(四): 调解成功率不低于60%). */
export const SUCCESS_TARGET = 60;

export const STATS_GROUPS = ['org', 'level', 'kind', 'street', 'claimType', 'month', 'year'] as const;
export const StatsQuery = z.object({
  groupBy: z.enum(STATS_GROUPS).default('org'),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  organizationId: z.string().optional(),
});
export type StatsQuery = z.infer<typeof StatsQuery>;

export interface StatsRow {
  key: string;
  label: string;
  received: number;
  closed: number;
  success: number;
  failed: number;
  /** success / (success + failed): withdrawn, declined and answered cases are not mediation results. */
  successRate: number | null;
  meetsTarget: boolean | null;
  medianDaysToClose: number | null;
  /** Share of closed cases closed within the statutory (or agreed extended) mediation period, %. */
  closedInTimeShare: number | null;
  overdue: number;
  amountAgreed: number;
  amountPaid: number;
}

const pct = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 10);

function keyExpr(groupBy: StatsQuery['groupBy']): RawBuilder<string> {
  switch (groupBy) {
    case 'org':
      return sql<string>`dispute_cases.org_id`;
    case 'level':
      return sql<string>`o.level`;
    case 'kind':
      return sql<string>`o.kind`;
    case 'street':
      return sql<string>`substr(dispute_cases.region_id, 1, 9)`;
    case 'claimType':
      return sql<string>`dispute_cases.primary_claim_type`;
    case 'month':
      return sql<string>`substr(dispute_cases.received_date, 1, 7)`;
    case 'year':
      return sql<string>`substr(dispute_cases.received_date, 1, 4)`;
  }
}

/** Median from a histogram of whole days (days to close take few distinct values, so this scales to millions). */
export function medianOf(hist: { days: number; n: number }[]): number | null {
  const total = hist.reduce((s, h) => s + h.n, 0);
  if (total === 0) return null;
  const sorted = [...hist].sort((a, b) => a.days - b.days);
  const at = (rank: number) => {
    let seen = 0;
    for (const h of sorted) {
      seen += h.n;
      if (seen > rank) return h.days;
    }
    return sorted[sorted.length - 1]!.days;
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

interface Bucket {
  received: number;
  closed: number;
  success: number;
  failed: number;
  inTime: number;
  overdue: number;
  agreed: number;
  paid: number;
  hist: { days: number; n: number }[];
}

function finish(key: string, b: Bucket) {
  const rate = pct(b.success, b.success + b.failed);
  return {
    key,
    received: b.received,
    closed: b.closed,
    success: b.success,
    failed: b.failed,
    successRate: rate,
    meetsTarget: rate === null ? null : rate >= SUCCESS_TARGET,
    medianDaysToClose: medianOf(b.hist),
    closedInTimeShare: pct(b.inTime, b.closed),
    overdue: b.overdue,
    amountAgreed: Math.round(b.agreed * 100) / 100,
    amountPaid: Math.round(b.paid * 100) / 100,
  };
}

/**
 * One query per request: the scoped cases of the period grouped by (key, days to close). Every case falls in exactly
 * one group, so the totals and the medians are folded from the same rows; the covering indexes make it index-only.
 */
async function aggregate(ctx: AppContext, actor: Actor, q: StatsQuery) {
  const today = todayInChina(ctx.clock);
  const key = keyExpr(q.groupBy);
  let query = ctx.db
    .selectFrom('dispute_cases')
    .where(caseScope(actor.principal, 'case.stats', null, { regionByPeriod: ctx.dbKind === 'postgres' ? 'like' : 'substr' }));
  if (q.groupBy === 'level' || q.groupBy === 'kind') query = query.innerJoin('mediation_orgs as o', 'o.id', 'dispute_cases.org_id');
  if (q.from) query = query.where('dispute_cases.received_date', '>=', q.from);
  if (q.to) query = query.where('dispute_cases.received_date', '<=', q.to);
  if (q.organizationId) query = query.where('dispute_cases.org_id', '=', q.organizationId);
  const rows = await query
    .select([
      key.as('k'),
      'dispute_cases.days_to_close as days',
      sql<number>`count(*)`.as('received'),
      sql<number>`sum(case when dispute_cases.result is not null then 1 else 0 end)`.as('closed'),
      sql<number>`sum(case when dispute_cases.result = 'success' then 1 else 0 end)`.as('success'),
      sql<number>`sum(case when dispute_cases.result = 'failed' then 1 else 0 end)`.as('failed'),
      sql<number>`sum(case when dispute_cases.closed_in_time = 1 then 1 else 0 end)`.as('in_time'),
      sql<number>`sum(case when dispute_cases.next_due < ${today} then 1 else 0 end)`.as('overdue'),
      sql<number>`sum(dispute_cases.amount_agreed)`.as('agreed'),
      sql<number>`sum(dispute_cases.amount_paid)`.as('paid'),
    ])
    .groupBy([key, 'dispute_cases.days_to_close'])
    .execute();
  const empty = (): Bucket => ({ received: 0, closed: 0, success: 0, failed: 0, inTime: 0, overdue: 0, agreed: 0, paid: 0, hist: [] });
  const groups = new Map<string, Bucket>();
  const total = empty();
  for (const r of rows) {
    const k = String(r.k);
    const g = groups.get(k) ?? empty();
    groups.set(k, g);
    for (const b of [g, total]) {
      b.received += Number(r.received);
      b.closed += Number(r.closed);
      b.success += Number(r.success);
      b.failed += Number(r.failed);
      b.inTime += Number(r.in_time);
      b.overdue += Number(r.overdue);
      b.agreed += Number(r.agreed ?? 0);
      b.paid += Number(r.paid ?? 0);
      if (r.days !== null) b.hist.push({ days: Number(r.days), n: Number(r.closed) });
    }
  }
  return { groups: [...groups].map(([k, b]) => finish(k, b)), totals: finish('all', total) };
}

async function labels(ctx: AppContext, groupBy: StatsQuery['groupBy'], keys: string[]): Promise<Map<string, string>> {
  const m = new Map<string, string>();
  if (groupBy === 'org' && keys.length) {
    for (const o of await ctx.db.selectFrom('mediation_orgs').select(['id', 'name']).where('id', 'in', keys).execute()) m.set(o.id, o.name);
  } else if (groupBy === 'street' && keys.length) {
    for (const r of await ctx.db.selectFrom('regions').select(['id', 'name']).where('id', 'in', keys).execute()) m.set(r.id, r.name);
  } else if (groupBy === 'level') for (const [k, v] of Object.entries(MEDIATION_LEVELS)) m.set(k, v);
  else if (groupBy === 'kind') for (const [k, v] of Object.entries(MEDIATION_KINDS)) m.set(k, v);
  else if (groupBy === 'claimType') for (const k of keys) m.set(k, CLAIM_TYPE_LABELS[k as ClaimType] ?? k);
  return m;
}

export async function caseStatistics(ctx: AppContext, actor: Actor, q: StatsQuery) {
  const { groups, totals } = await aggregate(ctx, actor, q);
  const names = await labels(
    ctx,
    q.groupBy,
    groups.map((g) => g.key),
  );
  const rows: StatsRow[] = groups
    .map((g) => ({ ...g, label: names.get(g.key) ?? g.key }))
    .sort((a, b) => (q.groupBy === 'month' || q.groupBy === 'year' ? a.key.localeCompare(b.key) : b.received - a.received));
  const satisfaction = await satisfactionOf(ctx, actor, q);
  return { groupBy: q.groupBy, from: q.from ?? null, to: q.to ?? null, target: SUCCESS_TARGET, rows, totals: { ...totals, label: '合计' }, satisfaction };
}

/** 满意度 from the parties' portal ratings (1–5) of the scoped cases received in the period. */
async function satisfactionOf(ctx: AppContext, actor: Actor, q: StatsQuery) {
  let query = ctx.db
    .selectFrom('case_ratings')
    .innerJoin('dispute_cases', 'dispute_cases.id', 'case_ratings.case_id')
    .where(caseScope(actor.principal, 'case.stats'));
  if (q.from) query = query.where('dispute_cases.received_date', '>=', q.from);
  if (q.to) query = query.where('dispute_cases.received_date', '<=', q.to);
  if (q.organizationId) query = query.where('dispute_cases.org_id', '=', q.organizationId);
  const r = await query
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.avg<number>('case_ratings.score').as('avg')])
    .executeTakeFirstOrThrow();
  const n = Number(r.n);
  return { ratings: n, averageScore: n ? Math.round(Number(r.avg) * 100) / 100 : null };
}

const GROUP_LABELS: Record<StatsQuery['groupBy'], string> = {
  org: '调解组织',
  level: '组织层级',
  kind: '调解类型',
  street: '镇街',
  claimType: '争议类型',
  month: '月份',
  year: '年度',
};

export async function statisticsWorkbook(ctx: AppContext, actor: Actor, q: StatsQuery): Promise<Buffer> {
  const s = await caseStatistics(ctx, actor, q);
  const wb = new ExcelJS.Workbook();
  wb.creator = '和谐 · 劳动关系公共服务平台';
  const ws = wb.addWorksheet('调解案件统计');
  ws.addRow([`劳动争议调解案件统计（按${GROUP_LABELS[q.groupBy]}）${q.from || q.to ? ` ${q.from ?? ''}至${q.to ?? ''}` : ''}`]);
  ws.addRow([`调解成功率目标：${SUCCESS_TARGET}%；成功率 = 调解成功 ÷（调解成功 + 调解不成）`]);
  ws.addRow([
    GROUP_LABELS[q.groupBy],
    '受理',
    '结案',
    '调解成功',
    '调解不成',
    '成功率(%)',
    '达标',
    '结案天数中位数',
    '法定期限内结案占比(%)',
    '逾期未结',
    '协议金额(元)',
    '已履行金额(元)',
  ]);
  ws.getRow(3).font = { bold: true };
  for (const r of [...s.rows, s.totals]) {
    ws.addRow([
      r.label,
      r.received,
      r.closed,
      r.success,
      r.failed,
      r.successRate,
      r.meetsTarget === null ? '' : r.meetsTarget ? '是' : '否',
      r.medianDaysToClose,
      r.closedInTimeShare,
      r.overdue,
      r.amountAgreed,
      r.amountPaid,
    ]);
  }
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 36 : 14));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
