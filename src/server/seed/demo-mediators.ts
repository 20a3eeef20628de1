import type { Insertable } from 'kysely';
import type { Db } from '../db';
import type { Database } from '../db/schema';
import type { DemoData } from './demo-data';
import { personName } from './names';
import { Rng } from './random';

type Rows<T extends keyof Database> = Insertable<Database[T]>[];
const ts = '2026-01-06T01:00:00.000Z';

async function insert<T extends keyof Database>(db: Db, table: T, rows: Rows<T>) {
  for (let i = 0; i < rows.length; i += 200) await db.insertInto(table).values(rows.slice(i, i + 200) as never).execute();
}

/**
 * Mediator development demo data: terms for every mediator in post (some ending 2026-12-31, due for
 * renewal), training records, the designated mediator of each demo case (so the evaluation figures come
 * from the cases), a mentoring pair, the 2025 skills competition, social organisations with purchased
 * service projects, the expert team and three training events.
 */
export async function seedMediatorsDemo(db: Db, data: DemoData): Promise<void> {
  const rng = new Rng(1414);
  const active = data.mediators.filter((m) => m.status === 'active');
  const terms: Rows<'mediator_terms'> = [];
  const trainings: Rows<'mediator_trainings'> = [];
  for (const [i, m] of active.entries()) {
    const id = m.id as string;
    const end = i % 4 === 0 ? '2026-12-31' : '2027-12-31';
    terms.push({ id: `mt-${id}`, region_id: m.region_id as string, mediator_id: id, term_start: i % 4 === 0 ? '2024-01-01' : '2025-01-01', term_end: end, document_no: `云溪调聘〔${i % 4 === 0 ? 2024 : 2025}〕${i + 1}号`, status: 'serving', dismissed_on: null, dismissal_ground: null, dismissal_reason: null, created_by: null, created_at: ts, updated_at: ts });
    const n = rng.int(1, 3);
    for (let t = 0; t < n; t++) trainings.push({ id: `mtr-${id}-${t}`, region_id: m.region_id as string, mediator_id: id, course: ['劳动争议调解实务', '调解协议书制作规范', '工伤待遇争议调处', '集体劳动争议应急处置'][(i + t) % 4]!, hours: [8, 12, 6][t]!, trained_on: `2026-0${3 + t * 2}-1${t}`, event_id: null, created_at: ts });
  }
  await insert(db, 'mediator_terms', terms);
  await insert(db, 'mediator_trainings', trainings);

  // Designated mediators: every demo case goes to one mediator in post of its organisation.
  const byOrg = new Map<string, string[]>();
  for (const m of active) byOrg.set(m.org_id as string, [...(byOrg.get(m.org_id as string) ?? []), m.id as string]);
  const cases = await db.selectFrom('dispute_cases').select(['id', 'org_id', 'region_id', 'received_date']).orderBy('id').execute();
  const designated: Rows<'case_mediators'> = [];
  for (const c of cases) {
    const pool = byOrg.get(c.org_id);
    if (!pool?.length) continue;
    const demo = c.org_id === data.ids.mediationOrg1 ? 'med-demo-1' : c.org_id === data.ids.mediationOrg2 ? 'med-demo-2' : null;
    const mediatorId = demo && rng.chance(0.5) ? demo : rng.pick(pool);
    designated.push({ case_id: c.id, region_id: c.region_id, mediator_id: mediatorId, assigned_on: c.received_date, assigned_by: null, created_at: ts });
  }
  await insert(db, 'case_mediators', designated);

  // A mentoring pair in 新桥街道: a senior mediator with a young one.
  const xinqiao = active.filter((m) => m.org_id === data.ids.mediationOrg1 && m.id !== 'med-demo-1');
  const young = xinqiao.find((m) => (m.joined_on ?? '') >= '2024-01-01');
  if (young) await insert(db, 'mentoring_pairs', [{ id: 'mp-demo-1', region_id: young.region_id as string, mentor_id: 'med-demo-1', mentee_id: young.id as string, started_on: '2026-03-01', ended_on: null, goals: '一年内独立承办工资报酬类争议，调解成功率达到60%', outcome: null, status: 'active', created_by: null, created_at: ts }]);

  // The 2025 district skills competition (seed 003 二(五)3).
  await insert(db, 'skill_competitions', [{ id: 'comp-2025', region_id: data.ids.district, title: '2025年云溪区劳动人事争议调解员岗位技能竞赛', held_on: '2025-10-18', organizer: '云溪区人力资源和社会保障局、云溪区总工会', status: 'finished', created_by: null, created_at: ts, updated_at: ts }]);
  const contestants = active.filter((_, i) => i % 5 === 0).slice(0, 8);
  const scores = contestants.map((m, i) => ({ m, score: i === 0 ? 95.5 : 70 + ((i * 7) % 25) }));
  scores.sort((a, b) => b.score - a.score);
  await insert(db, 'competition_results', scores.map((s, i) => ({ id: `cr-${s.m.id as string}`, region_id: data.ids.district, competition_id: 'comp-2025', mediator_id: s.m.id as string, score: s.score, rank: scores.findIndex((x) => x.score === s.score) + 1, award: i === 0 ? '一等奖' : i < 3 ? '二等奖' : i < 6 ? '三等奖' : null, created_at: ts })));

  // 社会组织台账 with purchased-service projects.
  const SO = [
    ['so-demo-1', '云溪区和谐劳动关系促进会', 'association', 'medium', 18, ['制造业', '建筑业'], ['legal_consulting', 'dispute_mediation', 'training']],
    ['so-demo-2', '云溪区同心劳动法律服务中心', 'private_nonprofit', 'small', 8, ['批发和零售业', '住宿和餐饮业'], ['legal_consulting', 'employment_service']],
    ['so-demo-3', '云溪区心晴社会工作服务中心', 'private_nonprofit', 'medium', 26, ['制造业', '信息传输、软件和信息技术服务业'], ['counselling', 'training']],
    ['so-demo-4', '云溪区人力资源服务行业协会', 'association', 'large', 55, ['租赁和商务服务业'], ['employment_service', 'training']],
    ['so-demo-5', '广东衡正律师事务所云溪工作站', 'law_firm', 'small', 6, ['制造业'], ['legal_consulting', 'dispute_mediation']],
  ] as const;
  await insert(db, 'social_orgs', SO.map(([id, name, type, size, staff, ind, svc], i) => ({ id, region_id: data.ids.district, name, uscc: `52441999MJ${String(1000000 + i * 137).slice(0, 7)}${'XYZ01'[i]}`, org_type: type, size, staff_count: staff, industries_json: JSON.stringify(ind), services_json: JSON.stringify(svc), contact_name: personName(rng), phone: `0759-${rng.int(2000000, 8999999)}`, status: 'active', created_at: ts, updated_at: ts })));
  await insert(db, 'service_projects', [
    { id: 'sp-demo-1', region_id: data.ids.district, social_org_id: 'so-demo-1', title: '2025年小微企业劳动用工法律服务项目', purchaser: '云溪区人力资源和社会保障局', amount: 180000, start_on: '2025-03-01', end_on: '2025-12-31', content: '为辖区小微企业提供劳动用工法律咨询、合同文本审查和劳动纠纷调解服务。', status: 'accepted', accepted_on: '2026-01-15', eval_score: 88, eval_grade: 'good', eval_note: '服务台账完整，咨询满意度较高；调解案件数量略低于约定。', created_by: null, created_at: ts, updated_at: ts },
    { id: 'sp-demo-2', region_id: data.ids.district, social_org_id: 'so-demo-3', title: '2026年新业态劳动者心理疏导服务项目', purchaser: '云溪区总工会', amount: 96000, start_on: '2026-02-01', end_on: '2026-12-31', content: '为快递、外卖等新就业形态劳动者提供心理疏导和减压活动。', status: 'contracted', accepted_on: null, eval_score: null, eval_grade: null, eval_note: null, created_by: null, created_at: ts, updated_at: ts },
  ]);
  await insert(db, 'service_deliverables', [
    { id: 'sd-1-1', region_id: data.ids.district, project_id: 'sp-demo-1', sort: 0, title: '法律咨询服务台账（不少于300人次）', due_on: '2025-12-31', delivered_on: '2025-12-28', evidence: '咨询台账326人次', created_at: ts },
    { id: 'sd-1-2', region_id: data.ids.district, project_id: 'sp-demo-1', sort: 1, title: '劳动纠纷调解案卷（不少于30件）', due_on: '2025-12-31', delivered_on: '2025-12-30', evidence: '调解案卷27件，另有转仲裁5件', created_at: ts },
    { id: 'sd-2-1', region_id: data.ids.district, project_id: 'sp-demo-2', sort: 0, title: '心理疏导活动12场', due_on: '2026-06-30', delivered_on: '2026-06-26', evidence: '活动签到表和照片', created_at: ts },
    { id: 'sd-2-2', region_id: data.ids.district, project_id: 'sp-demo-2', sort: 1, title: '年度服务报告', due_on: '2026-12-31', delivered_on: null, evidence: null, created_at: ts },
  ]);

  // 专家服务团队.
  const EXPERTS = [['lawyer', '广东衡正律师事务所', '高级合伙人', ['劳动合同', '经济补偿']], ['lawyer', '广东南粤律师事务所', '律师', ['工伤待遇', '社会保险']], ['judge', '云溪区人民法院（退休）', '原民事审判庭庭长', ['劳动争议审判', '诉调对接']], ['arbitrator', '市劳动人事争议仲裁院', '兼职仲裁员', ['集体争议', '加班费']], ['scholar', '岭南大学法学院', '副教授', ['劳动法', '集体协商']], ['scholar', '市委党校', '教授', ['劳动关系理论']], ['hr', '云溪高新精密制造有限公司', '人力资源总监', ['薪酬管理', '规章制度']]] as const;
  await insert(db, 'experts', EXPERTS.map(([kind, employer, title, spec], i) => ({ id: `exp-demo-${i + 1}`, region_id: data.ids.district, name: personName(rng), kind, employer, title, specialities_json: JSON.stringify(spec), phone: `1390000${String(1000 + i)}`, status: 'active', created_at: ts, updated_at: ts })));

  // Training and exchange events: two held (attendance recorded), one open for enrolment.
  await insert(db, 'training_events', [
    { id: 'te-demo-1', region_id: data.ids.district, title: '2026年上半年劳动争议调解员业务培训班', kind: 'training', audience: 'mediator', held_on: '2026-05-20', place: '云溪区政务服务中心三楼培训室', hours: 6, capacity: 60, materials: '1. 劳动争议调解仲裁法要点解读\n2. 调解协议书制作规范\n3. 典型案例研讨', status: 'closed', created_by: null, created_at: ts, updated_at: ts },
    { id: 'te-demo-2', region_id: data.ids.district, title: '协调员与调解员经验交流会', kind: 'exchange', audience: 'all', held_on: '2026-09-12', place: '新桥街道劳动争议调解中心', hours: 3, capacity: 40, materials: '各街道交流发言材料', status: 'closed', created_by: null, created_at: ts, updated_at: ts },
    { id: 'te-demo-3', region_id: data.ids.district, title: '2026年下半年调解员业务培训：新就业形态劳动争议', kind: 'training', audience: 'mediator', held_on: '2026-12-18', place: '云溪区政务服务中心三楼培训室', hours: 6, capacity: 50, materials: null, status: 'open', created_by: null, created_at: ts, updated_at: ts },
  ]);
  const attendees = active.filter((_, i) => i % 3 === 0).slice(0, 20);
  await insert(db, 'training_enrolments', attendees.map((m, i) => ({ id: `ten-1-${m.id as string}`, region_id: data.ids.district, event_id: 'te-demo-1', person_kind: 'mediator', person_id: m.id as string, person_name: m.name as string, attended: i % 7 === 6 ? 0 : 1, hours_credited: i % 7 === 6 ? 0 : 6, created_at: ts })));
  await insert(db, 'mediator_trainings', attendees.filter((_, i) => i % 7 !== 6).map((m) => ({ id: `mtr-te1-${m.id as string}`, region_id: m.region_id as string, mediator_id: m.id as string, course: '2026年上半年劳动争议调解员业务培训班', hours: 6, trained_on: '2026-05-20', event_id: 'te-demo-1', created_at: ts })));
}
