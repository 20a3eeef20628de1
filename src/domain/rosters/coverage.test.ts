import { describe, expect, it } from 'vitest';
import { coordinatorCoverage, needed, type CoverageEnterprise } from './coverage';

// Hand-counted fixture: street A has 4 enterprises (3 covered), street B 3 (1 covered); industry C 5
// (3 covered), industry F 2 (1 covered). Total 7, covered 4 → 57.1 %; at a 60 % target 5 are needed.
const E = (id: string, streetId: string, industryCode: string | null, covered: boolean): CoverageEnterprise => ({ id, streetId, industryCode, covered });
const FIXTURE = [E('1', 'A', 'C', true), E('2', 'A', 'C', true), E('3', 'A', 'F', true), E('4', 'A', 'C', false), E('5', 'B', 'C', true), E('6', 'B', 'F', false), E('7', 'B', 'C', false)];

describe('coordinator coverage', () => {
  it('counts overall, by street and by industry against the target', () => {
    const c = coordinatorCoverage(FIXTURE, 60);
    expect(c.total).toEqual({ key: 'total', enterprises: 7, covered: 4, rate: 57.1, gap: 1 });
    expect(c.meetsTarget).toBe(false);
    expect(c.byStreet).toEqual([
      { key: 'A', enterprises: 4, covered: 3, rate: 75, gap: 0 },
      { key: 'B', enterprises: 3, covered: 1, rate: 33.3, gap: 1 },
    ]);
    expect(c.byIndustry).toEqual([
      { key: 'C', enterprises: 5, covered: 3, rate: 60, gap: 0 },
      { key: 'F', enterprises: 2, covered: 1, rate: 50, gap: 1 },
    ]);
  });
  it('meets a target exactly reached; empty population has no rate', () => {
    expect(coordinatorCoverage(FIXTURE, 57).meetsTarget).toBe(true);
    expect(coordinatorCoverage([], 60).total).toEqual({ key: 'total', enterprises: 0, covered: 0, rate: null, gap: 0 });
  });
  it.each([[10, 60, 6], [7, 60, 5], [3, 100, 3], [5, 50, 3], [0, 80, 0]])('needed(%d, %d) = %d', (d, t, n) => expect(needed(d, t)).toBe(n));
});
