import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_EVIDENCE_BYTES } from '../../../domain/portal/evidence';
import type { AppContext } from '../../context';
import { AppError, fieldError } from '../../errors';
import { PageQuery } from '../../lib/pagination';
import { actorOf, requirePermission, requireUser } from '../../plugins/auth';
import { addCaseEvidence, ApplicationInput, EnterpriseSearch, portalRouting, searchEnterprises, submitApplication, uploadDraftEvidence } from './apply';
import { agreementForParty, confirmAgreement, ConfirmInput, requestConfirmCode } from './confirm';
import { listInbox, markRead } from './inbox';
import { loadPartyCase } from './party';
import { getProfile, ProfileInput, putProfile, revealProfile } from './profile';
import { myCases, partyCaseView, rateCase, RatingInput, respondToCase, ResponseInput } from './track';

const IdParams = z.object({ id: z.string().min(1) });
const AgreementParams = IdParams.extend({ agreementId: z.string().min(1) });
const tags = ['劳动者与企业服务端'];

async function readUpload(req: FastifyRequest) {
  if (!req.isMultipart()) throw fieldError('file', '请以 multipart/form-data 上传文件');
  const part = await req.file();
  if (!part) throw fieldError('file', '请选择文件');
  const tooLarge = () => new AppError(413, 'PAYLOAD_TOO_LARGE', '单个文件不能超过10MB', [{ field: 'file', message: '单个文件不能超过10MB' }]);
  let bytes: Buffer;
  try {
    bytes = await part.toBuffer();
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw e;
  }
  if (part.file.truncated) throw tooLarge();
  return { fileName: part.filename, declaredType: part.mimetype, bytes };
}

