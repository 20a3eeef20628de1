/** The public calculators: their inputs, how their results read, and what they explain. */
import { CLAIM_TYPE_LABELS, CLAIM_TYPES } from '../../../domain/cases/claim-types';

export interface FieldDef {
  name: string;
  label: string;
  type: 'date' | 'money' | 'number' | 'bool' | 'select';
  help?: string;
  optional?: boolean;
  options?: { value: string; label: string }[];
  initial?: unknown;
}

// Results are JSON from the API; each definition reads the fields it knows.
type Result = Record<string, unknown>;

export interface CalculatorDef {
  key: string;
  title: string;
  endpoint: string;
  intro: string;
  fields: FieldDef[];
  summary: (r: Result) => [string, string][];
}

const yuan = (v: unknown) => (typeof v === 'number' ? `${v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元` : '—');
const text = (v: unknown) => (v === null || v === undefined ? '—' : String(v));

export const CALCULATORS: CalculatorDef[] = [
  {
    key: 'severance',
    title: '经济补偿 / 违法解除赔偿金',
    endpoint: '/api/calculators/severance',
    intro:
      '按劳动者在本单位工作的年限，每满一年支付一个月工资；六个月以上不满一年的按一年计算，不满六个月的支付半个月工资。月工资高于当地上年度职工月平均工资三倍的，按三倍计算且年限最高不超过十二年；低于最低工资标准的按最低工资标准计算。用人单位违法解除或终止的，按经济补偿标准的二倍支付赔偿金。2008年1月1日前的工作年限，按当时有关规定计算，本计算器将其与之后的年限合并计算并在结果中提示。',
    fields: [
      { name: 'startDate', label: '入职日期（用工之日）', type: 'date' },
      { name: 'endDate', label: '离职日期（劳动合同解除或终止日）', type: 'date' },
      { name: 'averageMonthlyWage', label: '离职前十二个月平均工资（元/月）', type: 'money', help: '含计时/计件工资、奖金、津贴和补贴等货币性收入' },
      { name: 'localAverageMonthlyWage', label: '当地上年度职工月平均工资（元/月）', type: 'money' },
      { name: 'localMinimumWage', label: '当地月最低工资标准（元/月）', type: 'money' },
      { name: 'unlawful', label: '用人单位违法解除或终止', type: 'bool', initial: false },
    ],
    summary: (r) => [
      ['工作年限（月）', text(r.serviceMonths)],
      ['计算基数（月工资）', yuan(r.baseMonthlyWage)],
      ['是否封顶（三倍、十二年）', r.capped ? '是' : '否'],
      ['金额', yuan(r.amount)],
    ],
  },
  {
    key: 'annual-leave',
    title: '未休年休假工资',
    endpoint: '/api/calculators/annual-leave',
    intro:
      '累计工作满1年不满10年的，年休假5天；满10年不满20年的，10天；满20年的，15天。应休未休的年休假天数，按日工资收入的300%支付，其中包含已支付的正常工资，所以还应另付200%。日工资 = 月工资 ÷ 21.75。',
    fields: [
      { name: 'cumulativeWorkYears', label: '累计工作年限（年）', type: 'number', help: '在所有单位累计工作的时间，不限于本单位' },
      { name: 'monthlyWage', label: '月工资（元，前十二个月平均，不含加班费）', type: 'money' },
      { name: 'unusedDays', label: '应休未休天数', type: 'number' },
    ],
    summary: (r) => [
      ['应休年休假天数', `${text(r.entitledDays)} 天`],
      ['日工资', yuan(r.dailyWage)],
      ['应另行支付的未休年休假工资', yuan(r.compensation)],
    ],
  },
  {
    key: 'overtime',
    title: '加班费',
    endpoint: '/api/calculators/overtime',
    intro:
      '小时工资 = 月工资 ÷ 21.75 ÷ 8。工作日延长工作时间按150%支付；休息日工作又不能安排补休的按200%支付；法定休假日工作按300%支付。',
    fields: [
      { name: 'monthlyWage', label: '月工资（元，正常工作时间工资）', type: 'money' },
      { name: 'weekdayHours', label: '工作日延长工作时间（小时）', type: 'number', initial: 0 },
      { name: 'restDayHours', label: '休息日加班且未补休（小时）', type: 'number', initial: 0 },
      { name: 'holidayHours', label: '法定休假日加班（小时）', type: 'number', initial: 0 },
    ],
    summary: (r) => [
      ['小时工资', yuan(r.hourlyWage)],
      ['加班费合计', yuan(r.amount)],
    ],
  },
  {
    key: 'double-wage',
    title: '未签书面劳动合同二倍工资',
    endpoint: '/api/calculators/double-wage',
    intro:
      '用人单位自用工之日起超过一个月不满一年未与劳动者订立书面劳动合同的，应当自用工满一个月的次日起向劳动者每月支付二倍工资，最长十一个月；满一年仍未订立的，视为已订立无固定期限劳动合同。',
    fields: [
      { name: 'employmentStartDate', label: '用工之日（开始上班日期）', type: 'date' },
      { name: 'contractSignedDate', label: '补签书面合同日期（未签可不填）', type: 'date', optional: true },
      { name: 'endDate', label: '计算截止日期（离职日或今天）', type: 'date' },
      { name: 'monthlyWage', label: '月工资（元）', type: 'money' },
    ],
    summary: (r) => {
      const p = r.period as { from: string; to: string } | undefined;
      return [
        ['二倍工资期间', p ? `${p.from} 至 ${p.to}` : '无'],
        ['折合月数', text(r.monthsPayable)],
        ['应另付的一倍工资', yuan(r.amount)],
        ['视为订立无固定期限合同', r.deemedOpenEnded ? '是' : '否'],
      ];
    },
  },
  {
    key: 'arbitration-limitation',
    title: '仲裁时效届满日',
    endpoint: '/api/calculators/arbitration-limitation',
    intro:
      '劳动争议申请仲裁的时效期间为一年，从知道或者应当知道其权利被侵害之日起计算。劳动关系存续期间因拖欠劳动报酬发生争议的，不受一年限制；但劳动关系终止的，应当自终止之日起一年内提出。',
    fields: [
      { name: 'knownDate', label: '知道或者应当知道权利被侵害之日', type: 'date' },
      { name: 'claimType', label: '请求事项', type: 'select', options: CLAIM_TYPES.map((v) => ({ value: v, label: CLAIM_TYPE_LABELS[v] })), initial: 'wage_arrears' },
      { name: 'employmentEndDate', label: '劳动关系终止日期（仍在职可不填）', type: 'date', optional: true },
    ],
    summary: (r) => [
      ['仲裁时效届满日', text(r.deadline ?? '劳动关系存续期间不受一年限制')],
      ['说明', text(r.explanation)],
    ],
  },
  {
    key: 'deadlines',
    title: '调解、仲裁期限',
    endpoint: '/api/calculators/deadlines',
    intro:
      '调解组织收到调解申请之日起十五日内未达成调解协议的，可以申请仲裁；仲裁委员会受理后四十五日内结案，经批准可延长不超过十五日。填写已知日期，计算各项期限的最后一日（遇法定节假日顺延）。',
    fields: [
      { name: 'mediationReceivedOn', label: '调解组织收到调解申请日期', type: 'date', optional: true },
      { name: 'mediationAgreementEffectiveOn', label: '调解协议生效日期', type: 'date', optional: true },
      { name: 'arbitrationReceivedOn', label: '仲裁委员会收到仲裁申请日期', type: 'date', optional: true },
      { name: 'arbitrationAcceptedOn', label: '仲裁委员会受理日期', type: 'date', optional: true },
      { name: 'rightKnownOn', label: '知道或应当知道权利被侵害之日', type: 'date', optional: true },
    ],
    summary: (r) => (r.deadlines as { label: string; due: string }[]).map((d) => [d.label, d.due] as [string, string]),
  },
];
