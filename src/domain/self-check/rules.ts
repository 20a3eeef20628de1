import { isAsked, QUESTIONS, type Answers } from './questions';

export type Severity = 'high' | 'medium' | 'low';
export const SEVERITY_LABELS = { high: '高风险', medium: '中风险', low: '提示' } as const satisfies Record<Severity, string>;
export const SEVERITY_ORDER: Severity[] = ['high', 'medium', 'low'];

/** An article a finding rests on: the short title as in laws.json and the article label. */
export interface Citation {
  law: string;
  article: string;
}

export interface Finding {
  ruleId: string;
  questionId: string;
  severity: Severity;
  title: string;
  citations: Citation[];
  advice: string;
}

export interface CheckContext {
  /** 当地月最低工资标准 (yuan), from the district's configuration. */
  minimumMonthlyWage: number;
}

interface Rule {
  id: string;
  questionId: string;
  citations: Citation[];
  /** Returns the finding's severity, title and advice, or null when the answer complies. */
  check(answers: Answers, ctx: CheckContext): Omit<Finding, 'ruleId' | 'questionId' | 'citations'> | null;
}

const c = (law: string, article: string): Citation => ({ law, article });
const num = (a: Answers, id: string) => (typeof a[id] === 'number' ? (a[id] as number) : undefined);

