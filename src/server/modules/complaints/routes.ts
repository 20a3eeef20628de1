import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { forbidden } from '../../errors';
import { scopeFilter } from '../../policy/scope';
import { PageQuery } from '../../lib/pagination';
import { actorOf, requirePermission, requireUser } from '../../plugins/auth';
import { acceptComplaint, AcceptInput, assignableInspectors, assignComplaint, AssignInput, closeComplaint, CloseInput, complaintDocument, extendComplaint, ExtendInput, issueRectificationOrder, OrderInput, rejectComplaint, RejectInput } from './handling';
import { ComplaintInput, fileComplaint, PublicComplaintInput, trackComplaint } from './intake';
import { ComplaintQuery, getComplaint, listComplaints } from './service';

const IdParams = z.object({ id: z.string().min(1) });
const tags = ['劳动保障监察·投诉举报'];

export const complaintRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const publicWrite = { csrf: false, rateLimit: { max: ctx.config.env === 'test' ? 10_000 : 10, timeWindow: '1 minute' } };
    const publicRead = { csrf: false, rateLimit: { max: ctx.config.env === 'test' ? 10_000 : 60, timeWindow: '1 minute' } };
    app.post('/api/public/complaints', { config: publicWrite, schema: { tags, summary: '公众网上投诉举报（可匿名举报）', body: PublicComplaintInput } }, async (req, reply) => {
      scopeFilter(req.principal, 'complaint.file'); // public: anyone may file, signed in or not
      reply.status(201);
      return fileComplaint(ctx, { principal: null, ip: req.ip }, req.body, 'public');
    });
    app.get('/api/public/complaints/:code', { config: publicRead, schema: { tags, summary: '凭查询码查看办理进度和反馈（不含个人信息）', params: z.object({ code: z.string().min(6).max(20) }) } }, async (req) => {
      return trackComplaint(ctx, req.params.code);
    });
    app.post('/api/complaints', { schema: { tags, summary: '登记投诉：劳动者服务端，或工作人员登记来访/12333转办', body: ComplaintInput } }, async (req, reply) => {
      const p = requireUser(req);
      const channel = req.body.channel ?? (p.roles.includes('worker') ? 'worker' : 'official');
      if (channel === 'worker' && !p.roles.includes('worker')) throw forbidden();
      if (channel !== 'worker') requirePermission(req, 'complaint.handle');
      reply.status(201);
      return fileComplaint(ctx, actorOf(req), { ...req.body, enterpriseId: channel === 'worker' ? undefined : req.body.enterpriseId }, channel);
    });
    app.get('/api/complaints', { schema: { tags, summary: '投诉举报列表（含法定期限状态）', querystring: ComplaintQuery.extend(PageQuery.shape) } }, async (req) => {
      requirePermission(req, 'complaint.read');
      return listComplaints(ctx, actorOf(req), req.query);
    });
    app.get('/api/complaints/inspectors', { schema: { tags, summary: '可分派的监察员' } }, async (req) => {
      requirePermission(req, 'complaint.handle');
      return assignableInspectors(ctx, actorOf(req));
    });
    app.get('/api/complaints/:id', { schema: { tags, summary: '投诉举报详情', params: IdParams } }, async (req) => {
      requirePermission(req, 'complaint.read');
      return getComplaint(ctx, actorOf(req), req.params.id);
    });
    app.post('/api/complaints/:id/assign', { schema: { tags, summary: '分派监察员', params: IdParams, body: AssignInput } }, async (req) => {
      requirePermission(req, 'complaint.handle');
      return assignComplaint(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/complaints/:id/accept', { schema: { tags, summary: '受理立案（调查期限60个工作日）', params: IdParams, body: AcceptInput } }, async (req) => {
      requirePermission(req, 'complaint.handle');
      return acceptComplaint(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/complaints/:id/reject', { schema: { tags, summary: '不予受理', params: IdParams, body: RejectInput } }, async (req) => {
      requirePermission(req, 'complaint.handle');
      return rejectComplaint(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/complaints/:id/extend', { schema: { tags, summary: '经负责人批准延长调查期限30个工作日', params: IdParams, body: ExtendInput } }, async (req) => {
      requirePermission(req, 'complaint.handle');
      return extendComplaint(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/complaints/:id/rectification-order', { schema: { tags, summary: '下达限期整改指令书（生成.docx）', params: IdParams, body: OrderInput } }, async (req) => {
      requirePermission(req, 'complaint.handle');
      return issueRectificationOrder(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/complaints/:id/close', { schema: { tags, summary: '办结：调查结论、反馈投诉人、行政处理决定书、违法记录', params: IdParams, body: CloseInput } }, async (req) => {
      requirePermission(req, 'complaint.handle');
      return closeComplaint(ctx, actorOf(req), req.params.id, req.body);
    });
    app.get('/api/complaints/:id/documents/:docId', { schema: { tags, summary: '下载文书（.docx）', params: IdParams.extend({ docId: z.string().min(1) }) } }, async (req, reply) => {
      requirePermission(req, 'complaint.handle');
      const f = await complaintDocument(ctx, actorOf(req), req.params.id, req.params.docId);
      reply.header('content-type', f.type).header('content-disposition', `attachment; filename="document.docx"; filename*=UTF-8''${encodeURIComponent(f.name)}`);
      return reply.send(f.data);
    });
  };
