import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { GRANTS, can, type Action } from '../../../domain/access/policy';
import { isMobilePhone } from '../../../domain/identifiers/id-number';
import type { AppContext, AuthPrincipal } from '../../context';
import { actorOf, requireUser, SESSION_COOKIE } from '../../plugins/auth';
import { login, loginWithCode, logout, sendLoginCode, type NewSession } from './service';

const Login = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64, '用户名过长'),
  password: z.string().min(1, '请输入密码').max(128, '密码过长'),
});
const Phone = z.string().trim().refine(isMobilePhone, '请输入正确的11位手机号码');
const SmsSend = z.object({ phone: Phone });
const SmsLogin = z.object({ phone: Phone, code: z.string().trim().regex(/^\d{6}$/, '验证码为6位数字') });

/** What the web app may show this principal: every action with its decision (no record context). */
export function abilitiesOf(p: AuthPrincipal): Record<string, boolean> {
  return Object.fromEntries((Object.keys(GRANTS) as Action[]).map((a) => [a, can(p, a)]));
}

export async function describeUser(ctx: AppContext, p: AuthPrincipal) {
  const ou = await ctx.db.selectFrom('org_units').select(['name', 'kind']).where('id', '=', p.orgUnitId).executeTakeFirst();
  const region = await ctx.db.selectFrom('regions').select('name').where('id', '=', p.regionId).executeTakeFirst();
  const ent = p.enterpriseId
    ? await ctx.db.selectFrom('enterprises').select('name').where('id', '=', p.enterpriseId).executeTakeFirst()
    : undefined;
  return {
    id: p.id,
    username: p.username,
    displayName: p.displayName,
    roles: [...p.roles],
    orgUnitId: p.orgUnitId,
    orgUnitName: ou?.name ?? null,
    orgUnitKind: ou?.kind ?? null,
    regionId: p.regionId,
    regionName: region?.name ?? null,
    enterpriseId: p.enterpriseId ?? null,
    enterpriseName: ent?.name ?? null,
  };
}

export const authRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const setCookie = (reply: FastifyReply, s: NewSession) =>
      reply.setCookie(SESSION_COOKIE, s.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.secureCookies,
        maxAge: 12 * 3600,
      });

    app.post(
      '/api/auth/login',
      {
        config: { csrf: false, rateLimit: { max: ctx.config.env === 'test' ? 1000 : 30, timeWindow: '1 minute' } },
        schema: { tags: ['认证'], summary: '用户名密码登录', body: Login },
      },
      async (req, reply) => {
        const s = await login(ctx, req.body.username, req.body.password, actorOf(req), req.headers['user-agent']);
        setCookie(reply, s);
        return { user: await describeUser(ctx, s.principal), csrfToken: s.csrfToken, expiresAt: s.expiresAt, abilities: abilitiesOf(s.principal) };
      },
    );

    app.post('/api/auth/logout', { schema: { tags: ['认证'], summary: '退出登录' } }, async (req, reply) => {
      if (req.session) await logout(ctx, req.session.id, actorOf(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    });

    app.get('/api/me', { schema: { tags: ['认证'], summary: '当前用户' } }, async (req) => {
      const p = requireUser(req);
      return { user: await describeUser(ctx, p), csrfToken: req.session?.csrfToken ?? null, abilities: abilitiesOf(p) };
    });

    app.post(
      '/api/auth/sms/send',
      {
        config: { csrf: false, rateLimit: { max: ctx.config.env === 'test' ? 1000 : 10, timeWindow: '1 minute' } },
        schema: { tags: ['认证'], summary: '发送手机验证码（劳动者注册/登录）', body: SmsSend },
      },
      async (req, reply) => {
        const r = await sendLoginCode(ctx, req.body.phone, actorOf(req));
        reply.status(202);
        return { sent: true, ...r };
      },
    );

    app.post(
      '/api/auth/sms/login',
      {
        config: { csrf: false, rateLimit: { max: ctx.config.env === 'test' ? 1000 : 20, timeWindow: '1 minute' } },
        schema: { tags: ['认证'], summary: '手机验证码登录（首次登录即注册为劳动者）', body: SmsLogin },
      },
      async (req, reply) => {
        const s = await loginWithCode(ctx, req.body.phone, req.body.code, actorOf(req), req.headers['user-agent']);
        setCookie(reply, s);
        return {
          user: await describeUser(ctx, s.principal),
          csrfToken: s.csrfToken,
          expiresAt: s.expiresAt,
          registered: s.registered,
          abilities: abilitiesOf(s.principal),
        };
      },
    );
  };
