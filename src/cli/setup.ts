import { parseArgs } from 'node:util';
import { checkPasswordPolicy } from '../domain/auth/password-policy';
import { loadConfig } from '../server/config';
import { migrateToLatest, openDatabase } from '../server/db';
import { newId } from '../server/lib/ids';
import { hashPassword } from '../server/lib/passwords';
import { insertAudit } from '../server/modules/audit/repo';

/**
 * First-time setup of a real (non-demo) installation: the root region, the platform org unit and the
 * first administrator. The password comes from HEXIE_ADMIN_PASSWORD so it never appears in shell history.
 *   HEXIE_ADMIN_PASSWORD=… npm run setup -- --region-id 441999 --region-name 云溪区 --admin admin
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'region-id': { type: 'string' },
      'region-name': { type: 'string' },
      admin: { type: 'string', default: 'admin' },
      'admin-name': { type: 'string', default: '平台管理员' },
    },
  });
  const regionId = values['region-id'];
  const regionName = values['region-name'];
  if (!regionId || !/^[0-9]{6}$/.test(regionId) || !regionName) {
    throw new Error('请提供 --region-id（6位行政区划代码）和 --region-name');
  }
  const password = process.env.HEXIE_ADMIN_PASSWORD ?? '';
  const policy = checkPasswordPolicy(password);
  if (!policy.ok) throw new Error(`HEXIE_ADMIN_PASSWORD 不符合密码策略：${policy.reason}`);
  const config = loadConfig();
  const handle = openDatabase(config.database);
  await migrateToLatest(handle.db);
  const now = new Date().toISOString();
  await handle.db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('users').select('id').where('username', '=', values.admin!).executeTakeFirst()) {
      throw new Error(`用户 ${values.admin} 已存在`);
    }
    if (!(await trx.selectFrom('regions').select('id').where('id', '=', regionId).executeTakeFirst())) {
      await trx.insertInto('regions').values({ id: regionId, name: regionName, level: 'district', parent_id: null, sort: 0 }).execute();
    }
    let platform = await trx.selectFrom('org_units').select('id').where('kind', '=', 'platform').executeTakeFirst();
    if (!platform) {
      platform = { id: newId() };
      await trx
        .insertInto('org_units')
        .values({ id: platform.id, name: `${regionName}劳动关系公共服务平台`, kind: 'platform', region_id: regionId, parent_id: null, enterprise_id: null, created_at: now })
        .execute();
    }
    const id = newId();
    await trx
      .insertInto('users')
      .values({
        id,
        username: values.admin!,
        display_name: values['admin-name']!,
        password_hash: await hashPassword(password),
        roles: JSON.stringify(['admin']),
        org_unit_id: platform.id,
        region_id: regionId,
        enterprise_id: null,
        phone: null,
        is_demo: 0,
        disabled: 0,
        failed_login_count: 0,
        locked_until: null,
        last_login_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await insertAudit(trx, { at: now, actorId: null, actorName: 'setup', action: 'user.create', entityType: 'user', entityId: id, regionId, summary: `初始化管理员 ${values.admin}` });
  });
  console.log(`初始化完成：区域 ${regionName}（${regionId}），管理员 ${values.admin}`);
  await handle.close();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
