import { describe, expect, it } from 'vitest';
import { dueReminders, reminderKey, reminderSchedule } from './reminders';
import { nextDeadline, taskStatus, type TaskFacts } from './status';
import { elapsedShare, trafficLight } from './traffic-light';
import { periodRange, previousPeriod } from './periods';

const base: TaskFacts = { startOn: '2025-03-01', dueOn: '2025-10-31', doneOn: null, openStageDues: [], reportCount: 0 };

describe('task status', () => {
  it.each([
    ['before start, no reports', base, '2025-02-01', 'not_started'],
    ['no start date, no reports', { ...base, startOn: null }, '2025-02-01', 'not_started'],
    ['start reached', base, '2025-03-01', 'in_progress'],
    ['a report before the start', { ...base, reportCount: 1 }, '2025-02-01', 'in_progress'],
    ['due today is not late', base, '2025-10-31', 'in_progress'],
    ['the day after the deadline', base, '2025-11-01', 'overdue'],
    ['unmet stage deadline passed', { ...base, openStageDues: ['2025-06-30'] }, '2025-07-01', 'overdue'],
    ['stage deadline today', { ...base, openStageDues: ['2025-06-30'] }, '2025-06-30', 'in_progress'],
    ['done wins over late', { ...base, doneOn: '2025-12-01' }, '2026-01-01', 'done'],
    ['done before start', { ...base, doneOn: '2025-01-10' }, '2025-01-11', 'done'],
  ] as const)('%s', (_, facts, today, expected) => {
    expect(taskStatus(facts, today)).toBe(expected);
  });

  it('next deadline is the earliest open one', () => {
    expect(nextDeadline({ dueOn: '2025-10-31', openStageDues: ['2025-06-30', '2025-08-31'] })).toBe('2025-06-30');
    expect(nextDeadline({ dueOn: '2025-10-31', openStageDues: [] })).toBe('2025-10-31');
  });
});

describe('reminders', () => {
  it('schedule of a deadline', () => {
    expect(reminderSchedule('2025-10-31').map((r) => `${r.kind}${r.offsetDays}:${r.remindOn}`)).toEqual([
      'before-30:2025-10-01', 'before-7:2025-10-24', 'before-1:2025-10-30', 'due0:2025-10-31', 'after1:2025-11-01', 'after7:2025-11-07', 'after30:2025-11-30',
    ]);
  });
  it.each([
    ['too early', '2025-09-30', []],
    ['30 days before', '2025-10-01', ['-30']],
    ['between marks keeps the latest reached', '2025-10-25', ['-7']],
    ['on the day', '2025-10-31', ['0']],
    ['long after: only the last one, no backlog', '2026-03-01', ['30']],
  ] as const)('%s', (_, today, offsets) => {
    expect(dueReminders({ deadlines: ['2025-10-31'], done: false }, today, new Set()).map((r) => String(r.offsetDays))).toEqual(offsets);
  });
  it('does not repeat a sent reminder and stops when done', () => {
    const sent = new Set([reminderKey({ deadline: '2025-10-31', offsetDays: -7 })]);
    expect(dueReminders({ deadlines: ['2025-10-31'], done: false }, '2025-10-25', sent)).toEqual([]);
    expect(dueReminders({ deadlines: ['2025-10-31'], done: true }, '2025-10-31', new Set())).toEqual([]);
  });
  it('each deadline (stages and final) is reminded separately', () => {
    const r = dueReminders({ deadlines: ['2025-06-30', '2025-10-31', '2025-06-30'], done: false }, '2025-10-01', new Set());
    expect(r.map((x) => `${x.deadline}${x.offsetDays}`)).toEqual(['2025-06-3030', '2025-10-31-30']);
  });
});

describe('traffic lights', () => {
  it.each([
    ['rate above target', 65, 60, 'rate', 'higher', 0.5, 'green'],
    ['rate at 80 % of target', 48, 60, 'rate', 'higher', 1, 'yellow'],
    ['rate far below', 30, 60, 'rate', 'higher', 1, 'red'],
    ['count on pace mid-year', 2, 3, 'count', 'higher', 0.5, 'green'],
    ['count behind at year end', 2, 3, 'count', 'higher', 1, 'red'],
    ['count slightly behind', 5, 6, 'count', 'higher', 1, 'yellow'],
    ['stock is not pro-rated', 100, 150, 'stock', 'higher', 0.1, 'red'],
    ['lower is better, under target', 3, 5, 'rate', 'lower', 1, 'green'],
    ['lower is better, over target', 6, 5, 'rate', 'lower', 1, 'yellow'],
    ['no actual', null, 5, 'rate', 'higher', 1, 'grey'],
    ['no target', 5, null, 'rate', 'higher', 1, 'grey'],
    ['count at start of year', 0, 3, 'count', 'higher', 0, 'green'],
  ] as const)('%s', (_, actual, target, measure, direction, elapsed, light) => {
    expect(trafficLight({ actual, target, measure, direction, elapsed })).toBe(light);
  });
  it('elapsed share of a year', () => {
    expect(elapsedShare(2025, '2024-12-31')).toBe(0);
    expect(elapsedShare(2025, '2025-12-31')).toBe(1);
    expect(elapsedShare(2025, '2025-07-02')).toBeCloseTo(0.5, 2);
  });
});

describe('report periods', () => {
  it.each([
    ['monthly', '2025-02', '2025-02-01', '2025-02-28'],
    ['quarterly', '2025-Q4', '2025-10-01', '2025-12-31'],
    ['yearly', '2024', '2024-01-01', '2024-12-31'],
  ] as const)('%s %s', (kind, period, from, to) => {
    expect(periodRange(kind, period)).toMatchObject({ from, to });
  });
  it.each([
    ['monthly', '2026-01-05', '2025-12'],
    ['monthly', '2026-05-01', '2026-04'],
    ['quarterly', '2026-02-01', '2025-Q4'],
    ['quarterly', '2026-07-01', '2026-Q2'],
    ['yearly', '2026-01-01', '2025'],
  ] as const)('previous %s period on %s', (kind, today, p) => {
    expect(previousPeriod(kind, today)).toBe(p);
  });
});
