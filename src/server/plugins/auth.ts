import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Action, ResourceRef } from '../../domain/access/policy';
import { can } from '../../domain/access/policy';
import type { Actor, AppContext, AuthPrincipal } from '../context';
import { AppError, forbidden, unauthenticated } from '../errors';
import { resolveApiKey } from '../modules/api-keys/service';
import { resolveSession } from '../modules/auth/service';

export const SESSION_COOKIE = 'hexie_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    principal: AuthPrincipal | null;
    session: { id: string; csrfToken: string } | null;
  }
  interface FastifyContextConfig {
    /** Set false on routes that create a session (login) and so cannot carry a token yet. */
    csrf?: boolean;
  }
}

/**
 * Authentication: a bearer API key (machine accounts) or the session cookie (people).
 * CSRF: a state-changing request that rides on a valid session cookie must send X-CSRF-Token.
 */
export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      const principal = await resolveApiKey(ctx, auth.slice(7).trim());
      if (!principal) throw new AppError(401, 'UNAUTHENTICATED', 'API密钥无效或已吊销');
      req.principal = principal;
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const resolved = await resolveSession(ctx, token);
    if (!resolved) return;
    req.principal = resolved.principal;
    req.session = { id: resolved.sessionId, csrfToken: resolved.csrfToken };
    if (!SAFE_METHODS.has(req.method) && req.routeOptions.config?.csrf !== false) {
      const sent = req.headers['x-csrf-token'];
      if (sent !== resolved.csrfToken) {
        throw new AppError(403, 'CSRF', '安全校验失败（缺少或错误的X-CSRF-Token），请刷新页面后重试');
      }
    }
  });
}

export function actorOf(req: FastifyRequest): Actor {
  return { principal: req.principal, ip: req.ip };
}

export function requireUser(req: FastifyRequest): AuthPrincipal {
  if (!req.principal) throw unauthenticated();
  return req.principal;
}

/** 401 without a principal, 403 when no role of the principal grants the action (on this record). */
export function requirePermission(req: FastifyRequest, action: Action, resource?: ResourceRef): AuthPrincipal {
  const p = requireUser(req);
  if (!can(p, action, resource)) throw forbidden();
  return p;
}
