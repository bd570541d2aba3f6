import { useQuery } from '@tanstack/react-query';
import { listOrganizations } from '../api/organizations.api';
import { useBilingual } from '../i18n/use-bilingual';
import { organizationsKey } from '../organizations/use-organizations';

/** The hub's universities as select options (a hub has few; one page of 100 holds them). */
export function useUniversityOptions(hub: string): { value: string; label: string }[] {
  const bilingual = useBilingual();
  const universities = useQuery({
    queryKey: [...organizationsKey(hub), 'list', { page: 1, pageSize: 100, kind: 'university' }],
    queryFn: () => listOrganizations(hub, { page: 1, pageSize: 100, kind: 'university' }),
    staleTime: 5 * 60_000,
  });
  return (universities.data?.items ?? []).map((organization) => ({ value: organization.id, label: bilingual(organization.name).primary }));
}
