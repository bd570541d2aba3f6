import { useQuery } from '@tanstack/react-query';
import { getHub, listHubs } from '../api/hubs.api';

export function useHubs() {
  return useQuery({ queryKey: ['hubs'], queryFn: listHubs, staleTime: 5 * 60_000 });
}

export function useHub(slug: string) {
  return useQuery({ queryKey: ['hubs', slug], queryFn: () => getHub(slug), staleTime: 5 * 60_000, retry: false });
}
