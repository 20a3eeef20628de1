import { sql, type Selectable, type SqlBool, type Expression } from 'kysely';
import type { DbOrTrx } from '../../db';
import type { PlanStageTable, PlanTable, PlanTaskTable, ProgressReportTable } from '../../db/schema';

export type PlanRow = Selectable<PlanTable>;
export type TaskRow = Selectable<PlanTaskTable>;
export type StageRow = Selectable<PlanStageTable>;
export type ReportRow = Selectable<ProgressReportTable>;

export const findPlan = (db: DbOrTrx, id: string) => db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
export const findTask = (db: DbOrTrx, id: string) => db.selectFrom('plan_tasks').selectAll().where('id', '=', id).executeTakeFirst();
export const findReport = (db: DbOrTrx, id: string) => db.selectFrom('progress_reports').selectAll().where('id', '=', id).executeTakeFirst();
export const sectionsOf = (db: DbOrTrx, planId: string) => db.selectFrom('plan_sections').selectAll().where('plan_id', '=', planId).orderBy('seq').execute();
export const tasksOf = (db: DbOrTrx, planId: string) => db.selectFrom('plan_tasks').selectAll().where('plan_id', '=', planId).orderBy('seq').execute();

export async function stagesOf(db: DbOrTrx, taskIds: string[]): Promise<Map<string, StageRow[]>> {
  const m = new Map<string, StageRow[]>();
  for (let i = 0; i < taskIds.length; i += 500) {
    const rows = await db.selectFrom('plan_stages').selectAll().where('task_id', 'in', taskIds.slice(i, i + 500)).orderBy('seq').execute();
    for (const r of rows) m.set(r.task_id, [...(m.get(r.task_id) ?? []), r]);
  }
  return m;
}

export async function reportCounts(db: DbOrTrx, taskIds: string[]): Promise<Map<string, number>> {
  const m = new Map<string, number>();
  for (let i = 0; i < taskIds.length; i += 500) {
    const rows = await db.selectFrom('progress_reports').select(['task_id', (eb) => eb.fn.countAll<number>().as('n')]).where('task_id', 'in', taskIds.slice(i, i + 500)).groupBy('task_id').execute();
    for (const r of rows) m.set(r.task_id, Number(r.n));
  }
  return m;
}

/** Tasks on which a unit is lead or partner (partner ids are a JSON array of quoted ids). */
export const involvesUnit = (orgUnitId: string, table = 'plan_tasks'): Expression<SqlBool> =>
  sql<SqlBool>`(${sql.ref(`${table}.lead_unit_id`)} = ${orgUnitId} or ${sql.ref(`${table}.partner_unit_ids`)} like ${`%"${orgUnitId}"%`})`;

export async function unitNames(db: DbOrTrx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('org_units').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
