import type { Insertable } from 'kysely';
import { can } from '../../../domain/access/policy';
import { validateUscc } from '../../../domain/identifiers/uscc';
import { dayNumber, monthIndex, SIGNAL_CHANNEL_LABELS, SIGNAL_KIND_LABELS, type SignalChannel, type SignalKind } from '../../../domain/risk/signals';
import type { Actor, AppContext } from '../../context';
import { prepared, rawSqlite, type DbOrTrx, type Trx } from '../../db';
import type { RiskSignalTable } from '../../db/schema';
import { fieldError, notFound } from '../../errors';
import { newId } from '../../lib/ids';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { regionPrefixCondition, scopeFilter, whereInScope } from '../../policy/scope';
import { insertAudit } from '../audit/repo';
import { currentRuleSet } from '../risk/repo';
import { recompute } from '../risk/recompute';
import { phase } from '../risk/profile';
import { describeIssues, HeadcountInput, SignalInput, type ManualSignal, type SignalListQuery } from './schemas';

export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: { index: number; reason: string }[];
}

/** Parses an occurredAt value: a bare date is midnight in China (UTC+8). */
export const parseOccurred = (v: string) => new Date(v.length === 10 ? `${v}T00:00:00+08:00` : v.replace(' ', 'T'));

/** Enterprises by USCC inside a region (the pusher's or importer's jurisdiction). */
async function enterprisesByUscc(db: DbOrTrx, usccs: string[], regionId: string | null) {
  const out = new Map<string, { id: string; region_id: string; coordinator_user_id: string | null }>();
  const unique = [...new Set(usccs)];
  for (let i = 0; i < unique.length; i += 2000) {
    let q = db.selectFrom('enterprises').select(['id', 'uscc', 'region_id', 'coordinator_user_id']).where('uscc', 'in', unique.slice(i, i + 2000));
    if (regionId) q = q.where(regionPrefixCondition('enterprises.region_id', regionId));
    for (const r of await q.execute()) out.set(r.uscc, r);
  }
  return out;
}

function unknownUscc(uscc: string): string {
  const check = validateUscc(uscc);
  return check.valid ? `统一社会信用代码“${uscc}”未在本辖区企业库中登记` : `${check.reason}（${uscc}）`;
}

export interface IngestOptions {
  channel: SignalChannel;
  /** Only enterprises under this region may receive signals (the key's or official's jurisdiction). */
  regionId: string | null;
  apiKeyId?: string | null;
  filedBy?: string | null;
  /** Called for each row that fails only because of its enterprise, e.g. for an import's row numbers. */
  auditAction: string;
}

/**
 * Validates a batch row by row, stores the valid rows in one transaction (idempotent on source +
 * externalId), rescores the enterprises they touch, and reports what was accepted, duplicate and rejected.
 */
export async function ingestSignals(ctx: AppContext, actor: Actor, rows: unknown[], opts: IngestOptions): Promise<IngestResult> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  phase('start');
  const rejected: IngestResult['rejected'] = [];
  const parsed: { index: number; v: SignalInput }[] = [];
  rows.forEach((row, index) => {
    const r = SignalInput.safeParse(row);
    if (!r.success) rejected.push({ index, reason: describeIssues(r.error) });
    else parsed.push({ index, v: { ...r.data, uscc: r.data.uscc.toUpperCase() } });
  });
  phase('validate');
  const enterprises = await enterprisesByUscc(ctx.db, parsed.map((p) => p.v.uscc), opts.regionId);
  phase('uscc lookup');
  const seen = new Set<string>();
  let duplicates = 0;
  const valid: Insertable<RiskSignalTable>[] = [];
  for (const { index, v } of parsed) {
    const ent = enterprises.get(v.uscc);
    if (!ent) {
      rejected.push({ index, reason: unknownUscc(v.uscc) });
      continue;
    }
    const occurred = parseOccurred(v.occurredAt);
    if (occurred.getTime() > now.getTime() + 3600_000) {
      rejected.push({ index, reason: `发生时间 ${v.occurredAt} 晚于当前时间` });
      continue;
    }
    const key = `${v.source}\u0000${v.externalId}`;
    if (seen.has(key)) {
      duplicates++;
      continue;
    }
    seen.add(key);
    valid.push({
      id: newId(now.getTime()),
      source: v.source,
      external_id: v.externalId,
      kind: v.kind,
      enterprise_id: ent.id,
      region_id: ent.region_id,
      occurred_at: occurred.toISOString(),
      occurred_day: dayNumber(occurred),
      workers_affected: v.workersAffected ?? null,
      amount: v.amount == null ? null : Math.round(v.amount * 100) / 100,
      details: v.details == null ? null : typeof v.details === 'string' ? JSON.stringify({ text: v.details }) : JSON.stringify(v.details),
      channel: opts.channel,
      api_key_id: opts.apiKeyId ?? null,
      filed_by: opts.filedBy ?? null,
      received_at: at,
    });
  }
  rejected.sort((a, b) => a.index - b.index);
  let accepted = 0;
  await ctx.db.transaction().execute(async (trx) => {
    phase('rows built');
    const inserted = await insertSignals(trx, valid);
    accepted = inserted.length;
    phase('insert signals');
    duplicates += valid.length - accepted;
    if (accepted > 0) {
      const ids = [...new Set(valid.map((v) => v.enterprise_id))];
      const { rules } = await currentRuleSet(trx);
      await recompute(trx, rules, now, { id: actor.principal?.id ?? null, name: actor.principal?.displayName ?? null }, ids, { regional: false, newSignals: inserted });
    }
    phase('recompute rest');
    await insertAudit(trx, {
      at,
      actorId: actor.principal?.id ?? null,
      actorName: actor.principal?.displayName ?? null,
      action: opts.auditAction,
      entityType: 'risk_signal_batch',
      entityId: null,
      regionId: opts.regionId,
      summary: `${SIGNAL_CHANNEL_LABELS[opts.channel]}风险信号 ${rows.length} 条：接收 ${accepted}，重复 ${duplicates}，拒收 ${rejected.length}`,
      after: { accepted, duplicates, rejected: rejected.length },
      ip: actor.ip,
    });
  });
  phase('audit + commit');
  return { accepted, duplicates, rejected };
}

