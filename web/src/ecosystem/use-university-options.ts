import { useQuery } from '@tanstack/react-query';
import { listAll } from '../api/cursor';
import { listOrganizations } from '../api/organizations.api';
import { useBilingual } from '../i18n/use-bilingual';
import { organizationsKey } from '../organizations/use-organizations';

/** The hub's universities as select options (a hub has few). */
export function useUniversityOptions(hub: string): { value: string; label: string }[] {
  const bilingual = useBilingual();
  const universities = useQuery({
    queryKey: [...organizationsKey(hub), 'all', { kind: 'university' }],
    queryFn: () => listAll((next) => listOrganizations(hub, { limit: 100, next, kind: 'university' })),
    staleTime: 5 * 60_000,
  });
  return (universities.data?.items ?? []).map((organization) => ({ value: organization.id, label: bilingual(organization.name).primary }));
}
