import type { Insertable } from 'kysely';
import { DEFAULT_RULE_SET } from '../../domain/risk/rule-set';
import { dayNumber, monthIndex, type SignalKind } from '../../domain/risk/signals';
import type { Db } from '../db';
import type { InsuredHeadcountTable, RiskSignalTable } from '../db/schema';
import { recompute } from '../modules/risk/recompute';
import type { DemoData } from './demo-data';
import { Rng } from './random';

/** The instant the demo's alerts were computed: signals and headcount are dated before it. */
export const DEMO_RISK_NOW = new Date('2026-11-20T02:00:00.000Z');
const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
const SOURCES: Record<SignalKind, string> = {
  dispute_case: '区仲裁院',
  court_filing: '区人民法院',
  asset_seizure: '区人民法院',
  petition: '区信访局',
  online_sentiment: '区政数局舆情监测',
  inspection_violation: '区劳动保障监察大队',
  wage_arrears_complaint: '12333热线',
  social_insurance_arrears: '区社保中心',
  unemployment_registration: '区就业服务中心',
  utility_arrears: '区政数局（水电气）',
  tax_abnormal: '区税务局',
};

/**
 * Risk demo data: monthly insured headcount for 2026 for every demo enterprise, a realistic spread of
 * low-level signals, and scenarios that raise alerts of every level — a mass layoff, collective wage
 * arrears, an asset seizure, a dispute cluster, staff cuts across one town — then one recompute.
 */
