import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listAll } from '../api/cursor';
import { listOrganizationFacts } from '../api/facts.api';
import { compareHubs, getOrganizationGraph, getTalentPipeline, searchHub, type SearchRequest } from '../api/insights.api';
import { listPeople, type PersonListRequest } from '../api/people.api';
import { listRelations, type RelationListRequest } from '../api/relations.api';
import { useCursorList } from '../layout/use-cursor-list';

export const ecosystemKey = (hub: string) => ['hubs', hub, 'ecosystem'] as const;

/** The people register, a page at a time (`loadMore` for the next). */
export function usePeopleList(hub: string, query: Omit<PersonListRequest, 'next'>) {
  return useCursorList([...ecosystemKey(hub), 'people', query], (next) => listPeople(hub, { ...query, next }));
}

export function useRelations(hub: string, query: RelationListRequest, enabled = true) {
  return useQuery({
    queryKey: [...ecosystemKey(hub), 'relations', query],
    queryFn: () => listAll((next) => listRelations(hub, { ...query, limit: 100, next })),
    enabled,
  });
}

export function useFacts(hub: string, organizationId: string) {
  return useQuery({ queryKey: [...ecosystemKey(hub), 'facts', organizationId], queryFn: () => listOrganizationFacts(hub, organizationId) });
}

export function useOrganizationGraph(hub: string, organizationId: string) {
  return useQuery({ queryKey: [...ecosystemKey(hub), 'graph', organizationId], queryFn: () => getOrganizationGraph(hub, organizationId) });
}

export function useTalentPipeline(hub: string, university?: string) {
  return useQuery({
    queryKey: [...ecosystemKey(hub), 'pipeline', university ?? null],
    queryFn: () => getTalentPipeline(hub, university),
    placeholderData: keepPreviousData,
  });
}

export function useHubComparison(hubs: string[]) {
  return useQuery({ queryKey: ['compare', hubs], queryFn: () => compareHubs(hubs), enabled: hubs.length > 0, placeholderData: keepPreviousData });
}

export function useHubSearch(hub: string, query: SearchRequest) {
  return useQuery({
    queryKey: [...ecosystemKey(hub), 'search', query],
    queryFn: () => searchHub(hub, query),
    enabled: query.q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}
