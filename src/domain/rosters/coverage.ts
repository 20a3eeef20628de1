/** One large or medium enterprise as the coverage view needs it. */
export interface CoverageEnterprise {
  id: string;
  streetId: string;
  industryCode: string | null;
  covered: boolean;
}

export interface CoverageGroup {
  key: string;
  enterprises: number;
  covered: number;
  /** Percentage to one decimal; null for an empty group. */
  rate: number | null;
  /** Enterprises still to cover for the group to reach the target rate. */
  gap: number;
}

const rate = (n: number, d: number) => (d === 0 ? null : Math.round((n * 1000) / d) / 10);
/** The smallest whole number of enterprises that reaches `target` percent of `d`. */
export const needed = (d: number, target: number) => Math.max(0, Math.ceil((d * target) / 100 - 1e-9));

function group(key: string, list: CoverageEnterprise[], target: number): CoverageGroup {
  const covered = list.filter((e) => e.covered).length;
  return { key, enterprises: list.length, covered, rate: rate(covered, list.length), gap: Math.max(0, needed(list.length, target) - covered) };
}

/**
 * Coverage of large and medium enterprises by labour-relations coordinators (the plan: most large and
 * medium enterprises with a coordinator within three years), overall, by street and by industry.
 */
export function coordinatorCoverage(list: readonly CoverageEnterprise[], target: number) {
  const by = (f: (e: CoverageEnterprise) => string) => {
    const m = new Map<string, CoverageEnterprise[]>();
    for (const e of list) m.set(f(e), [...(m.get(f(e)) ?? []), e]);
    return [...m.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, l]) => group(k, l, target));
  };
  const total = group('total', [...list], target);
  return { target, total, meetsTarget: total.rate !== null && total.rate >= target, byStreet: by((e) => e.streetId), byIndustry: by((e) => e.industryCode ?? '') };
}
