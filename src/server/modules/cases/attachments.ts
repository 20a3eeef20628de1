import path from 'node:path';
import type { Actor, AppContext } from '../../context';
import { AppError, fieldError, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { newId } from '../../lib/ids';
import type { FileStore } from '../../storage';
import { insertAudit } from '../audit/repo';
import { appendEvent, type CaseRow } from './repo';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Evidence a party or the mediator files with the case: PDF, images and Office documents. */
const ALLOWED: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export async function addAttachment(
  ctx: AppContext,
  storage: FileStore,
  actor: Actor,
  c: CaseRow,
  file: { filename: string; bytes: Buffer },
) {
  const ext = path.extname(file.filename).toLowerCase();
  const type = ALLOWED[ext];
  if (!type) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '附件只支持PDF、JPG、PNG、Word（.docx）和Excel（.xlsx）文件');
  if (file.bytes.length === 0) throw fieldError('file', '文件为空');
  const id = newId();
  const key = `cases/${c.region_id}/${c.id}/attachments/${id}${ext}`;
  await storage.put(key, file.bytes, { contentType: type });
  const at = isoNow(ctx.clock);
  const name = path.basename(file.filename).slice(0, 200);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('case_attachments')
      .values({
        id,
        case_id: c.id,
        region_id: c.region_id,
        file_name: name,
        content_type: type,
        size: file.bytes.length,
        storage_key: key,
        uploaded_by: actor.principal?.id ?? null,
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
      action: 'attachment',
      data: { attachmentId: id, fileName: name },
    });
    await insertAudit(trx, {
      at,
      actorId: actor.principal?.id ?? null,
      actorName: actor.principal?.displayName ?? null,
      action: 'case.attachment',
      entityType: 'dispute_case',
      entityId: c.id,
      regionId: c.region_id,
      summary: `上传附件 ${name}`,
      ip: actor.ip,
    });
  });
  return { id, fileName: name, contentType: type, size: file.bytes.length, createdAt: at };
}

export async function listAttachments(ctx: AppContext, caseId: string) {
  const rows = await ctx.db.selectFrom('case_attachments').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute();
  return rows.map((r) => ({ id: r.id, fileName: r.file_name, contentType: r.content_type, size: r.size, createdAt: r.created_at }));
}

export async function readAttachment(ctx: AppContext, storage: FileStore, caseId: string, id: string) {
  const row = await ctx.db.selectFrom('case_attachments').selectAll().where('id', '=', id).where('case_id', '=', caseId).executeTakeFirst();
  if (!row) throw notFound('附件');
  const file = await storage.get(row.storage_key);
  if (!file) throw notFound('附件文件');
  return { row, bytes: file };
}
