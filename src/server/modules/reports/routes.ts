import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { actorOf, requirePermission } from '../../plugins/auth';
import { sendFile } from '../plans/routes';
import { addFinding, closeRound, createRound, FindingInput, getRoundDetail, listRounds, roundSummaryDocx, RoundCreate, scoreIndicator, ScoreInput } from './evaluation';
import { downloadWorkReport, generateWorkReport, listWorkReports, WorkReportCreate } from './service';

const IdParams = z.object({ id: z.string().min(1) });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const reportRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['统计分析与评估'];
    app.get('/api/work-reports', { schema: { tags, summary: '定期工作报告（月报、季报、年报）' } }, async (req) => {
      requirePermission(req, 'workReport.read');
      return listWorkReports(ctx, actorOf(req));
    });
    app.post('/api/work-reports', { schema: { tags, summary: '立即生成工作报告（.docx：指标、图表、逾期任务）', body: WorkReportCreate } }, async (req, reply) => {
      requirePermission(req, 'workReport.generate');
      reply.status(201);
      return generateWorkReport(ctx, actorOf(req), req.body);
    });
    app.get('/api/work-reports/:id/file', { schema: { tags, summary: '下载工作报告', params: IdParams } }, async (req, reply) => {
      requirePermission(req, 'workReport.read');
      return sendFile(reply, await downloadWorkReport(ctx, actorOf(req), req.params.id), DOCX);
    });
    app.get('/api/evaluations', { schema: { tags, summary: '综合试验区评估' } }, async (req) => {
      requirePermission(req, 'evaluation.manage');
      return listRounds(ctx, actorOf(req));
    });
    app.post('/api/evaluations', { schema: { tags, summary: '发起评估', body: RoundCreate } }, async (req, reply) => {
      requirePermission(req, 'evaluation.manage');
      reply.status(201);
      return createRound(ctx, actorOf(req), req.body);
    });
    app.get('/api/evaluations/:id', { schema: { tags, summary: '评估详情（指标、评分、意见）', params: IdParams } }, async (req) => {
      requirePermission(req, 'evaluation.manage');
      return getRoundDetail(ctx, actorOf(req), req.params.id);
    });
    app.post('/api/evaluations/:id/scores', { schema: { tags, summary: '评审人为指标评分', params: IdParams, body: ScoreInput } }, async (req) => {
      requirePermission(req, 'evaluation.score');
      return scoreIndicator(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/evaluations/:id/findings', { schema: { tags, summary: '提出评估意见', params: IdParams, body: FindingInput } }, async (req, reply) => {
      requirePermission(req, 'evaluation.score');
      reply.status(201);
      return addFinding(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/evaluations/:id/close', { schema: { tags, summary: '结束评估', params: IdParams } }, async (req) => {
      requirePermission(req, 'evaluation.manage');
      return closeRound(ctx, actorOf(req), req.params.id);
    });
    app.get('/api/evaluations/:id/summary.docx', { schema: { tags, summary: '评估总结报告（.docx）', params: IdParams } }, async (req, reply) => {
      requirePermission(req, 'evaluation.manage');
      return sendFile(reply, await roundSummaryDocx(ctx, actorOf(req), req.params.id), DOCX);
    });
  };
