import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMPLIANT_ANSWERS, QUESTIONS, RULES, runSelfCheck, validateAnswers, type Answers } from './index';

const ctx = { minimumMonthlyWage: 2300 };
const LAWS = process.env.HEXIE_LAWS_JSON ?? '/work/shared/data/laws/laws.json';

describe('self-check rules', () => {
  it('a compliant questionnaire has no findings and scores 100', () => {
    expect(validateAnswers(COMPLIANT_ANSWERS)).toEqual([]);
    expect(runSelfCheck(COMPLIANT_ANSWERS, ctx)).toEqual({ findings: [], counts: { high: 0, medium: 0, low: 0 }, score: 100 });
  });

  // answer change → rule that fires, severity, first article cited
  it.each<[Answers, string, string, string]>([
    [{ contract_within_month: 'partial' }, 'contract.written-within-month', 'high', '劳动合同法 第十条'],
    [{ contract_within_month: 'none' }, 'contract.written-within-month', 'high', '劳动合同法 第十条'],
    [{ probation_1_3: 3 }, 'contract.probation-1-3', 'high', '劳动合同法 第十九条'],
    [{ probation_3plus: 7 }, 'contract.probation-3plus', 'high', '劳动合同法 第十九条'],
    [{ probation_repeat: true }, 'contract.probation-once', 'medium', '劳动合同法 第十九条'],
    [{ probation_wage_pct: 79 }, 'wage.probation-80pct', 'high', '劳动合同法 第二十条'],
    [{ daily_hours: 9 }, 'hours.daily-8', 'medium', '劳动法 第三十六条'],
    [{ monthly_overtime: 37 }, 'hours.overtime-36', 'high', '劳动法 第四十一条'],
    [{ weekly_rest: false }, 'hours.weekly-rest', 'high', '劳动法 第三十八条'],
    [{ overtime_pay: 'none' }, 'wage.overtime-pay', 'high', '劳动法 第四十四条'],
    [{ lowest_monthly_wage: 2299 }, 'wage.minimum', 'high', '最低工资规定 第十二条'],
    [{ wage_monthly: false }, 'wage.monthly', 'high', '工资支付暂行规定 第七条'],
    [{ social_insurance: 'partial' }, 'insurance.everyone', 'high', '社会保险法 第五十八条'],
    [{ rules_democratic: 'none' }, 'rules.democratic', 'medium', '劳动合同法 第四条'],
    [{ female_night_overtime: true }, 'female.night-overtime', 'high', '女职工劳动保护特别规定 第六条'],
    [{ maternity_leave_days: 90 }, 'female.maternity-98', 'high', '女职工劳动保护特别规定 第七条'],
    [{ under16: true }, 'juvenile.under16', 'high', '劳动法 第十五条'],
    [{ juvenile_checkup: 'none' }, 'juvenile.checkup', 'medium', '劳动法 第五十八条'],
    [{ layoff: true, layoff_procedure: false }, 'layoff.procedure', 'high', '劳动合同法 第四十一条'],
    [{ dispatch_pct: 11 }, 'dispatch.ratio-10pct', 'medium', '劳务派遣暂行规定 第四条'],
  ])('%j fires %s (%s, %s)', (change, ruleId, severity, article) => {
    const r = runSelfCheck({ ...COMPLIANT_ANSWERS, ...change }, ctx);
    expect(r.findings.map((f) => f.ruleId)).toEqual([ruleId]);
    expect(r.findings[0]!.severity).toBe(severity);
    const c = r.findings[0]!.citations[0]!;
    expect(`${c.law} ${c.article}`).toBe(article);
    expect(r.findings[0]!.advice.length).toBeGreaterThan(10);
  });

  it.each<[Answers]>([[{ probation_1_3: 2 }], [{ monthly_overtime: 36 }], [{ lowest_monthly_wage: 2300 }], [{ dispatch_pct: 10 }], [{ maternity_leave_days: 0 }], [{ layoff: true, layoff_procedure: true }], [{ probation_wage_pct: 80 }]])(
    'boundary %j complies',
    (change) => expect(runSelfCheck({ ...COMPLIANT_ANSWERS, ...change }, ctx).findings).toEqual([]),
  );

  it('orders findings by severity and scores them', () => {
    const r = runSelfCheck({ ...COMPLIANT_ANSWERS, rules_democratic: 'partial', weekly_rest: false, social_insurance: 'none' }, ctx);
    expect(r.findings.map((f) => f.severity)).toEqual(['high', 'high', 'medium']);
    expect(r.counts).toEqual({ high: 2, medium: 1, low: 0 });
    expect(r.score).toBe(100 - 30 - 8);
  });

  it('validates answers per field', () => {
    const { probation_1_3: _omit, ...rest } = COMPLIANT_ANSWERS;
    expect(validateAnswers({ ...rest, daily_hours: 25, weekly_rest: 'yes', bogus: 1 }).map((p) => p.field)).toEqual([
      'answers.probation_1_3',
      'answers.daily_hours',
      'answers.weekly_rest',
      'answers.bogus',
    ]);
    // the layoff procedure question is asked only after a layoff
    expect(validateAnswers({ ...COMPLIANT_ANSWERS, layoff: true }).map((p) => p.field)).toEqual(['answers.layoff_procedure']);
  });

  it('every question has a rule and every rule a question', () => {
    const ruled = new Set(RULES.map((r) => r.questionId));
    expect(QUESTIONS.filter((q) => !ruled.has(q.id) && q.id !== 'layoff').map((q) => q.id)).toEqual([]);
    for (const r of RULES) expect(QUESTIONS.some((q) => q.id === r.questionId)).toBe(true);
  });

  it.skipIf(!fs.existsSync(LAWS))('every citation exists in the law texts', () => {
    const laws = JSON.parse(fs.readFileSync(LAWS, 'utf8')) as { shortTitle: string; title: string; articles: { label: string }[] }[];
    for (const rule of RULES) {
      for (const c of rule.citations) {
        const law = laws.find((l) => l.shortTitle === c.law || l.title === c.law);
        expect(law, `${rule.id}: ${c.law}`).toBeDefined();
        expect(law!.articles.some((a) => a.label === c.article), `${rule.id}: ${c.law} ${c.article}`).toBe(true);
      }
    }
  });
});
