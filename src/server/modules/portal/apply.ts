import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import { IsoDate } from '../../../domain/calendar/iso-date';
import { ClaimType } from '../../../domain/cases/claim-types';
import { checkEvidence } from '../../../domain/portal/evidence';
import type { Actor, AppContext } from '../../context';
import type { Trx } from '../../db';
import { AppError, fieldError, forbidden } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { insertAudit } from '../audit/repo';
import { createCase } from '../cases/intake';
import { routingSuggestion } from '../cases/queue';
import { appendEvent, findCaseByRequest, type CaseRow } from '../cases/repo';
import { getCase } from '../cases/service';
import { accountPhone } from '../cases/case-access';
import { profileForApplication } from './profile';

export const EnterpriseSearch = z.object({ q: z.string().trim().min(2, '请输入至少2个字的企业名称或统一社会信用代码').max(50) });

/** Respondent search for the portal: name or credit code, returning only what a worker needs to choose. */
export async function searchEnterprises(ctx: AppContext, q: string) {
  const code = q.toUpperCase().replace(/\s/g, '');
  const like = `%${q.replace(/[%_\\]/g, '')}%`;
  const rows = await ctx.db
    .selectFrom('enterprises')
    .select(['id', 'name', 'uscc'])
    .where((eb) => eb.or([eb('uscc', '=', code), eb('name', 'like', like)]))
    .orderBy(sql`case when uscc = ${code} then 0 else 1 end`)
    .orderBy('name')
    .limit(10)
    .execute();
  return { items: rows.map((r) => ({ id: r.id, name: r.name, uscc: r.uscc })) };
}

export async function portalRouting(ctx: AppContext, enterpriseId: string) {
  const e = await ctx.db.selectFrom('enterprises').select('uscc').where('id', '=', enterpriseId).executeTakeFirst();
  if (!e) throw fieldError('enterpriseId', '企业不存在');
  return routingSuggestion(ctx, e.uscc, 1);
}

/** Validates and stores one evidence file (declared type, extension and magic bytes must agree). */
export async function storeEvidence(ctx: AppContext, keyPrefix: string, file: { fileName: string; declaredType: string; bytes: Buffer }) {
  const check = checkEvidence(file);
  if (!check.ok) {
    if (check.status === 400) throw fieldError('file', check.message);
    throw new AppError(check.status, check.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'UNSUPPORTED_MEDIA_TYPE', check.message, [
      { field: 'file', message: check.message },
    ]);
  }
  const id = newId();
  const key = `${keyPrefix}/${id}${check.ext}`;
  await ctx.files.put(key, file.bytes, { contentType: check.contentType });
  const name = file.fileName.split(/[\\/]/).pop()!.slice(0, 200);
  return { id, key, name, contentType: check.contentType, size: file.bytes.length, sha256: createHash('sha256').update(file.bytes).digest('hex') };
}

/** Evidence uploaded during the guided form, before the case exists. */
export async function uploadDraftEvidence(ctx: AppContext, actor: Actor, file: { fileName: string; declaredType: string; bytes: Buffer }) {
  const p = actor.principal!;
  const s = await storeEvidence(ctx, `portal/${p.regionId}/${p.id}`, file);
  const at = isoNow(ctx.clock);
  await ctx.db
    .insertInto('portal_uploads')
    .values({
      id: s.id,
      region_id: p.regionId,
      user_id: p.id,
      file_name: s.name,
      content_type: s.contentType,
      size: s.size,
      storage_key: s.key,
      sha256: s.sha256,
      case_id: null,
      created_at: at,
    })
    .execute();
  return { id: s.id, fileName: s.name, contentType: s.contentType, size: s.size, sha256: s.sha256, createdAt: at };
}

export const ApplicationInput = z.object({
  requestId: z.string().trim().min(8, 'requestId至少8个字符').max(64),
  enterpriseId: z.string().min(1, '请选择被申请的用人单位'),
  claims: z
    .array(
      z.object({
        type: ClaimType,
        amount: z.number().min(0, '金额不能为负').max(1e10, '金额过大').optional(),
        periodFrom: IsoDate.optional(),
        periodTo: IsoDate.optional(),
        description: z.string().trim().max(500).optional(),
      }),
    )
    .min(1, '至少填写一项请求')
    .max(10),
  facts: z.string().trim().min(10, '请用至少10个字说明事实与理由').max(5000),
  organizationId: z.string().min(1).optional(),
  employmentEndedOn: IsoDate.optional(),
  evidenceIds: z.array(z.string().min(1)).max(20).default([]),
});
export type ApplicationInput = z.infer<typeof ApplicationInput>;

/**
 * Applies for mediation as the signed-in worker, through the cases module's intake (same table, same numbering).
 * Safe to retry: the requestId makes a double tap return the first case (header idempotent-replayed).
 */
