import type { Db } from '../db';
import { INDICATOR_CATALOGUE } from '../../domain/indicators/catalogue';
import { ensureCatalogue } from '../modules/indicators/compute';
import { insertPlan } from '../modules/plans/service';
import type { PlanCreate } from '../modules/plans/schemas';
import type { DemoData } from './demo-data';
import { Rng } from './random';

const HRSS = 'ou-hrss';
const UNION = 'ou-union';
const FED = 'ou-federation';
type Stage = [string, string];

/**
 * Seed 000 (李沧区劳动关系“和谐同行”能力提升三年行动计划实施方案), sections 一 to 七, as the demo
 * district's plan. The seed runs 2020–2023; the demo district runs the same plan four years later
 * (2024–2027) so that its deadlines fall around the demo's present. Each section's 工作措施 are its
 * tasks, its 时间安排 the stages of each task, its 责任分工 the lead and partner units
 * ("按职责分别负责" → 区人社局 leads, 总工会 and 工商联 partner).
 */
const SECTIONS: { title: string; objective: string; lead: string; partners: string[]; stages: Stage[]; tasks: [string, string][] }[] = [
  {
    title: '打造金牌劳动关系协调员',
    objective: '每年至少打造1名金牌劳动关系协调员；力争3年内辖区大多数大中型企业配备至少1名劳动关系协调员。',
    lead: HRSS, partners: [UNION, FED],
    stages: [['2025-12-31', '以仲裁员、调解员及基层调解中心调解员为重点，扩大协调员队伍，选树金牌劳动关系协调员'], ['2026-12-31', '全面推进劳动关系协调员队伍建设'], ['2027-09-30', '开展总结分析，提炼总结经验做法，交流推广典型经验']],
    tasks: [
      ['贯彻落实劳动关系协调员有关支持政策', '积极开展劳动关系协调员职业技能培训并按规定给予培训补贴；鼓励从事劳动关系协调工作人员参加职业技能等级认定；推进调解仲裁机构与街道、社区基层调解组织“四级联动”机制建设。'],
      ['加强劳动关系协调员队伍的指导服务', '建立定期学习交流平台；组织协调员通过劳动人事争议预防平台备案，参加社区专业性劳动人事争议调解员培训班。'],
      ['选树金牌劳动关系协调员', '按照金牌劳动关系协调员标准和要求，每年选树先进典型，宣传先进事迹，推广交流经验。'],
    ],
  },
  {
    title: '打造金牌协调劳动关系社会组织',
    objective: '培育专业性协调劳动关系社会组织，选树金牌协调劳动关系社会组织，为中小企业和劳动者提供劳动关系公共服务。',
    lead: UNION, partners: [HRSS, FED],
    stages: [['2024-12-31', '建立本地区协调劳动关系社会组织台账'], ['2025-12-31', '研究制定社会组织参与协调劳动关系工作办法和相关政策措施'], ['2026-12-31', '推动社会组织为企业特别是小微企业和劳动者提供劳动关系公共服务'], ['2027-09-30', '开展总结分析，提炼经验做法，宣传推广典型']],
    tasks: [
      ['加强对协调劳动关系社会组织的引导', '建立协调劳动关系社会组织台账，掌握数量、规模、行业分布及工作开展情况；搭建沟通交流平台，定期开展培训。'],
      ['研究制定社会组织参与协调劳动关系工作办法', '建立健全协调劳动关系社会组织工作规范，明确基本设施、人员配备、工作项目。'],
      ['选树金牌协调劳动关系社会组织', '按照上级标准和要求培育选树典型，定期总结社会组织开展工作情况。'],
    ],
  },
  {
    title: '打造金牌劳动人事争议调解组织',
    objective: '用3年左右时间打造9家标准化劳动人事争议调解组织（品牌调解室）；劳动人事争议调解成功率达到60%以上。',
    lead: HRSS, partners: [UNION, FED],
    stages: [['2025-10-31', '在全区认定3家标准化劳动人事争议调解组织（第一批）'], ['2026-08-31', '在全区认定3家标准化劳动人事争议调解组织（第二批）'], ['2027-06-30', '在全区认定3家标准化劳动人事争议调解组织（第三批）'], ['2027-09-30', '开展总结分析，提炼推广经验做法']],
    tasks: [
      ['建立规范化劳动争议调解组织', '开展街道劳动争议调解组织示范建设，打造行业性、区域性金牌劳动人事争议调解组织；推动社区基层建立劳动争议调解组织。'],
      ['建立健全调解工作制度，提升服务水平', '落实调解组织和调解员名册制度，完善调解登记、调解记录、档案管理、统计分析、信息通报、争议排查等制度；调解成功率达到60%以上。'],
      ['加强调解与仲裁有效衔接', '开展调解协议的仲裁审查确认、劳动争议调解建议书、委托调解等工作。'],
    ],
  },
  {
    title: '企业培育共同行动',
    objective: '每年选取3户企业进行点对点培育指导服务，人社、工会、工商联各选取1户企业进行培育。',
    lead: HRSS, partners: [UNION, FED],
    stages: [['2024-12-31', '全部完成当年培育任务'], ['2025-12-31', '全部完成当年培育任务'], ['2026-12-31', '全部完成当年培育任务']],
    tasks: [
      ['建立“一对一”结对指导制度', '人社、工会、工商联分别选取一家企业作为培育企业，制定针对性培育方案。'],
      ['开展和谐劳动关系专题培训', '面向培育企业负责人、人力资源工作人员开展专题培训。'],
    ],
  },
  {
    title: '服务新企用工计划',
    objective: '主动为新注册企业提供劳动用工服务和政策指导；每年线上招聘30场、线下招聘80场。',
    lead: HRSS, partners: [UNION, FED],
    stages: [['2027-09-30', '持续性工作：搭建线上线下服务平台，积极服务新注册企业']],
    tasks: [
      ['建立服务团队', '对用工10人以上的新注册企业和重要园区推送政策、实地走访；建立专家服务团队。'],
      ['加强指导和服务，利用好“互联网+预防”平台', '确保每年线上招聘30场、线下招聘80场；建立健全线上劳动用工指导平台。'],
    ],
  },
  {
    title: '重点企业用工指导计划',
    objective: '建立完善用工规模较大企业的用工指导服务机制，有效防范化解劳动关系矛盾风险。',
    lead: HRSS, partners: [UNION, FED],
    stages: [['2024-12-31', '启动建立重点企业用工监测机制和指导服务台账'], ['2026-12-31', '完善重点企业用工监测机制，基本形成制度化工作措施'], ['2027-09-30', '重点企业用工监测机制健全，企业用工规范有序']],
    tasks: [
      ['建立重点企业用工监测机制', '对规上企业建立动态用工监测机制；通过一体化登记、社保登记、失业动态监测、仲裁信息等加强监测，及时发现裁员苗头。'],
      ['规范企业裁员行为', '每月进行线上和线下用工监测，确保不发生规模性裁员；指导确需裁员企业依法实施裁员。'],
    ],
  },
  {
    title: '做好企业薪酬调查工作',
    objective: '做好企业薪酬调查工作，把握企业收入分配现状，指导企业建立健全收入分配制度。',
    lead: HRSS, partners: [UNION, FED],
    stages: [['2025-12-31', '全部完成当年企业薪酬调查工作'], ['2026-12-31', '全部完成当年企业薪酬调查工作'], ['2027-12-31', '全部完成当年企业薪酬调查工作']],
    tasks: [['组织企业按指标解释准确填报', '确保企业主要经济指标、人工成本指标及从业人员工资报酬指标填报准确，严格执行数据审核流程。']],
  },
];

