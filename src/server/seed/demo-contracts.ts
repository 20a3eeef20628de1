import type { Insertable } from 'kysely';
import type { Db } from '../db';
import type { Database } from '../db/schema';
import { addDays, addYears } from '../../domain/contracts/dates';
import { periodEnd, REVIEW_DAYS } from '../../domain/contracts/deadlines';
import type { DemoData } from './demo-data';
import { personName } from './names';
import { Rng } from './random';

type Row<T extends keyof Database> = Insertable<Database[T]>;
const ts = '2026-11-01T01:00:00.000Z';

/** A plausible contract text covering the subjects of 集体合同规定 第八条, so search and the clause check have material. */
export function demoContractText(party: string, kind: string, monthlyWage: number, start: string, end: string): string {
  const head = `${party}${kind === 'wage' ? '工资专项集体合同' : kind === 'female' ? '女职工权益保护专项集体合同' : '集体合同'}\n`;
  const term = `本合同期限自${start}起至${end}止。`;
  const tail = `经双方协商一致，可以变更或者解除本合同。因履行本合同发生争议，双方应当协商处理。违反本合同的，应当依法承担相应责任。`;
  if (kind === 'wage') return head + `第一条 企业实行岗位绩效工资分配制度，职工月工资不低于${monthlyWage}元。\n第二条 建立工资正常增长机制，年度工资增长幅度不低于5%。\n第三条 工资按月以货币形式支付。\n第四条 ${term}\n第五条 ${tail}`;
  if (kind === 'female') return head + `第一条 企业对女职工经期、孕期、产期、哺乳期给予特殊保护。\n第二条 每年组织女职工进行一次妇科检查。\n第三条 ${term}\n第四条 ${tail}`;
  return (
    head +
    [
      `企业实行岗位工资制度，职工月工资不低于${monthlyWage}元，工资按月支付。`,
      '实行标准工作时间，每日工作8小时，每周40小时。',
      '职工享受法定节假日、年休假等休息休假。',
      '企业建立劳动安全卫生制度，发放劳动保护用品，组织职业健康检查。',
      '企业为职工建立补充医疗保险，提供工作餐等福利。',
      '企业对女职工和未成年工给予特殊保护。',
      '企业每年组织职业技能培训。',
      '企业依法订立劳动合同，加强劳动合同管理。',
      '企业奖惩制度经职工代表大会讨论通过。',
      '企业确需裁减人员的，提前三十日向工会说明情况。',
      term,
      tail,
    ]
      .map((t, i) => `第${i + 1}条 ${t}`)
      .join('\n')
  );
}

