import { describe, expect, it } from 'vitest';
import { assessCollective, checkRepresentatives, compareCasePriority, isCollectiveDispute } from './collective';

describe('collective disputes — 劳动争议调解仲裁法 第七条; 办案规则 第五条、第六十二条', () => {
  it.each([
    [{ workerCount: 9 }, false, []],
    [{ workerCount: 10 }, true, ['ten_or_more_workers']],
    [{ workerCount: 35 }, true, ['ten_or_more_workers']],
    [{ workerCount: 12, commonClaim: false }, false, []],
    [{ workerCount: 1, collectiveContract: true }, true, ['collective_contract']],
    [{ workerCount: 10, collectiveContract: true }, true, ['ten_or_more_workers', 'collective_contract']],
  ])('%o → collective %s', (facts, collective, basis) => {
    const a = assessCollective(facts);
    expect(a.collective).toBe(collective);
    expect(a.basis).toEqual(basis);
    expect(a.priority).toBe(collective ? 'high' : 'normal');
    expect(isCollectiveDispute(facts)).toBe(collective);
  });

  it('lists the measures with their articles', () => {
    const a = assessCollective({ workerCount: 10 });
    expect(a.measures[0]).toContain('优先立案，优先审理（劳动人事争议仲裁办案规则 第五条）');
    expect(a.measures.join('')).toContain('第六十五条');
    expect(assessCollective({ workerCount: 3, collectiveContract: true }).measures.at(-1)).toContain('三方原则');
  });

  it.each([
    [2, false],
    [3, true],
    [5, true],
    [6, false],
  ])('办案规则 第六十三条: %i representatives → %s', (n, valid) => {
    expect(checkRepresentatives(n).valid).toBe(valid);
  });

  it('orders work queues: collective first, then earliest deadline, then oldest', () => {
    const cases = [
      { id: 'a', collective: false, nextDue: '2026-12-01', registeredOn: '2026-11-01' },
      { id: 'b', collective: true, nextDue: '2026-12-20', registeredOn: '2026-11-10' },
      { id: 'c', collective: false, nextDue: '2026-11-30', registeredOn: '2026-11-20' },
      { id: 'd', collective: false, registeredOn: '2026-10-01' },
      { id: 'e', collective: false, nextDue: '2026-11-30', registeredOn: '2026-11-02' },
    ];
    expect([...cases].sort(compareCasePriority).map((c) => c.id)).toEqual(['b', 'e', 'c', 'a', 'd']);
  });
});
