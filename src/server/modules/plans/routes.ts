import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { badRequest, fieldError } from '../../errors';
import { PageQuery } from '../../lib/pagination';
import { actorOf, requirePermission, requireUser } from '../../plugins/auth';
import { exportDivisionDocx, exportDivisionXlsx, parseDivisionWorkbook } from './io';
import { createReport, downloadAttachment, generateReminders, listMyReminders, listReports, MAX_ATTACHMENT_BYTES, reviewReport, uploadAttachment } from './progress';
import { addSection, addTask, deleteTask, updatePlan, updateSection, updateTask } from './editing';
import { PlanCreate, PlanListQuery, PlanPatch, ReportCreate, ReviewInput, SectionCreate, SectionPatch, TaskCreate, TaskListQuery, TaskPatch, VersionQuery } from './schemas';
import { createPlan, getPlan, listPlans, listTasks, taskSummaryByUnit } from './service';
import { can } from '../../../domain/access/policy';
import { forbidden } from '../../errors';

const IdParams = z.object({ id: z.string().min(1) });
const tags = ['方案与任务'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Plans are read by region officials and by the units that work on their tasks. */
function requirePlanUser(req: FastifyRequest) {
  const p = requireUser(req);
  if (!can(p, 'plan.read') && !can(p, 'plan.report')) throw forbidden();
  return p;
}

export function sendFile(reply: FastifyReply, file: { name: string; data: Buffer }, type: string) {
  reply.header('content-type', type);
  reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
  return reply.send(file.data);
}

async function readUpload(req: FastifyRequest) {
  if (!req.isMultipart()) throw fieldError('file', '请以 multipart/form-data 上传文件');
  const part = await req.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES } });
  if (!part) throw fieldError('file', '请选择文件');
  const data = await part.toBuffer().catch(() => {
    throw fieldError('file', '文件不能超过10MB');
  });
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(part.fields)) {
    const f = Array.isArray(v) ? v[0] : v;
    if (f && f.type === 'field') fields[k] = String(f.value);
  }
  return { filename: part.filename, mimetype: part.mimetype, data, fields };
}

