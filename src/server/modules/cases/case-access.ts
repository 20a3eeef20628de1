import type { CaseFactsInput } from '../../../domain/cases/deadlines';
import type { ClaimType } from '../../../domain/cases/claim-types';
import { type CaseStatus } from '../../../domain/cases/state-machine';
import type { Actor, AppContext, AuthPrincipal } from '../../context';
import type { Trx } from '../../db';
import { AppError, forbidden, notFound } from '../../errors';
import { caseDeadlines, currentDeadline, loadCalendar, statutoryDue } from './deadlines';
import { canOnCase } from './policy';
import { findCase, isApplicantOf, type CaseRow } from './repo';

export const round2 = (n: number) => Math.round(n * 100) / 100;
export const actorId = (a: Actor) => a.principal?.id ?? null;
export const actorName = (a: Actor) => a.principal?.displayName ?? null;

export async function accountPhone(ctx: AppContext, p: AuthPrincipal | null): Promise<string | null> {
  if (!p || !p.roles.includes('worker')) return null;
  const u = await ctx.db.selectFrom('users').select('phone').where('id', '=', p.id).executeTakeFirst();
  return u?.phone ?? null;
}

/** Loads a case the actor may see for `action`, or 404 (never reveals that an out-of-scope case exists). */
export async function loadCaseFor(
  ctx: AppContext,
  actor: Actor,
  id: string,
  action: 'case.read' | 'case.handle' | 'case.reveal' | 'case.publish',
) {
  const c = await findCase(ctx.db, id);
  if (!c) throw notFound('案件');
  const p = actor.principal;
  const applicant = p?.roles.includes('worker') ? await isApplicantOf(ctx.db, id, p.id, await accountPhone(ctx, p)) : false;
  if (!canOnCase(p, 'case.read', c, applicant)) throw notFound('案件');
  if (action !== 'case.read' && !canOnCase(p, action, c, applicant)) throw forbidden();
  return { c, applicant };
}

export function parseFacts(c: CaseRow): CaseFactsInput {
  return JSON.parse(c.deadline_facts) as CaseFactsInput;
}

/** Recomputes the derived deadline columns of a case after a change. */
export async function deadlineColumns(trx: Trx, status: CaseStatus, facts: CaseFactsInput, claims: { type: ClaimType }[]) {
  const calendar = await loadCalendar(trx);
  const d = caseDeadlines(calendar, { deadlineFacts: facts, claims });
  const cur = currentDeadline(status, d);
  return { next_due: cur?.due ?? null, next_due_kind: cur?.kind ?? null, statutory_due: statutoryDue(d) ?? null };
}

export function versionConflict(current: number) {
  return new AppError(409, 'CONFLICT', `案件已被他人修改（当前版本 ${current}），请刷新后重试`, undefined, { currentVersion: current });
}
