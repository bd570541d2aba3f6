import { useSearchParams } from 'react-router';
import { organizationKinds, sectors, type OrganizationKind, type Sector } from '../../../contracts/organizations';

export const ORGANIZATION_PAGE_SIZE = 50;

export type OrganizationListParams = { kind?: OrganizationKind; sector?: Sector; q?: string };

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Filters and search live in the URL, so a filtered list can be bookmarked and shared. */
export function useOrganizationListParams(): [OrganizationListParams, (next: Partial<OrganizationListParams>) => void] {
  const [params, setParams] = useSearchParams();
  const current: OrganizationListParams = {
    kind: oneOf(organizationKinds, params.get('kind')),
    sector: oneOf(sectors, params.get('sector')),
    q: params.get('q') || undefined,
  };

  const update = (next: Partial<OrganizationListParams>) => {
    // Any change of filter starts the list again from its first page.
    const merged = { ...current, ...next };
    const search = new URLSearchParams();
    if (merged.kind) search.set('kind', merged.kind);
    if (merged.sector) search.set('sector', merged.sector);
    if (merged.q) search.set('q', merged.q);
    setParams(search, { replace: true });
  };

  return [current, update];
}
