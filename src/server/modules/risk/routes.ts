import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RuleSet } from '../../../domain/risk/rule-set';
import type { AppContext } from '../../context';
import { actorOf, requirePermission } from '../../plugins/auth';
import { escalateOverdue } from '../alerts/service';
import { enterpriseRisk, getRuleSet, overview, previewRuleSet, recomputeAll, RuleSetUpdate, saveRuleSet } from './service';

const tags = ['风险监测'];

export const riskRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/risk/overview', { schema: { tags, summary: '风险地图、未销号预警（按等级和时长）、趋势' } }, async (req) => {
      requirePermission(req, 'risk.read');
      return overview(ctx, actorOf(req));
    });
    app.get('/api/risk/enterprises/:id', { schema: { tags, summary: '企业风险评分说明（按类型和信号的得分、硬性规则、参保人数）', params: z.object({ id: z.string().min(1) }) } }, async (req) => {
      requirePermission(req, 'risk.read');
      return enterpriseRisk(ctx, actorOf(req), req.params.id);
    });
    app.get('/api/risk/rule-set', { schema: { tags, summary: '当前评分规则及历史版本' } }, async (req) => {
      requirePermission(req, 'risk.read');
      return getRuleSet(ctx);
    });
    app.post('/api/risk/rule-set/preview', { schema: { tags, summary: '预览规则修改：哪些企业的风险等级会变化（不保存）', body: z.object({ rules: RuleSet }) } }, async (req) => {
      requirePermission(req, 'risk.configure');
      return previewRuleSet(ctx, req.body.rules);
    });
    app.put('/api/risk/rule-set', { schema: { tags, summary: '保存评分规则为新版本（审计）并重算', body: RuleSetUpdate } }, async (req) => {
      requirePermission(req, 'risk.configure');
      return saveRuleSet(ctx, actorOf(req), req.body);
    });
    app.post('/api/risk/recompute', { schema: { tags, summary: '全量重算风险评分并检查超时预警' } }, async (req) => {
      requirePermission(req, 'risk.recompute');
      return recomputeAll(ctx, actorOf(req));
    });

    // Escalation of overdue alerts every 10 minutes. Safe with several replicas: each escalation is a
    // conditional update, so a second runner finds nothing to do.
    if (ctx.config.env !== 'test') {
      const timer = setInterval(() => {
        escalateOverdue(ctx.db, ctx.clock.now()).catch((err: unknown) => ctx.log.error({ err }, 'alert escalation failed'));
      }, 10 * 60_000);
      timer.unref();
      app.addHook('onClose', async () => clearInterval(timer));
    }
  };
