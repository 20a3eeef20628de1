import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { PageQuery } from '../../lib/pagination';
import { actorOf, requirePermission } from '../../plugins/auth';
import { adviceLetter, warningLetter } from './letters';
import { AdviceQuery, AlertListQuery, AssessInput, AssignInput, CloseInput, HandleInput } from './schemas';
import { getAlert, listAlerts, transition } from './service';

const IdParams = z.object({ id: z.string().min(1) });
const tags = ['风险预警'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const alertRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/alerts', { schema: { tags, summary: '预警列表（uscc、status、level 筛选；按权限范围）', querystring: AlertListQuery.extend(PageQuery.shape) } }, async (req) => {
      requirePermission(req, 'alert.read');
      return listAlerts(ctx, actorOf(req), req.query);
    });
    app.get('/api/alerts/:id', { schema: { tags, summary: '预警详情（原因、信号、处置记录）', params: IdParams } }, async (req) => {
      requirePermission(req, 'alert.read');
      return getAlert(ctx, actorOf(req), req.params.id);
    });
    app.post('/api/alerts/:id/assign', { schema: { tags, summary: '分派预警（协调员、街道或部门）', params: IdParams, body: AssignInput } }, async (req) => {
      requirePermission(req, 'alert.read');
      return transition(ctx, actorOf(req), req.params.id, 'assign', { assign: req.body });
    });
    app.post('/api/alerts/:id/assess', { schema: { tags, summary: '研判（填写研判意见）', params: IdParams, body: AssessInput } }, async (req) => {
      requirePermission(req, 'alert.read');
      return transition(ctx, actorOf(req), req.params.id, 'assess', { findings: req.body.findings });
    });
    app.post('/api/alerts/:id/handle', { schema: { tags, summary: '处置（记录采取的措施）', params: IdParams, body: HandleInput } }, async (req) => {
      requirePermission(req, 'alert.read');
      return transition(ctx, actorOf(req), req.params.id, 'handle', { actions: req.body.actions });
    });
    app.post('/api/alerts/:id/close', { schema: { tags, summary: '销号（填写处置结果）', params: IdParams, body: CloseInput } }, async (req) => {
      requirePermission(req, 'alert.read');
      return transition(ctx, actorOf(req), req.params.id, 'close', { result: req.body.result });
    });
    app.get('/api/alerts/:id/letters/warning', { schema: { tags, summary: '生成致企业的劳动关系风险预警提示函（.docx）', params: IdParams } }, async (req, reply) => {
      requirePermission(req, 'alert.letter');
      const { filename, buf } = await warningLetter(ctx, actorOf(req), req.params.id);
      return reply.header('content-type', DOCX).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`).send(buf);
    });
    app.get('/api/alerts/:id/letters/advice', { schema: { tags, summary: '生成致行业主管部门的预警建议书（.docx）', params: IdParams, querystring: AdviceQuery } }, async (req, reply) => {
      requirePermission(req, 'alert.letter');
      const { filename, buf } = await adviceLetter(ctx, actorOf(req), req.params.id, req.query.regulator);
      return reply.header('content-type', DOCX).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`).send(buf);
    });
  };
