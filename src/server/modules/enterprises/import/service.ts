import { sql } from 'kysely';
import { sizeClassFromHeadcount } from '../../../../domain/enterprise/industries';
import type { AppContext, Actor, AuthPrincipal } from '../../../context';
import { AppError, badRequest, conflict, notFound } from '../../../errors';
import { isoNow, todayInChina } from '../../../lib/clock';
import { newId } from '../../../lib/ids';
import { storageKey } from '../../../storage';
import { enqueueJob, type JobHandler } from '../../../jobs/queue';
import { scopeFilter, whereInScope } from '../../../policy/scope';
import { insertAudit } from '../../audit/repo';
import { findUserById, toPrincipal } from '../../users/repo';
import { FIELD_LABELS, principalOf } from '../service';
import { addTimelineEvents, type TimelineEvent } from '../timeline';
import { rawSqlite } from '../../../db';
import { insertImportedEnterprises, insertRows } from './bulk-sqlite';
import { analyze, decodeValidated, encodeValidated, FIELD_OF_COLUMN, plan, type Analysis } from './analyze';
import { detectFormat, parseSheet } from './parse';

export const IMPORT_VALIDATE = 'enterprise-import.validate';
export const IMPORT_COMMIT = 'enterprise-import.commit';
export const MAX_IMPORT_BYTES = 40 * 1024 * 1024;
/** The status keeps at most this many rejections (the count is always exact). */
const MAX_REJECTIONS = 20_000;

export async function createImport(ctx: AppContext, actor: Actor, file: { fileName: string; data: Buffer }, kick: () => void) {
  const p = principalOf(actor);
  scopeFilter(p, 'enterprise.import');
  if (file.data.length === 0) throw badRequest('上传的文件为空', [{ field: 'file', message: '上传的文件为空' }]);
  const format = detectFormat(file.fileName, file.data);
  if (!format) throw badRequest('仅支持 .xlsx 和 .csv 文件（.xls 请先另存为 .xlsx）', [{ field: 'file', message: '仅支持 .xlsx 和 .csv 文件' }]);
  const id = newId();
  const at = isoNow(ctx.clock);
  const fileKey = storageKey('enterprise-imports', `upload.${format}`, ctx.clock.now());
  // The upload goes to the file store (ctx.files) before the row that names it; a failed transaction leaves an orphan file only.
  await ctx.files.put(fileKey, file.data, { contentType: format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('enterprise_imports')
      .values({ id, region_id: p.regionId, status: 'validating', file_name: file.fileName.slice(0, 200), file_key: fileKey, format, encoding: null, total: 0, valid: 0, rejected: '[]', rejected_count: 0, will_insert: null, will_update: null, inserted: null, updated: null, unchanged: null, error: null, created_by: p.id, created_by_name: p.displayName, created_at: at, updated_at: at })
      .execute();
    await enqueueJob(trx, ctx, { kind: IMPORT_VALIDATE, refId: id, regionId: p.regionId, payload: { userId: p.id } });
    await insertAudit(trx, { at, actorId: p.id, actorName: p.displayName, ip: actor.ip, action: 'enterprise.import.upload', entityType: 'enterprise_import', entityId: id, regionId: p.regionId, summary: `上传企业台账 ${file.fileName}（${file.data.length} 字节）` });
  });
  kick();
  return { id };
}

async function getImportInScope(ctx: AppContext, p: AuthPrincipal, id: string) {
  const filter = scopeFilter(p, 'enterprise.import');
  const row = await ctx.db.selectFrom('enterprise_imports').selectAll().where('id', '=', id).where(whereInScope(filter, { region: 'enterprise_imports.region_id' })).executeTakeFirst();
  if (!row) throw notFound('导入任务');
  return row;
}

export async function importStatus(ctx: AppContext, actor: Actor, id: string) {
  const row = await getImportInScope(ctx, principalOf(actor), id);
  const job = await ctx.db.selectFrom('jobs').select(['progress', 'progress_total', 'status']).where('ref_id', '=', id).orderBy('created_at', 'desc').executeTakeFirst();
  const progress = row.status === 'validated' || row.status === 'committed' ? 100 : job && job.progress_total > 0 ? Math.min(99, Math.floor((job.progress / job.progress_total) * 100)) : 0;
  return {
    id: row.id,
    status: row.status as 'validating' | 'validated' | 'committing' | 'committed' | 'failed',
    fileName: row.file_name,
    format: row.format,
    encoding: row.encoding,
    total: row.total,
    valid: row.valid,
    rejected: JSON.parse(row.rejected) as { row: number; column: string; reason: string }[],
    rejectedCount: row.rejected_count,
    toInsert: row.will_insert,
    toUpdate: row.will_update,
    ...(row.inserted !== null ? { inserted: row.inserted } : {}),
    ...(row.updated !== null ? { updated: row.updated } : {}),
    ...(row.unchanged !== null ? { unchanged: row.unchanged } : {}),
    progress,
    error: row.error,
    createdAt: row.created_at,
    createdBy: row.created_by_name,
  };
}

