import { z } from 'zod';
import type { Actor, AppContext, AuthPrincipal } from '../../context';
import { AppError, notFound } from '../../errors';
import { isoNow } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { randomToken, sha256 } from '../../lib/tokens';
import { insertAudit } from '../audit/repo';

export const ApiKeyCreate = z.object({
  name: z.string().trim().min(1, '请填写名称').max(100, '名称不能超过100字'),
  orgUnitId: z.string().min(1, '请选择所属单位'),
});
export type ApiKeyCreate = z.infer<typeof ApiKeyCreate>;

/** API keys identify machine accounts (data providers); only their hash is stored. */
export async function resolveApiKey(ctx: AppContext, key: string): Promise<AuthPrincipal | null> {
  const row = await ctx.db
    .selectFrom('api_keys')
    .selectAll()
    .where('key_hash', '=', sha256(key))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  const now = ctx.clock.now();
  if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > 60_000) {
    await ctx.db.updateTable('api_keys').set({ last_used_at: now.toISOString() }).where('id', '=', row.id).execute();
  }
  return {
    kind: 'api_key',
    id: row.id,
    username: `apikey:${row.key_prefix}`,
    displayName: row.name,
    roles: ['data_provider'],
    orgUnitId: row.org_unit_id,
    regionId: row.region_id,
    enterpriseId: null,
    isDemo: row.is_demo === 1,
  };
}

export async function listApiKeys(ctx: AppContext) {
  const rows = await ctx.db
    .selectFrom('api_keys')
    .innerJoin('org_units', 'org_units.id', 'api_keys.org_unit_id')
    .select([
      'api_keys.id',
      'api_keys.name',
      'api_keys.key_prefix',
      'api_keys.org_unit_id',
      'org_units.name as org_unit_name',
      'api_keys.created_at',
      'api_keys.revoked_at',
      'api_keys.last_used_at',
    ])
    .orderBy('api_keys.created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    keyPrefix: r.key_prefix,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
    lastUsedAt: r.last_used_at,
  }));
}

/** Creates a key and returns it once; afterwards only its prefix is shown. */
export async function createApiKey(ctx: AppContext, input: ApiKeyCreate, actor: Actor, fixedKey?: string) {
  const ou = await ctx.db.selectFrom('org_units').select(['id', 'region_id', 'name']).where('id', '=', input.orgUnitId).executeTakeFirst();
  if (!ou) throw new AppError(400, 'VALIDATION', '所属单位不存在', [{ field: 'orgUnitId', message: '所属单位不存在' }]);
  const key = fixedKey ?? `hx_${randomToken(24)}`;
  const id = newId();
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('api_keys')
      .values({
        id,
        name: input.name,
        org_unit_id: ou.id,
        region_id: ou.region_id,
        key_prefix: key.slice(0, 8),
        key_hash: sha256(key),
        scopes: JSON.stringify(['signal.push']),
        created_by: actor.principal?.id ?? null,
        created_at: at,
        revoked_at: null,
        last_used_at: null,
        is_demo: fixedKey ? 1 : 0,
      })
      .execute();
    await insertAudit(trx, {
      at,
      actorId: actor.principal?.id ?? null,
      actorName: actor.principal?.displayName ?? '系统',
      action: 'apiKey.create',
      entityType: 'api_key',
      entityId: id,
      regionId: ou.region_id,
      summary: `为${ou.name}创建API密钥“${input.name}”`,
      after: { name: input.name, orgUnitId: ou.id, keyPrefix: key.slice(0, 8) },
      ip: actor.ip,
    });
  });
  return { id, key, keyPrefix: key.slice(0, 8), name: input.name, orgUnitId: ou.id };
}

export async function revokeApiKey(ctx: AppContext, id: string, actor: Actor) {
  const row = await ctx.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('API密钥');
  if (row.revoked_at) throw new AppError(409, 'CONFLICT', '该密钥已吊销');
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('api_keys').set({ revoked_at: at }).where('id', '=', id).execute();
    await insertAudit(trx, {
      at,
      actorId: actor.principal?.id ?? null,
      actorName: actor.principal?.displayName ?? null,
      action: 'apiKey.revoke',
      entityType: 'api_key',
      entityId: id,
      regionId: row.region_id,
      summary: `吊销API密钥“${row.name}”`,
      before: { revokedAt: null },
      after: { revokedAt: at },
      ip: actor.ip,
    });
  });
  return { id, revokedAt: at };
}
