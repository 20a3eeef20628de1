import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api';

interface RegionNode {
  id: string;
  name: string;
  level: string;
  children: RegionNode[];
}

/** Streets/towns and parks of the district, as Select options. */
export function useRegionOptions() {
  const q = useQuery({ queryKey: ['regions'], queryFn: () => api.get<{ items: RegionNode[] }>('/api/regions'), staleTime: 600_000 });
  const streets: { value: string; label: string }[] = [];
  const parks: { value: string; label: string }[] = [];
  for (const d of q.data?.items ?? []) {
    for (const s of d.children) {
      streets.push({ value: s.id, label: s.name });
      for (const c of s.children) if (c.level === 'park') parks.push({ value: c.id, label: c.name });
    }
  }
  return { streets, parks };
}
