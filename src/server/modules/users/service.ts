import { z } from 'zod';
import { Role } from '../../../domain/access/roles';
import { checkPasswordPolicy } from '../../../domain/auth/password-policy';
import { isMobilePhone, maskPhone } from '../../../domain/identifiers/id-number';
import type { Actor, AppContext } from '../../context';
import { AppError, conflict, fieldError, notFound } from '../../errors';
import { isoNow } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { pageOffset, type PageQuery } from '../../lib/pagination';
import { hashPassword } from '../../lib/passwords';
import { scopeFilter, whereInScope } from '../../policy/scope';
import { insertAudit } from '../audit/repo';
import { findUserById, parseRoles, type UserRow } from './repo';

export const UserCreate = z.object({
  username: z.string().trim().regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, '用户名为3至32位字母、数字或_.-，以字母开头'),
  displayName: z.string().trim().min(1, '请填写姓名').max(50, '姓名不能超过50字'),
  password: z.string(),
  roles: z.array(Role).min(1, '至少选择一个角色'),
  orgUnitId: z.string().min(1, '请选择所属单位'),
  regionId: z.string().optional(),
  enterpriseId: z.string().optional(),
  phone: z.string().refine(isMobilePhone, '请输入正确的11位手机号码').optional(),
});
export type UserCreate = z.infer<typeof UserCreate>;

export const UserUpdate = z.object({
  displayName: z.string().trim().min(1, '请填写姓名').max(50).optional(),
  roles: z.array(Role).min(1, '至少选择一个角色').optional(),
  disabled: z.boolean().optional(),
});
export type UserUpdate = z.infer<typeof UserUpdate>;

export const UserListQuery = z.object({ q: z.string().max(50).optional(), role: Role.optional() });
export type UserListQuery = z.infer<typeof UserListQuery>;

function present(u: UserRow, now: string) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    roles: parseRoles(u.roles),
    orgUnitId: u.org_unit_id,
    regionId: u.region_id,
    enterpriseId: u.enterprise_id,
    phoneMasked: u.phone ? maskPhone(u.phone) : null,
    disabled: u.disabled === 1,
    locked: !!u.locked_until && u.locked_until > now,
    isDemo: u.is_demo === 1,
    lastLoginAt: u.last_login_at,
    createdAt: u.created_at,
  };
}

export async function listUsers(ctx: AppContext, actor: Actor, q: UserListQuery & PageQuery) {
  const filter = scopeFilter(actor.principal, 'user.read');
  let query = ctx.db.selectFrom('users').where(whereInScope(filter, { region: 'users.region_id' }));
  if (q.q) query = query.where((eb) => eb.or([eb('username', 'like', `%${q.q}%`), eb('display_name', 'like', `%${q.q}%`)]));
  if (q.role) query = query.where('roles', 'like', `%"${q.role}"%`);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('username').limit(q.pageSize).offset(pageOffset(q)).execute();
  const now = isoNow(ctx.clock);
  return { items: rows.map((r) => present(r, now)), total: Number(total), page: q.page, pageSize: q.pageSize };
}

export async function createUser(ctx: AppContext, actor: Actor, input: UserCreate) {
  const policy = checkPasswordPolicy(input.password);
  if (!policy.ok) throw fieldError('password', policy.reason);
  const ou = await ctx.db.selectFrom('org_units').selectAll().where('id', '=', input.orgUnitId).executeTakeFirst();
  if (!ou) throw fieldError('orgUnitId', '所属单位不存在');
  const regionId = input.regionId ?? ou.region_id;
  const region = await ctx.db.selectFrom('regions').select('id').where('id', '=', regionId).executeTakeFirst();
  if (!region) throw fieldError('regionId', '所属区域不存在');
  if (await ctx.db.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst()) {
    throw conflict('用户名已存在');
  }
  if (input.phone && (await ctx.db.selectFrom('users').select('id').where('phone', '=', input.phone).executeTakeFirst())) {
    throw conflict('该手机号已被其他账户使用');
  }
  const id = newId();
  const at = isoNow(ctx.clock);
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('users')
      .values({
        id,
        username: input.username,
        display_name: input.displayName,
        password_hash: passwordHash,
        roles: JSON.stringify(input.roles),
        org_unit_id: ou.id,
        region_id: regionId,
        enterprise_id: input.enterpriseId ?? ou.enterprise_id ?? null,
        phone: input.phone ?? null,
        is_demo: 0,
        disabled: 0,
        failed_login_count: 0,
        locked_until: null,
        last_login_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await insertAudit(trx, {
      at,
      actorId: actor.principal?.id ?? null,
      actorName: actor.principal?.displayName ?? null,
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      regionId,
      summary: `创建用户 ${input.username}`,
      after: { username: input.username, displayName: input.displayName, roles: input.roles, orgUnitId: ou.id, regionId },
      ip: actor.ip,
    });
  });
  return present((await findUserById(ctx.db, id))!, at);
}

export async function updateUser(ctx: AppContext, actor: Actor, id: string, input: UserUpdate) {
  const before = await findUserById(ctx.db, id);
  if (!before) throw notFound('用户');
  if (id === actor.principal?.id && (input.disabled || (input.roles && !input.roles.includes('admin')))) {
    throw new AppError(409, 'CONFLICT', '不能停用自己的账户或移除自己的管理员角色');
  }
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
        ...(input.roles ? { roles: JSON.stringify(input.roles) } : {}),
        ...(input.disabled !== undefined ? { disabled: input.disabled ? 1 : 0 } : {}),
        updated_at: at,
      })
      .where('id', '=', id)
      .execute();
    if (input.disabled) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await insertAudit(trx, {
      at,
      actorId: actor.principal?.id ?? null,
      actorName: actor.principal?.displayName ?? null,
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      regionId: before.region_id,
      before: { displayName: before.display_name, roles: parseRoles(before.roles), disabled: before.disabled === 1 },
      after: input,
      ip: actor.ip,
    });
  });
  return present((await findUserById(ctx.db, id))!, at);
}

export async function unlockUser(ctx: AppContext, actor: Actor, id: string) {
  const u = await findUserById(ctx.db, id);
  if (!u) throw notFound('用户');
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ locked_until: null, failed_login_count: 0, updated_at: at }).where('id', '=', id).execute();
    await insertAudit(trx, {
      at,
      actorId: actor.principal?.id ?? null,
      actorName: actor.principal?.displayName ?? null,
      action: 'user.unlock',
      entityType: 'user',
      entityId: id,
      regionId: u.region_id,
      before: { lockedUntil: u.locked_until },
      after: { lockedUntil: null },
      ip: actor.ip,
    });
  });
  return present((await findUserById(ctx.db, id))!, at);
}

/** Shows a user's full phone number to an authorised admin; every reveal is an audit row. */
export async function revealPhone(ctx: AppContext, actor: Actor, id: string) {
  const u = await findUserById(ctx.db, id);
  if (!u) throw notFound('用户');
  await insertAudit(ctx.db, {
    at: isoNow(ctx.clock),
    actorId: actor.principal?.id ?? null,
    actorName: actor.principal?.displayName ?? null,
    action: 'pii.reveal',
    entityType: 'user',
    entityId: id,
    regionId: u.region_id,
    summary: `查看用户 ${u.username} 的完整手机号`,
    ip: actor.ip,
  });
  return { id, phone: u.phone };
}