export async function commitImport(ctx: AppContext, actor: Actor, id: string, kick: () => void) {
  const p = principalOf(actor);
  const row = await getImportInScope(ctx, p, id);
  if (row.status !== 'validated') throw new AppError(409, 'INVALID_TRANSITION', `导入状态为“${row.status}”，只有校验完成（validated）的导入才能提交`, undefined, { allowed: row.status === 'validated' ? ['commit'] : [] });
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('enterprise_imports').set({ status: 'committing', updated_at: at }).where('id', '=', id).where('status', '=', 'validated').executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw conflict('该导入已在提交中');
    await enqueueJob(trx, ctx, { kind: IMPORT_COMMIT, refId: id, regionId: row.region_id, payload: { userId: p.id } });
  });
  kick();
  return { id, status: 'committing' as const };
}

/** The dry run's validated rows, stored next to the upload (the commit works from exactly these). */
const validatedKey = (fileKey: string) => `${fileKey}.validated.json`;

async function loadForJob(ctx: AppContext, importId: string, userId: string, withFile = true) {
  const imp = await ctx.db.selectFrom('enterprise_imports').selectAll().where('id', '=', importId).executeTakeFirstOrThrow();
  const data = withFile ? await ctx.files.get(imp.file_key) : Buffer.alloc(0);
  if (!data) throw new Error('上传的文件已不存在');
  const user = await findUserById(ctx.db, userId);
  if (!user) throw new Error('导入用户不存在');
  return { imp, data, principal: toPrincipal(user) };
}

const summary = (a: Analysis) => ({
  total: a.total,
  valid: a.inserts.length + a.updates.length + a.unchanged,
  rejected: JSON.stringify(a.rejected.slice(0, MAX_REJECTIONS)),
  rejected_count: a.rejected.length,
  will_insert: a.inserts.length,
  will_update: a.updates.length,
});

async function fail(ctx: AppContext, id: string, error: string, extra: Record<string, unknown> = {}) {
  await ctx.db.updateTable('enterprise_imports').set({ status: 'failed', error, updated_at: isoNow(ctx.clock), ...extra }).where('id', '=', id).execute();
}

