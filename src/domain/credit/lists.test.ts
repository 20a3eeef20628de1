import { describe, expect, it } from 'vitest';
import { decideCheck, listCriteriaMet, listedUntil, nextListingStatus, redListRevoked, removalCheck, type ListFacts } from './lists';

const none: ListFacts = { yearlyGrades: [], violationsLast2Years: 0, wageCrimeAmount: false, wageMassIncident: false };

describe('list criteria', () => {
  it.each([
    ['two A years, clean → red', { ...none, yearlyGrades: ['A', 'A'] }, ['R1']],
    ['one A year only → none', { ...none, yearlyGrades: ['A'] }, []],
    ['A then B → none', { ...none, yearlyGrades: ['A', 'B'] }, []],
    ['two A years but a violation → none', { ...none, yearlyGrades: ['A', 'A'], violationsLast2Years: 1 }, []],
    ['wage crime amount → black', { ...none, wageCrimeAmount: true }, ['K1']],
    ['wage mass incident → black', { ...none, wageMassIncident: true }, ['K2']],
    ['both black criteria', { ...none, wageCrimeAmount: true, wageMassIncident: true }, ['K1', 'K2']],
  ] as const)('%s', (_n, facts, ids) => expect(listCriteriaMet(facts as ListFacts).map((c) => c.id)).toEqual(ids));
});

describe('listing lifecycle and removal', () => {
  it.each([
    ['noticed', 'appeal', 'appealed'],
    ['noticed', 'list', 'listed'],
    ['appealed', 'drop', 'dropped'],
    ['listed', 'remove', 'removed'],
    ['listed', 'appeal', null],
    ['removed', 'list', null],
  ] as const)('%s --%s--> %s', (s, e, n) => expect(nextListingStatus(s, e)).toBe(n));

  it('periods: black 3 years, red 2 years', () => {
    expect(listedUntil('black', '2026-03-01')).toBe('2029-03-01');
    expect(listedUntil('red', '2026-03-01')).toBe('2028-03-01');
  });

  it.each([
    ['black', '2029-03-01', false, false, true],
    ['black', '2026-08-31', true, true, false],
    ['black', '2026-09-01', false, true, false],
    ['black', '2026-09-01', true, false, false],
    ['black', '2026-09-01', true, true, true],
    ['red', '2027-03-01', true, true, false],
    ['red', '2028-03-01', false, false, true],
  ] as const)('%s listed 2026-03-01, on %s corrected=%s commitment=%s → %s', (kind, today, corrected, commitment, allowed) =>
    expect(removalCheck(kind, '2026-03-01', today, { corrected, commitment }).allowed).toBe(allowed),
  );
});

describe('listing decision and red-list revocation', () => {
  it.each([
    ['noticed', '2026-11-20', '2026-11-20', false],
    ['noticed', '2026-11-20', '2026-11-21', true],
    ['appealed', '2026-11-20', '2026-11-18', true],
    ['listed', '2026-11-20', '2026-12-01', false],
  ] as const)('%s, notice due %s, on %s → %s', (s, due, today, allowed) => expect(decideCheck(s, due, today).allowed).toBe(allowed));
  it('a violation ends a red listing, never a black one', () => {
    expect(redListRevoked('red', 1)).toBe(true);
    expect(redListRevoked('red', 0)).toBe(false);
    expect(redListRevoked('black', 3)).toBe(false);
  });
});
