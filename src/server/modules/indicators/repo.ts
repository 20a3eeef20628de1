import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db';
import type { IndicatorTable, IndicatorVersionTable } from '../../db/schema';
import type { RecordType } from './calculators';

export type IndicatorRow = Selectable<IndicatorTable>;
export type VersionRow = Selectable<IndicatorVersionTable>;

export const findIndicator = (db: DbOrTrx, id: string) => db.selectFrom('indicators').selectAll().where('id', '=', id).executeTakeFirst();
export const listIndicatorRows = (db: DbOrTrx) => db.selectFrom('indicators').selectAll().orderBy('sort').execute();
export const listVersions = (db: DbOrTrx, id: string) =>
  db.selectFrom('indicator_versions').selectAll().where('indicator_id', '=', id).orderBy('version').execute();

/** Region ids are hierarchical codes: 6 digits district, 9 street/town, 12 park/community. */
export function selfAndAncestors(regionId: string): string[] {
  return [6, 9, 12].filter((n) => n <= regionId.length).map((n) => regionId.slice(0, n));
}

export async function findTarget(db: DbOrTrx, indicatorId: string, regionId: string, year: number, inherit: boolean): Promise<number | null> {
  const rows = await db
    .selectFrom('indicator_targets')
    .select(['region_id', 'target'])
    .where('indicator_id', '=', indicatorId)
    .where('year', '=', year)
    .where('region_id', 'in', inherit ? selfAndAncestors(regionId) : [regionId])
    .execute();
  const best = rows.sort((a, b) => b.region_id.length - a.region_id.length)[0];
  return best ? Number(best.target) : null;
}

/** Latest manual entry per region for an indicator in a year, for the region and every region under it. */
export async function latestManualEntries(db: DbOrTrx, indicatorId: string, regionId: string, year: number) {
  const rows = await db
    .selectFrom('indicator_values')
    .selectAll()
    .where('indicator_id', '=', indicatorId)
    .where('source', '=', 'manual')
    .where('period', 'like', `${year}%`)
    .where('region_id', 'like', `${regionId}%`)
    .orderBy('period', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.region_id)) latest.set(r.region_id, r);
  return [...latest.values()];
}

export interface RecordItem {
  id: string;
  name: string;
  regionId: string;
  detail: string;
}

/** The records behind a number, described for a drill-down table. */
export async function describeRecords(db: DbOrTrx, type: RecordType, ids: string[]): Promise<RecordItem[]> {
  if (ids.length === 0) return [];
  const out: RecordItem[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    if (type === 'enterprise') {
      const rows = await db.selectFrom('enterprises').select(['id', 'name', 'region_id', 'headcount', 'size_class', 'union_established_on']).where('id', 'in', chunk).execute();
      out.push(...rows.map((r) => ({ id: r.id, name: r.name, regionId: r.region_id, detail: `用工${r.headcount ?? '—'}人${r.union_established_on ? `，建会于${r.union_established_on}` : ''}` })));
    } else if (type === 'mediation_org') {
      const rows = await db.selectFrom('mediation_orgs').select(['id', 'name', 'region_id', 'standardized_on', 'gold_on']).where('id', 'in', chunk).execute();
      out.push(...rows.map((r) => ({ id: r.id, name: r.name, regionId: r.region_id, detail: [r.standardized_on && `标准化认定 ${r.standardized_on}`, r.gold_on && `金牌 ${r.gold_on}`].filter(Boolean).join('，') })));
    } else if (type === 'coordinator') {
      const rows = await db.selectFrom('coordinators').select(['id', 'name', 'region_id', 'employer_name']).where('id', 'in', chunk).execute();
      out.push(...rows.map((r) => ({ id: r.id, name: r.name, regionId: r.region_id, detail: r.employer_name })));
    } else if (type === 'case') {
      const rows = await db.selectFrom('dispute_cases').select(['id', 'case_no', 'region_id', 'respondent_name', 'result', 'closed_on', 'closed_in_time']).where('id', 'in', chunk).execute();
      out.push(...rows.map((r) => ({ id: r.id, name: r.case_no, regionId: r.region_id, detail: `${r.respondent_name}，${r.closed_on ?? '未结'}结案${r.result === 'success' ? '（调解成功）' : r.result === 'failed' ? '（调解不成）' : ''}${r.closed_in_time === 0 ? '，超期' : ''}` })));
    } else if (type === 'complaint') {
      const rows = await db.selectFrom('complaints').select(['id', 'tracking_code', 'region_id', 'employer_name', 'closed_on', 'investigation_due_on', 'accept_due_on']).where('id', 'in', chunk).execute();
      out.push(...rows.map((r) => ({ id: r.id, name: r.tracking_code, regionId: r.region_id, detail: `${r.employer_name}，${r.closed_on ?? '—'}办结（期限${r.investigation_due_on ?? r.accept_due_on}）` })));
    } else if (type === 'recruitment_event') {
      const rows = await db.selectFrom('recruitment_events').select(['id', 'title', 'region_id', 'held_on', 'positions']).where('id', 'in', chunk).execute();
      out.push(...rows.map((r) => ({ id: r.id, name: r.title, regionId: r.region_id, detail: `${r.held_on}，岗位${r.positions}个` })));
    } else if (type === 'alert') {
      const rows = await db.selectFrom('alerts').leftJoin('enterprises', 'enterprises.id', 'alerts.enterprise_id').select(['alerts.id', 'alerts.region_id', 'alerts.level', 'alerts.status', 'alerts.opened_at', 'enterprises.name']).where('alerts.id', 'in', chunk).execute();
      out.push(...rows.map((r) => ({ id: r.id, name: r.name ?? '区域预警', regionId: r.region_id, detail: `${r.level}级，${r.opened_at.slice(0, 10)}产生，${r.status === 'closed' ? '已办结' : '处置中'}` })));
    } else {
      const rows = await db.selectFrom('mediators').select(['id', 'name', 'region_id', 'org_id', 'certificate_no']).where('id', 'in', chunk).execute();
      out.push(...rows.map((r) => ({ id: r.id, name: r.name, regionId: r.region_id, detail: `${r.org_id}${r.certificate_no ? `，证书${r.certificate_no}` : ''}` })));
    }
  }
  const order = new Map(ids.map((id, i) => [id, i]));
  return out.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}
