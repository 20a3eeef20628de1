import { randomInt } from 'node:crypto';
import { AUTH_LIMITS } from '../../../domain/auth/password-policy';
import type { Actor, AppContext, AuthPrincipal } from '../../context';
import { AppError } from '../../errors';
import { addMinutes, isoNow } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { hashPassword, verifyPassword } from '../../lib/passwords';
import { hmac, randomToken } from '../../lib/tokens';
import { insertAudit } from '../audit/repo';
import { findUserById, findUserByPhone, findUserByUsername, toPrincipal } from '../users/repo';
import { workerOrgUnitId } from './worker-accounts';

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: string;
  principal: AuthPrincipal;
}

const sessionId = (ctx: AppContext, token: string) => hmac(ctx.config.sessionSecret, token);
const BAD_CREDENTIALS = '用户名或密码错误';

async function createSession(ctx: AppContext, principal: AuthPrincipal, actor: Actor, ua?: string): Promise<NewSession> {
  const now = ctx.clock.now();
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(now.getTime() + AUTH_LIMITS.absoluteHours * 3600_000).toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('sessions')
      .values({
        id: sessionId(ctx, token),
        user_id: principal.id,
        csrf_token: csrfToken,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: expiresAt,
        ip: actor.ip,
        user_agent: ua?.slice(0, 300) ?? null,
      })
      .execute();
    await trx.updateTable('users').set({ failed_login_count: 0, locked_until: null, last_login_at: now.toISOString() }).where('id', '=', principal.id).execute();
    await insertAudit(trx, {
      at: now.toISOString(),
      actorId: principal.id,
      actorName: principal.displayName,
      action: 'auth.login',
      entityType: 'user',
      entityId: principal.id,
      regionId: principal.regionId,
      summary: `${principal.username} 登录`,
      ip: actor.ip,
    });
  });
  return { token, csrfToken, expiresAt, principal };
}

/** Username/password login with lockout after repeated failures. */
export async function login(ctx: AppContext, username: string, password: string, actor: Actor, ua?: string): Promise<NewSession> {
  const now = ctx.clock.now();
  const user = await findUserByUsername(ctx.db, username);
  if (!user || user.disabled) {
    // Spend the same time as a real check so that usernames cannot be probed by timing.
    await verifyPassword(password, 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
    throw new AppError(401, 'UNAUTHENTICATED', BAD_CREDENTIALS);
  }
  if (user.locked_until && user.locked_until > now.toISOString()) {
    throw new AppError(423, 'ACCOUNT_LOCKED', `连续登录失败次数过多，账户已锁定，请于${AUTH_LIMITS.lockMinutes}分钟后再试`);
  }
  if (!(await verifyPassword(password, user.password_hash))) {
    const failures = (user.locked_until ? 0 : user.failed_login_count) + 1;
    const locks = failures >= AUTH_LIMITS.maxFailedLogins;
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({
          failed_login_count: locks ? 0 : failures,
          locked_until: locks ? addMinutes(now, AUTH_LIMITS.lockMinutes).toISOString() : null,
        })
        .where('id', '=', user.id)
        .execute();
      await insertAudit(trx, {
        at: now.toISOString(),
        actorId: null,
        actorName: username,
        action: locks ? 'auth.locked' : 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        regionId: user.region_id,
        summary: locks ? `${username} 连续${failures}次登录失败，账户锁定${AUTH_LIMITS.lockMinutes}分钟` : `${username} 登录失败（第${failures}次）`,
        ip: actor.ip,
      });
    });
    if (locks) {
      throw new AppError(423, 'ACCOUNT_LOCKED', `连续登录失败次数过多，账户已锁定，请于${AUTH_LIMITS.lockMinutes}分钟后再试`);
    }
    throw new AppError(401, 'UNAUTHENTICATED', BAD_CREDENTIALS);
  }
  return createSession(ctx, toPrincipal(user), actor, ua);
}

/** A session ends after 30 minutes without requests or 12 hours after login, whichever is first. */
export async function resolveSession(ctx: AppContext, token: string) {
  const id = sessionId(ctx, token);
  const s = await ctx.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!s) return null;
  const now = ctx.clock.now();
  const idleLimit = addMinutes(new Date(s.last_seen_at), AUTH_LIMITS.idleMinutes);
  if (now >= idleLimit || now.toISOString() >= s.expires_at) {
    await ctx.db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  const user = await findUserById(ctx.db, s.user_id);
  if (!user || user.disabled) return null;
  if (now.getTime() - new Date(s.last_seen_at).getTime() > 30_000) {
    await ctx.db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute();
  }
  return { sessionId: id, csrfToken: s.csrf_token, principal: toPrincipal(user) };
}