/** One rule per answer; each cites the articles it applies. */
export const RULES: Rule[] = [
  {
    id: 'contract.written-within-month',
    questionId: 'contract_within_month',
    /** 劳动合同法 第十条：自用工之日起一个月内订立书面劳动合同；第八十二条：超过一个月不满一年未订立的每月支付二倍工资。 */
    citations: [c('劳动合同法', '第十条'), c('劳动合同法', '第八十二条'), c('劳动合同法实施条例', '第六条')],
    check: (a) =>
      a.contract_within_month === 'all'
        ? null
        : {
            severity: 'high',
            title: '存在未在用工之日起一个月内订立书面劳动合同的情况',
            advice: '立即与未签合同的职工补订书面劳动合同；超过一个月不满一年未订立的，应自用工满一个月的次日起每月支付二倍工资；满一年未订立的视为已订立无固定期限劳动合同。',
          },
  },
  {
    id: 'contract.probation-1-3',
    questionId: 'probation_1_3',
    /** 劳动合同法 第十九条：劳动合同期限一年以上不满三年的，试用期不得超过二个月。 */
    citations: [c('劳动合同法', '第十九条'), c('劳动合同法', '第八十三条')],
    check: (a) =>
      (num(a, 'probation_1_3') ?? 0) > 2
        ? { severity: 'high', title: '一年以上不满三年的劳动合同约定试用期超过二个月', advice: '将试用期调整为不超过二个月；违法约定的试用期已经履行的，应按试用期满月工资为标准向劳动者支付赔偿金。' }
        : null,
  },
  {
    id: 'contract.probation-3plus',
    questionId: 'probation_3plus',
    /** 劳动合同法 第十九条：三年以上固定期限和无固定期限的劳动合同，试用期不得超过六个月。 */
    citations: [c('劳动合同法', '第十九条'), c('劳动合同法', '第八十三条')],
    check: (a) =>
      (num(a, 'probation_3plus') ?? 0) > 6
        ? { severity: 'high', title: '三年以上或无固定期限劳动合同约定试用期超过六个月', advice: '将试用期调整为不超过六个月，超过部分按违法约定试用期承担赔偿责任。' }
        : null,
  },
  {
    id: 'contract.probation-once',
    questionId: 'probation_repeat',
    /** 劳动合同法 第十九条：同一用人单位与同一劳动者只能约定一次试用期。 */
    citations: [c('劳动合同法', '第十九条')],
    check: (a) =>
      a.probation_repeat === true ? { severity: 'medium', title: '与同一职工约定了两次以上试用期', advice: '续订或变更劳动合同时不得再次约定试用期，已约定的第二次试用期应予取消。' } : null,
  },
  {
    id: 'wage.probation-80pct',
    questionId: 'probation_wage_pct',
    /** 劳动合同法 第二十条：试用期工资不得低于相同岗位最低档工资或约定工资的百分之八十。 */
    citations: [c('劳动合同法', '第二十条')],
    check: (a) =>
      (num(a, 'probation_wage_pct') ?? 100) < 80
        ? { severity: 'high', title: '试用期工资低于约定工资的百分之八十', advice: '将试用期工资提高到不低于本单位相同岗位最低档工资或劳动合同约定工资的80%，且不低于当地最低工资标准，并补足差额。' }
        : null,
  },
  {
    id: 'hours.daily-8',
    questionId: 'daily_hours',
    /** 劳动法 第三十六条：每日工作时间不超过八小时；国务院关于职工工作时间的规定 第三条：每日8小时、每周40小时。 */
    citations: [c('劳动法', '第三十六条'), c('国务院关于职工工作时间的规定', '第三条')],
    check: (a) =>
      (num(a, 'daily_hours') ?? 0) > 8
        ? { severity: 'medium', title: '标准工时岗位每日正常工作时间超过八小时', advice: '将正常工作时间调整为每日8小时、每周40小时；超出部分属于延长工作时间，应与工会和劳动者协商并支付加班工资，或依法申请特殊工时制度。' }
        : null,
  },
  {
    id: 'hours.overtime-36',
    questionId: 'monthly_overtime',
    /** 劳动法 第四十一条：延长工作时间每日不得超过三小时，每月不得超过三十六小时。 */
    citations: [c('劳动法', '第四十一条'), c('劳动法', '第九十条')],
    check: (a) =>
      (num(a, 'monthly_overtime') ?? 0) > 36
        ? { severity: 'high', title: '每月延长工作时间超过三十六小时', advice: '合理安排生产，将每月加班控制在36小时以内（一般每日不超过1小时，特殊原因每日不超过3小时），超时加班可能被劳动行政部门警告、责令改正并罚款。' }
        : null,
  },
  {
    id: 'hours.weekly-rest',
    questionId: 'weekly_rest',
    /** 劳动法 第三十八条：用人单位应当保证劳动者每周至少休息一日。 */
    citations: [c('劳动法', '第三十八条')],
    check: (a) => (a.weekly_rest === false ? { severity: 'high', title: '未保证职工每周至少休息一日', advice: '调整排班，保证每周至少休息一日；休息日安排工作又不能补休的，按不低于工资的200%支付报酬。' } : null),
  },
  {
    id: 'wage.overtime-pay',
    questionId: 'overtime_pay',
    /** 劳动法 第四十四条：延长工作时间150%、休息日不能补休200%、法定休假日300%。 */
    citations: [c('劳动法', '第四十四条')],
    check: (a) =>
      a.overtime_pay === 'all'
        ? null
        : { severity: 'high', title: '加班工资未按法定标准足额支付', advice: '按延长工作时间150%、休息日不能补休200%、法定休假日300%的标准核算并补发加班工资，加班工资基数不得低于最低工资标准。' },
  },
  {
    id: 'wage.minimum',
    questionId: 'lowest_monthly_wage',
    /** 最低工资规定 第十二条：剔除加班工资、特殊津贴和福利后，工资不得低于当地最低工资标准；劳动法 第四十八条。 */
    citations: [c('最低工资规定', '第十二条'), c('劳动法', '第四十八条')],
    check: (a, ctx) => {
      const v = num(a, 'lowest_monthly_wage');
      return v !== undefined && v < ctx.minimumMonthlyWage
        ? { severity: 'high', title: `最低月工资低于当地最低工资标准（${ctx.minimumMonthlyWage}元）`, advice: '立即将提供正常劳动职工的月工资（不含加班工资、中夜班等特殊津贴和法定福利）提高到当地最低工资标准以上，并补发差额。' }
        : null;
    },
  },
  {
    id: 'wage.monthly',
    questionId: 'wage_monthly',
    /** 工资支付暂行规定 第七条：工资至少每月支付一次。 */
    citations: [c('工资支付暂行规定', '第七条'), c('劳动法', '第五十条')],
    check: (a) => (a.wage_monthly === false ? { severity: 'high', title: '工资未做到至少每月支付一次', advice: '按约定日期至少每月以货币形式支付一次工资，不得克扣或无故拖欠。' } : null),
  },
  {
    id: 'insurance.everyone',
    questionId: 'social_insurance',
    /** 社会保险法 第五十八条：自用工之日起三十日内办理社会保险登记；第六十条：按时足额缴纳。 */
    citations: [c('社会保险法', '第五十八条'), c('社会保险法', '第六十条')],
    check: (a) =>
      a.social_insurance === 'all'
        ? null
        : { severity: 'high', title: '未为全部职工依法办理社会保险登记或足额缴费', advice: '自用工之日起三十日内为全部职工办理社会保险登记并按时足额缴纳；逾期可能被加收每日万分之五的滞纳金并处罚款。' },
  },
  {
    id: 'rules.democratic',
    questionId: 'rules_democratic',
    /** 劳动合同法 第四条：涉及切身利益的规章制度应经职工代表大会或全体职工讨论、平等协商确定，并公示或告知。 */
    citations: [c('劳动合同法', '第四条')],
    check: (a) =>
      a.rules_democratic === 'all'
        ? null
        : { severity: 'medium', title: '规章制度未完全经过民主程序并公示', advice: '将涉及劳动报酬、工作时间、休息休假等的规章制度提交职工代表大会或全体职工讨论，与工会或职工代表协商确定，并以签收、公告等方式公示；未经民主程序的制度不能作为处理职工的依据。' },
  },
  {
    id: 'female.night-overtime',
    questionId: 'female_night_overtime',
    /** 女职工劳动保护特别规定 第六条、第九条：孕7个月以上及哺乳未满1周岁婴儿的女职工不得延长劳动时间或安排夜班。 */
    citations: [c('女职工劳动保护特别规定', '第六条'), c('女职工劳动保护特别规定', '第九条')],
    check: (a) =>
      a.female_night_overtime === true
        ? { severity: 'high', title: '安排孕晚期或哺乳期女职工延长劳动时间或夜班劳动', advice: '立即停止对怀孕7个月以上和哺乳未满1周岁婴儿的女职工安排加班和夜班，并在劳动时间内安排休息和每天1小时哺乳时间。' }
        : null,
  },
  {
    id: 'female.maternity-98',
    questionId: 'maternity_leave_days',
    /** 女职工劳动保护特别规定 第七条：女职工生育享受98天产假。 */
    citations: [c('女职工劳动保护特别规定', '第七条')],
    check: (a) => {
      const v = num(a, 'maternity_leave_days');
      return v !== undefined && v > 0 && v < 98
        ? { severity: 'high', title: '产假少于国家规定的98天', advice: '女职工生育享受不少于98天产假（难产、多胞胎另增），各地另有延长的按当地规定执行；产假期间不得降低工资或解除劳动合同。' }
        : null;
    },
  },
  {
    id: 'juvenile.under16',
    questionId: 'under16',
    /** 劳动法 第十五条：禁止用人单位招用未满十六周岁的未成年人。 */
    citations: [c('劳动法', '第十五条'), c('劳动法', '第九十四条')],
    check: (a) => (a.under16 === true ? { severity: 'high', title: '招用未满十六周岁的未成年人', advice: '立即停止使用童工，将其送回原居住地交予父母或监护人，并承担相关费用；非法招用童工将被责令改正并处以罚款。' } : null),
  },
  {
    id: 'juvenile.checkup',
    questionId: 'juvenile_checkup',
    /** 劳动法 第六十五条：用人单位应当对未成年工定期进行健康检查。 */
    citations: [c('劳动法', '第五十八条'), c('劳动法', '第六十五条')],
    check: (a) =>
      a.juvenile_checkup === 'partial' || a.juvenile_checkup === 'none'
        ? { severity: 'medium', title: '未对未成年工定期进行健康检查', advice: '对16至18周岁的未成年工定期组织健康检查，不得安排其从事矿山井下、有毒有害等禁忌劳动。' }
        : null,
  },
  {
    id: 'layoff.procedure',
    questionId: 'layoff_procedure',
    /** 劳动合同法 第四十一条：经济性裁员须提前三十日向工会或全体职工说明情况、听取意见，并向劳动行政部门报告。 */
    citations: [c('劳动合同法', '第四十一条'), c('劳动合同法', '第四十六条')],
    check: (a) =>
      a.layoff === true && a.layoff_procedure === false
        ? { severity: 'high', title: '经济性裁员未履行法定程序', advice: '裁员前应提前三十日向工会或全体职工说明情况并听取意见，向劳动行政部门报告裁减方案，优先留用法定人员，并依法支付经济补偿；未履行程序的裁员可能构成违法解除。' }
        : null,
  },
  {
    id: 'dispatch.ratio-10pct',
    questionId: 'dispatch_pct',
    /** 劳务派遣暂行规定 第四条：被派遣劳动者数量不得超过用工总量的10%。 */
    citations: [c('劳务派遣暂行规定', '第四条'), c('劳动合同法', '第六十六条')],
    check: (a) =>
      (num(a, 'dispatch_pct') ?? 0) > 10
        ? { severity: 'medium', title: '被派遣劳动者超过用工总量的10%', advice: '劳务派遣只能在临时性、辅助性或者替代性岗位使用，应制定调整方案将派遣用工比例降至10%以内。' }
        : null,
  },
];

