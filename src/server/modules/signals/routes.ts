import type { FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createHash } from 'node:crypto';
import type { AppContext } from '../../context';
import { badRequest } from '../../errors';
import { PageQuery } from '../../lib/pagination';
import { actorOf, requirePermission } from '../../plugins/auth';
import { parseSignalFile } from './import';
import { HeadcountBatch, HeadcountResult, IngestResult, ManualSignal, SignalBatch, SignalListQuery } from './schemas';
import { fileSignal, ingestHeadcount, ingestSignals, listSignals } from './service';

const tags = ['风险监测'];
/** Per-key limit for machine pushes; keyed by the API key id so one noisy provider cannot starve others. */
export const PUSH_RATE_LIMIT = { max: 60, timeWindow: '1 minute' };
const rateLimit = {
  ...PUSH_RATE_LIMIT,
  // Route-level onRequest hooks run after the app-level authentication hook, so the key id is known here,
  // and a flood of invalid batches is limited too (validation runs later).
  keyGenerator: (req: FastifyRequest) => (req.principal ? `${req.principal.kind}:${req.principal.id}` : `ip:${req.ip}`),
};

export const signalRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1 } });

    app.post(
      '/api/signals',
      { schema: { tags, summary: '数据提供方批量推送风险信号（Bearer API密钥）', security: [{ apiKey: [] }], body: SignalBatch, response: { 200: IngestResult } }, config: { rateLimit } },
      async (req) => {
        const p = requirePermission(req, 'signal.push');
        return ingestSignals(ctx, actorOf(req), req.body.signals, { channel: 'api', regionId: p.regionId, apiKeyId: p.kind === 'api_key' ? p.id : null, auditAction: 'signal.push' });
      },
    );

    app.post(
      '/api/feeds/headcount',
      { schema: { tags, summary: '社保系统推送月度参保人数（按企业和月份幂等）', security: [{ apiKey: [] }], body: HeadcountBatch, response: { 200: HeadcountResult } }, config: { rateLimit } },
      async (req) => {
        requirePermission(req, 'signal.push');
        return ingestHeadcount(ctx, actorOf(req), req.body.records);
      },
    );

    app.get('/api/signals', { schema: { tags, summary: '风险信号列表（按权限范围）', querystring: SignalListQuery.extend(PageQuery.shape) } }, async (req) => {
      requirePermission(req, 'signal.read');
      return listSignals(ctx, actorOf(req), req.query);
    });

    app.post('/api/signals/manual', { schema: { tags, summary: '人工录入风险信号（走访发现、电话线索）', body: ManualSignal } }, async (req, reply) => {
      requirePermission(req, 'signal.file');
      reply.status(201);
      return fileSignal(ctx, actorOf(req), req.body);
    });

    app.post('/api/signals/import', { schema: { tags, summary: '导入风险信号（CSV 或 xlsx，multipart 字段 file）', consumes: ['multipart/form-data'], response: { 200: IngestResult } } }, async (req) => {
      const p = requirePermission(req, 'signal.import');
      if (!req.isMultipart()) throw badRequest('请上传文件', [{ field: 'file', message: '请上传 .csv 或 .xlsx 文件' }]);
      const file = await req.file();
      if (!file) throw badRequest('请上传文件', [{ field: 'file', message: '请上传 .csv 或 .xlsx 文件' }]);
      const buf = await file.toBuffer();
      const rows = (await parseSignalFile(file.filename, buf)).map((r) => ({
        source: '批量导入',
        // Without a source number, the row's content is its identity: importing a file twice adds nothing.
        externalId: createHash('sha256').update(JSON.stringify([r.uscc, r.kind, r.occurredAt, r.details ?? ''])).digest('hex').slice(0, 32),
        ...r,
      }));
      return ingestSignals(ctx, actorOf(req), rows, { channel: 'import', regionId: p.regionId, filedBy: p.id, auditAction: 'signal.import' });
    });
  };
