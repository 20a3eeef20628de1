import { can, type Principal } from '../../../domain/access/policy';
import type { PlanRow, TaskRow } from './repo';

/** Record checks of the plans module: unit membership on a task, region for the plan as a whole. */
export const unitsOf = (t: Pick<TaskRow, 'lead_unit_id' | 'partner_unit_ids'>): string[] => [t.lead_unit_id, ...(JSON.parse(t.partner_unit_ids) as string[])];

export const isTaskUnit = (p: Principal, t: Pick<TaskRow, 'lead_unit_id' | 'partner_unit_ids'>) => unitsOf(t).includes(p.orgUnitId);

export const canSeePlan = (p: Principal | null | undefined, plan: Pick<PlanRow, 'region_id'>, involved: boolean) =>
  can(p, 'plan.read', { regionId: plan.region_id }) || (!!p && involved && (can(p, 'plan.report') || can(p, 'plan.read')));

export const canManagePlan = (p: Principal | null | undefined, plan: Pick<PlanRow, 'region_id'>) => can(p, 'plan.manage', { regionId: plan.region_id });

/** The lead (牵头) and partner (配合) units report on a task. */
export const canReport = (p: Principal | null | undefined, t: TaskRow) => !!p && can(p, 'plan.report') && isTaskUnit(p, t);

/** Only the lead unit approves the reports of its task. */
export const canApprove = (p: Principal | null | undefined, t: TaskRow) => !!p && can(p, 'plan.approve') && t.lead_unit_id === p.orgUnitId;
