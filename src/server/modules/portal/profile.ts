import { z } from 'zod';
import { maskIdNumber, maskPhone, validateIdNumber } from '../../../domain/identifiers/id-number';
import { can } from '../../../domain/access/policy';
import type { Actor, AppContext } from '../../context';
import { fieldError, notFound } from '../../errors';
import { isoNow, todayInChina } from '../../lib/clock';
import { decryptPii, encryptPii } from '../../lib/pii';
import { insertAudit } from '../audit/repo';

export const ProfileInput = z.object({
  realName: z
    .string()
    .trim()
    .min(2, '请填写真实姓名')
    .max(30, '姓名过长')
    .regex(/^[\u4e00-\u9fa5·A-Za-z ]+$/, '姓名只能包含汉字、字母和间隔号'),
  idNumber: z.string().trim().min(1, '请填写身份证号码').max(18),
});
export type ProfileInput = z.infer<typeof ProfileInput>;

export async function getProfile(ctx: AppContext, actor: Actor) {
  const p = actor.principal!;
  const [row, user] = await Promise.all([
    ctx.db.selectFrom('worker_profiles').selectAll().where('user_id', '=', p.id).executeTakeFirst(),
    ctx.db.selectFrom('users').select(['phone', 'display_name']).where('id', '=', p.id).executeTakeFirstOrThrow(),
  ]);
  return {
    userId: p.id,
    displayName: user.display_name,
    phoneMasked: user.phone ? maskPhone(user.phone) : null,
    realName: row?.real_name ?? null,
    idNumberMasked: row?.id_number_masked ?? null,
    complete: !!row,
    updatedAt: row?.updated_at ?? null,
  };
}

/** GB 11643 check (validateIdNumber) before anything is stored; the number is kept encrypted with a masked copy. */
export async function putProfile(ctx: AppContext, actor: Actor, input: ProfileInput) {
  const p = actor.principal!;
  const idNumber = input.idNumber.toUpperCase();
  const check = validateIdNumber(idNumber, todayInChina(ctx.clock));
  if (!check.valid) throw fieldError('idNumber', `身份证号码无效：${check.reason}`);
  const at = isoNow(ctx.clock);
  const existing = await ctx.db.selectFrom('worker_profiles').select('user_id').where('user_id', '=', p.id).executeTakeFirst();
  const values = {
    real_name: input.realName,
    id_number_enc: encryptPii(ctx.config.piiKey, idNumber),
    id_number_masked: maskIdNumber(idNumber),
    updated_at: at,
  };
  await ctx.db.transaction().execute(async (trx) => {
    if (existing) await trx.updateTable('worker_profiles').set(values).where('user_id', '=', p.id).execute();
    else await trx.insertInto('worker_profiles').values({ user_id: p.id, region_id: p.regionId, created_at: at, ...values }).execute();
    await insertAudit(trx, {
      at,
      actorId: p.id,
      actorName: p.displayName,
      action: 'portal.profile',
      entityType: 'user',
      entityId: p.id,
      regionId: p.regionId,
      summary: `${existing ? '修改' : '填写'}实名信息（${values.id_number_masked}）`,
      after: { realName: input.realName, idNumber: values.id_number_masked },
      ip: actor.ip,
    });
  });
  return getProfile(ctx, actor);
}

/** The full ID number: to the owner, or to an official whose region covers the worker; every reveal is audited. */
export async function revealProfile(ctx: AppContext, actor: Actor, userId: string) {
  const p = actor.principal!;
  const row = await ctx.db.selectFrom('worker_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
  const own = p.id === userId;
  if (!row || (!own && !can(p, 'portal.profile.reveal', { regionId: row.region_id }))) throw notFound('实名信息');
  await insertAudit(ctx.db, {
    at: isoNow(ctx.clock),
    actorId: p.id,
    actorName: p.displayName,
    action: 'pii.reveal',
    entityType: 'user',
    entityId: userId,
    regionId: row.region_id,
    summary: own ? '本人查看完整身份证号码' : `查看${row.real_name}的完整身份证号码`,
    ip: actor.ip,
  });
  return { userId, realName: row.real_name, idNumber: decryptPii(ctx.config.piiKey, row.id_number_enc) };
}

/** The profile as the application needs it (decrypted on the server only), or a 400 naming the missing step. */
export async function profileForApplication(ctx: AppContext, userId: string) {
  const row = await ctx.db.selectFrom('worker_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
  if (!row) throw fieldError('profile', '请先填写真实姓名和身份证号码');
  return { realName: row.real_name, idNumber: decryptPii(ctx.config.piiKey, row.id_number_enc) };
}
