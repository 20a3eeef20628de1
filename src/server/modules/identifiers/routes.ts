import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { validateIdNumber } from '../../../domain/identifiers/id-number';
import { validateUscc } from '../../../domain/identifiers/uscc';
import type { AppContext } from '../../context';
import { todayInChina } from '../../lib/clock';

const ValidateBody = z.object({
  kind: z.enum(['uscc', 'idNumber'], { message: 'kind 只能是 uscc 或 idNumber' }),
  value: z.string({ message: '请提供要校验的号码' }).max(64, '号码过长'),
});

export const identifierRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/identifiers/validate',
      { schema: { tags: ['基础数据'], summary: '校验统一社会信用代码（GB 32100-2015）或身份证号码（GB 11643-1999）', body: ValidateBody } },
      async (req) => {
        const { kind, value } = req.body;
        return kind === 'uscc' ? validateUscc(value) : validateIdNumber(value, todayInChina(ctx.clock));
      },
    );
  };
