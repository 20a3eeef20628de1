import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../context';
import { badRequest } from '../../../errors';
import { startJobWorker } from '../../../jobs/queue';
import { actorOf, requirePermission } from '../../../plugins/auth';
import { attachment } from '../routes';
import { commitImport, commitImportJob, createImport, IMPORT_COMMIT, IMPORT_VALIDATE, importStatus, MAX_IMPORT_BYTES, validateImportJob } from './service';
import { importTemplate } from './template';

const IdParams = z.object({ id: z.string().min(1).max(40) });
const tags = ['企业台账导入'];

export const enterpriseImportRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 } });
    // Any replica runs import jobs: state and leases are in the database (jobs, enterprise_imports).
    const worker = startJobWorker(ctx, { [IMPORT_VALIDATE]: validateImportJob(ctx), [IMPORT_COMMIT]: commitImportJob(ctx) });
    app.addHook('onClose', async () => worker.stop());
    app.addHook('onReady', async () => worker.kick());

    app.post('/api/enterprises/imports', { schema: { tags, summary: '上传企业台账（.xlsx/.csv，multipart 字段 file）→ 202 {id}，后台校验（试导入）', consumes: ['multipart/form-data'] } }, async (req, reply) => {
      requirePermission(req, 'enterprise.import');
      if (!req.isMultipart()) throw badRequest('请以 multipart/form-data 上传，文件字段名为 file', [{ field: 'file', message: '缺少文件' }]);
      const file = await req.file();
      if (!file || file.fieldname !== 'file') throw badRequest('缺少文件（字段名 file）', [{ field: 'file', message: '缺少文件' }]);
      let data: Buffer;
      try {
        data = await file.toBuffer();
      } catch {
        throw badRequest(`文件过大（不超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB）`, [{ field: 'file', message: '文件过大' }]);
      }
      reply.status(202);
      return createImport(ctx, actorOf(req), { fileName: file.filename || 'upload', data }, worker.kick);
    });
    app.get('/api/enterprises/imports/template', { schema: { tags, summary: '下载导入模板（中文表头 .xlsx）' } }, async (req, reply) => {
      requirePermission(req, 'enterprise.import');
      const regions = await ctx.db.selectFrom('regions').select(['name', 'level']).orderBy('id').execute();
      const buf = await importTemplate(regions.filter((r) => r.level === 'street' || r.level === 'town').map((r) => r.name), regions.filter((r) => r.level === 'park').map((r) => r.name));
      return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', attachment('企业台账导入模板.xlsx')).send(buf);
    });
    app.get('/api/enterprises/imports/:id', { schema: { tags, summary: '导入状态与试导入报告', params: IdParams } }, async (req) => {
      requirePermission(req, 'enterprise.import');
      return importStatus(ctx, actorOf(req), req.params.id);
    });
    app.post('/api/enterprises/imports/:id/commit', { schema: { tags, summary: '提交导入（202，后台单事务写入）', params: IdParams } }, async (req, reply) => {
      requirePermission(req, 'enterprise.import');
      reply.status(202);
      return commitImport(ctx, actorOf(req), req.params.id, worker.kick);
    });
  };
