import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api';
import type { RegionNode } from '../types';

/** Streets/towns and parks of the region tree, flattened for selects. */
export function useRegions() {
  const q = useQuery({ queryKey: ['regions'], queryFn: () => api.get<{ items: RegionNode[] }>('/api/regions'), staleTime: 600_000 });
  const streets: RegionNode[] = [];
  const parks: RegionNode[] = [];
  const walk = (n: RegionNode) => {
    if (n.level === 'street' || n.level === 'town') streets.push(n);
    if (n.level === 'park') parks.push(n);
    n.children.forEach(walk);
  };
  q.data?.items.forEach(walk);
  return { streets, parks, loading: q.isLoading };
}