export async function submitApplication(ctx: AppContext, actor: Actor, input: ApplicationInput) {
  const p = actor.principal!;
  if (!p.roles.includes('worker')) throw forbidden('只有劳动者本人可以在线申请调解');
  const prior = await findCaseByRequest(ctx.db, p.id, input.requestId);
  if (prior) return { replayed: true, body: await getCase(ctx, actor, prior.id) };
  const fields = input.claims.flatMap((c, i) =>
    c.periodFrom && c.periodTo && c.periodFrom > c.periodTo ? [{ field: `claims.${i}.periodTo`, message: '结束日期不能早于开始日期' }] : [],
  );
  if (fields.length) throw new AppError(400, 'VALIDATION', fields[0]!.message, fields);
  const profile = await profileForApplication(ctx, p.id);
  const enterprise = await ctx.db.selectFrom('enterprises').select(['id', 'uscc']).where('id', '=', input.enterpriseId).executeTakeFirst();
  if (!enterprise) throw fieldError('enterpriseId', '企业不存在');
  const uploads = input.evidenceIds.length
    ? await ctx.db.selectFrom('portal_uploads').selectAll().where('id', 'in', input.evidenceIds).where('user_id', '=', p.id).execute()
    : [];
  const missing = input.evidenceIds.find((id) => !uploads.some((u) => u.id === id && u.case_id === null));
  if (missing) throw fieldError('evidenceIds', '证据材料不存在或已提交过');
  let organizationId = input.organizationId;
  if (!organizationId) {
    const r = await routingSuggestion(ctx, enterprise.uscc, 1);
    organizationId = r.suggestions[0]?.organizationId;
  }
  const phone = await accountPhone(ctx, p);
  let result: { replayed: boolean; body: Awaited<ReturnType<typeof getCase>> };
  try {
    result = await createCase(
      ctx,
      actor,
      {
      requestId: input.requestId,
      respondentUscc: enterprise.uscc,
      applicants: [{ name: profile.realName, idNumber: profile.idNumber, ...(phone ? { phone } : {}) }],
      claims: input.claims,
      facts: input.facts,
      receivedDate: todayInChina(ctx.clock),
      organizationId,
      source: 'online_worker',
      start: 'mediation',
      employmentEndedOn: input.employmentEndedOn,
      },
      // The evidence joins the case in the same transaction: no case without its files, no files half-attached.
      { withinTransaction: uploads.length ? (trx, c) => attachUploads(trx, ctx, actor, c, uploads) : undefined },
    );
  } catch (e) {
    // Two taps at the same instant: the unique (created_by, request_id) index refuses the second; answer with the first.
    const again = await findCaseByRequest(ctx.db, p.id, input.requestId);
    if (again) return { replayed: true, body: await getCase(ctx, actor, again.id) };
    throw e;
  }
  return result;
}

async function attachUploads(
  trx: Trx,
  ctx: AppContext,
  actor: Actor,
  c: { id: string; regionId: string; at: string },
  uploads: { id: string; file_name: string; content_type: string; size: number; storage_key: string }[],
) {
  const p = actor.principal!;
  for (const u of uploads) {
    // Claimed only while still unattached: a file sent with two different applications goes with one.
    const claimed = await trx
      .updateTable('portal_uploads')
      .set({ case_id: c.id })
      .where('id', '=', u.id)
      .where('case_id', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw fieldError('evidenceIds', '证据材料不存在或已提交过');
    await trx
      .insertInto('case_attachments')
      .values({
        id: u.id,
        case_id: c.id,
        region_id: c.regionId,
        file_name: u.file_name,
        content_type: u.content_type,
        size: u.size,
        storage_key: u.storage_key,
        uploaded_by: p.id,
        created_at: c.at,
      })
      .execute();
  }
  await appendEvent(trx, {
    caseId: c.id,
    regionId: c.regionId,
    at: c.at,
    onDate: todayInChina(ctx.clock),
    actorId: p.id,
    actorName: p.displayName,
    action: 'attachment',
    data: { attachmentIds: uploads.map((u) => u.id), fileNames: uploads.map((u) => u.file_name) },
  });
}

/** A party adds evidence or documents to their case later (enterprise: its answer's documents). */
export async function addCaseEvidence(
  ctx: AppContext,
  actor: Actor,
  c: CaseRow,
  file: { fileName: string; declaredType: string; bytes: Buffer },
) {
  const s = await storeEvidence(ctx, `cases/${c.region_id}/${c.id}/attachments`, file);
  const p = actor.principal!;
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('case_attachments')
      .values({
        id: s.id,
        case_id: c.id,
        region_id: c.region_id,
        file_name: s.name,
        content_type: s.contentType,
        size: s.size,
        storage_key: s.key,
        uploaded_by: p.id,
        created_at: at,
      })
      .execute();
    await appendEvent(trx, {
      caseId: c.id,
      regionId: c.region_id,
      at,
      onDate: todayInChina(ctx.clock),
      actorId: p.id,
      actorName: p.displayName,
      action: 'attachment',
      data: { attachmentId: s.id, fileName: s.name },
    });
    await insertAudit(trx, {
      at,
      actorId: p.id,
      actorName: p.displayName,
      action: 'case.attachment',
      entityType: 'dispute_case',
      entityId: c.id,
      regionId: c.region_id,
      summary: `当事人上传材料 ${s.name}`,
      ip: actor.ip,
    });
  });
  return { id: s.id, fileName: s.name, contentType: s.contentType, size: s.size, createdAt: at };
}

