import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { PageQuery } from '../../lib/pagination';
import { actorOf, requirePermission } from '../../plugins/auth';
import { scopeFilter } from '../../policy/scope';
import { attachment } from '../enterprises/routes';
import { exportListings, publicListings } from './publish';
import { AppealInput, appealListing, DecideInput, decideListing, getListing, ListingInput, ListingQuery, ListKindSchema, listCandidates, listListings, noticeListing, RemoveInput, removeListing } from './service';

const IdParams = z.object({ id: z.string().min(1) });
const tags = ['劳动保障监察·红黑名单'];

export const creditListRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const publicRead = { csrf: false, rateLimit: { max: ctx.config.env === 'test' ? 10_000 : 60, timeWindow: '1 minute' } };
    app.get('/api/public/credit-lists', { config: publicRead, schema: { tags, summary: '公开查询：守法诚信红名单与拖欠农民工工资失信联合惩戒对象名单（不含个人信息）', querystring: z.object({ kind: ListKindSchema.optional(), name: z.string().trim().max(60).optional() }).extend(PageQuery.shape) } }, async (req) => {
      scopeFilter(req.principal, 'creditList.public');
      return publicListings(ctx, req.query);
    });
    app.get('/api/credit/lists', { schema: { tags, summary: '红黑名单记录（告知、申辩、列入、移出）', querystring: ListingQuery.extend(PageQuery.shape) } }, async (req) => {
      requirePermission(req, 'creditList.read');
      return listListings(ctx, actorOf(req), req.query);
    });
    app.get('/api/credit/lists/candidates', { schema: { tags, summary: '符合列入条件、尚未列入的企业', querystring: z.object({ kind: ListKindSchema }) } }, async (req) => {
      requirePermission(req, 'creditList.manage');
      return listCandidates(ctx, actorOf(req), req.query.kind);
    });
    app.get('/api/credit/lists/export', { schema: { tags, summary: '导出当前名单（.xlsx，供联合激励与惩戒）', querystring: z.object({ kind: ListKindSchema.optional() }) } }, async (req, reply) => {
      requirePermission(req, 'creditList.manage');
      const { buffer, fileName } = await exportListings(ctx, actorOf(req), req.query.kind);
      return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', attachment(fileName)).send(buffer);
    });
    app.post('/api/credit/lists', { schema: { tags, summary: '拟列入名单并告知企业（陈述申辩期）', body: ListingInput } }, async (req, reply) => {
      requirePermission(req, 'creditList.manage');
      reply.status(201);
      return noticeListing(ctx, actorOf(req), req.body);
    });
    app.get('/api/credit/lists/:id', { schema: { tags, summary: '名单记录详情', params: IdParams } }, async (req) => {
      requirePermission(req, 'creditList.read');
      return getListing(ctx, actorOf(req), req.params.id);
    });
    app.post('/api/credit/lists/:id/appeal', { schema: { tags, summary: '企业陈述申辩', params: IdParams, body: AppealInput } }, async (req) => {
      requirePermission(req, 'creditList.appeal');
      return appealListing(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/credit/lists/:id/decide', { schema: { tags, summary: '作出列入或不予列入决定', params: IdParams, body: DecideInput } }, async (req) => {
      requirePermission(req, 'creditList.manage');
      return decideListing(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/credit/lists/:id/remove', { schema: { tags, summary: '移出名单（期满、提前移出或撤销）', params: IdParams, body: RemoveInput } }, async (req) => {
      requirePermission(req, 'creditList.manage');
      return removeListing(ctx, actorOf(req), req.params.id, req.body);
    });
  };
