import { z } from 'zod';

export const Measure = z.enum(['count', 'stock', 'rate']);
export type Measure = z.infer<typeof Measure>;
export const Direction = z.enum(['higher', 'lower']);
export type Direction = z.infer<typeof Direction>;
export const IndicatorMode = z.enum(['computed', 'manual']);
export type IndicatorMode = z.infer<typeof IndicatorMode>;

export const MEASURE_LABELS: Record<Measure, string> = { count: '年度累计', stock: '时点存量', rate: '比率' };

/** One indicator of the registry as first defined (version 1). Later definition changes are versions in the database. */
export interface IndicatorDef {
  id: string;
  name: string;
  unit: string;
  measure: Measure;
  direction: Direction;
  mode: IndicatorMode;
  /** Calculator key (computed indicators): a file in src/server/modules/indicators/calculators/. */
  calculator?: string;
  params?: Record<string, unknown>;
  definition: string;
  formula: string;
  dataSource: string;
  /** Yearly target for the district, from the seeds. */
  defaultTarget: number;
  /** Manual indicators: the module whose records will make it computed. */
  pendingModule?: string;
  /**
   * An indicator first entered by units and now computed from a module's records: a second definition version
   * with this calculator, valid from `validFrom`. Years before it keep the units' entries (reproducible).
   */
  computedFrom?: ComputedSwitch;
}

export interface ComputedSwitch {
  calculator: string;
  params?: Record<string, unknown>;
  validFrom: string;
  definition: string;
  formula: string;
  dataSource: string;
}

/** The year the dispute, supervision, contract and service modules went live on the platform. */
export const MODULES_LIVE_FROM = '2026-01-01';

