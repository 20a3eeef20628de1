import { z } from 'zod';

/** 和谐企业 / 和谐工业园区 / 和谐乡镇街道 */
export const HarmonySubject = z.enum(['enterprise', 'park', 'street']);
export type HarmonySubject = z.infer<typeof HarmonySubject>;
export const SUBJECT_LABELS = { enterprise: '劳动关系和谐企业', park: '劳动关系和谐工业园区', street: '劳动关系和谐乡镇（街道）' } as const satisfies Record<HarmonySubject, string>;

export const Indicator = z.object({
  code: z.string().regex(/^[A-Za-z0-9_.-]{1,20}$/, '指标编码为1至20位字母、数字或_.-'),
  category: z.string().min(1).max(30),
  name: z.string().min(1).max(200),
  maxScore: z.number().int().min(1).max(100),
});
export type Indicator = z.infer<typeof Indicator>;

/** A recognition level earned from the reviewed total (out of 100). */
export const HarmonyLevel = z.enum(['AAA', 'AA', 'A']);
export type HarmonyLevel = z.infer<typeof HarmonyLevel>;
export const LEVEL_LABELS = { AAA: 'AAA级', AA: 'AA级', A: 'A级' } as const satisfies Record<HarmonyLevel, string>;
const LEVEL_THRESHOLDS: [HarmonyLevel, number][] = [['AAA', 90], ['AA', 80], ['A', 70]];

/**
 * The default enterprise indicator set, following the headings of the national evaluation practice for
 * harmonious labour-relations units (contracts, wages, hours, insurance, safety, democratic management,
 * collective bargaining, dispute prevention, humanistic care). Regions configure their own sets.
 */
export const DEFAULT_ENTERPRISE_INDICATORS: Indicator[] = [
  { code: 'contract', category: '劳动合同', name: '依法全员签订书面劳动合同，合同内容合法规范，规范使用劳务派遣', maxScore: 15 },
  { code: 'wage', category: '劳动报酬', name: '按时足额支付工资，不低于最低工资标准，建立工资正常增长机制', maxScore: 15 },
  { code: 'hours', category: '工作时间', name: '执行国家工时制度，加班依法协商并支付加班工资，落实带薪年休假', maxScore: 10 },
  { code: 'insurance', category: '社会保险', name: '依法为全部职工参加社会保险并足额缴费', maxScore: 15 },
  { code: 'safety', category: '劳动安全卫生', name: '落实劳动安全卫生制度，女职工和未成年工特殊保护到位', maxScore: 10 },
  { code: 'democracy', category: '民主管理', name: '依法建立工会，建立职工代表大会制度，厂务公开', maxScore: 10 },
  { code: 'bargaining', category: '集体协商', name: '开展集体协商，签订集体合同和工资专项集体合同', maxScore: 10 },
  { code: 'dispute', category: '争议预防', name: '建立劳动争议调解组织，近三年无群体性事件和重大劳动保障违法行为', maxScore: 10 },
  { code: 'care', category: '人文关怀', name: '关心职工成长，开展技能培训、困难帮扶和企业文化建设', maxScore: 5 },
];

export const IndicatorScores = z.record(z.string(), z.object({ score: z.number().min(0), note: z.string().max(500).optional() }));
export type IndicatorScores = z.infer<typeof IndicatorScores>;

/** Problems with a set of scores (unknown/missing indicator, out of range), each with its field. */
export function checkScores(indicators: Indicator[], scores: IndicatorScores, requireAll: boolean): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  for (const code of Object.keys(scores)) if (!indicators.some((i) => i.code === code)) problems.push({ field: `scores.${code}`, message: '未知的指标' });
  for (const i of indicators) {
    const s = scores[i.code];
    if (!s) {
      if (requireAll) problems.push({ field: `scores.${i.code}`, message: `请为“${i.category}”打分` });
    } else if (s.score > i.maxScore) problems.push({ field: `scores.${i.code}`, message: `“${i.category}”得分不能超过${i.maxScore}分` });
  }
  return problems;
}

export function totalScore(indicators: Indicator[], scores: IndicatorScores): number {
  return Math.round(indicators.reduce((s, i) => s + Math.min(scores[i.code]?.score ?? 0, i.maxScore), 0) * 10) / 10;
}

/** Normalised to 100 when a set's maximum differs, then AAA ≥ 90, AA ≥ 80, A ≥ 70; below 70 no level. */
export function suggestedLevel(indicators: Indicator[], total: number): HarmonyLevel | null {
  const max = indicators.reduce((s, i) => s + i.maxScore, 0);
  const pct = max > 0 ? (total / max) * 100 : 0;
  return LEVEL_THRESHOLDS.find(([, min]) => pct >= min)?.[0] ?? null;
}

export const HARMONY_STATUSES = ['draft', 'submitted', 'reviewed', 'recognised', 'rejected'] as const;
export type HarmonyStatus = (typeof HARMONY_STATUSES)[number];
export const HARMONY_STATUS_LABELS = { draft: '自评中', submitted: '待评审', reviewed: '已评审', recognised: '已命名', rejected: '未通过' } as const satisfies Record<HarmonyStatus, string>;
export type HarmonyAction = 'selfAssess' | 'submit' | 'review' | 'recognise' | 'reject';
export const HARMONY_TRANSITIONS = {
  draft: ['selfAssess', 'submit'],
  submitted: ['review', 'reject'],
  reviewed: ['review', 'recognise', 'reject'],
  recognised: [],
  rejected: [],
} as const satisfies Record<HarmonyStatus, readonly HarmonyAction[]>;
export const HARMONY_ACTION_LABELS = { selfAssess: '保存自评', submit: '提交自评', review: '评审打分', recognise: '命名', reject: '不予命名' } as const satisfies Record<HarmonyAction, string>;
