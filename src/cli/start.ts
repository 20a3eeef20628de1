import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { PLAN_JOBS } from '../server/jobs/plan-jobs';
import { runJobOnce, startScheduler } from '../server/jobs/scheduler';
import { CASE_JOBS } from '../server/jobs/case-jobs';
import { CONTRACT_JOBS } from '../server/jobs/contract-jobs';
import { WAGE_JOBS } from '../server/jobs/wage-jobs';
import { RISK_JOBS } from '../server/jobs/risk-jobs';
import { DEMO_PASSWORD, DEMO_PROVIDER_KEY, isEmpty, seedDemo } from '../server/seed/insert-demo';

// `npm start`: migrate, seed the demo data on an empty database (unless HEXIE_DEMO=0 or production), serve.
async function main(): Promise<void> {
  const config = loadConfig(process.env, { demo: true });
  const { app, database, ctx } = await buildApp(config);
  if (config.demo && (await isEmpty(database.db))) {
    app.log.info('空数据库：正在写入演示数据……');
    const t0 = Date.now();
    const data = await seedDemo(database.db);
    app.log.info(`演示数据已写入：${data.enterprises.length} 家企业，用时 ${Date.now() - t0} ms`);
  }
  await app.listen({ port: config.port, host: config.host });
  const stopJobs = startScheduler(ctx, [...PLAN_JOBS, ...CASE_JOBS, ...CONTRACT_JOBS, ...WAGE_JOBS, ...RISK_JOBS]);
  // Contract states and the search index are caught up at once rather than an hour after start.
  for (const job of CONTRACT_JOBS) void runJobOnce(ctx, job).catch(() => undefined);
  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    `  和谐 · 劳动关系公共服务平台已启动：${url}`,
    `  接口文档：${url}/api/docs`,
    `  数据库：${config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL'}`,
  ];
  if (config.demo) {
    lines.push(
      `  演示账号（密码 ${DEMO_PASSWORD}）：admin, official, union, street1, arbitrator, mediator1, mediator2, coordinator1, enterprise1, worker1`,
      `  演示数据接口密钥：Authorization: Bearer ${DEMO_PROVIDER_KEY}`,
    );
  }
  console.log(lines.join('\n') + '\n');
  const stop = async () => {
    stopJobs();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
