import { insertMany, type DbOrTrx } from '../../db';
import { newId } from '../../lib/ids';
import { derivedTimeline, type TimelineRow } from './timeline-sources';

/** One entry on an enterprise's timeline. `module` names the writer (registry, cases, risk, contracts, visits …). */
export interface TimelineEvent {
  enterpriseId: string;
  regionId: string;
  at: string;
  kind: string;
  module: string;
  title: string;
  detail?: string | null;
  refType?: string | null;
  refId?: string | null;
  actorId?: string | null;
  actorName?: string | null;
}

/**
 * The one way any module attaches something to an enterprise's timeline — call it inside the same
 * transaction as the change it records: `await addTimelineEvent(trx, {...})`.
 */
export async function addTimelineEvent(db: DbOrTrx, e: TimelineEvent): Promise<void> {
  await db.insertInto('enterprise_events').values(toRow(e)).execute();
}

export async function addTimelineEvents(db: DbOrTrx, events: TimelineEvent[]): Promise<void> {
  await insertMany(db, 'enterprise_events', events.map(toRow), { chunk: 500 });
}

function toRow(e: TimelineEvent) {
  return {
    id: newId(),
    enterprise_id: e.enterpriseId,
    region_id: e.regionId,
    at: e.at,
    kind: e.kind,
    module: e.module,
    title: e.title,
    detail: e.detail ?? null,
    ref_type: e.refType ?? null,
    ref_id: e.refId ?? null,
    actor_id: e.actorId ?? null,
    actor_name: e.actorName ?? null,
  };
}

/**
 * An enterprise's timeline, newest first: the entries modules wrote (`addTimelineEvent`), the
 * ledger import that created it, and the entries derived from cases, signals, contracts and
 * visits (timeline-sources.ts), from the `modules` the viewer may read. `before` pages by time.
 */
export async function listTimeline(
  db: DbOrTrx,
  enterpriseId: string,
  limit: number,
  before: string | undefined,
  modules: readonly string[],
): Promise<TimelineRow[]> {
  if (modules.length === 0) return [];
  let q = db.selectFrom('enterprise_events').selectAll().where('enterprise_id', '=', enterpriseId).where('module', 'in', modules);
  if (before) q = q.where('at', '<', before);
  const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  const out: TimelineRow[] = rows.map((r) => ({
    id: r.id,
    at: r.at,
    kind: r.kind,
    module: r.module,
    title: r.title,
    detail: r.detail,
    refType: r.ref_type,
    refId: r.ref_id,
    actorName: r.actor_name,
  }));
  // A ledger import records its "new enterprise" entry once per import (enterprises.import_id), not one row
  // per imported enterprise: the entry is derived here and merged in its place.
  const imported = await db
    .selectFrom('enterprises as e')
    .innerJoin('enterprise_imports as i', 'i.id', 'e.import_id')
    .select(['e.created_at', 'i.id', 'i.file_name', 'i.created_by_name'])
    .where('e.id', '=', enterpriseId)
    .executeTakeFirst();
  if (imported && modules.includes('registry') && (!before || imported.created_at < before)) {
    out.push({ id: `import-${imported.id}`, at: imported.created_at, kind: 'registry.imported', module: 'registry', title: '台账导入：新增企业', detail: `来自文件 ${imported.file_name}`, refType: 'enterprise_import', refId: imported.id, actorName: imported.created_by_name });
  }
  out.push(...(await derivedTimeline(db, enterpriseId, limit, before, modules)));
  out.sort((a, b) => (a.at === b.at ? b.id.localeCompare(a.id) : b.at.localeCompare(a.at)));
  return out.slice(0, limit);
}