async function parseOrFail(ctx: AppContext, imp: { id: string; file_name: string }, data: Buffer, progress: (d: number, t: number) => Promise<void>) {
  try {
    const sheet = await parseSheet(imp.file_name, data, (n) => progress(n, n * 2));
    if (!sheet) throw new Error('无法识别的文件格式');
    return sheet;
  } catch (err) {
    await fail(ctx, imp.id, `文件无法读取：${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

/** Job: the dry run. */
export const validateImportJob =
  (ctx: AppContext): JobHandler =>
  async (job, progress) => {
    const { userId } = job.payload as { userId: string };
    const { imp, data, principal } = await loadForJob(ctx, job.refId!, userId);
    const sheet = await parseOrFail(ctx, imp, data, progress);
    if (!sheet) return;
    const a = await analyze(ctx.db, principal, sheet, todayInChina(ctx.clock), progress);
    if (a.headerError) return fail(ctx, imp.id, a.headerError, { ...summary(a), encoding: sheet.encoding });
    // The commit works from exactly the rows validated here (any replica reads them from the database).
    await ctx.files.put(validatedKey(imp.file_key), Buffer.from(encodeValidated(a.validated)), { contentType: 'application/json' });
    await ctx.db
      .updateTable('enterprise_imports')
      .set({ status: 'validated', ...summary(a), unchanged: null, encoding: sheet.encoding, updated_at: isoNow(ctx.clock) })
      .where('id', '=', imp.id)
      .execute();
  };

/** Job: the commit — every valid row in one transaction, so a failure leaves the registry untouched. */
export const commitImportJob =
  (ctx: AppContext): JobHandler =>
  async (job, progress) => {
    const { userId } = job.payload as { userId: string };
    const { imp, principal } = await loadForJob(ctx, job.refId!, userId, false);
    const stored = await ctx.files.get(validatedKey(imp.file_key));
    if (!stored) return fail(ctx, imp.id, '找不到试导入结果，请重新上传');
    const validated = decodeValidated(stored.toString('utf8'));
    const today = todayInChina(ctx.clock);
    await progress(0, 1);
    const a = await plan(ctx.db, principal, validated);
    const at = isoNow(ctx.clock);
    const actor = { actorId: principal.id, actorName: principal.displayName };
    try {
      await ctx.db.transaction().execute(async (trx) => {
        const events: TimelineEvent[] = [];
        const headcounts: { id: string; enterprise_id: string; region_id: string; as_of: string; headcount: number; delta: number; source: string; created_at: string }[] = [];
        const rows = a.inserts.map(({ value: v }) => {
          const id = newId();
          // Its timeline entry “台账导入：新增企业” is derived from import_id (see listTimeline).
          if (v.headcount !== undefined) headcounts.push({ id: newId(), enterprise_id: id, region_id: v.regionId, as_of: today, headcount: v.headcount, delta: v.headcount, source: 'import', created_at: at });
          return {
            id, name: v.name, uscc: v.uscc, region_id: v.regionId, legal_representative: v.legalRepresentative ?? null, address: v.address ?? null,
            industry_code: v.industryCode ?? null, ownership: v.ownership ?? null, size_class: v.sizeClass ?? (v.headcount !== undefined ? sizeClassFromHeadcount(v.headcount) : null),
            headcount: v.headcount ?? null, headcount_as_of: v.headcount !== undefined ? today : null, is_key: v.isKey ? 1 : 0,
            union_established: v.unionEstablished ? 1 : 0, union_established_on: v.unionEstablishedOn ?? null, union_chair: v.unionChair ?? null,
            union_members: v.unionMembers ?? null, contract_signing_rate: v.contractSigningRate ?? null, contact_name: v.contactName ?? null,
            contact_phone: v.contactPhone ?? null, contacts: null, coordinator_user_id: null, registered_on: v.registeredOn ?? null,
            collective_contract_status: null, risk_level: null, union_members_updated_on: null, import_id: imp.id, created_at: at, updated_at: at, version: 1,
          };
        });
        const chunk = ctx.dbKind === 'postgres' ? 1000 : 500;
        // SQLite: prepared single-row statements on the transaction's own connection (see bulk-sqlite.ts).
        const sqlite = rawSqlite(trx);
        if (sqlite) await insertImportedEnterprises(sqlite, imp.id, rows);
        else for (let i = 0; i < rows.length; i += chunk) await trx.insertInto('enterprises').values(rows.slice(i, i + chunk)).execute();
        for (const u of a.updates) {
          const e = u.existing!;
          const changes = u.changes!;
          await trx.updateTable('enterprises').set({ ...changes, ...('headcount' in changes ? { headcount_as_of: today } : {}), updated_at: at, version: e.version + 1 }).where('id', '=', e.id).execute();
          if ('headcount' in changes) headcounts.push({ id: newId(), enterprise_id: e.id, region_id: u.value.regionId, as_of: today, headcount: changes.headcount as number, delta: (changes.headcount as number) - (e.headcount ?? 0), source: 'import', created_at: at });
          const labels = Object.keys(changes).map((c) => FIELD_LABELS[FIELD_OF_COLUMN[c] ?? c] ?? c);
          events.push({ enterpriseId: e.id, regionId: u.value.regionId, at, kind: 'registry.imported', module: 'registry', title: '台账导入：更新企业信息', detail: `修改了：${labels.join('、')}`, refType: 'enterprise_import', refId: imp.id, ...actor });
        }
        if (sqlite) await insertRows(sqlite, 'headcount_records', headcounts);
        else for (let i = 0; i < headcounts.length; i += chunk) await trx.insertInto('headcount_records').values(headcounts.slice(i, i + chunk)).execute();
        await addTimelineEvents(trx, events);
        if (a.inserts.length + a.updates.length >= 5000) {
          // Before the import reads as committed: fresh planner statistics for the grown table (SQLite has no
          // auto-analyze), and on PostgreSQL the GIN indexes' pending lists merged (migration 0022), so the first
          // searches afterwards neither plan for the old row count nor pay seconds for 100,000 new names.
          await sql`analyze enterprises`.execute(trx);
          if (ctx.dbKind === 'postgres') {
            await sql`select gin_clean_pending_list('enterprises_name_grams'::regclass), gin_clean_pending_list('enterprises_uscc_grams'::regclass)`.execute(trx);
          }
        }
        await trx
          .updateTable('enterprise_imports')
          .set({ status: 'committed', ...summary(a), inserted: a.inserts.length, updated: a.updates.length, unchanged: a.unchanged, updated_at: isoNow(ctx.clock) })
          .where('id', '=', imp.id)
          .execute();
        await insertAudit(trx, { at, ...actor, action: 'enterprise.import.commit', entityType: 'enterprise_import', entityId: imp.id, regionId: imp.region_id, summary: `导入企业台账 ${imp.file_name}：新增 ${a.inserts.length}，更新 ${a.updates.length}，未变 ${a.unchanged}，拒绝 ${a.rejected.length}` });
      });
    } catch (err) {
      ctx.log.error({ err, importId: imp.id }, 'import commit failed');
      await fail(ctx, imp.id, `提交失败，未写入任何数据：${err instanceof Error ? err.message.slice(0, 200) : String(err)}`);
    }
  };
