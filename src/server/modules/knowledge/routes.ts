import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CaseCreate, CaseUpdate, QaCreate, QaUpdate } from '../../../domain/knowledge/entries';
import type { AppContext } from '../../context';
import { isoNow } from '../../lib/clock';
import { PageQuery } from '../../lib/pagination';
import { actorOf, requirePermission } from '../../plugins/auth';
import { KnowledgeEngine } from './engine';
import { importAtFirstStart } from './import';
import {
  EntryListQuery,
  MixedSearchQuery,
  SearchQuery,
  createQa,
  deleteQa,
  getArticle,
  getLaw,
  getQa,
  listLaws,
  listQa,
  searchAll,
  searchArticlesService,
  updateQa,
} from './service';
import { CaseListQuery, createCase, deleteCase, getCase, listCases, updateCase } from './case-service';

const tags = ['法律咨询'];
const IdParams = z.object({ id: z.string().min(1).max(100) });
const LawParams = z.object({ lawId: z.string().min(1).max(100) });
const ArticleParams = LawParams.extend({ no: z.coerce.number({ error: '条号应为数字' }).int('条号应为整数').min(1, '条号应为正整数') });
const VersionQuery = z.object({ version: z.string().max(40).optional() });

/**
 * Legal consultation: public search, law texts and article views; Q&A and typical-case editing
 * for officials. The knowledge base is imported from data/ on the first start.
 */
export const knowledgeRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const report = await importAtFirstStart(ctx.db, isoNow(ctx.clock));
    if (report) ctx.log.info(`知识库已导入：${report.lawsAdded.length} 部法规、${report.articlesAdded} 条条文、${report.qaSeeded} 条问答、${report.casesAdded} 个案例`);
    const engine = new KnowledgeEngine(ctx.db, {
      checkIntervalMs: ctx.config.env === 'test' ? 200 : 3000,
      debounceMs: ctx.config.env === 'test' ? 20 : 500,
      log: ctx.log,
    });
    app.addHook('onClose', async () => engine.close());
    // Build the index in the background at start so the first visitor does not wait for it.
    if (ctx.config.env !== 'test') {
      app.addHook('onReady', async () => {
        void engine.get().catch((err: unknown) => ctx.log.error({ err }, 'knowledge index build failed'));
      });
    }

    const publicRead = { csrf: false, rateLimit: { max: ctx.config.env === 'test' ? 10_000 : 300, timeWindow: '1 minute' } };

    app.get('/api/knowledge/articles/search', { config: publicRead, schema: { tags, summary: '条文检索（公开）', querystring: SearchQuery } }, async (req) =>
      searchArticlesService(engine, req.query),
    );
    app.get(
      '/api/knowledge/search',
      { config: publicRead, schema: { tags, summary: '综合检索：条文、问答、典型案例（公开）', querystring: MixedSearchQuery } },
      async (req) => searchAll(engine, req.query),
    );
    app.get('/api/knowledge/laws', { config: publicRead, schema: { tags, summary: '法规列表（公开）' } }, async () => listLaws(ctx));
    app.get(
      '/api/knowledge/laws/:lawId',
      { config: publicRead, schema: { tags, summary: '法规全文（默认现行版本）', params: LawParams, querystring: VersionQuery } },
      async (req) => getLaw(ctx, req.params.lawId, req.query.version),
    );
    app.get(
      '/api/knowledge/laws/:lawId/articles/:no',
      { config: publicRead, schema: { tags, summary: '条文详情：前后条、引用该条的问答和案例', params: ArticleParams, querystring: VersionQuery } },
      async (req) => getArticle(ctx, engine, req.params.lawId, req.params.no, req.query.version),
    );

    app.get(
      '/api/knowledge/qa',
      { config: publicRead, schema: { tags, summary: '问答列表（公众只见已审核；编辑者可按状态筛选）', querystring: EntryListQuery.extend(PageQuery.shape) } },
      async (req) => listQa(ctx, engine, actorOf(req), req.query),
    );
    app.get('/api/knowledge/qa/:id', { config: publicRead, schema: { tags, summary: '问答详情', params: IdParams } }, async (req) =>
      getQa(ctx, engine, actorOf(req), req.params.id),
    );
    app.post('/api/knowledge/qa', { schema: { tags, summary: '新增问答', body: QaCreate } }, async (req, reply) => {
      requirePermission(req, 'knowledge.edit');
      reply.status(201);
      return createQa(ctx, engine, actorOf(req), req.body);
    });
    app.patch('/api/knowledge/qa/:id', { schema: { tags, summary: '修改问答（含审核状态）', params: IdParams, body: QaUpdate } }, async (req) => {
      requirePermission(req, 'knowledge.edit');
      return updateQa(ctx, engine, actorOf(req), req.params.id, req.body);
    });
    app.delete('/api/knowledge/qa/:id', { schema: { tags, summary: '删除问答', params: IdParams } }, async (req) => {
      requirePermission(req, 'knowledge.edit');
      return deleteQa(ctx, engine, actorOf(req), req.params.id);
    });

    app.get(
      '/api/knowledge/cases',
      { config: publicRead, schema: { tags, summary: '典型案例列表（公众只见已审核；编辑者可按状态、来源筛选）', querystring: CaseListQuery.extend(PageQuery.shape) } },
      async (req) => listCases(ctx, engine, actorOf(req), req.query),
    );
    app.get('/api/knowledge/cases/:id', { config: publicRead, schema: { tags, summary: '典型案例详情', params: IdParams } }, async (req) =>
      getCase(ctx, engine, actorOf(req), req.params.id),
    );
    app.post('/api/knowledge/cases', { schema: { tags, summary: '录入典型案例', body: CaseCreate } }, async (req, reply) => {
      requirePermission(req, 'knowledge.edit');
      reply.status(201);
      return createCase(ctx, engine, actorOf(req), req.body);
    });
    app.patch('/api/knowledge/cases/:id', { schema: { tags, summary: '修改或审核手工录入的典型案例', params: IdParams, body: CaseUpdate } }, async (req) => {
      requirePermission(req, 'knowledge.edit');
      return updateCase(ctx, engine, actorOf(req), req.params.id, req.body);
    });
    app.delete('/api/knowledge/cases/:id', { schema: { tags, summary: '删除手工录入的典型案例', params: IdParams } }, async (req) => {
      requirePermission(req, 'knowledge.edit');
      return deleteCase(ctx, engine, actorOf(req), req.params.id);
    });
  };
