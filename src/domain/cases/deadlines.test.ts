import { describe, expect, it } from 'vitest';
import { loadDefaultCalendar } from '../calendar/default-holidays';
import { type CaseFactsInput, computeDeadlines, deadlineStatus } from './deadlines';

const cal = loadDefaultCalendar();

describe('computeDeadlines', () => {
  it.each<[string, CaseFactsInput, Record<string, string | undefined>]>([
    // 劳动争议调解仲裁法 第十四条: 15 calendar days from receipt, rolled over rest days.
    ['调解：15日届满于国庆假期 → 10月8日', { mediationReceivedOn: '2026-09-20' }, { mediationDue: '2026-10-08' }],
    ['调解：普通工作日届满', { mediationReceivedOn: '2026-11-26' }, { mediationDue: '2026-12-11' }],
    ['调解：届满日是调休上班的周六 → 不顺延', { mediationReceivedOn: '2026-09-25' }, { mediationDue: '2026-10-10' }],
    [
      '调解：双方同意延期（企业劳动争议协商调解规定 第二十九条）',
      { mediationReceivedOn: '2026-11-26', mediationExtendedUntil: '2026-12-31' },
      { mediationDue: '2026-12-11', mediationExtendedDue: '2026-12-31' },
    ],
    // 企业劳动争议协商调解规定 第二十二条: 3 working days.
    [
      '企业调委会受理：3个工作日跨国庆',
      { mediationReceivedOn: '2026-09-30', enterpriseCommittee: true },
      { mediationAcceptanceDue: '2026-10-10', mediationDue: '2026-10-15' },
    ],
    ['非企业调解组织不适用3个工作日受理期限', { mediationReceivedOn: '2026-09-30' }, { mediationAcceptanceDue: undefined }],
    // 企业劳动争议协商调解规定 第十条: 5 days to answer a request to negotiate.
    ['协商答复：5日', { negotiationRequestedOn: '2026-11-26' }, { negotiationResponseDue: '2026-12-01' }],
    [
      '协商答复：届满于国庆假期',
      { negotiationRequestedOn: '2026-09-26', negotiationAgreedUntil: '2026-10-20' },
      { negotiationResponseDue: '2026-10-08', negotiationDue: '2026-10-20' },
    ],
    // 劳动争议调解仲裁法 第二十九条; 办案规则 第三十条、第八十条: 5 working days.
    ['仲裁受理：5个工作日跨国庆，含周六调休上班', { arbitrationReceivedOn: '2026-09-28' }, { arbitrationAcceptanceDue: '2026-10-10' }],
    [
      '仲裁受理：补正材料后重新起算（办案规则 第四十六条第二项）',
      { arbitrationReceivedOn: '2026-09-28', arbitrationMaterialsCompletedOn: '2026-10-09' },
      { arbitrationAcceptanceDue: '2026-10-15' },
    ],
    // 劳动争议调解仲裁法 第四十三条: 45 days, extension up to 15 more.
    [
      '仲裁审理：45日届满于国庆假期；延长至60日',
      { arbitrationAcceptedOn: '2026-08-20' },
      { arbitrationAwardDue: '2026-10-08', arbitrationAwardExtendedDue: '2026-10-19' },
    ],
    [
      '仲裁审理：中止10日不计入（办案规则 第四十六条第六项）',
      { arbitrationAcceptedOn: '2026-08-20', arbitrationPausedDays: 10 },
      { arbitrationAwardDue: '2026-10-14', arbitrationAwardExtendedDue: '2026-10-29' },
    ],
    [
      '仲裁审理：变更请求后重新计算（办案规则 第四十六条第三项）',
      { arbitrationAcceptedOn: '2026-08-20', arbitrationRestartedOn: '2026-09-01' },
      { arbitrationAwardDue: '2026-10-16' },
    ],
    // 办案规则 第七十四条、第七十六条.
    [
      '仲裁审查：申请期15日届满于春节 → 2月24日',
      { mediationAgreementEffectiveOn: '2026-01-31' },
      { arbitralReviewApplicationDue: '2026-02-24' },
    ],
    [
      '仲裁审查：5个工作日，延长5个工作日（2月14日、28日调休上班）',
      { arbitralReviewAcceptedOn: '2026-02-12' },
      { arbitralReviewDue: '2026-02-26', arbitralReviewExtendedDue: '2026-03-04' },
    ],
  ])('%s', (_name, facts, expected) => {
    const d = computeDeadlines(cal, facts);
    for (const [k, v] of Object.entries(expected)) expect(d[k as keyof typeof d], k).toEqual(v);
    expect(d.warnings).toEqual([]);
  });
});

