import multipart from '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { fieldError } from '../../errors';
import { PageQuery } from '../../lib/pagination';
import { actorOf, requirePermission } from '../../plugins/auth';
import { renewContract } from '../negotiations/service';
import { contractCoverage, expiringContracts, listMinimumWages, setMinimumWage } from './coverage';
import { ContractCreate, ContractListQuery, ContractReview, ContractSubmit, ContractUpdate, CoverageQuery, ExpiringQuery, MinimumWageSet } from './schemas';
import { createContract, downloadContractFile, enterpriseOptions, getContract, listContracts, MAX_FILE_BYTES, updateContract, uploadContractFile } from './service';
import { dismissReminder, listReminders, ReminderQuery } from './reminders';
import { reviewContract, reviewLetter, submitContract, withdrawContract } from './workflow';

const IdParams = z.object({ id: z.string().min(1) });
const tags = ['集体合同'];

export function sendFile(reply: FastifyReply, file: { data: Buffer; name: string; mime: string }) {
  return reply
    .header('content-type', file.mime)
    .header('content-disposition', `attachment; filename="${encodeURIComponent(file.name)}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .send(file.data);
}
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const contractRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5 } });

    app.get('/api/collective-contracts', { schema: { tags, summary: '集体合同列表与全文检索（q）', querystring: ContractListQuery.extend(PageQuery.shape) } }, async (req) => {
      requirePermission(req, 'contract.read');
      return listContracts(ctx, actorOf(req), req.query);
    });
    app.post('/api/collective-contracts', { schema: { tags, summary: '登记集体合同（企业、区域性、行业性）', body: ContractCreate } }, async (req, reply) => {
      requirePermission(req, 'contract.manage');
      reply.status(201);
      return createContract(ctx, actorOf(req), req.body);
    });
    app.get('/api/collective-contracts/expiring', { schema: { tags, summary: '即将到期的集体合同（days 天内）', querystring: ExpiringQuery.extend(PageQuery.shape) } }, async (req) => {
      requirePermission(req, 'contract.read');
      const { days, ...page } = req.query;
      return expiringContracts(ctx, actorOf(req), days, page);
    });
    app.get('/api/collective-contracts/reminders', { schema: { tags, summary: '续签提醒（定时任务生成：期满前3个月、期满未续签）', querystring: ReminderQuery.extend(PageQuery.shape) } }, async (req) => {
      requirePermission(req, 'contract.read');
      return listReminders(ctx, actorOf(req), req.query);
    });
    app.post('/api/collective-contracts/reminders/:id/dismiss', { schema: { tags, summary: '标记续签提醒已处理', params: IdParams } }, async (req) => {
      requirePermission(req, 'contract.manage');
      return dismissReminder(ctx, actorOf(req), req.params.id);
    });
    app.get('/api/collective-contracts/coverage', { schema: { tags, summary: '集体合同覆盖情况（按街道、园区、行业）', querystring: CoverageQuery } }, async (req) => {
      requirePermission(req, 'contract.coverage');
      return contractCoverage(ctx, actorOf(req), req.query);
    });
    app.get('/api/collective-contracts/enterprise-options', { schema: { tags, summary: '可登记合同的企业（按权限范围，名称检索）', querystring: z.object({ q: z.string().trim().max(50).optional() }) } }, async (req) => {
      requirePermission(req, 'contract.manage');
      return enterpriseOptions(ctx, actorOf(req), req.query.q);
    });
    app.get('/api/collective-contracts/:id', { schema: { tags, summary: '集体合同详情（含文本与条款审查）', params: IdParams } }, async (req) => {
      requirePermission(req, 'contract.read');
      return getContract(ctx, actorOf(req), req.params.id);
    });
    app.patch('/api/collective-contracts/:id', { schema: { tags, summary: '修改合同信息（待报送或有异议时）', params: IdParams, body: ContractUpdate } }, async (req) => {
      requirePermission(req, 'contract.manage');
      return updateContract(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/collective-contracts/:id/file', { schema: { tags, summary: '上传合同文本（.docx/.pdf，multipart 字段 file）', params: IdParams, consumes: ['multipart/form-data'] } }, async (req) => {
      requirePermission(req, 'contract.manage');
      if (!req.isMultipart()) throw fieldError('file', '请以 multipart/form-data 上传文件（字段名 file）');
      const file = await req.file();
      if (!file || file.fieldname !== 'file') throw fieldError('file', '请选择要上传的文件');
      const data = await file.toBuffer();
      if (file.file.truncated) throw fieldError('file', '文件不能超过10MB');
      return uploadContractFile(ctx, actorOf(req), req.params.id, file.filename, data);
    });
    app.get('/api/collective-contracts/:id/file', { schema: { tags, summary: '下载合同文本原件', params: IdParams } }, async (req, reply) => {
      requirePermission(req, 'contract.read');
      return sendFile(reply, await downloadContractFile(ctx, actorOf(req), req.params.id));
    });
    app.post('/api/collective-contracts/:id/submit', { schema: { tags, summary: '报送劳动行政部门审查（开始15日审查期）', params: IdParams, body: ContractSubmit } }, async (req) => {
      requirePermission(req, 'contract.manage');
      return submitContract(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/collective-contracts/:id/review', { schema: { tags, summary: '审查：无异议或提出异议（仅人社局，15日内）', params: IdParams, body: ContractReview } }, async (req) => {
      requirePermission(req, 'contract.review');
      return reviewContract(ctx, actorOf(req), req.params.id, req.body);
    });
    app.post('/api/collective-contracts/:id/withdraw', { schema: { tags, summary: '撤回合同', params: IdParams } }, async (req) => {
      requirePermission(req, 'contract.manage');
      return withdrawContract(ctx, actorOf(req), req.params.id);
    });
    app.get('/api/collective-contracts/:id/review-letter.docx', { schema: { tags, summary: '审查意见书（.docx）', params: IdParams } }, async (req, reply) => {
      requirePermission(req, 'contract.read');
      const r = await reviewLetter(ctx, actorOf(req), req.params.id);
      return sendFile(reply, { ...r, mime: DOCX });
    });
    app.post('/api/collective-contracts/:id/renew', { schema: { tags, summary: '以原合同为基础发起续签协商', params: IdParams } }, async (req, reply) => {
      requirePermission(req, 'negotiation.manage');
      reply.status(201);
      return renewContract(ctx, actorOf(req), req.params.id);
    });

    app.get('/api/minimum-wages', { schema: { tags, summary: '各地最低工资标准' } }, async (req) => {
      requirePermission(req, 'minimumWage.read');
      return listMinimumWages(ctx);
    });
    app.put('/api/minimum-wages', { schema: { tags, summary: '设置某区域的最低工资标准', body: MinimumWageSet } }, async (req) => {
      requirePermission(req, 'minimumWage.manage');
      return setMinimumWage(ctx, actorOf(req), req.body);
    });
  };
