import { z } from 'zod';
import { AlertLevel } from './levels';
import { SIGNAL_KINDS, type SignalKind } from './signals';

const positive = z.number({ error: '请输入数字' }).min(0, '不能为负数');

/**
 * The scoring rule set (评分规则): versioned, edited by an admin. Every number a score or a hard rule
 * depends on lives here, so a change is one audited row and a preview can show its effect.
 */
export const RuleSet = z
  .object({
    /** Points per signal of each kind before severity and decay. */
    weights: z.object(Object.fromEntries(SIGNAL_KINDS.map((k) => [k, positive.max(100, '权重不能超过100')])) as Record<SignalKind, typeof positive>),
    /** Decay half-life in days: a signal counts half after this many days. */
    halfLifeDays: z.number().int('请输入整数').min(1, '半衰期至少1天').max(730, '半衰期不超过730天'),
    /** Signals older than this are ignored (their weight is below 2^-(window/halfLife)). */
    windowDays: z.number().int().min(7, '计分窗口至少7天').max(1095, '计分窗口不超过1095天'),
    /** Severity: +step for each threshold of workers affected / amount (CNY) reached. */
    severity: z.object({
      workersThresholds: z.array(z.number().int().min(1)).max(5),
      amountThresholds: z.array(positive).max(5),
      step: positive.max(5),
    }),
    /**
     * Points added to the score for the enterprise's current 劳动保障守法诚信等级 (B / C; A adds nothing).
     * Rule sets saved before this rule existed get the defaults.
     */
    creditGradePoints: z.object({ B: positive.max(100, '分值不能超过100'), C: positive.max(100, '分值不能超过100') }).default({ B: 0, C: 20 }),
    /** Score thresholds of each level (score ≥ threshold). */
    levelThresholds: z.object({ red: positive, orange: positive, yellow: positive, blue: positive }),
    hardRules: z.object({
      massLayoffPeople: z.number().int().min(1),
      massLayoffRatio: z.number().min(0.01).max(1),
      /** Floor for the ratio branch: month-to-month churn of one or two people in a micro enterprise is not a layoff. */
      massLayoffMinDrop: z.number().int().min(1),
      collectiveWageWorkers: z.number().int().min(2),
      collectiveWageWindowDays: z.number().int().min(1),
      assetSeizureWindowDays: z.number().int().min(1),
      disputeClusterCount: z.number().int().min(2),
      disputeClusterDays: z.number().int().min(1),
      regionalEnterprises: z.number().int().min(2),
      regionalCutRatio: z.number().min(0.01).max(1),
      levels: z.object({
        MASS_LAYOFF: AlertLevel,
        COLLECTIVE_WAGE_ARREARS: AlertLevel,
        ASSET_SEIZURE: AlertLevel,
        DISPUTE_CLUSTER: AlertLevel,
        MASS_UNEMPLOYMENT: AlertLevel,
      }),
    }),
  })
  .refine((r) => r.levelThresholds.red > r.levelThresholds.orange && r.levelThresholds.orange > r.levelThresholds.yellow && r.levelThresholds.yellow > r.levelThresholds.blue, {
    message: '等级阈值须满足 红 > 橙 > 黄 > 蓝',
    path: ['levelThresholds'],
  });
export type RuleSet = z.infer<typeof RuleSet>;

export const DEFAULT_RULE_SET: RuleSet = {
  weights: {
    dispute_case: 8,
    court_filing: 10,
    asset_seizure: 25,
    petition: 12,
    online_sentiment: 5,
    inspection_violation: 10,
    wage_arrears_complaint: 15,
    social_insurance_arrears: 12,
    unemployment_registration: 3,
    utility_arrears: 8,
    tax_abnormal: 8,
  },
  halfLifeDays: 90,
  windowDays: 365,
  severity: { workersThresholds: [10, 30, 100], amountThresholds: [50_000, 200_000, 1_000_000], step: 0.5 },
  levelThresholds: { red: 80, orange: 50, yellow: 25, blue: 10 },
  creditGradePoints: { B: 0, C: 20 },
  hardRules: {
    massLayoffPeople: 20,
    massLayoffRatio: 0.1,
    massLayoffMinDrop: 3,
    collectiveWageWorkers: 10,
    collectiveWageWindowDays: 30,
    assetSeizureWindowDays: 90,
    disputeClusterCount: 3,
    disputeClusterDays: 30,
    regionalEnterprises: 3,
    regionalCutRatio: 0.05,
    levels: { MASS_LAYOFF: 'red', COLLECTIVE_WAGE_ARREARS: 'red', ASSET_SEIZURE: 'orange', DISPUTE_CLUSTER: 'orange', MASS_UNEMPLOYMENT: 'red' },
  },
};