export async function logout(ctx: AppContext, sessionIdValue: string, actor: Actor): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('id', '=', sessionIdValue).execute();
    if (actor.principal) {
      await insertAudit(trx, {
        at: isoNow(ctx.clock),
        actorId: actor.principal.id,
        actorName: actor.principal.displayName,
        action: 'auth.logout',
        entityType: 'user',
        entityId: actor.principal.id,
        regionId: actor.principal.regionId,
        ip: actor.ip,
      });
    }
  });
}

/** Sends a 6-digit code by SMS (one per minute per phone, valid 5 minutes). */
export async function sendLoginCode(ctx: AppContext, phone: string, actor: Actor): Promise<{ expiresInSeconds: number; retryAfterSeconds: number }> {
  if (ctx.config.env === 'production' && !ctx.sms.productionReady) {
    throw new AppError(503, 'UNAVAILABLE', '短信服务未配置，暂不能使用手机号登录');
  }
  const now = ctx.clock.now();
  const recent = await ctx.db
    .selectFrom('verification_codes')
    .select('created_at')
    .where('phone', '=', phone)
    .where('created_at', '>', new Date(now.getTime() - AUTH_LIMITS.smsResendSeconds * 1000).toISOString())
    .executeTakeFirst();
  if (recent) throw new AppError(429, 'RATE_LIMITED', `验证码发送过于频繁，请${AUTH_LIMITS.smsResendSeconds}秒后再试`);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('verification_codes')
      .values({
        id: newId(),
        phone,
        purpose: 'login',
        code_hash: hmac(ctx.config.sessionSecret, `${phone}:${code}`),
        created_at: now.toISOString(),
        expires_at: addMinutes(now, AUTH_LIMITS.smsCodeMinutes).toISOString(),
        attempts: 0,
        consumed_at: null,
      })
      .execute();
    await insertAudit(trx, {
      at: now.toISOString(),
      actorId: actor.principal?.id ?? null,
      actorName: null,
      action: 'auth.sms_code_sent',
      entityType: 'phone',
      entityId: phone.slice(0, 3) + '****' + phone.slice(-4),
      ip: actor.ip,
    });
  });
  await ctx.sms.send(phone, `【和谐劳动关系服务平台】您的验证码是${code}，${AUTH_LIMITS.smsCodeMinutes}分钟内有效。如非本人操作请忽略。`);
  return { expiresInSeconds: AUTH_LIMITS.smsCodeMinutes * 60, retryAfterSeconds: AUTH_LIMITS.smsResendSeconds };
}

/** Verifies a code; a worker account is created on first sign-in (self-registration). */
export async function loginWithCode(ctx: AppContext, phone: string, code: string, actor: Actor, ua?: string): Promise<NewSession & { registered: boolean }> {
  const now = ctx.clock.now();
  const row = await ctx.db
    .selectFrom('verification_codes')
    .selectAll()
    .where('phone', '=', phone)
    .where('consumed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  const invalid = new AppError(401, 'UNAUTHENTICATED', '验证码错误或已过期');
  if (!row || row.expires_at <= now.toISOString() || row.attempts >= AUTH_LIMITS.smsMaxAttempts) throw invalid;
  if (row.code_hash !== hmac(ctx.config.sessionSecret, `${phone}:${code}`)) {
    await ctx.db.updateTable('verification_codes').set({ attempts: row.attempts + 1 }).where('id', '=', row.id).execute();
    throw invalid;
  }
  let registered = false;
  const principal = await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('verification_codes').set({ consumed_at: now.toISOString() }).where('id', '=', row.id).execute();
    const existing = await findUserByPhone(trx, phone);
    if (existing) {
      if (existing.disabled) throw new AppError(403, 'FORBIDDEN', '该账户已停用');
      return toPrincipal(existing);
    }
    registered = true;
    const orgUnitId = await workerOrgUnitId(trx);
    const region = await trx.selectFrom('org_units').select('region_id').where('id', '=', orgUnitId).executeTakeFirstOrThrow();
    const id = newId();
    const ts = now.toISOString();
    await trx
      .insertInto('users')
      .values({
        id,
        username: `m${phone}`,
        display_name: `用户${phone.slice(-4)}`,
        password_hash: await hashPassword(randomToken()),
        roles: JSON.stringify(['worker']),
        org_unit_id: orgUnitId,
        region_id: region.region_id,
        enterprise_id: null,
        phone,
        is_demo: 0,
        disabled: 0,
        failed_login_count: 0,
        locked_until: null,
        last_login_at: null,
        created_at: ts,
        updated_at: ts,
      })
      .execute();
    await insertAudit(trx, {
      at: ts,
      actorId: id,
      actorName: null,
      action: 'user.register',
      entityType: 'user',
      entityId: id,
      regionId: region.region_id,
      summary: '劳动者手机号注册',
      ip: actor.ip,
    });
    return toPrincipal((await findUserById(trx, id))!);
  });
  const session = await createSession(ctx, principal, actor, ua);
  return { ...session, registered };
}