export interface Report {
  findings: Finding[];
  counts: Record<Severity, number>;
  /** 100 minus 15 per high, 8 per medium, 3 per low finding, not below 0. */
  score: number;
}

/** Runs every rule whose question was asked; findings ordered by severity, then questionnaire order. */
export function runSelfCheck(answers: Answers, ctx: CheckContext): Report {
  const order = new Map(QUESTIONS.map((q, i) => [q.id, i]));
  const asked = new Set(QUESTIONS.filter((q) => isAsked(q, answers)).map((q) => q.id));
  const findings: Finding[] = [];
  for (const r of RULES) {
    if (!asked.has(r.questionId) || answers[r.questionId] === undefined) continue;
    const f = r.check(answers, ctx);
    if (f) findings.push({ ruleId: r.id, questionId: r.questionId, citations: r.citations, ...f });
  }
  findings.sort((x, y) => SEVERITY_ORDER.indexOf(x.severity) - SEVERITY_ORDER.indexOf(y.severity) || order.get(x.questionId)! - order.get(y.questionId)!);
  const counts = { high: 0, medium: 0, low: 0 };
  for (const f of findings) counts[f.severity]++;
  return { findings, counts, score: Math.max(0, 100 - counts.high * 15 - counts.medium * 8 - counts.low * 3) };
}

/** A fully compliant set of answers (used by tests, the demo and the UI's example). */
export const COMPLIANT_ANSWERS: Answers = {
  contract_within_month: 'all',
  probation_1_3: 2,
  probation_3plus: 6,
  probation_repeat: false,
  probation_wage_pct: 80,
  daily_hours: 8,
  monthly_overtime: 36,
  weekly_rest: true,
  overtime_pay: 'all',
  lowest_monthly_wage: 2500,
  wage_monthly: true,
  social_insurance: 'all',
  rules_democratic: 'all',
  female_night_overtime: false,
  maternity_leave_days: 98,
  under16: false,
  juvenile_checkup: 'na',
  layoff: false,
  dispatch_pct: 0,
};
