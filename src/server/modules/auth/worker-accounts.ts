import type { DbOrTrx } from '../../db';
import { AppError } from '../../errors';

/** Self-registered workers belong to the platform's "public users" org unit at the district level. */
export async function workerOrgUnitId(db: DbOrTrx): Promise<string> {
  const ou = await db.selectFrom('org_units').select('id').where('kind', '=', 'platform').orderBy('id').executeTakeFirst();
  if (!ou) throw new AppError(503, 'UNAVAILABLE', '平台尚未初始化，请联系管理员');
  return ou.id;
}
