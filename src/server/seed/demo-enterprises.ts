import { sql } from 'kysely';
import type { DbOrTrx } from '../db';
import type { DemoData } from './demo-data';
import { Rng } from './random';

const ts = '2024-01-02T01:00:00.000Z';

/**
 * Enterprise-registry demo data: yearly union-establishment targets (建会任务) per street/town for 2024–2026
 * (seed 002: “2023年XX镇工委会的建会任务要达到24家”), sized from each street's unionised enterprises, a
 * “registered” timeline entry per enterprise.
 * Risk levels and collective-contract status stay empty: their modules fill them.
 */
export async function seedEnterprisesDemo(db: DbOrTrx, data: DemoData): Promise<void> {
  // Headcount deltas of the demo history (each record minus the enterprise's previous one).
  await sql`update headcount_records set delta = headcount - coalesce((select p.headcount from headcount_records p
    where p.enterprise_id = headcount_records.enterprise_id and p.as_of < headcount_records.as_of order by p.as_of desc limit 1), 0)
    where delta is null`.execute(db);
  const rng = new Rng(20260302);
  const streets = data.regions.filter((r) => r.level === 'street' || r.level === 'town');
  const targets = [];
  for (const s of streets) {
    const count = data.enterprises.filter((e) => e.region_id.startsWith(s.id)).length;
    for (const year of [2024, 2025, 2026]) {
      const base = Math.max(2, Math.round(count * 0.065));
      targets.push({ id: `ut-${s.id}-${year}`, region_id: s.id, year, target: base + rng.int(0, 3), updated_by: 'usr-union', updated_at: ts });
    }
  }
  if (targets.length) await db.insertInto('union_targets').values(targets).execute();
  const events = data.enterprises.map((e) => ({
    id: `ev-${e.id}-reg`,
    enterprise_id: e.id!,
    region_id: e.region_id,
    at: ts,
    kind: 'registry.created',
    module: 'registry',
    title: '企业登记入库',
    detail: '由区人社局历史台账迁移',
    ref_type: null,
    ref_id: null,
    actor_id: null,
    actor_name: '系统迁移',
  }));
  for (let i = 0; i < events.length; i += 500) await db.insertInto('enterprise_events').values(events.slice(i, i + 500)).execute();
}