/** Demo collective contracts in every state, negotiations, union-building pipeline and targets, and assessment scores. */
export async function seedContractsDemo(db: Db, data: DemoData): Promise<void> {
  const rng = new Rng(8080);
  const contracts: Row<'collective_contracts'>[] = [];
  const bound: Row<'collective_contract_enterprises'>[] = [];
  const base = (id: string, e: { id: string; region_id: string; name: string; headcount?: number | null } | null, regionId: string, kind: string, title: string, start: string, years: number, status: string, receivedOn: string | null): Row<'collective_contracts'> => {
    const end = addDays(addYears(start, years), -1);
    const signed = addDays(start, -20);
    return {
      id, region_id: regionId, scope: e ? 'enterprise' : 'regional', enterprise_id: e?.id ?? null, industry_code: null, kind, title, status,
      employer_representative: personName(rng), worker_representative: personName(rng),
      negotiated_on: addDays(signed, -30), signed_on: signed, congress_on: addDays(signed, -5), congress_votes_for: 40 + rng.int(0, 10), congress_delegates: 52,
      term_start: start, term_end: end, covered_employees: e?.headcount ?? null,
      file_key: null, file_name: null, file_mime: null, file_size: null,
      text: demoContractText(e?.name ?? title, kind, rng.pick([2100, 2300, 2500, 2800]), start, end), searchable: 1,
      submitted_by_side: receivedOn ? 'enterprise' : null, submitted_on: receivedOn, received_on: receivedOn,
      review_deadline: receivedOn ? periodEnd(receivedOn, REVIEW_DAYS) : null,
      reviewer_id: null, reviewed_on: null, review_opinion: null,
      effective_on: status === 'effective' && receivedOn ? addDays(periodEnd(receivedOn, REVIEW_DAYS), 1) : null,
      previous_contract_id: null, negotiation_id: null, request_id: null, created_by: 'usr-union', created_at: ts, updated_at: ts, version: 1,
    };
  };
  const unionized = data.enterprises.filter((e) => e.union_established && e.id !== data.ids.enterprise1);
  let n = 0;
  for (const e of unionized) {
    const ent = { id: e.id, region_id: e.region_id, name: e.name, headcount: e.headcount };
    if (rng.chance(0.45)) {
      const start = `${rng.int(2024, 2026)}-0${rng.int(1, 9)}-01`;
      const received = addDays(start, -12);
      contracts.push(base(`cc-demo-${++n}`, ent, e.region_id, 'comprehensive', `${e.name}集体合同`, start, 3, 'effective', received));
      if (rng.chance(0.4)) contracts.push(base(`cc-demo-${++n}`, ent, e.region_id, 'female', `${e.name}女职工权益保护专项集体合同`, start, 3, 'effective', received));
      if (rng.chance(0.3)) contracts.push(base(`cc-demo-${++n}`, ent, e.region_id, 'wage', `${e.name}工资专项集体合同`, start, 1 + rng.int(1, 2), 'effective', received));
    }
  }
  for (const c of contracts) bound.push({ contract_id: c.id!, enterprise_id: c.enterprise_id!, region_id: c.region_id });

  // enterprise1: an in-force contract that ends within 90 days (renewal demo) and a wage contract under review.
  const e1 = data.enterprises.find((e) => e.id === data.ids.enterprise1)!;
  const ent1 = { id: e1.id, region_id: e1.region_id, name: e1.name, headcount: e1.headcount };
  const c1 = base('cc-demo-e1', ent1, e1.region_id, 'comprehensive', `${e1.name}集体合同`, '2024-01-16', 3, 'effective', '2024-01-02');
  const c2 = base('cc-demo-e1-wage', ent1, e1.region_id, 'wage', `${e1.name}2027年度工资专项集体合同`, '2027-01-01', 1, 'under_review', '2026-11-20');
  contracts.push(c1, c2);
  bound.push({ contract_id: c1.id!, enterprise_id: e1.id, region_id: e1.region_id }, { contract_id: c2.id!, enterprise_id: e1.id, region_id: e1.region_id });
  // One objected and one draft contract.
  const [o1, d1] = unionized.slice(-2);
  if (o1 && d1) {
    const obj = base('cc-demo-objected', { ...o1 }, o1.region_id, 'wage', `${o1.name}工资专项集体合同`, '2027-01-01', 2, 'objected', '2026-10-20');
    obj.text = `${o1.name}工资专项集体合同\n第一条 职工月工资不低于1600元。\n第二条 本合同期限自2027-01-01起至2028-12-31止。`;
    Object.assign(obj, { reviewer_id: 'usr-official', reviewed_on: '2026-10-28', review_opinion: '工资标准低于本地最低工资标准，且未约定工资调整机制和支付办法，请重新协商。' });
    const draft = base('cc-demo-draft', { ...d1 }, d1.region_id, 'comprehensive', `${d1.name}集体合同`, '2027-01-01', 3, 'draft', null);
    contracts.push(obj, draft);
    bound.push({ contract_id: obj.id!, enterprise_id: o1.id, region_id: o1.region_id }, { contract_id: draft.id!, enterprise_id: d1.id, region_id: d1.region_id });
  }
  // A regional female workers' contract for the cooperation park.
  const park = data.enterprises.filter((e) => e.region_id === data.ids.park);
  const reg = base('cc-demo-park-female', null, data.ids.park, 'female', '云溪中小企业国际合作区女职工权益保护专项集体合同', '2025-07-01', 3, 'effective', '2025-06-10');
  contracts.push(reg);
  for (const e of park) bound.push({ contract_id: reg.id!, enterprise_id: e.id, region_id: e.region_id });

  await db.transaction().execute(async (trx) => {
    await trx.insertInto('minimum_wages').values({ id: 'mw-demo-441999', region_id: data.ids.district, monthly: 1900, hourly: 18.1, effective_from: '2025-03-01', note: '演示数据（云溪区为虚构地区）', created_at: ts }).execute();
    for (let i = 0; i < contracts.length; i += 100) await trx.insertInto('collective_contracts').values(contracts.slice(i, i + 100)).execute();
    for (let i = 0; i < bound.length; i += 500) await trx.insertInto('collective_contract_enterprises').values(bound.slice(i, i + 500)).execute();
    await trx
      .insertInto('collective_negotiations')
      .values({ id: 'cn-demo-1', region_id: e1.region_id, scope: 'enterprise', enterprise_id: e1.id, kind: 'female', title: `${e1.name}女职工权益保护专项集体协商`, initiator: 'union', instructor_name: '吴晓东', instructor_user_id: 'usr-coordinator1', requested_on: '2026-11-02', responded_on: '2026-11-12', status: 'negotiating', previous_contract_id: null, contract_id: null, request_id: null, created_by: 'usr-union', created_at: ts, updated_at: ts })
      .execute();
    await trx
      .insertInto('negotiation_steps')
      .values([
        { id: 'ns-demo-1', negotiation_id: 'cn-demo-1', region_id: e1.region_id, kind: 'request', on_date: '2026-11-02', title: '工会提出协商要约', minutes: null, participants: null, votes_for: null, delegates: null, actor_id: 'usr-union', created_at: ts },
        { id: 'ns-demo-2', negotiation_id: 'cn-demo-1', region_id: e1.region_id, kind: 'response', on_date: '2026-11-12', title: '企业书面回应', minutes: '同意协商，首次会议定于11月20日。', participants: null, votes_for: null, delegates: null, actor_id: 'usr-enterprise1', created_at: ts },
        { id: 'ns-demo-3', negotiation_id: 'cn-demo-1', region_id: e1.region_id, kind: 'meeting', on_date: '2026-11-20', title: '第一次协商会议', minutes: '双方就孕期、哺乳期保护和女职工年度体检交换意见，初步达成一致。', participants: '双方首席代表及协商代表各5人，集体协商指导员吴晓东', votes_for: null, delegates: null, actor_id: 'usr-union', created_at: ts },
      ])
      .execute();
    // Union building: some enterprises without a union are being prepared; yearly targets per street/town.
    const without = data.enterprises.filter((e) => !e.union_established);
    const step = Math.max(1, Math.floor(without.length / 12));
    const preparing = without.filter((_, i) => i % step === 0).slice(0, 12);
    if (preparing.length) await trx.insertInto('union_building').values(preparing.map((e, i) => ({ id: `ub-demo-${i + 1}`, enterprise_id: e.id, region_id: e.region_id, stage: 'preparing', preparing_on: `2026-${String(3 + (i % 8)).padStart(2, '0')}-10`, established_on: null, responsible: personName(rng), notes: '已召开筹建会议，正在发展会员', created_at: ts, updated_at: ts }))).execute();
    // yearly union-building targets per street are seeded by demo-enterprises.ts
    const indicators = [
      ['ORG', '组织建设', 20, 20],
      ['NEG', '集体协商', 25, 25],
      ['RIGHTS', '维权服务', 25, 25],
      ['FEMALE', '女职工工作', 15, 15],
      ['FUNDS', '经费管理', 15, 15],
    ] as const;
    await trx.insertInto('assessment_indicators').values(indicators.map(([code, name, max, weight], i) => ({ id: `ai-demo-${code}`, region_id: data.ids.district, code, name, max_score: max, weight, sort: i + 1, active: 1, created_at: ts }))).execute();
    const scored = data.enterprises.filter((e) => e.union_established).slice(0, 40);
    const scores: Row<'assessment_scores'>[] = [];
    for (const e of scored) for (const [code, , max] of indicators) scores.push({ id: `as-demo-${e.id}-${code}`, enterprise_id: e.id, region_id: e.region_id, year: 2025, indicator_id: `ai-demo-${code}`, score: Math.round(max * (0.55 + rng.next() * 0.45)), updated_at: ts });
    for (let i = 0; i < scores.length; i += 200) await trx.insertInto('assessment_scores').values(scores.slice(i, i + 200)).execute();
  });
}
