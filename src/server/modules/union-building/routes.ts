import { assessmentSummary } from './assessment-summary';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { fieldError } from '../../errors';
import { PageQuery } from '../../lib/pagination';
import { actorOf, requirePermission } from '../../plugins/auth';
import { sendFile } from '../contracts/routes';
import { createIndicator, importScores, listIndicators, listScores, scoresTemplate, setScores, updateIndicator } from './assessment';
import { IndicatorCreate, IndicatorUpdate, PipelineQuery, PipelineUpdate, ScoresQuery, ScoresSet, SummaryQuery, TargetsSet } from './schemas';
import { listWithoutUnion, setTargets, unionBuildingSummary, updatePipeline } from './service';

const tags = ['建会推进'];
const Year = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const unionBuildingRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(multipart, { limits: { fileSize: 5 * 1024 * 1024, files: 1 } });

    app.get('/api/union-building/enterprises', { schema: { tags, summary: '未建会企业（来自企业库，含新注册企业）及建会进度', querystring: PipelineQuery.extend(PageQuery.shape) } }, async (req) => {
      requirePermission(req, 'unionBuilding.read');
      return listWithoutUnion(ctx, actorOf(req), req.query);
    });
    app.put('/api/union-building/enterprises/:enterpriseId', { schema: { tags, summary: '更新建会进度（未启动 → 筹建 → 已建会）', params: z.object({ enterpriseId: z.string().min(1) }), body: PipelineUpdate } }, async (req) => {
      requirePermission(req, 'unionBuilding.manage');
      return updatePipeline(ctx, actorOf(req), req.params.enterpriseId, req.body);
    });
    app.get('/api/union-building/summary', { schema: { tags, summary: '按街道/园区统计：未建会、筹建中、年度新建会与目标', querystring: SummaryQuery } }, async (req) => {
      requirePermission(req, 'unionBuilding.read');
      return unionBuildingSummary(ctx, actorOf(req), req.query);
    });
    app.put('/api/union-building/targets', { schema: { tags, summary: '设置年度新建工会目标（按街道/镇）', body: TargetsSet } }, async (req) => {
      requirePermission(req, 'unionBuilding.manage');
      return setTargets(ctx, actorOf(req), req.body);
    });

    const atags = ['工会年度考核'];
    app.get('/api/union-assessment/indicators', { schema: { tags: atags, summary: '考核指标' } }, async (req) => {
      requirePermission(req, 'unionAssessment.read');
      return listIndicators(ctx, actorOf(req));
    });
    app.post('/api/union-assessment/indicators', { schema: { tags: atags, summary: '新增考核指标', body: IndicatorCreate } }, async (req, reply) => {
      requirePermission(req, 'unionAssessment.manage');
      reply.status(201);
      return createIndicator(ctx, actorOf(req), req.body);
    });
    app.patch('/api/union-assessment/indicators/:id', { schema: { tags: atags, summary: '修改或停用考核指标', params: z.object({ id: z.string() }), body: IndicatorUpdate } }, async (req) => {
      requirePermission(req, 'unionAssessment.manage');
      return updateIndicator(ctx, actorOf(req), req.params.id, req.body);
    });
    app.get('/api/union-assessment/summary', { schema: { tags: atags, summary: '工会年度考核汇总（平均分、等次分布，按街道/镇）', querystring: Year } }, async (req) => {
      requirePermission(req, 'unionAssessment.read');
      return assessmentSummary(ctx, actorOf(req), req.query.year);
    });
    app.get('/api/union-assessment/scores', { schema: { tags: atags, summary: '企业工会年度考核得分', querystring: ScoresQuery.extend(PageQuery.shape) } }, async (req) => {
      requirePermission(req, 'unionAssessment.read');
      return listScores(ctx, actorOf(req), req.query);
    });
    app.put('/api/union-assessment/scores', { schema: { tags: atags, summary: '录入一家企业工会的年度得分', body: ScoresSet } }, async (req) => {
      requirePermission(req, 'unionAssessment.manage');
      return setScores(ctx, actorOf(req), req.body);
    });
    app.get('/api/union-assessment/template.xlsx', { schema: { tags: atags, summary: '得分导入模板（.xlsx）', querystring: Year } }, async (req, reply) => {
      requirePermission(req, 'unionAssessment.manage');
      const data = await scoresTemplate(ctx, actorOf(req), req.query.year);
      return sendFile(reply, { data, name: `工会年度考核-${req.query.year}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    });
    app.post('/api/union-assessment/import', { schema: { tags: atags, summary: '从 Excel 导入年度得分（multipart 字段 file）', querystring: Year, consumes: ['multipart/form-data'] } }, async (req) => {
      requirePermission(req, 'unionAssessment.manage');
      if (!req.isMultipart()) throw fieldError('file', '请以 multipart/form-data 上传文件（字段名 file）');
      const file = await req.file();
      if (!file) throw fieldError('file', '请选择要上传的文件');
      return importScores(ctx, actorOf(req), req.query.year, await file.toBuffer());
    });
  };