const SIGNAL_COLUMNS = ['id', 'source', 'external_id', 'kind', 'enterprise_id', 'region_id', 'occurred_at', 'occurred_day', 'workers_affected', 'amount', 'details', 'channel', 'api_key_id', 'filed_by', 'received_at'] as const;
const INSERT_SIGNAL_SQL = `insert into risk_signals (${SIGNAL_COLUMNS.join(', ')}) values (${SIGNAL_COLUMNS.map(() => '?').join(', ')}) on conflict (source, external_id) do nothing`;

/**
 * Inserts signals, skipping (source, externalId) pairs already stored; returns the rows that were new.
 * SQLite: one prepared statement reused for every row inside the open transaction (a Kysely multi-row
 * insert is compiled and prepared anew per chunk, which cost more than the B-tree work).
 */
export async function insertSignals(trx: Trx, rows: Insertable<RiskSignalTable>[]): Promise<Insertable<RiskSignalTable>[]> {
  const raw = rawSqlite(trx);
  if (raw) {
    const st = prepared(raw, INSERT_SIGNAL_SQL);
    return rows.filter((r) => st.run(SIGNAL_COLUMNS.map((c) => r[c] ?? null)).changes > 0);
  }
  const inserted = new Set<string>();
  for (let i = 0; i < rows.length; i += 1000) {
    const r = await trx
      .insertInto('risk_signals')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) => oc.columns(['source', 'external_id']).doNothing())
      .returning('id')
      .execute();
    for (const x of r) inserted.add(x.id);
  }
  return rows.filter((r) => inserted.has(r.id));
}

