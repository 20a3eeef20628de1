/**
 * Timeline entries derived from the records other modules already keep about an enterprise —
 * dispute cases, risk signals, collective contracts, outreach visits — read at request time
 * instead of copied into `enterprise_events`. A signal feed can bring millions of rows; a
 * second copy of each would double the cost of every ingest, and a derived entry can never
 * disagree with its source. Each source reads at most `limit` rows through an index on
 * (enterprise_id, time), so a page costs a handful of indexed queries.
 */
import { CASE_STATUS_LABELS, type CaseStatus } from '../../../domain/cases/state-machine';
import { CONTRACT_EVENT_LABELS, CONTRACT_KIND_LABELS, type ContractKind } from '../../../domain/contracts/types';
import { SIGNAL_KIND_LABELS, type SignalKind } from '../../../domain/risk/signals';
import type { DbOrTrx } from '../../db';

export interface TimelineRow {
  id: string;
  at: string;
  kind: string;
  module: string;
  title: string;
  detail: string | null;
  refType: string | null;
  refId: string | null;
  actorName: string | null;
}

const RESULT_LABELS: Record<string, string> = { success: '调解成功', failed: '调解不成', withdrawn: '撤回申请', declined: '不予受理' };

/** A date-only value placed at the end of its day (China time), so it sorts after that day's actions. */
function endOfDay(date: string): string {
  return `${date}T15:59:59.999Z`;
}

async function caseEntries(db: DbOrTrx, enterpriseId: string, limit: number, before?: string): Promise<TimelineRow[]> {
  const rows = await db
    .selectFrom('dispute_cases')
    .select(['id', 'case_no', 'created_at', 'status', 'closed_on', 'result', 'applicant_count', 'primary_claim_type'])
    .where('enterprise_id', '=', enterpriseId)
    .orderBy('received_date', 'desc')
    .limit(limit * 2)
    .execute();
  const out: TimelineRow[] = [];
  for (const r of rows) {
    out.push({
      id: `case-${r.id}`,
      at: r.created_at,
      kind: 'case.created',
      module: 'cases',
      title: `劳动争议案件登记：${r.case_no}`,
      detail: `${r.applicant_count}名劳动者；当前状态：${CASE_STATUS_LABELS[r.status as CaseStatus] ?? r.status}`,
      refType: 'dispute_case',
      refId: r.id,
      actorName: null,
    });
    if (r.closed_on) {
      out.push({
        id: `case-closed-${r.id}`,
        at: endOfDay(r.closed_on),
        kind: 'case.closed',
        module: 'cases',
        title: `案件结案：${r.case_no}`,
        detail: r.result ? (RESULT_LABELS[r.result] ?? r.result) : null,
        refType: 'dispute_case',
        refId: r.id,
        actorName: null,
      });
    }
  }
  return out.filter((e) => !before || e.at < before);
}

async function signalEntries(db: DbOrTrx, enterpriseId: string, limit: number, before?: string): Promise<TimelineRow[]> {
  let q = db
    .selectFrom('risk_signals')
    .select(['id', 'kind', 'occurred_at', 'workers_affected', 'amount', 'source', 'channel'])
    .where('enterprise_id', '=', enterpriseId)
    // A case's own signal would repeat the case entry.
    .where('channel', '!=', 'case');
  if (before) q = q.where('occurred_at', '<', before);
  const rows = await q.orderBy('occurred_day', 'desc').orderBy('occurred_at', 'desc').limit(limit).execute();
  return rows.map((r) => {
    const facts = [
      r.workers_affected ? `涉及${r.workers_affected}人` : null,
      r.amount ? `金额${r.amount}元` : null,
      `来源：${r.source}`,
    ].filter(Boolean);
    return {
      id: `signal-${r.id}`,
      at: r.occurred_at,
      kind: 'signal',
      module: 'risk',
      title: `风险信号：${SIGNAL_KIND_LABELS[r.kind as SignalKind] ?? r.kind}`,
      detail: facts.join('；'),
      refType: 'risk_signal',
      refId: r.id,
      actorName: null,
    };
  });
}

async function contractEntries(db: DbOrTrx, enterpriseId: string, limit: number, before?: string): Promise<TimelineRow[]> {
  // The enterprise's own contracts and the regional or industry contracts that cover it.
  let q = db
    .selectFrom('collective_contract_events as ev')
    .innerJoin('collective_contracts as c', 'c.id', 'ev.contract_id')
    .select(['ev.id', 'ev.at', 'ev.action', 'ev.actor_name', 'ev.note', 'c.id as contractId', 'c.title', 'c.kind'])
    .where((eb) =>
      eb.or([
        eb('c.enterprise_id', '=', enterpriseId),
        eb(
          'c.id',
          'in',
          eb.selectFrom('collective_contract_enterprises').select('contract_id').where('enterprise_id', '=', enterpriseId),
        ),
      ]),
    );
  if (before) q = q.where('ev.at', '<', before);
  const rows = await q.orderBy('ev.at', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: `contract-${r.id}`,
    at: r.at,
    kind: `contract.${r.action}`,
    module: 'contracts',
    title: `${CONTRACT_KIND_LABELS[r.kind as ContractKind] ?? '集体合同'}${CONTRACT_EVENT_LABELS[r.action] ?? r.action}：${r.title}`,
    detail: r.note,
    refType: 'collective_contract',
    refId: r.contractId,
    actorName: r.actor_name,
  }));
}

async function visitEntries(db: DbOrTrx, enterpriseId: string, limit: number, before?: string): Promise<TimelineRow[]> {
  let q = db
    .selectFrom('outreach_visits')
    .select(['id', 'visited_on', 'created_at', 'visitor_name', 'summary', 'needs'])
    .where('enterprise_id', '=', enterpriseId);
  if (before) q = q.where('created_at', '<', before);
  const rows = await q.orderBy('visited_on', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: `visit-${r.id}`,
    at: r.created_at,
    kind: 'outreach.visit',
    module: 'services',
    title: `服务专员走访（${r.visited_on}）`,
    detail: r.needs ? `${r.summary}；企业诉求：${r.needs}` : r.summary,
    refType: 'outreach_visit',
    refId: r.id,
    actorName: r.visitor_name,
  }));
}

/** Up to `limit` derived entries from each source the viewer may read (by module name). */
export async function derivedTimeline(
  db: DbOrTrx,
  enterpriseId: string,
  limit: number,
  before: string | undefined,
  modules: readonly string[],
): Promise<TimelineRow[]> {
  const sources: [string, typeof caseEntries][] = [
    ['cases', caseEntries],
    ['risk', signalEntries],
    ['contracts', contractEntries],
    ['services', visitEntries],
  ];
  const parts = await Promise.all(
    sources.filter(([m]) => modules.includes(m)).map(([, read]) => read(db, enterpriseId, limit, before)),
  );
  return parts.flat();
}
