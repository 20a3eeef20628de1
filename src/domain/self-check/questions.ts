import { z } from 'zod';

/**
 * 企业劳动用工体检: the questionnaire an enterprise answers. Answers are yes/no, a number, or a choice;
 * `when` hides a question unless another answer has a given value (e.g. layoff procedure only after a layoff).
 */
export type QuestionKind = 'yesno' | 'number' | 'choice';
export interface Question {
  id: string;
  section: string;
  text: string;
  kind: QuestionKind;
  unit?: string;
  options?: { value: string; label: string }[];
  min?: number;
  max?: number;
  when?: { id: string; equals: string | boolean };
}

const PARTIAL = [
  { value: 'all', label: '全部做到' },
  { value: 'partial', label: '部分做到' },
  { value: 'none', label: '没有做到' },
];

export const SECTIONS = ['劳动合同', '工作时间', '工资报酬', '社会保险', '规章制度', '特殊保护', '裁员与用工方式'] as const;

export const QUESTIONS: Question[] = [
  { id: 'contract_within_month', section: '劳动合同', text: '新招用职工是否都在用工之日起一个月内订立书面劳动合同？', kind: 'choice', options: PARTIAL },
  { id: 'probation_1_3', section: '劳动合同', text: '劳动合同期限一年以上不满三年的，约定的试用期最长为几个月？（未约定填0）', kind: 'number', unit: '个月', min: 0, max: 24 },
  { id: 'probation_3plus', section: '劳动合同', text: '三年以上固定期限和无固定期限劳动合同，约定的试用期最长为几个月？（未约定填0）', kind: 'number', unit: '个月', min: 0, max: 24 },
  { id: 'probation_repeat', section: '劳动合同', text: '是否存在与同一职工约定两次及以上试用期的情况？', kind: 'yesno' },
  { id: 'probation_wage_pct', section: '工资报酬', text: '试用期工资为转正后约定工资的百分之几？', kind: 'number', unit: '%', min: 0, max: 200 },
  { id: 'daily_hours', section: '工作时间', text: '实行标准工时的岗位，每日正常工作时间为几小时？', kind: 'number', unit: '小时', min: 0, max: 24 },
  { id: 'monthly_overtime', section: '工作时间', text: '近一年职工每月延长工作时间最多为多少小时？', kind: 'number', unit: '小时', min: 0, max: 400 },
  { id: 'weekly_rest', section: '工作时间', text: '是否保证职工每周至少休息一日？', kind: 'yesno' },
  { id: 'overtime_pay', section: '工资报酬', text: '加班工资是否按不低于150%（延长工作时间）、200%（休息日不能补休）、300%（法定休假日）支付？', kind: 'choice', options: PARTIAL },
  { id: 'lowest_monthly_wage', section: '工资报酬', text: '提供正常劳动的职工中，最低月工资是多少元？（不含加班工资和特殊津贴）', kind: 'number', unit: '元', min: 0, max: 1_000_000 },
  { id: 'wage_monthly', section: '工资报酬', text: '工资是否至少每月支付一次？', kind: 'yesno' },
  { id: 'social_insurance', section: '社会保险', text: '是否为全部职工自用工之日起三十日内办理社会保险登记并按时足额缴费？', kind: 'choice', options: PARTIAL },
  { id: 'rules_democratic', section: '规章制度', text: '涉及职工切身利益的规章制度，是否经职工代表大会或全体职工讨论、与工会或职工代表协商确定并公示？', kind: 'choice', options: PARTIAL },
  { id: 'female_night_overtime', section: '特殊保护', text: '是否安排怀孕7个月以上或哺乳未满1周岁婴儿的女职工延长工作时间或夜班劳动？', kind: 'yesno' },
  { id: 'maternity_leave_days', section: '特殊保护', text: '女职工生育（顺产单胎）享受的产假为多少天？（无此情况填0）', kind: 'number', unit: '天', min: 0, max: 365 },
  { id: 'under16', section: '特殊保护', text: '是否招用未满十六周岁的人员？', kind: 'yesno' },
  { id: 'juvenile_checkup', section: '特殊保护', text: '招用16至18周岁未成年工的，是否定期进行健康检查？', kind: 'choice', options: [...PARTIAL, { value: 'na', label: '未招用未成年工' }] },
  { id: 'layoff', section: '裁员与用工方式', text: '近一年是否一次裁减人员二十人以上，或不足二十人但占职工总数百分之十以上？', kind: 'yesno' },
  { id: 'layoff_procedure', section: '裁员与用工方式', text: '裁员是否提前三十日向工会或全体职工说明情况、听取意见，并向劳动行政部门报告裁减方案？', kind: 'yesno', when: { id: 'layoff', equals: true } },
  { id: 'dispatch_pct', section: '裁员与用工方式', text: '被派遣劳动者占用工总量的百分之几？（未使用填0）', kind: 'number', unit: '%', min: 0, max: 100 },
];

export const QUESTION_IDS = QUESTIONS.map((q) => q.id);

export const Answers = z.record(z.string(), z.union([z.boolean(), z.number(), z.string().max(50)]));
export type Answers = z.infer<typeof Answers>;

export function isAsked(q: Question, answers: Answers): boolean {
  return !q.when || answers[q.when.id] === q.when.equals;
}

/** Field-level problems with a set of answers: missing, wrong type, out of range. Empty when valid. */
export function validateAnswers(answers: Answers): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  for (const q of QUESTIONS) {
    if (!isAsked(q, answers)) continue;
    const v = answers[q.id];
    const field = `answers.${q.id}`;
    if (v === undefined || v === '') problems.push({ field, message: `请回答：${q.text}` });
    else if (q.kind === 'yesno' && typeof v !== 'boolean') problems.push({ field, message: '请选择“是”或“否”' });
    else if (q.kind === 'number') {
      if (typeof v !== 'number' || !Number.isFinite(v)) problems.push({ field, message: '请填写数字' });
      else if ((q.min !== undefined && v < q.min) || (q.max !== undefined && v > q.max)) problems.push({ field, message: `数值应在${q.min}至${q.max}之间` });
    } else if (q.kind === 'choice' && !q.options!.some((o) => o.value === v)) problems.push({ field, message: '请选择一个选项' });
  }
  for (const k of Object.keys(answers)) if (!QUESTION_IDS.includes(k)) problems.push({ field: `answers.${k}`, message: '未知的问题' });
  return problems;
}
