import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import websocket from '@fastify/websocket';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config';
import type { AppContext } from './context';
import { migrateToLatest, openDatabase, type DatabaseHandle } from './db';
import { systemClock, type Clock } from './lib/clock';
import { registerAuth } from './plugins/auth';
import { registerErrorHandler } from './plugins/error-handler';
import { LogSmsProvider, type SmsProvider } from './sms/provider';
import { LocalFileStore, type FileStore } from './storage';
import { apiKeyRoutes } from './modules/api-keys/routes';
import { auditRoutes } from './modules/audit/routes';
import { authRoutes } from './modules/auth/routes';
import { healthRoutes } from './modules/health/routes';
import { identifierRoutes } from './modules/identifiers/routes';
import { regionRoutes } from './modules/regions/routes';
import { userRoutes } from './modules/users/routes';
import { workspaceRoutes } from './modules/workspace/routes';
import { indicatorRoutes } from './modules/indicators/routes';
import { planRoutes } from './modules/plans/routes';
import { reportRoutes } from './modules/reports/routes';
import { contractRoutes } from './modules/contracts/routes';
import { negotiationRoutes } from './modules/negotiations/routes';
import { unionBuildingRoutes } from './modules/union-building/routes';
import { enterpriseRoutes } from './modules/enterprises/routes';
import { enterpriseImportRoutes } from './modules/enterprises/import/routes';
import { dashboardRoutes } from './modules/enterprises/dashboard-routes';
import { calculatorRoutes } from './modules/calculators/routes';
import { knowledgeRoutes } from './modules/knowledge/routes';
import { outreachRoutes } from './modules/outreach/routes';
import { policyRoutes } from './modules/policies/routes';
import { cultivationRoutes } from './modules/cultivation/routes';
import { selfCheckRoutes } from './modules/self-check/routes';
import { salarySurveyRoutes } from './modules/salary-survey/routes';
import { signalRoutes } from './modules/signals/routes';
import { riskRoutes } from './modules/risk/routes';
import { alertRoutes } from './modules/alerts/routes';
import { caseRoutes } from './modules/cases/routes';
import { caseRecordRoutes } from './modules/cases/routes-records';
import { mediationOrgRoutes } from './modules/mediation-orgs/routes';

import { registerCaseSignalHook } from './modules/signals/case-hook';
import { registerComplaintSignalHook } from './modules/signals/complaint-hook';
import { registerCreditRiskHook } from './modules/risk/credit-hook';
import { rosterRoutes } from './modules/rosters/routes';
import { mediatorDevRoutes } from './modules/mediator-dev/routes';
import { creditRoutes } from './modules/credit/routes';
import { complaintRoutes } from './modules/complaints/routes';
import { creditListRoutes } from './modules/credit-lists/routes';
import { inspectionRoutes } from './modules/inspections/routes';
import { wageRoutes } from './modules/wage-arrears/routes';
import { registerWageSignalHook } from './modules/signals/wage-hook';
import { portalRoutes } from './modules/portal/routes';
import { registerPortalHooks } from './modules/portal/inbox';
import { sessionRoutes } from './modules/sessions/routes';

// Chinese default messages for every zod schema (field-specific messages override them).
z.config(z.locales.zhCN());

export interface BuildOptions {
  clock?: Clock;
  sms?: SmsProvider;
  files?: FileStore;
  /** Use an already open database (tests, CLI) instead of opening config.database. */
  database?: DatabaseHandle;
  migrate?: boolean;
}

export interface BuiltApp {
  app: FastifyInstance;
  ctx: AppContext;
  database: DatabaseHandle;
  close(): Promise<void>;
}

/** Builds the whole platform (API + web) — used by the server entry and by every API test. */
export async function buildApp(config: Config, opts: BuildOptions = {}): Promise<BuiltApp> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    trustProxy: true,
    bodyLimit: 10 * 1024 * 1024,
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const database = opts.database ?? openDatabase(config.database);
  if (opts.migrate !== false) await migrateToLatest(database.db);
  const sms = opts.sms ?? new LogSmsProvider(app.log);
  if (config.env === 'production' && !sms.productionReady) {
    app.log.warn('未配置正式短信服务：生产模式下手机验证码登录不可用（开发短信通道已被拒绝）');
  }
  const ctx: AppContext = { db: database.db, dbKind: database.kind, config, clock: opts.clock ?? systemClock, sms, log: app.log, files: opts.files ?? new LocalFileStore(config.filesDir) };

  registerCaseSignalHook();
  registerComplaintSignalHook();
  registerWageSignalHook();
  registerCreditRiskHook();
  registerPortalHooks();
  registerErrorHandler(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: '和谐 · 劳动关系公共服务平台 API', version: '0.1.0', description: '所有接口以 /api 为前缀；错误格式 { error: { code, message, fields } }。' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'hexie_session' },
          apiKey: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  registerAuth(app, ctx);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  const moduleRoutes = [
    healthRoutes,
    authRoutes,
    userRoutes,
    apiKeyRoutes,
    auditRoutes,
    regionRoutes,
    identifierRoutes,
    workspaceRoutes,
    planRoutes,
    indicatorRoutes,
    reportRoutes,
    contractRoutes,
    negotiationRoutes,
    unionBuildingRoutes,
    enterpriseRoutes,
    enterpriseImportRoutes,
    dashboardRoutes,
    knowledgeRoutes,
    calculatorRoutes,
    outreachRoutes,
    policyRoutes,
    cultivationRoutes,
    selfCheckRoutes,
    salarySurveyRoutes,
    signalRoutes,
    riskRoutes,
    alertRoutes,
    caseRoutes,
    mediationOrgRoutes,
    rosterRoutes,
    mediatorDevRoutes,
    creditRoutes,
    complaintRoutes,
    creditListRoutes,
    inspectionRoutes,
    wageRoutes,
    portalRoutes,
    sessionRoutes,
  ];
  for (const routes of moduleRoutes) {
    await app.register(routes(ctx));
  }
  await app.register(caseRecordRoutes(ctx, ctx.files));

  // The built web app, with client-side routes falling back to index.html; unknown /api paths are 404 JSON.
  const webDir = path.resolve(config.webDir);
  const hasWeb = fs.existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDir, wildcard: false, index: 'index.html' });
  app.setNotFoundHandler((req, reply) => {
    if (hasWeb && req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
    return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `接口不存在：${req.method} ${req.url.split('?')[0]}` } });
  });

  return {
    app,
    ctx,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