/** The registry as the platform ships it. Targets cite the seed documents they come from. */
export const INDICATOR_CATALOGUE: IndicatorDef[] = [
  {
    id: 'standardized_mediation_orgs', name: '认定标准化劳动人事争议调解组织', unit: '家', measure: 'count', direction: 'higher', mode: 'computed',
    calculator: 'standardized-mediation-orgs', definition: '当年经认定的标准化劳动人事争议调解组织数量（李沧区方案三：每年认定3家）。',
    formula: 'count(调解组织 where 标准化认定日期 in 当年)', dataSource: '调解组织名录（mediation_orgs.standardized_on）', defaultTarget: 3,
  },
  {
    id: 'gold_mediation_orgs', name: '选树金牌劳动人事争议调解组织', unit: '家', measure: 'count', direction: 'higher', mode: 'computed',
    calculator: 'gold-mediation-orgs', definition: '当年选树的金牌劳动人事争议调解组织数量。',
    formula: 'count(调解组织 where 金牌选树日期 in 当年)', dataSource: '调解组织名录（mediation_orgs.gold_on）', defaultTarget: 1,
  },
  {
    id: 'new_unions', name: '新建工会企业', unit: '户', measure: 'count', direction: 'higher', mode: 'computed',
    calculator: 'new-unions', definition: '当年新建立工会组织的企业数量。',
    formula: 'count(企业 where 建会日期 in 当年)', dataSource: '企业台账（enterprises.union_established_on）', defaultTarget: 12,
  },
  {
    id: 'union_coverage', name: '25人以上企业建会率', unit: '%', measure: 'rate', direction: 'higher', mode: 'computed',
    calculator: 'union-coverage', params: { minHeadcount: 25 },
    definition: '职工25人以上企业中已建立工会的比例（工会法第十一条：会员二十五人以上的应当建立基层工会委员会）。',
    formula: '已建会企业数 ÷ 职工人数≥25的企业数 × 100%', dataSource: '企业台账（enterprises.union_established, headcount）', defaultTarget: 80,
  },
  {
    id: 'coordinator_coverage', name: '大中型企业配备劳动关系协调员比例', unit: '%', measure: 'rate', direction: 'higher', mode: 'computed',
    calculator: 'coordinator-coverage', params: { sizeClasses: ['large', 'medium'] },
    definition: '大中型企业中已配备劳动关系协调员的比例（李沧区方案一：力争3年内大多数大中型企业配备至少1名协调员）。',
    formula: '已配备协调员的大中型企业数 ÷ 大中型企业数 × 100%', dataSource: '企业台账（enterprises.size_class, coordinator_user_id）', defaultTarget: 60,
  },
  {
    id: 'key_enterprises_monitored', name: '重点企业用工监测户数', unit: '户', measure: 'stock', direction: 'higher', mode: 'computed',
    calculator: 'key-enterprises', definition: '纳入动态用工监测的重点企业户数（李沧区方案六），明细含各企业用工人数。',
    formula: 'count(企业 where 重点企业 = 是)', dataSource: '企业台账（enterprises.is_key, headcount）', defaultTarget: 150,
  },
  {
    id: 'active_mediators', name: '在册调解员', unit: '人', measure: 'stock', direction: 'higher', mode: 'computed',
    calculator: 'active-mediators', definition: '辖区调解组织在册（未离任）的调解员人数。',
    formula: 'count(调解员 where 状态 = 在册)', dataSource: '调解员名册（mediators.status）', defaultTarget: 60,
  },
  {
    id: 'mediation_success_rate', name: '劳动人事争议调解成功率', unit: '%', measure: 'rate', direction: 'higher', mode: 'computed',
    definition: '调解成功案件数占调解结案数的比例（李沧区方案三：达到60%以上）。', formula: '调解成功件数 ÷ 调解结案件数 × 100%',
    dataSource: '各调解组织报送', defaultTarget: 60,
    computedFrom: { calculator: 'mediation-success', validFrom: MODULES_LIVE_FROM, definition: '当年调解结案的争议案件中达成调解协议的比例（撤回、不予受理的不计入；李沧区方案三：达到60%以上）。', formula: '调解成功件数 ÷ (调解成功件数 + 调解不成件数) × 100%', dataSource: '争议案件（dispute_cases.result, closed_on）' },
  },
  {
    id: 'arbitration_closing_rate', name: '仲裁案件按期结案率', unit: '%', measure: 'rate', direction: 'higher', mode: 'computed',
    definition: '仲裁案件在法定期限内结案的比例（劳动争议调解仲裁法第四十三条：受理之日起四十五日内结束，延长不超过十五日）。',
    formula: '按期结案件数 ÷ 结案件数 × 100%', dataSource: '仲裁院报送', defaultTarget: 90,
    computedFrom: { calculator: 'arbitration-closing', validFrom: MODULES_LIVE_FROM, definition: '当年结案的仲裁案件中在法定期限内结案的比例（劳动争议调解仲裁法第四十三条：四十五日内结束，延长不超过十五日）。', formula: '按期结案件数 ÷ 仲裁结案件数 × 100%', dataSource: '争议案件（dispute_cases.stage = arbitration, closed_in_time）' },
  },
  {
    id: 'complaints_on_time_rate', name: '投诉举报按时办结率', unit: '%', measure: 'rate', direction: 'higher', mode: 'computed',
    definition: '劳动保障投诉举报在规定期限内办结的比例。', formula: '按时办结件数 ÷ 办结件数 × 100%',
    dataSource: '劳动保障监察机构报送', defaultTarget: 95,
    computedFrom: { calculator: 'complaints-on-time', validFrom: MODULES_LIVE_FROM, definition: '当年办结（含不予受理）的投诉举报中在规定期限内办结的比例（劳动保障监察条例第十七条：60个工作日，批准延长30个工作日；受理期5个工作日）。', formula: '按时办结件数 ÷ 办结件数 × 100%', dataSource: '投诉举报（complaints.closed_on, investigation_due_on, accept_due_on）' },
  },
  {
    id: 'collective_contract_coverage', name: '建会企业集体合同覆盖率', unit: '%', measure: 'rate', direction: 'higher', mode: 'computed',
    definition: '已建会企业中签订集体合同的比例。', formula: '签订集体合同的建会企业数 ÷ 建会企业数 × 100%',
    dataSource: '区总工会报送', defaultTarget: 80,
    computedFrom: { calculator: 'contract-coverage', validFrom: MODULES_LIVE_FROM, definition: '已建会企业中受生效综合性集体合同（含区域性、行业性集体合同）约束的比例。', formula: '受集体合同约束的建会企业数 ÷ 建会企业数 × 100%', dataSource: '集体合同（collective_contracts 生效中、collective_contract_enterprises）与企业台账' },
  },
  {
    id: 'enterprises_cultivated', name: '点对点培育企业', unit: '户', measure: 'count', direction: 'higher', mode: 'computed',
    definition: '当年完成“一对一”培育的企业数（李沧区方案四：人社、工会、工商联各1户，每年3户）。', formula: 'count(完成培育的企业)',
    dataSource: '区人社局、区总工会、区工商联报送', defaultTarget: 3,
    computedFrom: { calculator: 'enterprises-cultivated', validFrom: MODULES_LIVE_FROM, definition: '当年完成“一对一”培育并经评估的企业数（李沧区方案四：人社、工会、工商联各1户，每年3户）。', formula: 'count(培育记录 where 年度 = 当年 and 状态 = 已评估)', dataSource: '企业培育（cultivations.status, assessed_at）' },
  },
  {
    id: 'recruitment_events_online', name: '线上专场招聘', unit: '场', measure: 'count', direction: 'higher', mode: 'computed',
    definition: '当年举办的线上专场招聘场次（李沧区方案五：每年线上30场）。', formula: 'count(线上招聘活动)',
    dataSource: '区人社局报送', defaultTarget: 30,
    computedFrom: { calculator: 'recruitment-events', params: { mode: 'online' }, validFrom: MODULES_LIVE_FROM, definition: '当年已举办的线上专场招聘场次（李沧区方案五：每年线上30场）。', formula: 'count(招聘活动 where 方式 = 线上 and 举办日期 ≤ 统计日)', dataSource: '招聘活动（recruitment_events.mode, held_on）' },
  },
  {
    id: 'recruitment_events_offline', name: '线下专场招聘', unit: '场', measure: 'count', direction: 'higher', mode: 'computed',
    definition: '当年举办的线下专场招聘场次（李沧区方案五：每年线下80场）。', formula: 'count(线下招聘活动)',
    dataSource: '区人社局报送', defaultTarget: 80,
    computedFrom: { calculator: 'recruitment-events', params: { mode: 'offline' }, validFrom: MODULES_LIVE_FROM, definition: '当年已举办的线下专场招聘场次（李沧区方案五：每年线下80场）。', formula: 'count(招聘活动 where 方式 = 线下 and 举办日期 ≤ 统计日)', dataSource: '招聘活动（recruitment_events.mode, held_on）' },
  },
  {
    id: 'salary_survey_completion', name: '企业薪酬调查完成率', unit: '%', measure: 'rate', direction: 'higher', mode: 'computed',
    definition: '当年薪酬调查样本企业中完成填报并通过审核的比例（李沧区方案七）。', formula: '审核通过企业数 ÷ 样本企业数 × 100%',
    dataSource: '区人社局报送', defaultTarget: 100,
    computedFrom: { calculator: 'salary-survey-completion', validFrom: MODULES_LIVE_FROM, definition: '当年薪酬调查样本企业中填报并经审核通过的比例（李沧区方案七）。', formula: '审核通过企业数 ÷ 样本企业数 × 100%', dataSource: '薪酬调查（salary_surveys.status）' },
  },
  {
    id: 'gold_coordinators', name: '选树金牌劳动关系协调员', unit: '名', measure: 'count', direction: 'higher', mode: 'computed',
    definition: '当年选树的金牌劳动关系协调员人数（李沧区方案一：每年至少1名）。', formula: 'count(金牌协调员)',
    dataSource: '区人社局报送', defaultTarget: 1,
    computedFrom: { calculator: 'gold-coordinators', validFrom: MODULES_LIVE_FROM, definition: '当年评选公布的金牌劳动关系协调员人数（李沧区方案一：每年至少1名）。', formula: 'count(评选结果 where 类别 = 协调员 and 状态 = 当选)', dataSource: '名册与评选（award_rounds, award_nominations）' },
  },
  {
    id: 'risk_alerts_handled_rate', name: '劳动关系风险预警处置率', unit: '%', measure: 'rate', direction: 'higher', mode: 'computed',
    calculator: 'alerts-handled', definition: '当年产生的劳动关系风险预警中已处置办结的比例（李沧区方案六：建立劳动关系风险监测预警机制）。',
    formula: '已办结预警数 ÷ 当年产生的预警数 × 100%', dataSource: '风险预警（alerts.opened_at, status）', defaultTarget: 95,
  },
  {
    id: 'mediator_training_sessions', name: '调解员培训', unit: '场', measure: 'count', direction: 'higher', mode: 'manual',
    definition: '当年组织的劳动人事争议调解员实体或远程培训场次（李沧区方案三：加大调解员的培训力度）。目标为本地设定。', formula: 'count(培训场次)',
    dataSource: '区仲裁院、各街道报送', defaultTarget: 4,
  },
];

export const IndicatorDefinitionChange = z.object({
  definition: z.string().trim().min(4, '请填写指标定义').max(500),
  formula: z.string().trim().min(1, '请填写计算公式').max(300),
  dataSource: z.string().trim().min(1, '请填写数据来源').max(200),
  params: z.record(z.string(), z.unknown()).optional(),
  validFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '生效日期格式为YYYY-MM-DD'),
});
export type IndicatorDefinitionChange = z.infer<typeof IndicatorDefinitionChange>;

/** Round a rate in percent to one decimal. */
export const pct = (num: number, den: number): number | null => (den > 0 ? Math.round((num / den) * 1000) / 10 : null);