describe('arbitration limitation — 劳动争议调解仲裁法 第二十七条', () => {
  it.each<[string, CaseFactsInput, string | undefined, string]>([
    ['一年，对应日届满', { rightKnownOn: '2025-11-26', claims: [{ type: 'severance' }] }, '2026-11-26', 'general'],
    [
      '对应日在国庆假期 → 顺延（民法典 第二百零三条）',
      { rightKnownOn: '2025-10-04', claims: [{ type: 'unlawful_termination' }] },
      '2026-10-08',
      'general',
    ],
    [
      '2月29日起算 → 次年2月28日（民法典 第二百零二条）',
      { rightKnownOn: '2024-02-29', claims: [{ type: 'double_wage' }] },
      '2025-02-28',
      'general',
    ],
    [
      '在职期间拖欠工资：不受一年限制（第四款）',
      { rightKnownOn: '2020-01-01', claims: [{ type: 'wage_arrears' }] },
      undefined,
      'remuneration_during_employment',
    ],
    [
      '离职后拖欠工资：自劳动关系终止之日起一年',
      { rightKnownOn: '2020-01-01', employmentEndedOn: '2025-12-10', claims: [{ type: 'wage_arrears' }] },
      '2026-12-10',
      'remuneration_after_employment',
    ],
    [
      '离职后才到期的最后一个月工资：自应当知道之日起一年',
      { rightKnownOn: '2025-12-15', employmentEndedOn: '2025-11-30', claims: [{ type: 'wage_arrears' }] },
      '2026-12-15',
      'remuneration_after_employment',
    ],
    [
      '加班费属于劳动报酬（典型案例第二批案例一），终止日对应日在春节 → 顺延',
      { employmentEndedOn: '2025-02-16', claims: [{ type: 'overtime' }] },
      '2026-02-24',
      'remuneration_after_employment',
    ],
    [
      '申请调解中断时效，重新计算一年（办案规则 第二十七条第一项）',
      { rightKnownOn: '2025-03-10', mediationReceivedOn: '2025-12-01', claims: [{ type: 'severance' }] },
      '2026-12-01',
      'general',
    ],
    [
      '时效届满后才申请调解：不能中断',
      { rightKnownOn: '2024-03-01', mediationReceivedOn: '2025-04-01', claims: [{ type: 'severance' }] },
      '2025-03-03',
      'general',
    ],
    [
      '中止30日（第三款）',
      { rightKnownOn: '2025-06-01', limitationSuspendedDays: 30, claims: [{ type: 'work_injury' }] },
      '2026-07-01',
      'general',
    ],
    ['未登记起算日：不计算', { claims: [{ type: 'severance' }] }, undefined, 'general'],
    ['未分项登记请求：按一般时效计算', { rightKnownOn: '2025-11-26' }, '2026-11-26', 'general'],
  ])('%s', (_name, facts, due, rule) => {
    const d = computeDeadlines(cal, facts);
    expect(d.limitationByClaim[0]?.due).toBe(due);
    expect(d.limitationByClaim[0]?.rule).toBe(rule);
    expect(d.limitationDue).toBe(due);
  });

  it('limitationDue is the earliest over the claims; each claim may have its own start', () => {
    const d = computeDeadlines(cal, {
      rightKnownOn: '2025-12-20',
      claims: [{ type: 'wage_arrears' }, { type: 'severance' }, { type: 'annual_leave', rightKnownOn: '2026-01-04' }],
    });
    expect(d.limitationByClaim.map((c) => c.due)).toEqual([undefined, '2026-12-21', '2027-01-04']);
    expect(d.limitationDue).toBe('2026-12-21');
    expect(d.warnings).toEqual(['2027年的节假日安排尚未录入，落在该年的期限只按周末推算，可能需要顺延。']);
  });

  it('rejects malformed dates', () => {
    expect(() => computeDeadlines(cal, { mediationReceivedOn: '2026-02-30' })).toThrow();
  });
});

describe('deadlineStatus', () => {
  it.each([
    ['2026-12-01', '2026-11-27', 3, 'ok'],
    ['2026-12-01', '2026-11-28', 3, 'due_soon'],
    ['2026-12-01', '2026-12-01', 3, 'due_soon'],
    ['2026-12-01', '2026-12-02', 3, 'overdue'],
    ['2026-12-01', '2026-11-30', 0, 'ok'],
    ['2026-12-01', '2026-12-01', 0, 'due_soon'],
  ] as const)('due %s, today %s, window %i → %s', (due, today, soon, status) => {
    expect(deadlineStatus(due, today, soon)).toBe(status);
  });
});