/** Monthly insured headcount from the social-insurance system, idempotent per enterprise and month. */
export async function ingestHeadcount(ctx: AppContext, actor: Actor, rows: unknown[]) {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const rejected: IngestResult['rejected'] = [];
  const parsed: { index: number; uscc: string; month: string; count: number }[] = [];
  rows.forEach((row, index) => {
    const r = HeadcountInput.safeParse(row);
    if (!r.success) rejected.push({ index, reason: describeIssues(r.error) });
    else parsed.push({ index, uscc: r.data.uscc.toUpperCase(), month: r.data.month, count: r.data.insuredCount });
  });
  const regionId = actor.principal?.regionId ?? null;
  const enterprises = await enterprisesByUscc(ctx.db, parsed.map((p) => p.uscc), regionId);
  const currentMonth = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
  const valid = new Map<string, { enterpriseId: string; regionId: string; month: string; count: number }>();
  let duplicates = 0;
  for (const p of parsed) {
    const ent = enterprises.get(p.uscc);
    if (!ent) rejected.push({ index: p.index, reason: unknownUscc(p.uscc) });
    else if (p.month > currentMonth) rejected.push({ index: p.index, reason: `月份 ${p.month} 晚于当前月份` });
    else {
      const key = `${ent.id}|${p.month}`;
      if (valid.has(key)) duplicates++;
      valid.set(key, { enterpriseId: ent.id, regionId: ent.region_id, month: p.month, count: p.count });
    }
  }
  rejected.sort((a, b) => a.index - b.index);
  let accepted = 0;
  let updated = 0;
  await ctx.db.transaction().execute(async (trx) => {
    const list = [...valid.values()];
    const existing = new Map<string, number>();
    const ids = [...new Set(list.map((v) => v.enterpriseId))];
    for (let i = 0; i < ids.length; i += 2000) {
      const rows = await trx.selectFrom('insured_headcount').select(['enterprise_id', 'month', 'insured_count']).where('enterprise_id', 'in', ids.slice(i, i + 2000)).execute();
      for (const r of rows) existing.set(`${r.enterprise_id}|${r.month}`, r.insured_count);
    }
    const changed = list.filter((v) => existing.get(`${v.enterpriseId}|${v.month}`) !== v.count);
    for (const v of list) {
      const old = existing.get(`${v.enterpriseId}|${v.month}`);
      if (old === undefined) accepted++;
      else if (old === v.count) duplicates++;
      else updated++;
    }
    for (let i = 0; i < changed.length; i += 1000) {
      await trx
        .insertInto('insured_headcount')
        .values(
          changed.slice(i, i + 1000).map((v) => ({
            id: newId(now.getTime()),
            enterprise_id: v.enterpriseId,
            region_id: v.regionId,
            month: v.month,
            month_index: monthIndex(v.month),
            insured_count: v.count,
            source: actor.principal?.displayName ?? 'api',
            received_at: at,
            updated_at: at,
          })),
        )
        .onConflict((oc) => oc.columns(['enterprise_id', 'month_index']).doUpdateSet((eb) => ({ insured_count: eb.ref('excluded.insured_count'), updated_at: eb.ref('excluded.updated_at'), source: eb.ref('excluded.source') })))
        .execute();
    }
    if (changed.length) {
      const { rules } = await currentRuleSet(trx);
      await recompute(trx, rules, now, { id: actor.principal?.id ?? null, name: actor.principal?.displayName ?? null }, [...new Set(changed.map((c) => c.enterpriseId))], { newSignals: [] });
    }
    await insertAudit(trx, {
      at,
      actorId: actor.principal?.id ?? null,
      actorName: actor.principal?.displayName ?? null,
      action: 'headcount.push',
      entityType: 'insured_headcount_batch',
      regionId,
      summary: `参保人数 ${rows.length} 条：新增 ${accepted}，更新 ${updated}，重复 ${duplicates}，拒收 ${rejected.length}`,
      after: { accepted, updated, duplicates, rejected: rejected.length },
      ip: actor.ip,
    });
  });
  return { accepted, duplicates, updated, rejected };
}

/** An official's or coordinator's own finding (a visit, a phone tip) about an enterprise in their scope. */
export async function fileSignal(ctx: AppContext, actor: Actor, input: ManualSignal) {
  let q = ctx.db.selectFrom('enterprises').select(['id', 'uscc', 'name', 'region_id', 'coordinator_user_id']);
  q = input.enterpriseId ? q.where('id', '=', input.enterpriseId) : q.where('uscc', '=', input.uscc!.toUpperCase());
  const ent = await q.executeTakeFirst();
  if (!ent || !can(actor.principal, 'signal.file', { regionId: ent.region_id, assignedUserId: ent.coordinator_user_id })) throw notFound('企业');
  const result = await ingestSignals(
    ctx,
    actor,
    [{ source: 'manual', externalId: input.requestId ?? newId(), kind: input.kind, uscc: ent.uscc, occurredAt: input.occurredAt, workersAffected: input.workersAffected, amount: input.amount, details: input.description }],
    { channel: 'manual', regionId: null, filedBy: actor.principal?.id ?? null, auditAction: 'signal.file' },
  );
  if (result.rejected[0]) throw fieldError('occurredAt', result.rejected[0].reason.replace(/^occurredAt：/, ''));
  const risk = await ctx.db.selectFrom('enterprises').select(['risk_level', 'risk_score']).where('id', '=', ent.id).executeTakeFirstOrThrow();
  return { ...result, enterpriseId: ent.id, riskLevel: risk.risk_level, riskScore: risk.risk_score };
}

