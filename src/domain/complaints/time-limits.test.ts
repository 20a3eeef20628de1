import { describe, expect, it } from 'vitest';
import { loadDefaultCalendar } from '../calendar/default-holidays';
import { acceptanceDue, deadlineView, investigationDue, withinLimitation } from './time-limits';
import { allowedComplaintEvents, nextComplaintStatus, triage } from './workflow';

const cal = loadDefaultCalendar();

describe('acceptance period: 5 working days from receipt', () => {
  it.each([
    ['2026-11-02', '2026-11-09', 'Monday → next Monday'],
    ['2026-11-06', '2026-11-13', 'Friday → next Friday'],
    ['2026-11-07', '2026-11-13', 'received on a Saturday'],
    ['2026-09-24', '2026-10-09', 'across 中秋 and 国庆 2026'],
  ])('%s → %s (%s)', (received, due) => expect(acceptanceDue(cal, received)).toBe(due));
});

describe('investigation: 60 working days from 立案, +30 with approval (劳动保障监察条例 第十七条)', () => {
  it.each([
    ['2026-03-02', false, '2026-05-28', '清明 and 劳动节, with the 5-09 调休 working Saturday'],
    ['2026-03-02', true, '2026-07-10', 'extended by 30 working days across 端午'],
  ] as const)('%s extended=%s → %s (%s)', (opened, extended, due, _why) => expect(investigationDue(cal, opened, extended)).toBe(due));
});

describe('deadline view', () => {
  it.each([
    ['2026-11-02', '2026-11-30', 'ok', 20],
    ['2026-11-24', '2026-11-30', 'due_soon', 4],
    ['2026-11-30', '2026-11-30', 'due_soon', 0],
    ['2026-12-02', '2026-11-30', 'overdue', -2],
  ] as const)('today %s, due %s → %s (%i)', (today, due, state, left) => {
    const v = deadlineView(cal, today, due);
    expect(v.state).toBe(state);
    expect(v.workingDaysLeft).toBe(left);
  });
});

describe('two-year limitation (第二十条)', () => {
  it.each([
    ['2024-11-26', '2026-11-26', true],
    ['2024-11-25', '2026-11-26', false],
    ['2024-02-29', '2026-02-28', true],
  ] as const)('ended %s, received %s → %s', (ended, received, ok) => expect(withinLimitation(ended, received)).toBe(ok));
});

describe('complaint workflow', () => {
  it.each([
    ['received', 'accept', 'accepted'],
    ['received', 'reject', 'rejected'],
    ['received', 'order', null],
    ['accepted', 'order', 'rectifying'],
    ['accepted', 'close', 'closed'],
    ['rectifying', 'close', 'closed'],
    ['closed', 'extend', null],
    ['rejected', 'accept', null],
  ] as const)('%s --%s--> %s', (s, e, n) => expect(nextComplaintStatus(s, e)).toBe(n));
  it('names allowed events', () => expect(allowedComplaintEvents('received')).toEqual(['accept', 'reject', 'assign']));
});

describe('triage', () => {
  it.each([
    [['child_labour'], 1, 'urgent'],
    [['forced_labour'], null, 'urgent'],
    [['no_contract'], 10, 'urgent'],
    [['wage_arrears'], 9, 'high'],
    [['minimum_wage'], 1, 'high'],
    [['no_contract'], 1, 'normal'],
  ] as const)('%j, %s workers → %s', (issues, n, p) => expect(triage(issues, n)).toBe(p));
});
