import { seedContractsSearchDemo } from './demo-contracts-search';
import { seedMediatorsDemo } from './demo-mediators';
import type { Insertable } from 'kysely';
import type { Db, Trx } from '../db';
import type { Database } from '../db/schema';
import { hashPassword } from '../lib/passwords';
import { sha256 } from '../lib/tokens';
import { generateDemoData, type DemoData } from './demo-data';
import { seedPlansDemo } from './demo-plans';
import { seedContractsDemo } from './demo-contracts';
import { seedEnterprisesDemo } from './demo-enterprises';
import { seedServicesDemo } from './demo-services';
import { seedRiskDemo } from './demo-risk';
import { seedCasesDemo } from './demo-cases';
import { seedRostersDemo } from './demo-rosters';
import { seedCreditDemo } from './demo-credit';
import { seedSupervisionDemo } from './demo-supervision';
import { seedKnowledgeDemo } from './demo-knowledge';
import { seedPortalDemo } from './demo-portal';

export const DEMO_PASSWORD = 'Demo@2026';
export const DEMO_PROVIDER_KEY = 'demo-provider-key-2026';

async function insertChunked<T extends keyof Database>(trx: Trx, table: T, rows: Insertable<Database[T]>[]): Promise<void> {
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0]!).length;
  const size = Math.max(1, Math.floor(30000 / cols));
  for (let i = 0; i < rows.length; i += size) {
    // Kysely's generic table typing cannot follow T through insertInto; the rows are typed above.
    await trx.insertInto(table).values(rows.slice(i, i + size) as never).execute();
  }
}

export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('regions').select('id').limit(1).executeTakeFirst();
  return !row;
}

/** Writes the demo data set in one transaction: all of it or nothing. */
export async function seedDemo(db: Db, opts: { enterpriseCount?: number } = {}): Promise<DemoData> {
  const data = generateDemoData(opts);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ts = '2024-01-02T01:00:00.000Z';
  await db.transaction().execute(async (trx) => {
    await insertChunked(trx, 'regions', data.regions.filter((r) => r.level === 'district'));
    await insertChunked(trx, 'regions', data.regions.filter((r) => r.level === 'street' || r.level === 'town'));
    await insertChunked(trx, 'regions', data.regions.filter((r) => r.level === 'park' || r.level === 'community'));
    await insertChunked(trx, 'org_units', data.orgUnits);
    await insertChunked(trx, 'enterprises', data.enterprises);
    await insertChunked(trx, 'headcount_records', data.headcount);
    await insertChunked(trx, 'mediation_orgs', data.mediationOrgs);
    await insertChunked(trx, 'mediators', data.mediators);
    await insertChunked(
      trx,
      'users',
      data.accounts.map((a) => ({
        id: `usr-${a.username}`,
        username: a.username,
        display_name: a.displayName,
        password_hash: passwordHash,
        roles: JSON.stringify(a.roles),
        org_unit_id: a.orgUnitId,
        region_id: a.regionId,
        enterprise_id: a.enterpriseId ?? null,
        phone: a.phone ?? null,
        is_demo: 1,
        disabled: 0,
        failed_login_count: 0,
        locked_until: null,
        last_login_at: null,
        created_at: ts,
        updated_at: ts,
      })),
    );
    await trx
      .updateTable('mediators')
      .set({ user_id: 'usr-mediator1' })
      .where('id', '=', 'med-demo-1')
      .execute();
    await trx.updateTable('mediators').set({ user_id: 'usr-mediator2' }).where('id', '=', 'med-demo-2').execute();
    await trx
      .insertInto('api_keys')
      .values({
        id: 'key-demo-provider',
        name: '演示数据接口（区政数局）',
        org_unit_id: data.ids.dataBureau,
        region_id: data.ids.district,
        key_prefix: DEMO_PROVIDER_KEY.slice(0, 8),
        key_hash: sha256(DEMO_PROVIDER_KEY),
        scopes: JSON.stringify(['signal.push']),
        created_by: null,
        created_at: ts,
        revoked_at: null,
        last_used_at: null,
        is_demo: 1,
      })
      .execute();
    await seedEnterprisesDemo(trx, data);
  });
  await seedPlansDemo(db, data);
  await seedContractsDemo(db, data);
  await seedServicesDemo(db, data);
  await seedRiskDemo(db, data);
  await seedCasesDemo(db, data);
  await seedRostersDemo(db, data);
  await seedCreditDemo(db, data);
  await seedContractsSearchDemo(db);
  await seedSupervisionDemo(db, data);
  await seedKnowledgeDemo(db, data);
  await seedMediatorsDemo(db, data);
  await seedPortalDemo(db, data);
  return data;
}
