import { dynamicGrade, VIOLATION_KIND_LABELS, type CreditGrade, type ViolationFact, type ViolationKind } from '../../../domain/credit';
import type { DbOrTrx } from '../../db';
import { newId } from '../../lib/ids';
import { onCreditGradeChanged } from '../complaints/hooks';
import { addTimelineEvent } from '../enterprises/timeline';

/** The evaluation period of a year (评价周期: the calendar year). */
export const yearPeriod = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

export async function violationFacts(db: DbOrTrx, enterpriseId: string): Promise<ViolationFact[]> {
  const rows = await db.selectFrom('labor_violations').select(['id', 'kind', 'found_on']).where('enterprise_id', '=', enterpriseId).execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind as ViolationKind, foundOn: r.found_on }));
}

export interface GradeActor {
  id: string | null;
  name: string | null;
}

/** Sets the enterprise's current grade, with a timeline entry and the outgoing hook, when it changes. */
export async function applyGrade(trx: DbOrTrx, e: { id: string; region_id: string; credit_grade: string | null }, grade: CreditGrade, on: string, at: string, actor: GradeActor, why: string) {
  if (e.credit_grade === grade) return false;
  await trx.updateTable('enterprises').set({ credit_grade: grade, credit_graded_on: on }).where('id', '=', e.id).execute();
  await addTimelineEvent(trx, { enterpriseId: e.id, regionId: e.region_id, at, kind: 'credit.grade', module: 'credit', title: `劳动保障守法诚信等级：${e.credit_grade ?? '未评价'} → ${grade}`, detail: why, refType: 'enterprise', refId: e.id, actorId: actor.id, actorName: actor.name });
  await onCreditGradeChanged.emit(trx, { enterpriseId: e.id, regionId: e.region_id, from: e.credit_grade, to: grade, at });
  return true;
}

export interface NewViolation {
  enterpriseId: string;
  kind: ViolationKind;
  foundOn: string;
  description: string;
  source: 'complaint' | 'inspection' | 'manual';
  sourceId?: string | null;
}

/**
 * Records a violation and applies the dynamic downgrade (动态调整) in the same transaction: the
 * enterprise's grade drops at once to what its record of the year now supports, never rises.
 */
export async function recordViolationInTrx(trx: DbOrTrx, v: NewViolation, today: string, at: string, actor: GradeActor) {
  const e = await trx.selectFrom('enterprises').select(['id', 'region_id', 'credit_grade', 'name']).where('id', '=', v.enterpriseId).executeTakeFirstOrThrow();
  const id = newId();
  await trx.insertInto('labor_violations').values({ id, region_id: e.region_id, enterprise_id: e.id, kind: v.kind, found_on: v.foundOn, description: v.description, source: v.source, source_id: v.sourceId ?? null, created_by: actor.id, created_at: at }).execute();
  await addTimelineEvent(trx, { enterpriseId: e.id, regionId: e.region_id, at, kind: 'violation', module: 'credit', title: `查处劳动保障违法行为：${VIOLATION_KIND_LABELS[v.kind]}`, detail: v.description, refType: 'violation', refId: id, actorId: actor.id, actorName: actor.name });
  const facts = await violationFacts(trx, e.id);
  const result = dynamicGrade((e.credit_grade as CreditGrade | null) ?? null, facts, yearPeriod(Number(today.slice(0, 4))));
  let evaluationId: string | null = null;
  if (result.grade !== (e.credit_grade ?? 'A')) {
    evaluationId = newId();
    await trx
      .insertInto('credit_evaluations')
      .values({ id: evaluationId, region_id: e.region_id, enterprise_id: e.id, round_id: null, kind: 'dynamic', previous_grade: e.credit_grade, proposed_grade: result.grade, grade: result.grade, reasons_json: JSON.stringify(result.reasons), status: 'proposed', objection: null, objection_at: null, objection_outcome: null, objection_reply: null, reviewed_by: null, reviewed_at: null, effective_on: today, created_at: at, updated_at: at })
      .execute();
    await applyGrade(trx, e, result.grade, today, at, actor, `新查处违法行为后动态调整：${result.reasons.map((r) => r.text).join('；')}`);
  }
  return { id, regionId: e.region_id, enterpriseName: e.name, previousGrade: e.credit_grade, grade: evaluationId ? result.grade : e.credit_grade, evaluationId };
}
