import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NEGOTIATION_STEP_LABELS, NEGOTIATION_TEMPLATES, type NegotiationTemplate } from '../../../domain/contracts/negotiation';
import type { AppContext } from '../../context';
import { todayInChina } from '../../lib/clock';
import { PageQuery } from '../../lib/pagination';
import { actorOf, requirePermission } from '../../plugins/auth';
import { sendFile } from '../contracts/routes';
import { negotiationDocument } from './documents';
import { NegotiationCreate, NegotiationListQuery, NegotiationUpdate, StepCreate } from './schemas';
import { addStep, createNegotiation, getNegotiation, listNegotiations, updateNegotiation } from './service';

const IdParams = z.object({ id: z.string().min(1) });
const tags = ['集体协商'];
const Template = z.enum(Object.keys(NEGOTIATION_TEMPLATES) as [NegotiationTemplate, ...NegotiationTemplate[]]);

export const negotiationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/negotiations', { schema: { tags, summary: '集体协商列表', querystring: NegotiationListQuery.extend(PageQuery.shape) } }, async (req) => {
      requirePermission(req, 'negotiation.read');
      return listNegotiations(ctx, actorOf(req), req.query);
    });
    app.post('/api/negotiations', { schema: { tags, summary: '发起集体协商（记录要约）', body: NegotiationCreate } }, async (req, reply) => {
      requirePermission(req, 'negotiation.manage');
      reply.status(201);
      return createNegotiation(ctx, actorOf(req), req.body);
    });
    app.get('/api/negotiations/templates', { schema: { tags, summary: '协商文书模板' } }, async (req) => {
      requirePermission(req, 'negotiation.read');
      return { items: Object.entries(NEGOTIATION_TEMPLATES).map(([key, name]) => ({ key, name, step: NEGOTIATION_STEP_LABELS[key as NegotiationTemplate] })) };
    });
    app.get('/api/negotiations/:id', { schema: { tags, summary: '集体协商详情', params: IdParams } }, async (req) => {
      requirePermission(req, 'negotiation.read');
      return getNegotiation(ctx, actorOf(req), req.params.id);
    });
    app.patch('/api/negotiations/:id', { schema: { tags, summary: '指派集体协商指导员等', params: IdParams, body: NegotiationUpdate } }, async (req) => {
      requirePermission(req, 'negotiation.manage');
      return updateNegotiation(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/negotiations/:id/steps', { schema: { tags, summary: '记录协商步骤（回应、会议、草案、职代会、签字、报送）', params: IdParams, body: StepCreate } }, async (req, reply) => {
      requirePermission(req, 'negotiation.manage');
      reply.status(201);
      return addStep(ctx, actorOf(req), req.params.id, req.body);
    });
    app.get('/api/negotiations/:id/documents/:template', { schema: { tags, summary: '生成协商文书（.docx）', params: IdParams.extend({ template: Template }) } }, async (req, reply) => {
      requirePermission(req, 'negotiation.read');
      const n = await getNegotiation(ctx, actorOf(req), req.params.id);
      const doc = await negotiationDocument(n, req.params.template, todayInChina(ctx.clock));
      return sendFile(reply, { ...doc, mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    });
  };
