import mammoth from 'mammoth';
import { z } from 'zod';
import { IsoDate } from '../../../domain/calendar/iso-date';
import { CASE_DOCUMENT_KIND_LABELS, CLAIM_TYPE_LABELS, CaseDocumentKind, type ClaimType } from '../../../domain/cases/claim-types';
import type { Actor, AppContext } from '../../context';
import { AppError, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { CASE_DOCUMENT_BUILDERS, type CaseDocumentInput } from '../../documents/case-documents';
import { buildOfficialDocx } from '../../documents/official-docx';
import type { FileStore } from '../../storage';
import { insertAudit } from '../audit/repo';
import { appendEvent, caseApplicants, caseClaims, caseEvents, findOrg, type CaseRow } from './repo';
import { loadAgreements } from './agreements';
import { caseDeadlines, loadCalendar } from './deadlines';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const DocumentCreate = z.object({
  kind: CaseDocumentKind,
  /** 调解笔录: the session. */
  session: z
    .object({
      date: IsoDate.optional(),
      place: z.string().max(200).optional(),
      time: z.string().max(50).optional(),
      attendees: z.array(z.string().max(100)).default([]),
      statements: z.array(z.object({ speaker: z.string().min(1).max(50), text: z.string().min(1).max(5000) })).default([]),
    })
    .optional(),
  /** 调解建议书: problems found and suggestions. */
  suggestion: z
    .object({
      problems: z.array(z.string().min(1)).min(1),
      suggestions: z.array(z.string().min(1)).min(1),
      replyWithinDays: z.number().int().positive().optional(),
    })
    .optional(),
});
export type DocumentCreate = z.infer<typeof DocumentCreate>;

/** Gathers the plain data the document specs need; ID numbers stay masked in documents kept on file. */
async function documentData(ctx: AppContext, actor: Actor, c: CaseRow, input: DocumentCreate): Promise<CaseDocumentInput> {
  const [applicants, claims, events, org, agreements, enterprise] = await Promise.all([
    caseApplicants(ctx.db, c.id),
    caseClaims(ctx.db, c.id),
    caseEvents(ctx.db, c.id),
    findOrg(ctx.db, c.org_id),
    loadAgreements(ctx, c.id),
    ctx.db.selectFrom('enterprises').selectAll().where('id', '=', c.enterprise_id).executeTakeFirstOrThrow(),
  ]);
  const district = await ctx.db.selectFrom('regions').select('name').where('id', '=', c.region_id.slice(0, 6)).executeTakeFirst();
  const calendar = await loadCalendar(ctx.db);
  const d = caseDeadlines(calendar, {
    deadlineFacts: JSON.parse(c.deadline_facts) as never,
    claims: claims.map((x) => ({ type: x.type as ClaimType })),
  });
  const lastOf = (action: string) => [...events].reverse().find((e) => e.action === action);
  const mediatorName = actor.principal?.roles.includes('mediator')
    ? ((await ctx.db.selectFrom('mediators').select('name').where('user_id', '=', actor.principal.id).executeTakeFirst())?.name ??
      actor.principal.displayName.split('（')[0]!)
    : ((
        await ctx.db
          .selectFrom('mediators')
          .select('name')
          .where('org_id', '=', c.org_id)
          .where('status', '=', 'active')
          .orderBy('id')
          .executeTakeFirst()
      )?.name ?? '调解员');
  const agreement = agreements[agreements.length - 1];
  return {
    caseNo: c.case_no,
    organisation: { name: org?.name ?? '调解组织', address: org?.address ?? undefined, phone: org?.phone ?? undefined },
    applicants: applicants.map((a) => ({ name: a.name, idNumberMasked: a.id_number_masked ?? undefined })),
    respondent: {
      name: enterprise.name,
      uscc: enterprise.uscc,
      legalRepresentative: enterprise.legal_representative ?? undefined,
      address: enterprise.address ?? undefined,
    },
    claims: claims.map((x) => ({
      typeLabel: CLAIM_TYPE_LABELS[x.type as ClaimType] ?? x.type,
      description: x.description ?? undefined,
      amount: x.amount ?? undefined,
    })),
    facts: c.facts,
    dates: {
      applied: c.received_date,
      accepted: lastOf('accept_mediation')?.on_date,
      mediationDue: d.mediationExtendedDue ?? d.mediationDue,
      session: input.session?.date,
      agreementSigned: agreement?.signedOn ?? lastOf('reach_agreement')?.on_date,
      terminated: lastOf('terminate_mediation')?.on_date,
      issued: todayInChina(ctx.clock),
    },
    mediators: [mediatorName],
    agreementTerms: (agreement?.obligations ?? []).map((o) => ({
      obligor: o.obligor,
      description: o.description,
      amount: o.amount ?? undefined,
      dueDate: o.dueDate ?? undefined,
    })),
    session: input.session
      ? { place: input.session.place, time: input.session.time, attendees: input.session.attendees, statements: input.session.statements }
      : undefined,
    terminationReason: lastOf('terminate_mediation')?.reason ?? undefined,
    suggestion: input.suggestion,
    arbitrationCommittee: `${district?.name ?? ''}劳动人事争议仲裁委员会`,
  };
}

export async function generateDocument(
  ctx: AppContext,
  storage: FileStore,
  actor: Actor,
  c: CaseRow,
  input: DocumentCreate,
  extra: Partial<CaseDocumentInput> & { titleSuffix?: string } = {},
) {
  const { titleSuffix, ...more } = extra;
  const data = { ...(await documentData(ctx, actor, c, input)), ...more };
  if (input.kind === 'mediation_agreement' && data.agreementTerms?.length === 0) {
    throw new AppError(409, 'CONFLICT', '请先登记调解协议的履行内容，再生成调解协议书');
  }
  if (input.kind === 'mediation_suggestion' && !input.suggestion) {
    throw new AppError(400, 'VALIDATION', '请填写调解建议书的问题和建议', [
      { field: 'suggestion', message: '请填写调解建议书的问题和建议' },
    ]);
  }
  let bytes: Buffer;
  try {
    bytes = await buildOfficialDocx(CASE_DOCUMENT_BUILDERS[input.kind](data));
  } catch (e) {
    if (e instanceof RangeError || e instanceof z.ZodError)
      throw new AppError(409, 'CONFLICT', `案件信息不足，无法生成文书：${e.message.slice(0, 200)}`);
    throw e;
  }
  const id = newId();
  const title = `${CASE_DOCUMENT_KIND_LABELS[input.kind]}（${c.case_no}）${titleSuffix ?? ''}`;
  const key = `cases/${c.region_id}/${c.id}/${id}.docx`;
  await storage.put(key, bytes, { contentType: DOCX_TYPE });
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('case_documents')
      .values({
        id,
        case_id: c.id,
        region_id: c.region_id,
        kind: input.kind,
        title,
        storage_key: key,
        size: bytes.length,
        created_by: actor.principal?.id ?? null,
        created_at: at,
      })
      .execute();
    await appendEvent(trx, {
      caseId: c.id,
      regionId: c.region_id,
      at,
      onDate: todayInChina(ctx.clock),
      actorId: actor.principal?.id ?? null,
      actorName: actor.principal?.displayName ?? null,
      action: 'document',
      data: { documentId: id, kind: input.kind },
    });
    await insertAudit(trx, {
      at,
      actorId: actor.principal?.id ?? null,
      actorName: actor.principal?.displayName ?? null,
      action: 'case.document',
      entityType: 'dispute_case',
      entityId: c.id,
      regionId: c.region_id,
      summary: `生成${title}`,
      ip: actor.ip,
    });
  });
  return { id, kind: input.kind, title, size: bytes.length, createdAt: at };
}

export async function readDocument(ctx: AppContext, storage: FileStore, caseId: string, docId: string) {
  const doc = await ctx.db
    .selectFrom('case_documents')
    .selectAll()
    .where('id', '=', docId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!doc) throw notFound('文书');
  const file = await storage.get(doc.storage_key);
  if (!file) throw notFound('文书文件');
  return { doc, bytes: file };
}

/** HTML and plain text of a stored .docx, for the preview pane. */
export async function previewDocument(bytes: Buffer) {
  const [html, text] = await Promise.all([mammoth.convertToHtml({ buffer: bytes }), mammoth.extractRawText({ buffer: bytes })]);
  return { html: html.value, text: text.value };
}
