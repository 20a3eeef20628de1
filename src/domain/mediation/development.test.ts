import { describe, expect, it } from 'vitest';
import { checkAppointment, checkMentoringPair, expiringTerms, servingOn, suggestMediatorGrade, YEARLY_TRAINING_HOURS, type TermLike } from './development';

const term = (termStart: string, termEnd: string, status: TermLike['status'] = 'serving', dismissedOn: string | null = null): TermLike => ({ termStart, termEnd, status, dismissedOn });

describe('appointment terms (企业劳动争议协商调解规定 第十九条: 聘期至少为1年，可以续聘)', () => {
  it.each([
    ['one calendar year is enough', '2026-01-01', '2026-12-31', null],
    ['three years', '2026-03-01', '2029-02-28', null],
    ['one day short of a year', '2026-01-01', '2026-12-30', 'termEnd'],
    ['six months', '2026-01-01', '2026-06-30', 'termEnd'],
    ['end before start', '2026-05-01', '2026-04-01', 'termEnd'],
    ['longer than five years', '2026-01-01', '2031-06-01', 'termEnd'],
  ])('%s', (_, termStart, termEnd, field) => {
    const p = checkAppointment({ termStart, termEnd }, []);
    expect(p[0]?.field ?? null).toBe(field);
  });
  it('renewal must start after the current term (no overlap)', () => {
    const existing = [term('2024-01-01', '2026-12-31')];
    expect(checkAppointment({ termStart: '2026-06-01', termEnd: '2027-12-31' }, existing)[0]!.field).toBe('termStart');
    expect(checkAppointment({ termStart: '2027-01-01', termEnd: '2029-12-31' }, existing)).toEqual([]);
  });
  it('a dismissal ends the term on the dismissal day, so a new term may start after it', () => {
    const existing = [term('2024-01-01', '2026-12-31', 'dismissed', '2025-06-30')];
    expect(checkAppointment({ termStart: '2025-07-01', termEnd: '2026-06-30' }, existing)).toEqual([]);
  });
  it('劳动争议调解仲裁法 第十一条: a mediator is an adult citizen', () => {
    expect(checkAppointment({ termStart: '2026-01-01', termEnd: '2026-12-31', birthDate: '2008-06-01' }, [])[0]!.field).toBe('birthDate');
    expect(checkAppointment({ termStart: '2026-01-01', termEnd: '2026-12-31', birthDate: '2008-01-01' }, [])).toEqual([]);
  });
  it('serving and expiring terms', () => {
    const terms = [term('2023-01-01', '2025-12-31', 'ended'), term('2026-01-01', '2026-12-31')];
    expect(servingOn(terms, '2026-11-26')?.termStart).toBe('2026-01-01');
    expect(servingOn([term('2026-01-01', '2026-12-31', 'dismissed', '2026-05-01')], '2026-11-26')).toBeNull();
    expect(expiringTerms(terms, '2026-11-26', 60)).toHaveLength(1);
    expect(expiringTerms(terms, '2026-11-26', 20)).toHaveLength(0);
  });
});

describe('mentoring pairs (seed 003 二(五)2: 师徒结对培育青年调解员)', () => {
  const senior = { joinedOn: '2015-03-01', active: true };
  const young = { joinedOn: '2025-09-01', active: true, hasActiveMentor: false };
  const input = { mentorId: 'a', menteeId: 'b', startedOn: '2026-03-01' };
  it('pairs a senior mediator with a young one', () => expect(checkMentoringPair(input, senior, young)).toEqual([]));
  it.each([
    ['same person', { ...input, menteeId: 'a' }, senior, young, 'menteeId'],
    ['mentor under five years', input, { joinedOn: '2022-01-01', active: true }, young, 'mentorId'],
    ['mentee already three years in post', input, senior, { ...young, joinedOn: '2023-03-01' }, 'menteeId'],
    ['mentee already has a mentor', input, senior, { ...young, hasActiveMentor: true }, 'menteeId'],
    ['mentor has left', input, { ...senior, active: false }, young, 'mentorId'],
  ])('%s', (_, i, m, e, field) => expect(checkMentoringPair(i, m, e)[0]!.field).toBe(field));
});

describe('suggested yearly grade (seed 003 二(四): 调解成功率不低于60%)', () => {
  const base = { cases: 12, successRate: 85, withinLimitRate: 100, satisfaction: null, trainingHours: YEARLY_TRAINING_HOURS, penalties: 0 };
  it.each([
    ['strong figures', base, 'excellent'],
    ['satisfaction measured and low', { ...base, satisfaction: 4.2 }, 'competent'],
    ['too few cases for excellent', { ...base, cases: 9 }, 'competent'],
    ['success below 60%', { ...base, successRate: 55 }, 'basic'],
    ['training not done', { ...base, trainingHours: 10 }, 'basic'],
    ['no mediation results yet', { ...base, cases: 0, successRate: null, withinLimitRate: null }, 'competent'],
    ['a penalty in the year', { ...base, penalties: 1 }, 'incompetent'],
  ] as const)('%s → %s', (_, f, g) => expect(suggestMediatorGrade(f)).toBe(g));
});
