export interface Bucket {
  id: string;
  name: string;
  enterprises: number;
  unions: number;
  workers: number;
  members: number;
  unionRate: number;
  memberRate: number;
}
export interface Dashboard {
  region: { id: string; name: string } | null;
  totals: Omit<Bucket, 'id' | 'name'> & { keyEnterprises: number; collectiveContracts: number; collectiveContractCoverage: number | null };
  byStreet: Bucket[];
  byPark: Bucket[];
  byIndustry: Bucket[];
  bySize: Bucket[];
  headcountTrend: { period: string; headcount: number }[];
  unionTargets: { year: number; items: { regionId: string; name: string; target: number | null; actual: number }[]; totalTarget: number; totalActual: number };
  generatedAt: string;
}
export const pct = (v: number | null | undefined) => (v == null ? '—' : `${Math.round(v * 1000) / 10}`);
