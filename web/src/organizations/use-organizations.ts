import { useQuery } from '@tanstack/react-query';
import { useCursorList } from '../layout/use-cursor-list';
import { getOrganization, listOrganizations, type OrganizationListRequest } from '../api/organizations.api';

export const organizationsKey = (hub: string) => ['hubs', hub, 'organizations'] as const;

/** The hub's organisations a page at a time (`fetchNextPage` for more); the list stays on screen while a filter loads. */
export function useOrganizationList(hub: string, query: Omit<OrganizationListRequest, 'next'>) {
  return useCursorList([...organizationsKey(hub), 'list', query], (next) => listOrganizations(hub, { ...query, next }));
}

export function useOrganization(hub: string, id: string) {
  return useQuery({ queryKey: [...organizationsKey(hub), 'detail', id], queryFn: () => getOrganization(hub, id), retry: false });
}
