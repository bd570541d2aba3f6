import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getOrganization, listOrganizations, type OrganizationListRequest } from '../api/organizations.api';

export const organizationsKey = (hub: string) => ['hubs', hub, 'organizations'] as const;

/** One page of the hub's organisations; the previous page stays on screen while the next loads. */
export function useOrganizationPage(hub: string, query: OrganizationListRequest) {
  return useQuery({
    queryKey: [...organizationsKey(hub), 'list', query],
    queryFn: () => listOrganizations(hub, query),
    placeholderData: keepPreviousData,
  });
}

export function useOrganization(hub: string, id: string) {
  return useQuery({ queryKey: [...organizationsKey(hub), 'detail', id], queryFn: () => getOrganization(hub, id), retry: false });
}
