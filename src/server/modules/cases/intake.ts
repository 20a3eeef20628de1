import { getCase } from './service';
import type { CaseFactsInput } from '../../../domain/cases/deadlines';
import { type CaseStatus } from '../../../domain/cases/state-machine';
import { maskIdNumber, validateIdNumber } from '../../../domain/identifiers/id-number';
import { normalizeUscc, validateUscc } from '../../../domain/identifiers/uscc';
import type { Actor, AppContext } from '../../context';
import type { Trx } from '../../db';
import { badRequest, fieldError } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { encryptPii } from '../../lib/pii';
import { insertAudit } from '../audit/repo';
import { runCaseCreatedHooks } from './hooks';
import { collectiveInfo } from './present';
import { appendEvent, findCaseByRequest, findEnterpriseByUscc, findOrg, nextCaseSeq } from './repo';
import type { CaseCreate } from './schemas';
import { accountPhone, deadlineColumns, round2 } from './case-access';

/** SQLite SQLITE_CONSTRAINT_UNIQUE or PostgreSQL 23505 on the case-number index (a request-id clash is the other). */
function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === '23505'
    ? String(err.message).includes('cases_org_case_no')
    : err?.code === 'SQLITE_CONSTRAINT_UNIQUE' && String(err.message).includes('case_no');
}
export interface CreateCaseOptions {
  /** More writes that belong to the new case (an online application's evidence), in its transaction. */
  withinTransaction?: (trx: Trx, created: { id: string; regionId: string; at: string }) => Promise<void>;
}