export async function listSignals(ctx: AppContext, actor: Actor, q: SignalListQuery & PageQuery) {
  const filter = scopeFilter(actor.principal, 'signal.read');
  let query = ctx.db
    .selectFrom('risk_signals as s')
    .innerJoin('enterprises as e', 'e.id', 's.enterprise_id')
    .where(whereInScope(filter, { region: 's.region_id', assigned: 'e.coordinator_user_id' }));
  if (q.uscc) query = query.where('e.uscc', '=', q.uscc.toUpperCase());
  if (q.enterpriseId) query = query.where('s.enterprise_id', '=', q.enterpriseId);
  if (q.kind) query = query.where('s.kind', '=', q.kind);
  if (q.channel) query = query.where('s.channel', '=', q.channel);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .select(['s.id', 's.source', 's.external_id', 's.kind', 's.enterprise_id', 'e.name as enterprise_name', 'e.uscc', 's.region_id', 's.occurred_at', 's.workers_affected', 's.amount', 's.details', 's.channel', 's.received_at'])
    .orderBy('s.occurred_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(q.pageSize)
    .offset(pageOffset(q))
    .execute();
  return { items: rows.map(presentSignal), total: Number(total), page: q.page, pageSize: q.pageSize };
}

export function presentSignal(r: { id: string; source: string; external_id: string; kind: string; enterprise_id: string; enterprise_name: string; uscc: string; region_id: string; occurred_at: string; workers_affected: number | null; amount: number | null; details: string | null; channel: string; received_at: string }) {
  const details = r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null;
  return {
    id: r.id,
    source: r.source,
    externalId: r.external_id,
    kind: r.kind,
    kindLabel: SIGNAL_KIND_LABELS[r.kind as SignalKind] ?? r.kind,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    uscc: r.uscc,
    regionId: r.region_id,
    occurredAt: r.occurred_at,
    workersAffected: r.workers_affected,
    amount: r.amount == null ? null : Number(r.amount),
    details,
    channel: r.channel,
    receivedAt: r.received_at,
  };
}

/** Signals by id (for an alert's reasons), limited to what the principal may read. */
export async function signalsByIds(ctx: AppContext, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('risk_signals as s')
    .innerJoin('enterprises as e', 'e.id', 's.enterprise_id')
    .select(['s.id', 's.source', 's.external_id', 's.kind', 's.enterprise_id', 'e.name as enterprise_name', 'e.uscc', 's.region_id', 's.occurred_at', 's.workers_affected', 's.amount', 's.details', 's.channel', 's.received_at'])
    .where('s.id', 'in', ids.slice(0, 500))
    .orderBy('s.occurred_at', 'desc')
    .execute();
  return rows.map(presentSignal);
}

/**
 * The hook for the dispute module: a registered case becomes a dispute_case signal of its enterprise,
 * in the caller's transaction, and the enterprise is rescored at once.
 */
/** A signal raised inside the platform (a dispute case, a complaint): stored and scored in the caller's transaction. */
export async function recordInternalSignal(
  trx: Trx,
  c: { source: string; externalId: string; kind: string; channel: string; enterpriseId: string; occurredAt: string; workersAffected?: number | null; amount?: number | null; details: Record<string, unknown>; actorName: string; now: Date },
) {
  const ent = await trx.selectFrom('enterprises').select(['id', 'region_id']).where('id', '=', c.enterpriseId).executeTakeFirst();
  if (!ent) return 0;
  const occurred = parseOccurred(c.occurredAt);
  const inserted = await insertSignals(trx, [
    {
      id: newId(c.now.getTime()),
      source: c.source,
      external_id: c.externalId,
      kind: c.kind,
      enterprise_id: ent.id,
      region_id: ent.region_id,
      occurred_at: occurred.toISOString(),
      occurred_day: dayNumber(occurred),
      workers_affected: c.workersAffected ?? null,
      amount: c.amount ?? null,
      details: JSON.stringify(c.details),
      channel: c.channel,
      api_key_id: null,
      filed_by: null,
      received_at: c.now.toISOString(),
    },
  ]);
  if (inserted.length) await recompute(trx, (await currentRuleSet(trx)).rules, c.now, { id: null, name: c.actorName }, [ent.id], { regional: false, newSignals: inserted });
  return inserted.length;
}

export async function recordCaseSignal(trx: Trx, c: { caseId: string; enterpriseId: string; occurredAt: string; workersAffected?: number | null; amount?: number | null; now: Date }) {
  return recordInternalSignal(trx, {
    source: 'dispute-cases',
    externalId: c.caseId,
    kind: 'dispute_case',
    channel: 'case',
    enterpriseId: c.enterpriseId,
    occurredAt: c.occurredAt,
    workersAffected: c.workersAffected,
    amount: c.amount,
    details: { caseId: c.caseId },
    actorName: '争议案件',
    now: c.now,
  });
}
