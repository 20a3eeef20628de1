import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkClauses, SUBJECTS, wageFigures } from './clauses';
import { addDays } from './dates';
import { checkTerm, filingDeadline, periodEnd, responseDeadline, reviewClock } from './deadlines';
import { congressPassed, negotiationStatus, nextSteps } from './negotiation';
import { allowedActions, CONTRACT_STATUSES } from './types';
import { assessmentGrade, assessmentTotal, canMoveTo } from './union-building';

// 2026 National Day holiday (10-01 … 10-08) and ordinary weekends, as a holiday predicate.
const HOLIDAYS = new Set(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08']);
const nonWorking = (d: string) => HOLIDAYS.has(d) || [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());

describe('15-day review clock (劳动合同法 第五十四条)', () => {
  it.each([
    // received, today, deadline, daysLeft, lapsed
    ['2026-11-20', '2026-11-20', '2026-12-05', 16, false],
    ['2026-11-20', '2026-12-05', '2026-12-05', 1, false],
    ['2026-11-20', '2026-12-06', '2026-12-05', 0, true],
    ['2026-02-14', '2026-02-20', '2026-03-01', 10, false], // across the end of February
    ['2024-02-14', '2024-03-01', '2024-02-29', 0, true], // leap year
  ] as const)('received %s, seen %s → deadline %s', (received, today, deadline, left, lapsed) => {
    const c = reviewClock(received, today);
    expect(c.deadline).toBe(deadline);
    expect(c.daysLeft).toBe(left);
    expect(c.lapsed).toBe(lapsed);
    expect(c.effectiveOn).toBe(addDays(deadline, 1));
  });

  it.each([
    // a period ending inside the National Day holiday runs to the next working day
    ['2026-09-16', '2026-10-09'],
    ['2026-09-20', '2026-10-09'],
    ['2026-11-20', '2026-12-07'], // 12-05 is a Saturday
    ['2026-11-18', '2026-12-03'], // a Thursday: unchanged
  ])('with holidays: received %s → deadline %s', (received, deadline) => {
    expect(periodEnd(received, 15, nonWorking)).toBe(deadline);
    expect(reviewClock(received, received, nonWorking).deadline).toBe(deadline);
  });

  it('20-day response and 10-day filing deadlines', () => {
    expect(responseDeadline('2026-11-02')).toBe('2026-11-22'); // 集体合同规定 第三十二条
    expect(filingDeadline('2026-12-10')).toBe('2026-12-20'); // 集体合同规定 第四十二条
  });

  it('the deadline is always on or after receipt + 15 days, and never on a non-working day (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), (n) => {
        const received = addDays('2020-01-01', n);
        const d = periodEnd(received, 15, nonWorking);
        return d >= addDays(received, 15) && !nonWorking(d);
      }),
    );
  });
});

describe('term of 1 to 3 years (集体合同规定 第三十八条)', () => {
  it.each([
    ['2026-01-01', '2028-12-31', true],
    ['2026-01-01', '2026-12-31', true],
    ['2026-01-01', '2026-06-30', false],
    ['2026-01-01', '2029-12-31', false],
    ['2024-03-01', '2027-02-28', true],
  ])('%s – %s ok=%s', (a, b, ok) => expect(checkTerm(a, b).ok).toBe(ok));
});

const FULL = `劳动报酬：月工资不低于2300元。工作时间每日8小时。休息休假按国家规定。劳动安全卫生制度。补充医疗保险和福利。女职工和未成年工特殊保护。
职业技能培训。劳动合同管理。奖惩制度。裁员程序。本合同期限为三年。变更、解除本合同的程序。因履行本合同发生争议，双方协商处理。违反本合同的，依法承担责任。其他事项另行协商。`;

