/** The wage-level points published for every cell. */
export const PERCENTILES = [10, 25, 50, 75, 90] as const;
export type PercentileKey = 'p10' | 'p25' | 'p50' | 'p75' | 'p90';

/**
 * Percentile by linear interpolation between closest ranks (Excel PERCENTILE.INC, R type 7):
 * h = (n − 1)·p, value = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋+1 − x⌊h⌋). `sorted` must be ascending and non-empty.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('percentile of an empty set');
  const h = (sorted.length - 1) * (p / 100);
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export interface PayRecord {
  enterpriseId: string;
  industry: string;
  occupation: string;
  /** Annualised pay in 元 (annual pay / months worked × 12). */
  annualPay: number;
}

export interface WageCell {
  industry: string; // '*' = all industries
  occupation: string; // '*' = all occupations
  enterprises: number;
  employees: number;
  /** True when fewer than `minEnterprises` enterprises report: no figures are released. */
  suppressed: boolean;
  mean: number | null;
  p10: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p90: number | null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * 工资价位: percentiles of annualised pay by industry × occupation, plus each industry over all
 * occupations, each occupation over all industries, and the grand total. A cell reported by fewer than
 * `minEnterprises` distinct enterprises is suppressed so no single enterprise's pay can be read off it.
 */
export function computeWageLevels(records: readonly PayRecord[], opts: { minEnterprises: number }): WageCell[] {
  const groups = new Map<string, { industry: string; occupation: string; pays: number[]; ents: Set<string> }>();
  const put = (industry: string, occupation: string, r: PayRecord) => {
    const key = `${industry}|${occupation}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { industry, occupation, pays: [], ents: new Set() }));
    g.pays.push(r.annualPay);
    g.ents.add(r.enterpriseId);
  };
  for (const r of records) {
    put(r.industry, r.occupation, r);
    put(r.industry, '*', r);
    put('*', r.occupation, r);
    put('*', '*', r);
  }
  const cells: WageCell[] = [];
  for (const g of groups.values()) {
    const suppressed = g.ents.size < opts.minEnterprises;
    const sorted = [...g.pays].sort((a, b) => a - b);
    const at = (p: number) => (suppressed ? null : round2(percentile(sorted, p)));
    cells.push({
      industry: g.industry,
      occupation: g.occupation,
      enterprises: g.ents.size,
      employees: suppressed ? 0 : g.pays.length,
      suppressed,
      mean: suppressed ? null : round2(g.pays.reduce((s, v) => s + v, 0) / g.pays.length),
      p10: at(10),
      p25: at(25),
      p50: at(50),
      p75: at(75),
      p90: at(90),
    });
  }
  const rank = (s: string) => (s === '*' ? '\uffff' : s);
  return cells.sort((a, b) => rank(a.industry).localeCompare(rank(b.industry)) || rank(a.occupation).localeCompare(rank(b.occupation)));
}