export const planRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });

    app.get('/api/plans', { schema: { tags, summary: '方案列表（本区域及本单位参与的方案）', querystring: PlanListQuery.extend(PageQuery.shape) } }, async (req) => {
      requirePlanUser(req);
      return listPlans(ctx, actorOf(req), req.query);
    });
    app.post('/api/plans', { schema: { tags, summary: '创建方案（重点任务、具体措施、牵头与配合单位、阶段目标）', body: PlanCreate } }, async (req, reply) => {
      requirePermission(req, 'plan.manage');
      reply.status(201);
      return createPlan(ctx, actorOf(req), req.body);
    });
    app.post('/api/plans/import', { schema: { tags, summary: '从任务分工表（.xlsx）导入方案', consumes: ['multipart/form-data'] } }, async (req, reply) => {
      const p = requirePermission(req, 'plan.manage');
      const up = await readUpload(req);
      if (!/\.xlsx$/i.test(up.filename)) throw fieldError('file', '请上传 .xlsx 格式的任务分工表');
      const regionId = up.fields.regionId || p.regionId;
      if (!/^\d{6,12}$/.test(regionId)) throw badRequest('区域编码格式不正确', [{ field: 'regionId', message: '区域编码格式不正确' }]);
      const input = await parseDivisionWorkbook(ctx, up.data, { title: up.fields.title?.trim() || undefined, regionId });
      reply.status(201);
      const parsed = PlanCreate.safeParse(input);
      if (!parsed.success) throw badRequest('任务分工表内容不完整', parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
      return createPlan(ctx, actorOf(req), parsed.data, 'plan.import');
    });
    app.get('/api/plans/:id', { schema: { tags, summary: '方案详情（含任务状态）', params: IdParams } }, async (req) => {
      requirePlanUser(req);
      return getPlan(ctx, actorOf(req), req.params.id);
    });
    app.patch('/api/plans/:id', { schema: { tags, summary: '修改方案基本信息（须带版本号，版本不符返回409）', params: IdParams, body: PlanPatch } }, async (req) => {
      requirePermission(req, 'plan.manage');
      return updatePlan(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/plans/:id/sections', { schema: { tags, summary: '新增重点任务', params: IdParams, body: SectionCreate } }, async (req, reply) => {
      requirePermission(req, 'plan.manage');
      reply.status(201);
      return addSection(ctx, actorOf(req), req.params.id, req.body);
    });
    app.patch('/api/plan-sections/:id', { schema: { tags, summary: '修改重点任务', params: IdParams, body: SectionPatch } }, async (req) => {
      requirePermission(req, 'plan.manage');
      return updateSection(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/plans/:id/tasks', { schema: { tags, summary: '新增具体措施（任务）及其阶段目标', params: IdParams, body: TaskCreate } }, async (req, reply) => {
      requirePermission(req, 'plan.manage');
      reply.status(201);
      return addTask(ctx, actorOf(req), req.params.id, req.body);
    });
    app.patch('/api/plan-tasks/:id', { schema: { tags, summary: '修改任务（措施、牵头与配合单位、时限、阶段目标）', params: IdParams, body: TaskPatch } }, async (req) => {
      requirePermission(req, 'plan.manage');
      return updateTask(ctx, actorOf(req), req.params.id, req.body);
    });
    app.delete('/api/plan-tasks/:id', { schema: { tags, summary: '删除尚无进展报告的任务（?version=方案版本号）', params: IdParams, querystring: VersionQuery } }, async (req) => {
      requirePermission(req, 'plan.manage');
      return deleteTask(ctx, actorOf(req), req.params.id, req.query.version);
    });
    app.get('/api/plans/:id/division.docx', { schema: { tags, summary: '导出任务分工表（Word，综合试验区模板版式）', params: IdParams } }, async (req, reply) => {
      requirePermission(req, 'plan.read');
      return sendFile(reply, await exportDivisionDocx(ctx, actorOf(req), req.params.id), DOCX);
    });
    app.get('/api/plans/:id/division.xlsx', { schema: { tags, summary: '导出任务分工表（Excel，可再导入）', params: IdParams } }, async (req, reply) => {
      requirePermission(req, 'plan.read');
      return sendFile(reply, await exportDivisionXlsx(ctx, actorOf(req), req.params.id), XLSX);
    });
    app.get('/api/plan-tasks', { schema: { tags, summary: '任务列表（mine=true 为本单位牵头或配合的任务）', querystring: TaskListQuery.extend(PageQuery.shape) } }, async (req) => {
      requirePlanUser(req);
      return listTasks(ctx, actorOf(req), req.query);
    });
    app.get('/api/plan-tasks/summary', { schema: { tags, summary: '任务完成情况（按牵头单位）与逾期任务', querystring: z.object({ regionId: z.string().regex(/^\d{6,12}$/).optional() }) } }, async (req) => {
      const p = requirePermission(req, 'plan.read');
      return taskSummaryByUnit(ctx, actorOf(req), req.query.regionId ?? p.regionId);
    });
    app.get('/api/plan-tasks/:id/reports', { schema: { tags, summary: '任务的进展报告', params: IdParams } }, async (req) => {
      requirePlanUser(req);
      return listReports(ctx, actorOf(req), req.params.id);
    });
    app.post('/api/plan-tasks/:id/attachments', { schema: { tags, summary: '上传进展材料附件（先上传，再随报告提交）', params: IdParams, consumes: ['multipart/form-data'] } }, async (req, reply) => {
      requirePermission(req, 'plan.report');
      const up = await readUpload(req);
      reply.status(201);
      return uploadAttachment(ctx, actorOf(req), req.params.id, up);
    });
    app.post('/api/plan-tasks/:id/reports', { schema: { tags, summary: '报送任务进展（文字、数据、附件）', params: IdParams, body: ReportCreate } }, async (req, reply) => {
      requirePermission(req, 'plan.report');
      reply.status(201);
      return createReport(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/progress-reports/:id/review', { schema: { tags, summary: '牵头单位审核进展报告（通过/退回）', params: IdParams, body: ReviewInput } }, async (req) => {
      requirePermission(req, 'plan.approve');
      return reviewReport(ctx, actorOf(req), req.params.id, req.body);
    });
    app.get('/api/progress-reports/:id/attachments/:index', { schema: { tags, summary: '下载进展材料附件', params: z.object({ id: z.string(), index: z.coerce.number().int().min(0) }) } }, async (req, reply) => {
      requirePlanUser(req);
      const a = await downloadAttachment(ctx, actorOf(req), req.params.id, req.params.index);
      return sendFile(reply, { name: a.name, data: a.data }, a.contentType);
    });
    app.get('/api/plan-reminders', { schema: { tags, summary: '本单位任务的到期提醒' } }, async (req) => {
      requirePlanUser(req);
      return listMyReminders(ctx, actorOf(req));
    });
    app.post('/api/plan-reminders/generate', { schema: { tags, summary: '立即生成到期提醒（定时任务每日自动执行）' } }, async (req) => {
      requirePermission(req, 'plan.manage');
      return { created: await generateReminders(ctx) };
    });
  };
