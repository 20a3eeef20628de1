import type { Insertable } from 'kysely';
import type { Db } from '../db';
import type { Database } from '../db/schema';
import { COMPLIANT_ANSWERS, runSelfCheck, type Answers } from '../../domain/self-check';
import { DEFAULT_ENTERPRISE_INDICATORS, totalScore, type Indicator } from '../../domain/enterprise-services/harmony';
import { validateSurvey, type SurveyData } from '../../domain/salary-survey';
import type { DemoData } from './demo-data';
import { Rng } from './random';

type Rows<T extends keyof Database> = Insertable<Database[T]>[];
const ts = '2026-01-05T01:00:00.000Z';
const r2 = (n: number) => Math.round(n * 100) / 100;

async function insert<T extends keyof Database>(db: Db, table: T, rows: Insertable<Database[T]>[]) {
  for (let i = 0; i < rows.length; i += 200) await db.insertInto(table).values(rows.slice(i, i + 200) as never).execute();
}

const INDUSTRY_PAY: Record<string, number> = { C: 62000, E: 70000, F: 56000, G: 68000, H: 45000, I: 125000, L: 60000, M: 98000, K: 75000, O: 48000 };
const OCC_FACTOR: Record<string, number> = { '1': 2.6, '2': 1.55, '3': 1.0, '4': 0.85, '5': 0.8, '6': 0.95 };

/** A plausible, consistent survey form for an enterprise (deterministic). */
export function demoSurvey(rng: Rng, industry: string, headcount: number, growth = 1): SurveyData {
  const base = (INDUSTRY_PAY[industry] ?? 58000) * growth;
  const occs = industry === 'C' || industry === 'E' ? ['6', '6', '6', '2', '3', '1'] : industry === 'I' || industry === 'M' ? ['2', '2', '2', '3', '1'] : ['4', '4', '3', '2', '1'];
  const n = Math.min(headcount, 12);
  const employees = Array.from({ length: n }, (_, i) => {
    const occupation = occs[i % occs.length]!;
    const pay = Math.max(30000, Math.round((base * OCC_FACTOR[occupation]! * Math.exp((rng.next() - 0.5) * 0.5)) / 100) * 100);
    return { occupation, annualPay: pay, months: 12 };
  });
  const avg = employees.reduce((s, e) => s + e.annualPay, 0) / n;
  const wages = r2((avg * headcount) / 10000);
  const lc = { wages, socialInsurance: r2(wages * 0.22), welfare: r2(wages * 0.05), education: r2(wages * 0.015), housing: r2(wages * 0.05), other: r2(wages * 0.01) };
  const total = r2(Object.values(lc).reduce((s, v) => s + v, 0));
  const revenue = r2(wages * (5 + rng.next() * 10));
  return { economic: { revenue, profit: r2(revenue * (0.02 + rng.next() * 0.08)), avgEmployees: headcount, totalPayroll: wages }, laborCost: { total, ...lc }, employees };
}

/** Up to n items taken round-robin across streets, so demo records spread over the district. */
function spread<T extends { region_id: string }>(items: T[], n: number): T[] {
  const groups = new Map<string, T[]>();
  for (const it of items) groups.set(it.region_id.slice(0, 9), [...(groups.get(it.region_id.slice(0, 9)) ?? []), it]);
  const lists = [...groups.keys()].sort().map((k) => groups.get(k)!);
  const out: T[] = [];
  for (let i = 0; out.length < n && lists.some((l) => l.length > i); i++) for (const l of lists) if (l[i] && out.length < n) out.push(l[i]!);
  return out;
}

const VIOLATIONS: Answers = {
  contract_within_month: 'partial',
  probation_1_3: 3,
  probation_wage_pct: 70,
  daily_hours: 9,
  monthly_overtime: 60,
  overtime_pay: 'partial',
  social_insurance: 'partial',
  rules_democratic: 'none',
  dispatch_pct: 15,
  lowest_monthly_wage: 1800,
};

/**
 * Enterprise-services demo: a salary survey for 2025 (accepted, so wage levels exist) and 2026 (in
 * progress), self-checks, policies with read receipts, recruitment events, outreach assignments and
 * visits, one-to-one cultivation and harmonious-unit recognitions for the public honours page.
 */