export const DEMO_PLAN_ID = 'plan-demo-licang';

export function demoPlanInput(): PlanCreate {
  return {
    title: '云溪区劳动关系“和谐同行”能力提升三年行动计划实施方案',
    kind: 'action_plan',
    issuer: '云溪区人力资源和社会保障局、云溪区总工会、云溪区工商业联合会',
    startYear: 2024,
    endYear: 2027,
    sections: SECTIONS.map((s) => ({
      title: s.title,
      objective: s.objective,
      tasks: s.tasks.map(([title, measures]) => ({ title, measures, overallTarget: s.objective, leadUnitId: s.lead, partnerUnitIds: s.partners, startOn: '2024-07-01', dueOn: s.stages[s.stages.length - 1]![0], stages: s.stages.map(([dueOn, target]) => ({ dueOn, target })) })),
    })),
  };
}

/** The demo plan with approved reports up to mid-2026, targets for 2024–2027 and units' manual figures. */
export async function seedPlansDemo(db: Db, data: DemoData): Promise<void> {
  const ts = '2024-07-01T01:00:00.000Z';
  const rng = new Rng(12);
  let n = 0;
  const nextId = () => `pd-${String(++n).padStart(4, '0')}`;
  await ensureCatalogue(db, { now: () => new Date(ts) });
  await db.transaction().execute(async (trx) => {
    await insertPlan(trx, demoPlanInput(), { id: DEMO_PLAN_ID, regionId: data.ids.district, ownerUnitId: HRSS, createdBy: 'usr-official', at: ts, nextId });
    const tasks = await trx.selectFrom('plan_tasks').selectAll().where('plan_id', '=', DEMO_PLAN_ID).orderBy('seq').execute();
    for (const t of tasks) {
      const stages = await trx.selectFrom('plan_stages').selectAll().where('task_id', '=', t.id).orderBy('seq').execute();
      // Stages due before 2026-06 were reported by the lead unit and approved, except for every fourth task.
      const met = t.seq % 4 === 0 ? [] : stages.filter((s) => s.due_on < '2026-06-01');
      let progress = 0;
      for (const s of met) {
        progress = Math.min(95, Math.round((100 * s.seq) / stages.length));
        await trx.insertInto('progress_reports').values({ id: nextId(), task_id: t.id, plan_id: DEMO_PLAN_ID, region_id: t.region_id, org_unit_id: t.lead_unit_id, reported_by: t.lead_unit_id === UNION ? 'usr-union' : 'usr-official', period: s.due_on.slice(0, 7), text: `已完成阶段目标：${s.target}。`, figures: JSON.stringify([{ name: '参与企业', value: rng.int(3, 40), unit: '户' }]), attachments: '[]', percent: progress, claims_done: 0, stage_id: s.id, status: 'approved', reviewed_by: 'usr-official', reviewed_at: `${s.due_on}T08:00:00.000Z`, review_comment: '同意', request_id: null, created_at: `${s.due_on}T02:00:00.000Z` }).execute();
        await trx.updateTable('plan_stages').set({ done_on: s.due_on }).where('id', '=', s.id).execute();
      }
      if (met.length) await trx.updateTable('plan_tasks').set({ progress, last_report_at: `${met[met.length - 1]!.due_on}T02:00:00.000Z` }).where('id', '=', t.id).execute();
    }
    for (const d of INDICATOR_CATALOGUE) {
      for (const year of [2024, 2025, 2026, 2027]) {
        await trx.insertInto('indicator_targets').values({ id: nextId(), indicator_id: d.id, region_id: data.ids.district, year, target: d.defaultTarget, updated_by: null, updated_at: ts }).execute();
      }
      if (d.calculator) continue; // units' figures for indicators entered by hand (before their module went live)
      for (const period of d.computedFrom ? ['2025'] : ['2025', '2026-10']) {
        const target = d.defaultTarget;
        const value = d.measure === 'rate' ? Math.round(Math.min(100, target * (0.75 + rng.next() * 0.35)) * 10) / 10 : Math.round(target * (period === '2025' ? 1 : 0.6 + rng.next() * 0.5));
        await trx.insertInto('indicator_values').values({ id: nextId(), indicator_id: d.id, region_id: data.ids.district, org_unit_id: d.id === 'collective_contract_coverage' ? UNION : HRSS, period, value, numerator: null, denominator: null, version: 1, source: 'manual', note: '演示数据', entered_by: d.id === 'collective_contract_coverage' ? 'usr-union' : 'usr-official', created_at: period === '2025' ? '2026-01-10T02:00:00.000Z' : '2026-11-05T02:00:00.000Z' }).execute();
      }
    }
  });
}
