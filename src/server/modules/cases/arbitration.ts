import { CASE_DOCUMENT_KIND_LABELS, type CaseDocumentKind } from '../../../domain/cases/claim-types';
import type { Actor, AppContext } from '../../context';
import { AppError } from '../../errors';
import { getCase } from './service';

/**
 * The file an arbitration committee receives when a case is transferred or its agreement goes to review: the same
 * record (parties, claims, facts, deadlines, documents, timeline), so nothing is typed twice.
 * 劳动争议调解仲裁法 第十四条第三款; 劳动人事争议仲裁办案规则 第七十四条.
 */
export async function arbitrationFile(ctx: AppContext, actor: Actor, id: string) {
  const c = await getCase(ctx, actor, id);
  if (!c.arbitrationRegionId) throw new AppError(409, 'CONFLICT', '案件尚未移送仲裁或申请仲裁审查');
  const committee = await ctx.db.selectFrom('regions').select('name').where('id', '=', c.arbitrationRegionId).executeTakeFirst();
  return {
    caseId: c.id,
    caseNo: c.caseNo,
    committee: `${committee?.name ?? ''}劳动人事争议仲裁委员会`,
    status: c.status,
    statusLabel: c.statusLabel,
    applicants: c.applicants,
    respondent: c.respondent,
    claims: c.claims,
    facts: c.facts,
    receivedDate: c.receivedDate,
    mediation: { organizationId: c.organizationId, organizationName: c.organizationName, outcomes: c.outcomes },
    deadlines: c.deadlines,
    agreements: c.agreements,
    documents: c.documents.map((d) => ({ ...d, kindLabel: CASE_DOCUMENT_KIND_LABELS[d.kind as CaseDocumentKind] ?? d.kind })),
    timeline: c.timeline,
  };
}