/** The worker portal and the enterprise side: profile, application, tracking, inbox, confirmations, ratings. */
export const portalRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1 } });

    app.get('/api/portal/profile', { schema: { tags, summary: '我的实名信息（身份证号脱敏）' } }, async (req) => {
      requirePermission(req, 'portal.use');
      return getProfile(ctx, actorOf(req));
    });
    app.put('/api/portal/profile', { schema: { tags, summary: '填写或修改实名信息（身份证号校验后加密保存）', body: ProfileInput } }, async (req) => {
      requirePermission(req, 'portal.use');
      return putProfile(ctx, actorOf(req), req.body);
    });
    app.post('/api/portal/profile/reveal', { schema: { tags, summary: '本人查看完整身份证号（记入审计日志）' } }, async (req) => {
      const p = requirePermission(req, 'portal.use');
      return revealProfile(ctx, actorOf(req), p.id);
    });
    app.post(
      '/api/portal/profiles/:userId/reveal',
      { schema: { tags, summary: '工作人员查看劳动者完整身份证号（记入审计日志）', params: z.object({ userId: z.string().min(1) }) } },
      async (req) => {
        requirePermission(req, 'portal.profile.reveal');
        return revealProfile(ctx, actorOf(req), req.params.userId);
      },
    );

    app.get('/api/portal/enterprises', { schema: { tags, summary: '按名称或统一社会信用代码查找被申请单位', querystring: EnterpriseSearch } }, async (req) => {
      requirePermission(req, 'portal.use');
      requirePermission(req, 'case.create');
      return searchEnterprises(ctx, req.query.q);
    });
    app.get(
      '/api/portal/routing-suggestion',
      { schema: { tags, summary: '按分流规则建议受理的调解组织', querystring: z.object({ enterpriseId: z.string().min(1) }) } },
      async (req) => {
        requirePermission(req, 'portal.use');
        requirePermission(req, 'case.create');
        return portalRouting(ctx, req.query.enterpriseId);
      },
    );
    app.post('/api/portal/uploads', { schema: { tags, summary: '上传证据材料（图片或PDF，提交申请前）', consumes: ['multipart/form-data'] } }, async (req, reply) => {
      requirePermission(req, 'portal.use');
      requirePermission(req, 'case.create');
      const file = await readUpload(req);
      reply.status(201);
      return uploadDraftEvidence(ctx, actorOf(req), file);
    });
    app.post(
      '/api/portal/applications',
      { schema: { tags, summary: '在线申请调解（要素式；requestId 防重复提交）', body: ApplicationInput } },
      async (req, reply) => {
        requirePermission(req, 'portal.use');
        requirePermission(req, 'case.create');
        const r = await submitApplication(ctx, actorOf(req), req.body);
        if (r.replayed) reply.header('idempotent-replayed', 'true');
        reply.status(r.replayed ? 200 : 201);
        return r.body;
      },
    );

    app.get('/api/portal/cases', { schema: { tags, summary: '我的案件（劳动者：本人申请；企业：针对本单位的申请）', querystring: PageQuery } }, async (req) => {
      requirePermission(req, 'portal.use');
      return myCases(ctx, actorOf(req), req.query);
    });
    app.get('/api/portal/cases/:id', { schema: { tags, summary: '案件进度（通俗时间线、下一步、待确认协议）', params: IdParams } }, async (req) => {
      requirePermission(req, 'portal.use');
      return partyCaseView(ctx, actorOf(req), req.params.id);
    });
    app.post(
      '/api/portal/cases/:id/evidence',
      { schema: { tags, summary: '当事人补充证据或材料（图片或PDF）', params: IdParams, consumes: ['multipart/form-data'] } },
      async (req, reply) => {
        requirePermission(req, 'portal.use');
        const { c } = await loadPartyCase(ctx, actorOf(req), req.params.id);
        const file = await readUpload(req);
        reply.status(201);
        return addCaseEvidence(ctx, actorOf(req), c, file);
      },
    );
    app.post(
      '/api/portal/cases/:id/response',
      { schema: { tags, summary: '用人单位答复申请（同意协商、提出方案、不同意调解）', params: IdParams, body: ResponseInput } },
      async (req) => {
        requirePermission(req, 'portal.use');
        return respondToCase(ctx, actorOf(req), req.params.id, req.body);
      },
    );
    app.post(
      '/api/portal/cases/:id/rating',
      { schema: { tags, summary: '评价调解服务（满意度1–5分，结案后每方一次）', params: IdParams, body: RatingInput } },
      async (req, reply) => {
        requirePermission(req, 'portal.use');
        reply.status(201);
        return rateCase(ctx, actorOf(req), req.params.id, req.body);
      },
    );
    app.get(
      '/api/portal/cases/:id/agreements/:agreementId',
      { schema: { tags, summary: '阅读协议（全文、SHA-256、确认情况）', params: AgreementParams } },
      async (req) => {
        requirePermission(req, 'portal.use');
        return agreementForParty(ctx, actorOf(req), req.params.id, req.params.agreementId);
      },
    );
    app.post(
      '/api/portal/cases/:id/agreements/:agreementId/code',
      { schema: { tags, summary: '获取确认协议的短信验证码', params: AgreementParams } },
      async (req, reply) => {
        requirePermission(req, 'portal.use');
        reply.status(202);
        return requestConfirmCode(ctx, actorOf(req), req.params.id, req.params.agreementId);
      },
    );
    app.post(
      '/api/portal/cases/:id/agreements/:agreementId/confirm',
      { schema: { tags, summary: '以验证码确认协议（双方确认后生效）', params: AgreementParams, body: ConfirmInput } },
      async (req) => {
        requirePermission(req, 'portal.use');
        return confirmAgreement(ctx, actorOf(req), req.params.id, req.params.agreementId, req.body.code);
      },
    );

    app.get(
      '/api/portal/inbox',
      { schema: { tags, summary: '站内消息', querystring: PageQuery.extend({ unread: z.enum(['1']).optional() }) } },
      async (req) => {
        requireUser(req);
        return listInbox(ctx, actorOf(req), req.query);
      },
    );
    app.post('/api/portal/inbox/:id/read', { schema: { tags, summary: '标记消息已读', params: IdParams } }, async (req) => {
      requireUser(req);
      return markRead(ctx, actorOf(req), req.params.id);
    });
    app.post('/api/portal/inbox/read-all', { schema: { tags, summary: '全部标记已读' } }, async (req) => {
      requireUser(req);
      return markRead(ctx, actorOf(req), 'all');
    });
  };
