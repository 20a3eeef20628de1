import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { loadDefaultCalendar } from '../../../domain/calendar/default-holidays';
import {
  AnnualLeaveInput,
  ArbitrationLimitationInput,
  DeadlineCalcInput,
  DoubleWageInput,
  OvertimeInput,
  SeveranceInput,
  calculateAnnualLeave,
  calculateArbitrationLimitation,
  calculateDeadlines,
  calculateDoubleWage,
  calculateOvertime,
  calculateSeverance,
} from '../../../domain/calculators';
import type { AppContext } from '../../context';

const tags = ['劳动法计算器'];

/**
 * Public labor-law calculators. The domain's zod schemas (with Chinese messages) are the route
 * bodies, so bad input is a 400 naming the field; no session, hence no CSRF token either.
 */
export const calculatorRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { csrf: false, rateLimit: { max: ctx.config.env === 'test' ? 10_000 : 120, timeWindow: '1 minute' } };
    const calendar = loadDefaultCalendar();
    app.post('/api/calculators/severance', { config, schema: { tags, summary: '经济补偿/赔偿金计算（劳动合同法第四十七条、第八十七条）', body: SeveranceInput } }, async (req) =>
      calculateSeverance(req.body),
    );
    app.post('/api/calculators/annual-leave', { config, schema: { tags, summary: '未休年休假工资计算', body: AnnualLeaveInput } }, async (req) =>
      calculateAnnualLeave(req.body),
    );
    app.post('/api/calculators/overtime', { config, schema: { tags, summary: '加班费计算（劳动法第四十四条）', body: OvertimeInput } }, async (req) =>
      calculateOvertime(req.body),
    );
    app.post('/api/calculators/double-wage', { config, schema: { tags, summary: '未签书面劳动合同二倍工资计算', body: DoubleWageInput } }, async (req) =>
      calculateDoubleWage(req.body),
    );
    app.post(
      '/api/calculators/arbitration-limitation',
      { config, schema: { tags, summary: '仲裁时效届满日计算（调解仲裁法第二十七条）', body: ArbitrationLimitationInput } },
      async (req) => calculateArbitrationLimitation(req.body),
    );
    app.post('/api/calculators/deadlines', { config, schema: { tags, summary: '调解、仲裁期限计算', body: DeadlineCalcInput } }, async (req) =>
      calculateDeadlines(calendar, req.body),
    );
  };
