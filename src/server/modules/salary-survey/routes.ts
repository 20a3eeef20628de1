import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { badRequest } from '../../errors';
import { PageQuery } from '../../lib/pagination';
import { actorOf, requirePermission } from '../../plugins/auth';
import { ResultsQuery, surveyProgress, wageLevels, YearQuery } from './results';
import { AcceptBody, acceptForm, createRound, FormCreate, FormListQuery, formForExport, FormSave, getForm, listForms, listRounds, openForm, ReturnBody, returnForm, RoundCreate, saveForm, submitForm } from './service';
import { parseSurveyWorkbook, resultsWorkbook, surveyWorkbook, XLSX_TYPE } from './xlsx';

const IdParams = z.object({ id: z.string().min(1) });
const tags = ['企业服务·薪酬调查'];
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

export const salarySurveyRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // .xlsx uploads arrive as the raw file body (scoped to this plugin).
    app.addContentTypeParser([XLSX_TYPE, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 }, (_req, body, done) => done(null, body));

    app.get('/api/salary-survey/rounds', { schema: { tags, summary: '年度调查（最低工资标准、公布门槛、样本范围、截止日期）' } }, async (req) => {
      requirePermission(req, 'salarySurvey.read');
      return listRounds(ctx, actorOf(req));
    });
    app.post('/api/salary-survey/rounds', { schema: { tags, summary: '开启年度调查', body: RoundCreate } }, async (req, reply) => {
      requirePermission(req, 'salarySurvey.configure');
      reply.status(201);
      return createRound(ctx, actorOf(req), req.body);
    });
    app.get('/api/salary-survey/template.xlsx', { schema: { tags, summary: '导入模板（.xlsx）' } }, async (req, reply) => {
      requirePermission(req, 'salarySurvey.read');
      reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment('企业薪酬调查导入模板.xlsx'));
      return reply.send(await surveyWorkbook(null, '企业薪酬调查导入模板：请勿修改工作表名称和A列指标名称'));
    });
    app.get('/api/salary-survey/forms', { schema: { tags, summary: '调查表（企业看本企业，工作人员看本区域）', querystring: FormListQuery.extend(PageQuery.shape) } }, async (req) => {
      requirePermission(req, 'salarySurvey.read');
      return listForms(ctx, actorOf(req), req.query);
    });
    app.post('/api/salary-survey/forms', { schema: { tags, summary: '打开本企业某年度调查表（首次自动创建草稿）', body: FormCreate } }, async (req) => {
      requirePermission(req, 'salarySurvey.fill');
      return openForm(ctx, actorOf(req), req.body);
    });
    app.get('/api/salary-survey/forms/:id', { schema: { tags, summary: '调查表详情、校验结果与审核记录', params: IdParams } }, async (req) => {
      requirePermission(req, 'salarySurvey.read');
      return getForm(ctx, actorOf(req), req.params.id);
    });
    app.put('/api/salary-survey/forms/:id', { schema: { tags, summary: '保存（返回逐项校验结果）', params: IdParams, body: FormSave } }, async (req) => {
      requirePermission(req, 'salarySurvey.fill');
      return saveForm(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/salary-survey/forms/:id/import', { schema: { tags, summary: '从 .xlsx 导入（请求体为文件内容）', params: IdParams } }, async (req) => {
      requirePermission(req, 'salarySurvey.fill');
      if (!Buffer.isBuffer(req.body)) throw badRequest('请上传 .xlsx 文件（Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet）', [{ field: 'file', message: '请上传 .xlsx 文件' }]);
      const current = await getForm(ctx, actorOf(req), req.params.id);
      const data = await parseSurveyWorkbook(req.body);
      return saveForm(ctx, actorOf(req), req.params.id, { data, version: current.version });
    });
    app.get('/api/salary-survey/forms/:id/export.xlsx', { schema: { tags, summary: '导出调查表（.xlsx，可修改后再导入）', params: IdParams } }, async (req, reply) => {
      requirePermission(req, 'salarySurvey.read');
      const f = await formForExport(ctx, actorOf(req), req.params.id);
      reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment(`${f.year}年度企业薪酬调查表.xlsx`));
      return reply.send(await surveyWorkbook(f.data, `${f.year}年度企业薪酬调查表`));
    });
    app.post('/api/salary-survey/forms/:id/submit', { schema: { tags, summary: '提交审核（有错误时返回400并列出字段）', params: IdParams } }, async (req) => {
      requirePermission(req, 'salarySurvey.fill');
      return submitForm(ctx, actorOf(req), req.params.id);
    });
    app.post('/api/salary-survey/forms/:id/return', { schema: { tags, summary: '退回修改（须填原因）', params: IdParams, body: ReturnBody } }, async (req) => {
      requirePermission(req, 'salarySurvey.review');
      return returnForm(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/salary-survey/forms/:id/accept', { schema: { tags, summary: '审核通过', params: IdParams, body: AcceptBody } }, async (req) => {
      requirePermission(req, 'salarySurvey.review');
      return acceptForm(ctx, actorOf(req), req.params.id, req.body);
    });
    app.get('/api/salary-survey/progress', { schema: { tags, summary: '按街道的填报进度', querystring: YearQuery } }, async (req) => {
      requirePermission(req, 'salarySurvey.review');
      return surveyProgress(ctx, actorOf(req), req.query.year);
    });
    app.get('/api/salary-survey/results', { schema: { tags, summary: '工资价位：按行业和职业的 P10/P25/P50/P75/P90（少于公布门槛的不公布）', querystring: ResultsQuery } }, async (req) => {
      requirePermission(req, 'salarySurvey.results');
      return wageLevels(ctx, actorOf(req), req.query);
    });
    app.get('/api/salary-survey/results.xlsx', { schema: { tags, summary: '导出工资价位（.xlsx）', querystring: ResultsQuery } }, async (req, reply) => {
      requirePermission(req, 'salarySurvey.results');
      const r = await wageLevels(ctx, actorOf(req), req.query);
      reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment(`${r.year}年度企业工资价位.xlsx`));
      return reply.send(await resultsWorkbook(r.year, r.cells, r.minEnterprises));
    });
  };
