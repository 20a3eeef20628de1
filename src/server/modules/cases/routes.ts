import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { fieldError } from '../../errors';
import { PageQuery } from '../../lib/pagination';
import { actorOf, requirePermission } from '../../plugins/auth';
import { addCalendarRows, CalendarAdd, listCalendar } from './deadlines';
import { actOnCase, updateCase } from './actions';
import { createCase } from './intake';
import { getCase, listCases, revealApplicants } from './service';
import { CaseActionInput, CaseCreate, CaseListQuery, CaseUpdate } from './schemas';
import { caseReminders, routingSuggestion } from './queue';
import { caseStatistics, StatsQuery, statisticsWorkbook } from './statistics';

const IdParams = z.object({ id: z.string().min(1) });
const tags = ['劳动争议案件'];

export const caseRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/cases',
      { schema: { tags, summary: '案件列表（按权限范围，含逾期/临期标记）', querystring: CaseListQuery.extend(PageQuery.shape) } },
      async (req) => {
        requirePermission(req, 'case.read');
        return listCases(ctx, actorOf(req), req.query);
      },
    );
    app.post(
      '/api/cases',
      { schema: { tags, summary: '登记或申请调解案件（requestId 防重复提交）', body: CaseCreate } },
      async (req, reply) => {
        requirePermission(req, 'case.create');
        const r = await createCase(ctx, actorOf(req), req.body);
        if (r.replayed) reply.header('idempotent-replayed', 'true');
        reply.status(201);
        return r.body;
      },
    );
    app.get(
      '/api/cases/routing-suggestion',
      {
        schema: {
          tags,
          summary: '按企业所在地、行业和人数建议受理组织',
          querystring: z.object({ respondentUscc: z.string().min(1), applicantCount: z.coerce.number().int().min(1).default(1) }),
        },
      },
      async (req) => {
        requirePermission(req, 'case.create');
        return routingSuggestion(ctx, req.query.respondentUscc, req.query.applicantCount);
      },
    );
    app.get('/api/cases/reminders', { schema: { tags, summary: '临期、逾期案件和待履行协议提醒' } }, async (req) => {
      requirePermission(req, 'case.handle');
      return caseReminders(ctx, actorOf(req));
    });
    app.get(
      '/api/cases/:id',
      { schema: { tags, summary: '案件详情（期限、时间线、文书、协议、abilities）', params: IdParams } },
      async (req) => {
        requirePermission(req, 'case.read');
        return getCase(ctx, actorOf(req), req.params.id);
      },
    );
    app.patch(
      '/api/cases/:id',
      { schema: { tags, summary: '修改案件信息（version 乐观锁）', params: IdParams, body: CaseUpdate } },
      async (req) => {
        requirePermission(req, 'case.handle');
        return updateCase(ctx, actorOf(req), req.params.id, req.body);
      },
    );
    app.post(
      '/api/cases/:id/actions',
      { schema: { tags, summary: '案件流转：受理、移交、不予受理、调解、转仲裁等', params: IdParams, body: CaseActionInput } },
      async (req) => {
        requirePermission(req, 'case.handle');
        return actOnCase(ctx, actorOf(req), req.params.id, req.body);
      },
    );
    app.post(
      '/api/cases/:id/reveal',
      { schema: { tags, summary: '查看申请人完整身份证号和手机号（记入审计日志）', params: IdParams } },
      async (req) => {
        requirePermission(req, 'case.reveal');
        return revealApplicants(ctx, actorOf(req), req.params.id);
      },
    );

    app.get(
      '/api/case-stats',
      { schema: { tags: ['案件统计'], summary: '调解案件统计（按组织、层级、类型、镇街、争议类型、期间）', querystring: StatsQuery } },
      async (req) => {
        requirePermission(req, 'case.stats');
        return caseStatistics(ctx, actorOf(req), req.query);
      },
    );
    app.get(
      '/api/case-stats/export.xlsx',
      { schema: { tags: ['案件统计'], summary: '导出统计表（.xlsx）', querystring: StatsQuery } },
      async (req, reply) => {
        requirePermission(req, 'case.stats');
        const bytes = await statisticsWorkbook(ctx, actorOf(req), req.query);
        reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('调解案件统计.xlsx')}`);
        return reply.send(bytes);
      },
    );

    app.get(
      '/api/calendar',
      {
        schema: {
          tags: ['节假日安排'],
          summary: '法定节假日及调休安排',
          querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        },
      },
      async (req) => {
        requirePermission(req, 'calendar.read');
        return listCalendar(ctx, req.query.year);
      },
    );
    app.post(
      '/api/calendar',
      { schema: { tags: ['节假日安排'], summary: '登记新一年的节假日安排（管理员）', body: CalendarAdd } },
      async (req, reply) => {
        requirePermission(req, 'calendar.manage');
        const years = new Set(req.body.rows.map((r) => r.date.slice(0, 4)));
        if (years.size > 2) throw fieldError('rows', '一次只能登记一个年度的安排');
        reply.status(201);
        return addCalendarRows(ctx, actorOf(req), req.body);
      },
    );
  };
