import { describe, expect, it } from 'vitest';
import { nextPlanStatus, publishCheck, yearlyCoverage } from './plans';

describe('双随机 plan lifecycle (国办发〔2015〕58号)', () => {
  it.each([
    ['draft', 'draw', 'drawn'],
    ['drawn', 'draw', null],
    ['drawn', 'publish', 'published'],
    ['draft', 'publish', null],
    ['published', 'publish', null],
  ] as const)('%s --%s--> %s (a draw happens once)', (s, e, n) => expect(nextPlanStatus(s, e)).toBe(n));

  it.each([
    [[], false],
    [['compliant', null], false],
    [['compliant', 'violation'], true],
  ] as const)('publish with results %j → %s', (results, allowed) => expect(publishCheck(results).allowed).toBe(allowed));

  it('coverage against the directory', () => {
    expect(yearlyCoverage(8, 150)).toBe(0.053);
    expect(yearlyCoverage(0, 0)).toBe(0);
  });
});