describe('clause check (集体合同规定 第八条)', () => {
  it('finds all fifteen subjects in a complete comprehensive contract', () => {
    const r = checkClauses(FULL, 'comprehensive', { monthly: 1900, hourly: 18.1 });
    expect(r.findings.filter((f) => f.type === 'subject')).toHaveLength(15);
    expect(r.problems).toBe(0);
    expect(r.covered).toBe(14);
  });

  it.each(SUBJECTS.filter((s) => s.code !== 'other').map((s) => [s.label, s.code] as const))('reports a missing subject: %s', (_label, code) => {
    const subject = SUBJECTS.find((s) => s.code === code)!;
    let text = FULL;
    for (const p of subject.patterns) text = text.replace(new RegExp(p.source, 'g'), '××');
    const r = checkClauses(text, 'comprehensive');
    const f = r.findings.find((x) => x.type === 'subject' && x.code === code);
    expect(f && f.type === 'subject' && f.present).toBe(false);
    expect(r.problems).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['职工月工资不低于1500元。', 1500, 'month'],
    ['基本工资1,600元/月', 1600, 'month'],
    ['小时工资不低于15元/小时', 15, 'hour'],
    ['月工资 1800 元', 1800, 'month'],
  ] as const)('flags a wage below the minimum: %s', (text, amount, unit) => {
    const r = checkClauses(text, 'wage', { monthly: 1900, hourly: 18.1 });
    const f = r.findings.find((x) => x.type === 'wage_below_minimum');
    expect(f).toMatchObject({ amount, unit });
  });

  it.each(['职工月工资不低于2300元。', '夜班津贴每月200元。', '年度工资增长幅度不低于5%。', '工资增长200元', '职工教育经费按工资总额的1.5%提取'])('does not flag %s', (text) => {
    expect(checkClauses(text, 'wage', { monthly: 1900, hourly: 18.1 }).findings.some((f) => f.type === 'wage_below_minimum')).toBe(false);
  });

  it('checks a special contract for its own subject (劳动合同法 第五十二条)', () => {
    const female = checkClauses('女职工经期、孕期保护。本合同期限为一年。违反本合同的承担责任。', 'female');
    const missing = female.findings.filter((f) => f.type === 'special' && !f.present).map((f) => f.type === 'special' && f.label);
    expect(missing).toEqual(['产期（产假）保护', '哺乳期保护']);
    const wage = checkClauses('工资分配制度。工资调整机制。工资按月支付。本合同期限为一年。违反本合同的承担责任。', 'wage');
    expect(wage.problems).toBe(0);
  });

  it('a scanned contract without text is one problem to check by hand', () => {
    expect(checkClauses('', 'comprehensive').findings[0]!.type).toBe('no_text');
  });

  it('wageFigures ignores allowances and increments', () => {
    expect(wageFigures('高温津贴300元，月工资2000元').map((w) => w.amount)).toEqual([2000]);
  });
});

describe('workflow tables', () => {
  it('only draft and objected contracts can be submitted; effective only expires; expired is final', () => {
    expect(CONTRACT_STATUSES.filter((s) => allowedActions(s).includes('submit'))).toEqual(['draft', 'objected']);
    expect(allowedActions('effective')).toEqual(['expire']);
    expect(allowedActions('expired')).toEqual([]);
  });
  it('negotiation steps follow the order', () => {
    expect(nextSteps([])).toEqual(['request']);
    expect(nextSteps(['request'])).toEqual(['response']);
    expect(nextSteps(['request', 'response', 'meeting', 'draft'])).toContain('congress_vote');
    expect(nextSteps(['request', 'response', 'meeting', 'draft', 'congress_vote', 'signing'])).toEqual(['filing']);
    expect(negotiationStatus(['request', 'response', 'meeting'])).toBe('negotiating');
  });
  it.each([
    [27, 52, undefined, true],
    [26, 52, undefined, false],
    [30, 52, 30, false],
  ])('congress vote %i of %i (present %s) passes=%s', (f, d, p, ok) => expect(congressPassed(f, d, p)).toBe(ok));
  it('union stages', () => {
    expect(canMoveTo('not_started', 'preparing')).toBe(true);
    expect(canMoveTo('established', 'preparing')).toBe(false);
  });
  it('assessment total and grade', () => {
    const inds = [{ id: 'a', maxScore: 20, weight: 20 }, { id: 'b', maxScore: 80, weight: 80 }];
    expect(assessmentTotal(inds, new Map([['a', 20], ['b', 60]]))).toBe(80);
    expect(assessmentGrade(80)).toBe('良好');
  });
});
