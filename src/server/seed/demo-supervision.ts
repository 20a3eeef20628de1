import type { Insertable } from 'kysely';
import { listedUntil } from '../../domain/credit';
import type { Db } from '../db';
import type { Database } from '../db/schema';
import type { DemoData } from './demo-data';
import { Rng } from './random';

const ts = '2026-03-02T02:00:00.000Z';

async function insert<T extends keyof Database>(db: Db, table: T, rows: Insertable<Database[T]>[]) {
  for (let i = 0; i < rows.length; i += 200) await db.insertInto(table).values(rows.slice(i, i + 200) as never).execute();
}

/**
 * Supervision demo, second part (issue 10): the 双随机 item list and inspector roster with a draft plan, construction
 * projects of construction (E) enterprises with payrolls (one with a missing month), an arrears case, and red/black
 * listings already decided. enterprise1 stays off every list so the demo journeys start clean.
 */
export async function seedSupervisionDemo(db: Db, data: DemoData): Promise<void> {
  const rng = new Rng(20261313);
  const district = data.ids.district;
  await insert(db, 'inspection_items', [
    { id: 'isi-1', region_id: district, code: 'LDJC-001', name: '用人单位遵守劳动用工备案及书面劳动合同制度情况', basis: '劳动保障监察条例 第十一条第（一）项、第（二）项', method: '书面审查、实地检查', active: 1, created_at: ts },
    { id: 'isi-2', region_id: district, code: 'LDJC-002', name: '用人单位支付劳动者工资和执行最低工资标准情况', basis: '劳动保障监察条例 第十一条第（五）项', method: '实地检查', active: 1, created_at: ts },
    { id: 'isi-3', region_id: district, code: 'LDJC-003', name: '用人单位遵守工作时间和休息休假规定情况', basis: '劳动保障监察条例 第十一条第（四）项', method: '书面审查、实地检查', active: 1, created_at: ts },
    { id: 'isi-4', region_id: district, code: 'LDJC-004', name: '用人单位参加各项社会保险和缴纳社会保险费情况', basis: '劳动保障监察条例 第十一条第（七）项', method: '书面审查', active: 1, created_at: ts },
  ]);
  const names = ['李建国', '王海燕', '陈志明', '刘晓东', '张玉梅', '杨国华', '赵文静', '周立新'];
  const conflictWith = data.enterprises.filter((e) => e.id !== data.ids.enterprise1)[3]!.id;
  await insert(
    db,
    'inspectors',
    names.map((name, i) => ({ id: `insp-${i + 1}`, region_id: district, user_id: null, name, cert_no: `44199920${String(160 + i).padStart(4, '0')}`, unit: i < 5 ? '区劳动保障监察大队' : '区人力资源和社会保障局', conflicts_json: JSON.stringify(i === 1 ? [conflictWith] : []), active: 1, created_at: ts, updated_at: ts })),
  );
  await insert(db, 'inspection_plans', [
    { id: 'isp-2026-2', region_id: district, year: 2026, title: '2026年下半年劳动保障双随机抽查', item_ids_json: JSON.stringify(['isi-1', 'isi-2', 'isi-3']), ratio: 0.05, status: 'draft', seed: null, fingerprint: null, inputs_json: null, directory_size: null, drawn_by: null, drawn_at: null, approved_by: null, published_at: null, created_by: 'usr-official', created_at: ts },
  ]);

  const builders = data.enterprises.filter((e) => e.industry_code === 'E' && e.id !== data.ids.enterprise1).slice(0, 4);
  const projects: Insertable<Database['construction_projects']>[] = [];
  const payrolls: Insertable<Database['project_payrolls']>[] = [];
  const sites = ['新桥片区安置房', '滨河路市政道路改造', '科创园三期厂房', '第二实验学校扩建'];
  builders.forEach((e, i) => {
    const id = `cp-${i + 1}`;
    const workers = rng.int(40, 180);
    projects.push({ id, region_id: e.region_id, name: `${sites[i]}工程`, builder_name: i % 2 ? '区城市建设投资有限公司' : '区教育局', contractor_enterprise_id: e.id, contract_amount: rng.int(3000, 30000) * 10000, start_on: '2026-05-06', end_on: null, status: 'active', pay_day: 15, real_name_workers: i === 3 ? 0 : workers, labor_manager: i === 3 ? null : rng.pick(['陈建', '黄强', '林伟']), info_board: i === 2 ? 0 : 1, wage_account_bank: '中国建设银行和谐支行', wage_account_no: i === 3 ? null : `4405016${String(rng.int(100000, 999999))}`, wage_account_opened_on: i === 3 ? null : '2026-05-08', guarantee_form: i === 3 ? null : i === 1 ? 'bank_guarantee' : 'deposit', guarantee_amount: i === 3 ? null : rng.int(20, 80) * 10000, guarantee_on: i === 3 ? null : '2026-05-10', created_by: 'usr-official', created_at: ts, updated_at: ts });
    for (const m of ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']) {
      if (i === 2 && m === '2026-10') continue; // one month missing: the monitor raises an alert
      payrolls.push({ id: `pp-${i + 1}-${m}`, region_id: e.region_id, project_id: id, month: m, workers_paid: workers, amount: workers * rng.int(5200, 7600), paid_on: `${m === '2026-12' ? '2027-01' : `2026-${String(Number(m.slice(5)) + 1).padStart(2, '0')}`}-12`, confirmed_by: null, created_at: ts });
    }
  });
  await insert(db, 'construction_projects', projects);
  await insert(db, 'project_payrolls', payrolls);

  const debtor = builders[3];
  if (debtor) {
    await insert(db, 'wage_arrears_cases', [
      { id: 'wa-1', region_id: debtor.region_id, enterprise_id: debtor.id, project_id: 'cp-4', complaint_id: null, description: '劳务分包班组48名农民工2026年7月至9月工资未发放', workers: 48, amount_owed: 1_126_000, amount_recovered: 380_000, crime_threshold: 1, mass_incident: 0, status: 'open', opened_on: '2026-10-09', resolved_on: null, created_by: 'usr-official', created_at: ts, updated_at: ts },
    ]);
    await insert(db, 'wage_recoveries', [{ id: 'wr-1', region_id: debtor.region_id, case_id: 'wa-1', amount: 380_000, workers: 17, recovered_on: '2026-10-28', note: '总承包单位先行清偿（条例第三十条）', created_by: 'usr-official', created_at: ts }]);
  }
  const reds = await db.selectFrom('enterprises').select(['id', 'region_id']).where('credit_grade', '=', 'A').where('id', 'not in', [data.ids.enterprise1, debtor?.id ?? '']).where('union_established', '=', 1).orderBy('id').limit(6).execute();
  await insert(db, 'credit_listings', [
    ...reds.map((e, i) => ({ id: `cl-red-${i + 1}`, region_id: e.region_id, enterprise_id: e.id, kind: 'red', criterion_id: 'R1', reason: '2024、2025年度守法诚信等级均为A级，近两年无劳动保障违法记录', status: 'listed', noticed_on: '2026-02-02', notice_due_on: '2026-02-09', appeal: null, appeal_at: null, decision_reply: '经评价会议审议，予以列入', decided_by: 'usr-official', decided_at: ts, listed_on: '2026-03-02', listed_until: listedUntil('red', '2026-03-02'), removed_on: null, removal_reason: null, source_id: null, created_by: 'usr-official', created_at: ts, updated_at: ts })),
  ]);
}