export async function seedRiskDemo(db: Db, data: DemoData): Promise<void> {
  const rng = new Rng(20261120);
  const ents = data.enterprises.map((e) => ({ id: e.id, uscc: e.uscc, region: e.region_id, hc: e.headcount ?? 10, coordinator: e.coordinator_user_id ?? null }));
  const headcount: Insertable<InsuredHeadcountTable>[] = [];
  const counts = new Map<string, number[]>();
  for (const e of ents) {
    let h = Math.max(3, Math.round(e.hc * (0.95 + rng.next() * 0.08)));
    const series: number[] = [];
    for (let i = 0; i < MONTHS.length; i++) {
      // Large enterprises drift by about ±0.5 %; small ones change by a person now and then.
      h = e.hc >= 50 ? Math.max(1, Math.round(h + (e.hc - h) * 0.3 + (rng.next() - 0.5) * e.hc * 0.01)) : Math.max(1, h + (rng.chance(0.15) ? rng.pick([-1, 1]) : 0));
      series.push(h);
    }
    counts.set(e.id, series);
  }
  const signals: Insertable<RiskSignalTable>[] = [];
  let seq = 0;
  const signal = (e: (typeof ents)[number], kind: SignalKind, day: string, extra: { workers?: number; amount?: number; text?: string } = {}) => {
    const at = new Date(`${day}T${String(9 + rng.int(0, 8)).padStart(2, '0')}:00:00+08:00`);
    seq++;
    signals.push({
      id: `sig-demo-${String(seq).padStart(5, '0')}`,
      source: SOURCES[kind],
      external_id: `DEMO-${kind}-${seq}`,
      kind,
      enterprise_id: e.id,
      region_id: e.region,
      occurred_at: at.toISOString(),
      occurred_day: dayNumber(at),
      workers_affected: extra.workers ?? null,
      amount: extra.amount ?? null,
      details: extra.text ? JSON.stringify({ text: extra.text }) : null,
      channel: 'api',
      api_key_id: 'key-demo-provider',
      filed_by: null,
      received_at: new Date(at.getTime() + 86_400_000).toISOString(),
    });
  };
  const day = (month: number, d: number) => `2026-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

  // Background: about one enterprise in eight has a low signal or two during the year.
  const LOW: SignalKind[] = ['unemployment_registration', 'unemployment_registration', 'online_sentiment', 'utility_arrears', 'tax_abnormal', 'dispute_case', 'social_insurance_arrears'];
  for (const e of ents) {
    if (!rng.chance(0.12)) continue;
    for (let k = rng.int(1, 2); k > 0; k--) signal(e, rng.pick(LOW), day(rng.int(1, 10), rng.int(1, 28)));
  }

  const used = new Set<string>();
  const pick = (pred: (e: (typeof ents)[number]) => boolean) => {
    const e = ents.find((x) => !used.has(x.id) && x.id !== data.ids.enterprise1 && pred(x)) ?? ents.find((x) => !used.has(x.id) && x.id !== data.ids.enterprise1)!;
    used.add(e.id);
    return e;
  };
  // Red: a mass layoff in October (≥ 20 insured people fewer than in September), plus unemployment registrations.
  const layoff = pick((e) => e.region === data.ids.park && e.hc >= 150);
  const ls = counts.get(layoff.id)!;
  ls[9] = ls[8]! - Math.max(26, Math.round(ls[8]! * 0.14));
  for (let i = 0; i < 4; i++) signal(layoff, 'unemployment_registration', day(11, 3 + i), { workers: rng.int(3, 8) });
  // Red: collective wage arrears at an enterprise coordinator1 looks after.
  const wage = pick((e) => e.coordinator === 'usr-coordinator1' && e.hc >= 30);
  signal(wage, 'wage_arrears_complaint', day(11, 6), { workers: 7, amount: 86_400, text: '7名工人反映9月、10月工资未发放' });
  signal(wage, 'wage_arrears_complaint', day(11, 12), { workers: 6, amount: 71_200, text: '车间工人集体投诉拖欠工资' });
  signal(wage, 'petition', day(11, 14), { workers: 13, text: '工人到街道反映欠薪问题' });
  // Orange: an asset seizure.
  const seizure = pick((e) => e.hc >= 50);
  signal(seizure, 'court_filing', day(10, 20), { amount: 1_450_000, text: '买卖合同纠纷立案' });
  signal(seizure, 'asset_seizure', day(11, 10), { amount: 1_200_000, text: '法院查封厂房设备' });
  // Orange: a dispute cluster (three cases within 30 days) in 新桥街道.
  const cluster = pick((e) => e.region.startsWith(data.ids.xinqiao) && e.hc >= 20);
  for (const d of [28, 5, 15]) signal(cluster, 'dispute_case', d === 28 ? day(10, d) : day(11, d), { workers: rng.int(1, 3), amount: rng.int(8, 40) * 1000 });
  // Yellow and blue by score alone.
  const yellow = [pick((e) => e.hc >= 20), pick((e) => e.hc >= 20)];
  for (const e of yellow) {
    signal(e, 'social_insurance_arrears', day(10, 25), { workers: 40, amount: 260_000 });
    signal(e, 'inspection_violation', day(11, 2));
  }
  const blue = [pick(() => true), pick(() => true), pick(() => true)];
  for (const e of blue) {
    signal(e, 'petition', day(10, 18));
    signal(e, 'online_sentiment', day(11, 1));
  }
  // Regional: three enterprises in 梅林镇 (outside the park) each cut 6–8 % of staff in October.
  const meilin = ents.filter((e) => e.region.startsWith('441999007') && !used.has(e.id) && e.hc >= 40).slice(0, 3);
  for (const e of meilin) {
    used.add(e.id);
    const s = counts.get(e.id)!;
    s[9] = Math.round(s[8]! * (0.92 + rng.next() * 0.02));
    if (s[8]! - s[9]! >= 20) s[9] = s[8]! - 19;
  }

  for (const e of ents) {
    counts.get(e.id)!.forEach((n, i) => {
      const month = MONTHS[i]!;
      headcount.push({ id: `ihc-${e.id}-${month}`, enterprise_id: e.id, region_id: e.region, month, month_index: monthIndex(month), insured_count: n, source: '区社保中心', received_at: `${month}-28T01:00:00.000Z`, updated_at: `${month}-28T01:00:00.000Z` });
    });
  }

  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < headcount.length; i += 3000) await trx.insertInto('insured_headcount').values(headcount.slice(i, i + 3000)).execute();
    for (let i = 0; i < signals.length; i += 2000) await trx.insertInto('risk_signals').values(signals.slice(i, i + 2000)).execute();
    await recompute(trx, DEFAULT_RULE_SET, DEMO_RISK_NOW, { id: null, name: '系统' });
  });
}
