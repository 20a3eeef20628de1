import { normalizeUscc, validateUscc } from '../../../domain/identifiers/uscc';
import type { Actor, AppContext } from '../../context';
import { fieldError } from '../../errors';
import { todayInChina } from '../../lib/clock';
import { caseScope } from './policy';
import { presentListItem } from './present';
import { findEnterpriseByUscc } from './repo';
import { suggestOrganisations } from './routing';

export async function routingSuggestion(ctx: AppContext, rawUscc: string, applicantCount: number) {
  const uscc = normalizeUscc(rawUscc);
  const check = validateUscc(uscc);
  if (!check.valid) throw fieldError('respondentUscc', `统一社会信用代码无效：${check.reason}`);
  const enterprise = await findEnterpriseByUscc(ctx.db, uscc);
  if (!enterprise) throw fieldError('respondentUscc', '企业登记库中没有该统一社会信用代码的企业');
  const orgs = await ctx.db.selectFrom('mediation_orgs').select(['id', 'name', 'level', 'kind', 'region_id', 'enterprise_id']).execute();
  return {
    enterprise: { id: enterprise.id, name: enterprise.name, regionId: enterprise.region_id, industryCode: enterprise.industry_code },
    suggestions: suggestOrganisations(enterprise, applicantCount, orgs),
  };
}

/** The mediator's queue of things that need doing: cases past or near their deadline and obligations due. */
export async function caseReminders(ctx: AppContext, actor: Actor) {
  const today = todayInChina(ctx.clock);
  const soon = new Date(Date.parse(`${today}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
  const cases = await ctx.db
    .selectFrom('dispute_cases')
    .where(caseScope(actor.principal, 'case.handle'))
    .where('next_due', '<=', soon)
    .selectAll()
    .orderBy('next_due')
    .limit(50)
    .execute();
  const obligations = await ctx.db
    .selectFrom('agreement_obligations as ob')
    .innerJoin('dispute_cases', 'dispute_cases.id', 'ob.case_id')
    .where(caseScope(actor.principal, 'case.handle'))
    .where('ob.fulfilled_on', 'is', null)
    .where('ob.due_date', '<=', soon)
    .select([
      'ob.id',
      'ob.case_id',
      'dispute_cases.case_no',
      'ob.obligor',
      'ob.description',
      'ob.amount',
      'ob.paid_amount',
      'ob.due_date',
      'ob.reminded_at',
    ])
    .orderBy('ob.due_date')
    .limit(50)
    .execute();
  return {
    cases: cases.map((c) => presentListItem(c, today)),
    obligations: obligations.map((o) => ({
      id: o.id,
      caseId: o.case_id,
      caseNo: o.case_no,
      obligor: o.obligor,
      description: o.description,
      amount: o.amount,
      paidAmount: o.paid_amount,
      dueDate: o.due_date,
      overdue: !!o.due_date && o.due_date < today,
      remindedAt: o.reminded_at,
    })),
  };
}
