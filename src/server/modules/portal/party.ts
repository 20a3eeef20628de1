import type { Actor, AppContext } from '../../context';
import { forbidden, notFound } from '../../errors';
import type { Party } from '../../../domain/portal/plain-words';
import { loadCaseFor } from '../cases/case-access';

/** A case seen from the portal: the reader must be a party — the applicant worker or a user of the respondent. */
export async function loadPartyCase(ctx: AppContext, actor: Actor, id: string) {
  const p = actor.principal;
  if (!p) throw forbidden();
  const { c, applicant } = await loadCaseFor(ctx, actor, id, 'case.read');
  const party: Party | null = applicant ? 'applicant' : p.roles.includes('enterprise') && p.enterpriseId === c.enterprise_id ? 'respondent' : null;
  if (!party) throw notFound('案件');
  return { c, party };
}

/** Users who receive the messages of a case: linked applicant workers and the respondent enterprise's users. */
export async function partyUsers(ctx: AppContext, caseId: string, enterpriseId: string) {
  // An applicant is reached through the account linked to the application, or — for a case registered at
  // the counter — the worker account with the phone number given on it (the same rule as case access).
  const applicants = await ctx.db
    .selectFrom('case_applicants')
    .innerJoin('users', (j) =>
      j.on((eb) =>
        eb.or([
          eb('users.id', '=', eb.ref('case_applicants.user_id')),
          eb.and([eb('case_applicants.user_id', 'is', null), eb('users.phone', '=', eb.ref('case_applicants.phone'))]),
        ]),
      ),
    )
    .select(['users.id', 'users.phone', 'users.roles'])
    .where('case_applicants.case_id', '=', caseId)
    .where('users.disabled', '=', 0)
    .execute();
  const enterprise = enterpriseId
    ? await ctx.db
        .selectFrom('users')
        .select(['id', 'phone', 'roles'])
        .where('enterprise_id', '=', enterpriseId)
        .where('disabled', '=', 0)
        .execute()
    : [];
  return {
    applicant: applicants.filter((u) => u.roles.includes('worker')).map((u) => ({ id: u.id, phone: u.phone })),
    respondent: enterprise.filter((u) => u.roles.includes('enterprise')).map((u) => ({ id: u.id, phone: u.phone })),
  };
}