export async function seedServicesDemo(db: Db, data: DemoData): Promise<void> {
  const rng = new Rng(20261111);
  const district = data.ids.district;
  const ents = data.enterprises.filter((e) => e.id !== data.ids.enterprise1);
  const ent1 = data.enterprises.find((e) => e.id === data.ids.enterprise1)!;

  // Salary survey rounds and forms.
  await insert(db, 'salary_survey_rounds', [
    { id: 'ssr-2025', region_id: district, year: 2025, minimum_monthly_wage: 1900, min_enterprises: 3, sample_min_headcount: 100, deadline: '2026-03-31', created_by: 'usr-official', created_at: ts },
    { id: 'ssr-2026', region_id: district, year: 2026, minimum_monthly_wage: 1900, min_enterprises: 3, sample_min_headcount: 100, deadline: '2026-12-31', created_by: 'usr-official', created_at: ts },
  ]);
  const surveyed = spread(ents.filter((e) => (e.headcount ?? 0) >= 20 && ['C', 'E', 'F', 'G', 'I', 'H'].includes(e.industry_code ?? '')), 60);
  const surveys: Rows<'salary_surveys'> = [];
  const actions: Rows<'salary_survey_actions'> = [];
  const form = (e: (typeof ents)[number], year: number, status: string, d: SurveyData, i: number) => {
    const issues = validateSurvey(d, { minimumMonthlyWage: 1900 });
    const id = `ss-${year}-${e.id}`;
    surveys.push({ id, region_id: e.region_id, round_id: `ssr-${year}`, enterprise_id: e.id, industry_code: e.industry_code ?? null, year, status, data_json: JSON.stringify(d), issues_json: JSON.stringify(issues), error_count: issues.filter((x) => x.level === 'error').length, warning_count: issues.filter((x) => x.level === 'warning').length, return_reason: status === 'returned' ? '人工成本中的社会保险费用与缴费基数不符，请核实' : null, submitted_at: status === 'draft' ? null : ts, reviewed_by: status === 'accepted' || status === 'returned' ? 'usr-official' : null, reviewed_at: status === 'accepted' || status === 'returned' ? ts : null, version: 1, created_at: ts, updated_at: ts });
    if (status !== 'draft') actions.push({ id: `ssa-${id}-1`, region_id: e.region_id, survey_id: id, action: 'submit', from_status: 'draft', to_status: 'submitted', reason: null, actor_id: null, actor_name: `${e.name}`, at: ts });
    if (status === 'accepted' || status === 'returned') actions.push({ id: `ssa-${id}-2`, region_id: e.region_id, survey_id: id, action: status === 'accepted' ? 'accept' : 'return', from_status: 'submitted', to_status: status, reason: status === 'returned' ? '人工成本中的社会保险费用与缴费基数不符，请核实' : null, actor_id: 'usr-official', actor_name: '陈立华（区人社局）', at: ts });
    void i;
  };
  surveyed.forEach((e, i) => {
    const d25 = demoSurvey(rng, e.industry_code ?? 'C', e.headcount ?? 20);
    form(e, 2025, 'accepted', d25, i);
    if (i < 40) form(e, 2026, i < 24 ? 'accepted' : i < 33 ? 'submitted' : i < 36 ? 'returned' : 'draft', demoSurvey(rng, e.industry_code ?? 'C', e.headcount ?? 20, 1.04), i);
  });
  form(ent1, 2025, 'accepted', demoSurvey(rng, ent1.industry_code ?? 'C', ent1.headcount ?? 100), 0);
  await insert(db, 'salary_surveys', surveys);
  await insert(db, 'salary_survey_actions', actions);

  // Self-checks: each answer compliant with probability 0.8.
  const checks: Rows<'self_checks'> = [];
  spread(ents.filter((e) => (e.headcount ?? 0) >= 10), 60).forEach((e, i) => {
    const answers: Answers = { ...COMPLIANT_ANSWERS };
    for (const [k, v] of Object.entries(VIOLATIONS)) if (rng.chance(0.12)) answers[k] = v;
    const report = runSelfCheck(answers, { minimumMonthlyWage: 1900 });
    checks.push({ id: `sc-demo-${i + 1}`, region_id: e.region_id, enterprise_id: e.id, industry_code: e.industry_code ?? null, answers_json: JSON.stringify(answers), report_json: JSON.stringify({ ...report, minimumMonthlyWage: 1900 }), high_count: report.counts.high, medium_count: report.counts.medium, low_count: report.counts.low, score: report.score, submitted_by: null, submitted_at: `2026-${String(1 + (i % 10)).padStart(2, '0')}-15T02:00:00.000Z`, visit_status: i === 1 ? 'accepted' : null, visit_message: i === 1 ? '区人社局将安排劳动关系协调员上门指导' : null, visit_offered_by: i === 1 ? 'usr-official' : null, visit_offered_at: i === 1 ? ts : null, visit_responded_at: i === 1 ? ts : null });
  });
  await insert(db, 'self_checks', checks);

  // Policies with deliveries and read receipts.
  const policies: Rows<'policies'> = [
    { id: 'pol-demo-1', region_id: district, title: '云溪区稳岗扩就业政策汇编（2026年版）', kind: 'compilation', summary: '一次性吸纳就业补贴、稳岗返还、以工代训等政策一览。', body: '一、稳岗返还：上年度未裁员或裁员率不高于全国城镇调查失业率控制目标的参保企业，可申请返还上年度实际缴纳失业保险费的一定比例。\n二、一次性吸纳就业补贴：招用毕业年度或离校2年内未就业高校毕业生并签订1年以上劳动合同、缴纳社会保险费的企业，可申请补贴。\n三、职业技能培训补贴：企业组织职工参加职业技能培训并取得证书的，按规定给予补贴。', target_json: JSON.stringify({ industries: [], sizes: [], regionIds: [], enterpriseIds: [] }), status: 'published', published_at: '2026-03-01T02:00:00.000Z', published_by: 'usr-official', created_by: 'usr-official', created_at: ts, updated_at: ts },
    { id: 'pol-demo-2', region_id: district, title: '制造业企业用工风险提示：加班时长与加班工资', kind: 'risk_notice', summary: '每月加班不得超过36小时，加班工资按150%/200%/300%支付。', body: '依据《劳动法》第四十一条，用人单位延长工作时间每日不得超过三小时，每月不得超过三十六小时；依据第四十四条，应按不低于工资的150%、200%、300%支付加班工资。请各企业自查排班制度。', target_json: JSON.stringify({ industries: ['C'], sizes: [], regionIds: [], enterpriseIds: [] }), status: 'published', published_at: '2026-06-10T02:00:00.000Z', published_by: 'usr-official', created_by: 'usr-official', created_at: ts, updated_at: ts },
    { id: 'pol-demo-3', region_id: district, title: '新开办企业劳动用工指引', kind: 'guide', summary: '招用职工一个月内签订书面劳动合同、三十日内办理社保登记。', body: '一、自用工之日起一个月内订立书面劳动合同（劳动合同法第十条）。\n二、自用工之日起三十日内办理社会保险登记（社会保险法第五十八条）。\n三、规章制度经民主程序制定并公示（劳动合同法第四条）。', target_json: JSON.stringify({ industries: [], sizes: ['small', 'micro'], regionIds: [], enterpriseIds: [] }), status: 'published', published_at: '2026-09-01T02:00:00.000Z', published_by: 'usr-official', created_by: 'usr-official', created_at: ts, updated_at: ts },
    { id: 'pol-demo-4', region_id: district, title: '关于开展2026年度企业薪酬调查的通知（草稿）', kind: 'notice', summary: null, body: '各有关企业：根据上级部署，现开展2026年度企业薪酬调查……', target_json: JSON.stringify({ industries: [], sizes: ['large', 'medium', 'small'], regionIds: [], enterpriseIds: [] }), status: 'draft', published_at: null, published_by: null, created_by: 'usr-official', created_at: ts, updated_at: ts },
  ];
  await insert(db, 'policies', policies);
  const deliveries: Rows<'policy_deliveries'> = [];
  for (const e of data.enterprises) {
    const targets = ['pol-demo-1', ...(e.industry_code === 'C' ? ['pol-demo-2'] : []), ...(e.size_class === 'small' || e.size_class === 'micro' ? ['pol-demo-3'] : [])];
    for (const p of targets) {
      const read = e.id !== data.ids.enterprise1 && rng.chance(0.55);
      deliveries.push({ id: `pd-${p}-${e.id}`, region_id: e.region_id, policy_id: p, enterprise_id: e.id, delivered_at: policies.find((x) => x.id === p)!.published_at!, read_at: read ? '2026-10-01T02:00:00.000Z' : null, read_by: null });
    }
  }
  await insert(db, 'policy_deliveries', deliveries);

  // Recruitment events of 2026 against the 30/80 targets.
  const events: Rows<'recruitment_events'> = [];
  for (let i = 0; i < 83; i++) {
    const online = i < 22;
    const month = 1 + (i % 10);
    events.push({ id: `rec-demo-${i + 1}`, region_id: district, year: 2026, mode: online ? 'online' : 'offline', title: online ? `“社企通”线上专场招聘会（第${i + 1}期）` : `就业创业广场${rng.pick(['制造业', '电子信息', '现代服务业', '高校毕业生', '退役军人', '农民工'])}专场招聘会`, held_on: `2026-${String(month).padStart(2, '0')}-${String(1 + ((i * 7) % 27)).padStart(2, '0')}`, venue: online ? '区人社智能公共服务平台' : '云溪区就业创业广场', employers: rng.int(15, 80), positions: rng.int(200, 1500), attendees: rng.int(300, 3000), created_by: 'usr-official', created_at: ts });
  }
  await insert(db, 'recruitment_events', events);
  await insert(db, 'recruitment_targets', [{ id: 'rt-2026', region_id: district, year: 2026, online_target: 30, offline_target: 80, updated_at: ts }]);

  // Outreach: the most recent qualifying enterprises, some assigned and visited.
  const recent = data.enterprises.filter((e) => (e.headcount ?? 0) >= 10 && (e.registered_on ?? '') >= '2025-11-26').sort((a, b) => (b.registered_on ?? '').localeCompare(a.registered_on ?? '')).slice(0, 6);
  await insert(db, 'outreach_assignments', recent.map((e, i) => ({ id: `oa-demo-${i + 1}`, region_id: e.region_id, enterprise_id: e.id, officer_user_id: i % 2 ? 'usr-coordinator1' : 'usr-official', assigned_by: 'usr-official', assigned_at: ts, last_visit_on: i < 3 ? '2026-10-20' : null, visit_count: i < 3 ? 1 : 0, updated_at: ts })));
  await insert(db, 'outreach_visits', recent.slice(0, 3).map((e, i) => ({ id: `ov-demo-${i + 1}`, region_id: e.region_id, enterprise_id: e.id, visited_on: '2026-10-20', visitor_user_id: i % 2 ? 'usr-coordinator1' : 'usr-official', visitor_name: i % 2 ? '吴晓东（劳动关系协调员）' : '陈立华（区人社局）', summary: '宣讲劳动合同订立、社保登记和稳岗政策，发放《新开办企业劳动用工指引》。', needs: i === 0 ? '希望对接线下专场招聘会' : null, request_id: null, created_at: ts })));

  // One-to-one cultivation for 2026: the bureau, the union and the federation each pair with one enterprise.
  const big = ents.filter((e) => (e.headcount ?? 0) >= 50).slice(0, 3);
  const partners = [['hrss', 'ou-hrss', 'usr-official'], ['union', 'ou-union', 'usr-coordinator1'], ['federation', 'ou-federation', 'usr-official']] as const;
  await insert(db, 'cultivations', big.map((e, i) => ({ id: `cul-demo-${i + 1}`, region_id: e.region_id, enterprise_id: e.id, year: 2026, partner: partners[i]![0], partner_org_unit_id: partners[i]![1], officer_user_id: partners[i]![2], diagnosis: '劳动合同签订率98%，规章制度未经职代会审议；尚未开展工资集体协商。', plan: i < 2 ? '一、3月前完成规章制度民主程序；二、6月前开展工资集体协商；三、全年开展两次和谐劳动关系专题培训。' : null, status: i === 0 ? 'assessed' : i === 1 ? 'in_progress' : 'diagnosed', assessment_score: i === 0 ? 92 : null, assessment_result: i === 0 ? 'excellent' : null, assessment_note: i === 0 ? '达到劳动关系和谐企业要求，推荐参评' : null, assessed_at: i === 0 ? '2026-11-01T02:00:00.000Z' : null, created_by: 'usr-official', created_at: ts, updated_at: ts })));
  await insert(db, 'cultivation_activities', big.slice(0, 2).flatMap((e, i) => [
    { id: `ca-demo-${i}-1`, region_id: e.region_id, cultivation_id: `cul-demo-${i + 1}`, kind: 'visit', held_on: '2026-03-12', topic: '规章制度民主程序指导', note: null, participants: 6, created_by: 'usr-official', created_at: ts },
    { id: `ca-demo-${i}-2`, region_id: e.region_id, cultivation_id: `cul-demo-${i + 1}`, kind: 'training', held_on: '2026-05-20', topic: '工资工时制度与集体协商专题培训', note: null, participants: 35, created_by: 'usr-official', created_at: ts },
  ]));

  // Harmonious-unit creation: indicator sets and recognitions (public honours).
  const parkIndicators: Indicator[] = [
    { code: 'mechanism', category: '工作机制', name: '建立园区劳动关系三方协商机制和联处中心', maxScore: 30 },
    { code: 'coverage', category: '建会建制', name: '园区企业建会率、集体合同覆盖率', maxScore: 30 },
    { code: 'disputes', category: '争议化解', name: '争议调解成功率不低于60%，无重大群体性事件', maxScore: 40 },
  ];
  await insert(db, 'harmony_indicator_sets', [
    { id: 'his-enterprise', region_id: district, name: '劳动关系和谐企业评价指标（云溪区）', subject_kind: 'enterprise', indicators_json: JSON.stringify(DEFAULT_ENTERPRISE_INDICATORS), active: 1, created_by: 'usr-official', created_at: ts, updated_at: ts },
    { id: 'his-park', region_id: district, name: '劳动关系和谐工业园区评价指标', subject_kind: 'park', indicators_json: JSON.stringify(parkIndicators), active: 1, created_by: 'usr-official', created_at: ts, updated_at: ts },
    { id: 'his-street', region_id: district, name: '劳动关系和谐乡镇（街道）评价指标', subject_kind: 'street', indicators_json: JSON.stringify(parkIndicators), active: 1, created_by: 'usr-official', created_at: ts, updated_at: ts },
  ]);
  const full = (ind: Indicator[], minus: number) => Object.fromEntries(ind.map((x, k) => [x.code, { score: Math.max(0, x.maxScore - (k === 0 ? minus : 0)) }]));
  const apps: Rows<'harmony_applications'> = [];
  ents.filter((e) => (e.headcount ?? 0) >= 100).slice(0, 4).forEach((e, i) => {
    const s = full(DEFAULT_ENTERPRISE_INDICATORS, [2, 12, 8, 3][i]!);
    const t = totalScore(DEFAULT_ENTERPRISE_INDICATORS, s);
    const recognised = i < 3;
    apps.push({ id: `ha-demo-${i + 1}`, region_id: e.region_id, subject_kind: 'enterprise', enterprise_id: e.id, subject_region_id: null, subject_name: e.name, year: recognised ? 2025 : 2026, indicator_set_id: 'his-enterprise', status: recognised ? 'recognised' : 'submitted', self_json: JSON.stringify(s), self_total: t, review_json: recognised ? JSON.stringify(s) : null, review_total: recognised ? t : null, review_comment: null, level: recognised ? (t >= 90 ? 'AAA' : t >= 80 ? 'AA' : 'A') : null, recognised_on: recognised ? '2025-12-18' : null, reviewer_id: recognised ? 'usr-official' : null, created_by: 'usr-official', created_at: ts, updated_at: ts });
  });
  const park = data.regions.find((r) => r.id === data.ids.park)!;
  const ps = full(parkIndicators, 5);
  apps.push({ id: 'ha-demo-park', region_id: park.id, subject_kind: 'park', enterprise_id: null, subject_region_id: park.id, subject_name: park.name, year: 2025, indicator_set_id: 'his-park', status: 'recognised', self_json: JSON.stringify(ps), self_total: 95, review_json: JSON.stringify(ps), review_total: 95, review_comment: '联处中心运行规范', level: 'AAA', recognised_on: '2025-12-18', reviewer_id: 'usr-official', created_by: 'usr-official', created_at: ts, updated_at: ts });
  await insert(db, 'harmony_applications', apps);
}
