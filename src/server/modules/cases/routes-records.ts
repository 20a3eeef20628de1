import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { PageQuery } from '../../lib/pagination';
import { actorOf, requirePermission } from '../../plugins/auth';
import type { FileStore } from '../../storage';
import { addVisit, AgreementCreate, createAgreement, PaymentInput, recordPayment, remindObligations, VisitInput } from './agreements';
import { DocumentCreate, DOCX_TYPE, generateDocument, previewDocument, readDocument } from './documents';
import { listPublished, publishCase, PublishInput, unpublishCase } from './published';
import { arbitrationFile } from './arbitration';
import { addAttachment, MAX_ATTACHMENT_BYTES, readAttachment } from './attachments';
import { fieldError } from '../../errors';
import { loadCaseFor } from './case-access';
import { getCase } from './service';

const IdParams = z.object({ id: z.string().min(1) });
const DocParams = IdParams.extend({ docId: z.string().min(1) });
const tags = ['劳动争议案件'];

/** Documents, agreements and performance, arbitration file and typical cases of a case. */
export const caseRecordRoutes =
  (ctx: AppContext, storage: FileStore): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });
    app.post(
      '/api/cases/:id/attachments',
      { schema: { tags, summary: '上传证据材料附件（当事人或调解员）', params: IdParams, consumes: ['multipart/form-data'] } },
      async (req, reply) => {
        requirePermission(req, 'case.read');
        const { c } = await loadCaseFor(ctx, actorOf(req), req.params.id, 'case.read');
        if (!req.isMultipart()) throw fieldError('file', '请以 multipart/form-data 上传文件');
        const part = await req.file();
        if (!part) throw fieldError('file', '请选择文件');
        const bytes = await part.toBuffer();
        reply.status(201);
        return addAttachment(ctx, storage, actorOf(req), c, { filename: part.filename, bytes });
      },
    );
    app.get(
      '/api/cases/:id/attachments/:attachmentId',
      { schema: { tags, summary: '下载附件', params: IdParams.extend({ attachmentId: z.string().min(1) }) } },
      async (req, reply) => {
        requirePermission(req, 'case.read');
        await loadCaseFor(ctx, actorOf(req), req.params.id, 'case.read');
        const { row, bytes } = await readAttachment(ctx, storage, req.params.id, req.params.attachmentId);
        reply.header('content-type', row.content_type);
        reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.file_name)}`);
        return reply.send(bytes);
      },
    );
    app.post(
      '/api/cases/:id/documents',
      { schema: { tags, summary: '生成文书（.docx，公文格式）', params: IdParams, body: DocumentCreate } },
      async (req, reply) => {
        requirePermission(req, 'case.handle');
        const { c } = await loadCaseFor(ctx, actorOf(req), req.params.id, 'case.handle');
        reply.status(201);
        return generateDocument(ctx, storage, actorOf(req), c, req.body);
      },
    );
    app.get(
      '/api/cases/:id/documents/:docId',
      { schema: { tags, summary: '下载文书（.docx）', params: DocParams } },
      async (req, reply) => {
        requirePermission(req, 'case.read');
        await loadCaseFor(ctx, actorOf(req), req.params.id, 'case.read');
        const { doc, bytes } = await readDocument(ctx, storage, req.params.id, req.params.docId);
        reply.header('content-type', DOCX_TYPE);
        reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${doc.title}.docx`)}`);
        return reply.send(bytes);
      },
    );
    app.get(
      '/api/cases/:id/documents/:docId/preview',
      { schema: { tags, summary: '文书预览（HTML 与纯文本）', params: DocParams } },
      async (req) => {
        requirePermission(req, 'case.read');
        await loadCaseFor(ctx, actorOf(req), req.params.id, 'case.read');
        const { doc, bytes } = await readDocument(ctx, storage, req.params.id, req.params.docId);
        return { id: doc.id, title: doc.title, ...(await previewDocument(bytes)) };
      },
    );

    app.post(
      '/api/cases/:id/agreements',
      { schema: { tags, summary: '登记和解协议或调解协议（履行事项、金额、期限）', params: IdParams, body: AgreementCreate } },
      async (req, reply) => {
        requirePermission(req, 'case.handle');
        const { c } = await loadCaseFor(ctx, actorOf(req), req.params.id, 'case.handle');
        await createAgreement(ctx, actorOf(req), c, req.body);
        reply.status(201);
        return getCase(ctx, actorOf(req), c.id);
      },
    );
    app.post(
      '/api/cases/:id/obligations/:obligationId/payments',
      {
        schema: { tags, summary: '登记协议履行（付款）', params: IdParams.extend({ obligationId: z.string().min(1) }), body: PaymentInput },
      },
      async (req) => {
        requirePermission(req, 'case.handle');
        const { c } = await loadCaseFor(ctx, actorOf(req), req.params.id, 'case.handle');
        await recordPayment(ctx, actorOf(req), c, req.params.obligationId, req.body);
        return getCase(ctx, actorOf(req), c.id);
      },
    );
    app.post(
      '/api/cases/:id/visits',
      { schema: { tags, summary: '履行回访记录', params: IdParams, body: VisitInput } },
      async (req, reply) => {
        requirePermission(req, 'case.handle');
        const { c } = await loadCaseFor(ctx, actorOf(req), req.params.id, 'case.handle');
        await addVisit(ctx, actorOf(req), c, req.body);
        reply.status(201);
        return getCase(ctx, actorOf(req), c.id);
      },
    );
    app.post('/api/cases/:id/reminders', { schema: { tags, summary: '向义务人发送履行提醒（短信）', params: IdParams } }, async (req) => {
      requirePermission(req, 'case.handle');
      const { c } = await loadCaseFor(ctx, actorOf(req), req.params.id, 'case.handle');
      return remindObligations(ctx, actorOf(req), c);
    });

    app.get(
      '/api/cases/:id/arbitration-file',
      { schema: { tags, summary: '移送仲裁的案卷（当事人、请求、事实、文书、时间线）', params: IdParams } },
      async (req) => {
        requirePermission(req, 'case.read');
        return arbitrationFile(ctx, actorOf(req), req.params.id);
      },
    );

    app.post(
      '/api/cases/:id/publish',
      { schema: { tags, summary: '发布为典型案例（自动匿名化）', params: IdParams, body: PublishInput } },
      async (req, reply) => {
        requirePermission(req, 'case.publish');
        const { c } = await loadCaseFor(ctx, actorOf(req), req.params.id, 'case.publish');
        reply.status(201);
        return publishCase(ctx, actorOf(req), c, req.body);
      },
    );
    app.delete('/api/cases/:id/publish', { schema: { tags, summary: '撤回典型案例', params: IdParams } }, async (req, reply) => {
      requirePermission(req, 'case.publish');
      const { c } = await loadCaseFor(ctx, actorOf(req), req.params.id, 'case.publish');
      await unpublishCase(ctx, actorOf(req), c);
      return reply.status(204).send();
    });
    app.get(
      '/api/knowledge/published-cases',
      {
        schema: {
          tags: ['法律咨询'],
          summary: '已发布的典型案例（匿名化，公开）',
          querystring: PageQuery.extend({ q: z.string().max(50).optional() }),
        },
      },
      async (req) => listPublished(ctx, req.query),
    );
  };