export async function createCase(ctx: AppContext, actor: Actor, input: CaseCreate, options: CreateCaseOptions = {}) {
  const p = actor.principal!;
  if (input.requestId) {
    const existing = await findCaseByRequest(ctx.db, p.id, input.requestId);
    if (existing) return { replayed: true, body: await getCase(ctx, actor, existing.id) };
  }
  const uscc = normalizeUscc(input.respondentUscc);
  const check = validateUscc(uscc);
  if (!check.valid) throw fieldError('respondentUscc', `被申请人统一社会信用代码无效：${check.reason}`);
  const enterprise = await findEnterpriseByUscc(ctx.db, uscc);
  if (!enterprise) throw fieldError('respondentUscc', '企业登记库中没有该统一社会信用代码的企业');
  if (p.roles.includes('enterprise') && !p.roles.some((r) => r !== 'enterprise') && enterprise.id !== p.enterpriseId) {
    throw fieldError('respondentUscc', '企业用户只能以本企业为当事人提出申请');
  }
  const today = todayInChina(ctx.clock);
  const fields: { field: string; message: string }[] = [];
  input.applicants.forEach((a, i) => {
    if (a.idNumber) {
      const r = validateIdNumber(a.idNumber, today);
      if (!r.valid) fields.push({ field: `applicants.${i}.idNumber`, message: `身份证号码无效：${r.reason}` });
    }
  });
  if (input.receivedDate > today) fields.push({ field: 'receivedDate', message: '收到申请日期不能晚于今天' });
  if (fields.length) throw badRequest(fields[0]!.message, fields);

  const orgId = input.organizationId ?? (p.roles.includes('mediator') ? p.orgUnitId : undefined);
  if (!orgId) throw fieldError('organizationId', '请选择受理的调解组织');
  const org = await findOrg(ctx.db, orgId);
  if (!org) throw fieldError('organizationId', '调解组织不存在');
  const isMediatorOnly = p.roles.every((r) => r === 'mediator');
  if (isMediatorOnly && org.id !== p.orgUnitId) throw fieldError('organizationId', '调解员只能登记本组织受理的案件');

  const source =
    input.source ?? (p.roles.includes('worker') ? 'online_worker' : p.roles.includes('enterprise') ? 'online_enterprise' : 'walk_in');
  const collective = collectiveInfo(input.applicants.length, input.collectiveContract);
  const claims = input.claims.map((c) => ({ ...c, amount: c.amount === undefined ? undefined : round2(c.amount) }));
  const facts: CaseFactsInput = {
    rightKnownOn: input.rightKnownOn,
    employmentEndedOn: input.employmentEndedOn,
    ...(input.start === 'mediation' ? { mediationReceivedOn: input.receivedDate, enterpriseCommittee: org.level === 'enterprise' } : {}),
  };
  const status: CaseStatus = input.start === 'consultation' ? 'consulting' : 'registered';
  const stage = input.start === 'consultation' ? 'consultation' : 'mediation';
  const phone = await accountPhone(ctx, p);
  const id = newId(ctx.clock.now().getTime());
  const at = isoNow(ctx.clock);
  const year = Number(input.receivedDate.slice(0, 4));
  let caseNo = '';
  const insertNewCase = async () => {
    await ctx.db.transaction().execute(async (trx) => {
      const seq = await nextCaseSeq(trx, org.id, year);
      caseNo = `（${year}）调字第${seq}号`;
      const dl = await deadlineColumns(trx, status, facts, claims);
      await trx
        .insertInto('dispute_cases')
        .values({
          id,
          case_no: caseNo,
          case_year: year,
          seq,
          request_id: input.requestId ?? null,
          created_by: p.id,
          region_id: enterprise.region_id,
          org_id: org.id,
          arbitration_region_id: null,
          enterprise_id: enterprise.id,
          respondent_name: enterprise.name,
          respondent_uscc: enterprise.uscc,
          source,
          status,
          stage,
          outcomes: '{}',
          collective: collective.collective ? 1 : 0,
          priority: collective.priority === 'high' ? 1 : 0,
          applicant_count: input.applicants.length,
          primary_claim_type: claims[0]!.type,
          amount_claimed: round2(claims.reduce((s, c) => s + (c.amount ?? 0), 0)),
          amount_agreed: 0,
          amount_paid: 0,
          facts: input.facts,
          deadline_facts: JSON.stringify(facts),
          received_date: input.receivedDate,
          ...dl,
          closed_on: null,
          result: null,
          days_to_close: null,
          closed_in_time: null,
          typical: 0,
          version: 1,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await trx
        .insertInto('case_applicants')
        .values(
          input.applicants.map((a, i) => ({
            id: newId(),
            case_id: id,
            region_id: enterprise.region_id,
            sort: i,
            name: a.name,
            phone: a.phone ?? null,
            id_number_enc: a.idNumber ? encryptPii(ctx.config.piiKey, a.idNumber.toUpperCase()) : null,
            id_number_masked: a.idNumber ? maskIdNumber(a.idNumber.toUpperCase()) : null,
            // A worker applying online is linked to the applicant with their phone, or the first one.
            user_id:
              p.roles.includes('worker') &&
              ((phone && a.phone === phone) || (i === 0 && !input.applicants.some((x) => x.phone && x.phone === phone)))
                ? p.id
                : null,
          })),
        )
        .execute();
      await trx
        .insertInto('case_claims')
        .values(
          claims.map((c, i) => ({
            id: newId(),
            case_id: id,
            region_id: enterprise.region_id,
            sort: i,
            type: c.type,
            amount: c.amount ?? null,
            period_from: c.periodFrom ?? null,
            period_to: c.periodTo ?? null,
            description: c.description ?? null,
          })),
        )
        .execute();
      await appendEvent(trx, {
        caseId: id,
        regionId: enterprise.region_id,
        at,
        onDate: input.receivedDate,
        actorId: p.id,
        actorName: p.displayName,
        action: 'create',
        toStatus: status,
        data: { source, organizationId: org.id, applicants: input.applicants.length, collective: collective.collective },
      });
      await insertAudit(trx, {
        at,
        actorId: p.id,
        actorName: p.displayName,
        action: 'case.create',
        entityType: 'dispute_case',
        entityId: id,
        regionId: enterprise.region_id,
        summary: `登记案件：${input.applicants[0]!.name}${input.applicants.length > 1 ? `等${input.applicants.length}人` : ''}与${enterprise.name}`,
        after: { organizationId: org.id, source, claims: claims.map((c) => c.type), applicants: input.applicants.length },
        ip: actor.ip,
      });
      await options.withinTransaction?.(trx, { id, regionId: enterprise.region_id, at });
    });
  };
  // Two registrations for one organisation at the same moment can draw the same number; the unique index refuses
  // the second, which then draws again.
  for (let attempt = 1; ; attempt++) {
    try {
      await insertNewCase();
      break;
    } catch (e) {
      if (attempt >= 3 || !isUniqueViolation(e)) throw e;
    }
  }
  await runCaseCreatedHooks(ctx, {
    caseId: id,
    caseNo,
    enterpriseId: enterprise.id,
    regionId: enterprise.region_id,
    orgId: org.id,
    receivedDate: input.receivedDate,
    applicantCount: input.applicants.length,
    collective: collective.collective,
    claimTypes: claims.map((c) => c.type),
    amountClaimed: round2(claims.reduce((s, c) => s + (c.amount ?? 0), 0)),
  });
  return { replayed: false, body: await getCase(ctx, actor, id) };
}
