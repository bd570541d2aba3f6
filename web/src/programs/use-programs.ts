import { useQuery } from '@tanstack/react-query';
import { isApiRequestError } from '../api/api-request-error';
import { useCursorList } from '../layout/use-cursor-list';
import { getApplication, getProgram, listApplications, listMatches, listPrograms } from '../api/programs.api';

export const programsKey = (hub: string) => ['hubs', hub, 'programs'] as const;
export const applicationsKey = (hub: string) => ['hubs', hub, 'applications'] as const;
export const matchesKey = (hub: string) => ['hubs', hub, 'matches'] as const;

export function usePrograms(hub: string, enabled = true) {
  return useQuery({ queryKey: programsKey(hub), queryFn: () => listPrograms(hub), enabled });
}

export function useProgram(hub: string, id: string) {
  return useQuery({ queryKey: [...programsKey(hub), id], queryFn: () => getProgram(hub, id), retry: false, enabled: Boolean(id) });
}

/** Applications a page at a time (`<LoadMore list={...} />` for the next). */
export function useApplications(hub: string, program?: string, enabled = true) {
  return useCursorList([...applicationsKey(hub), { program }], (next) => listApplications(hub, program, next), enabled);
}

export function useApplication(hub: string, id: string, enabled = true) {
  return useQuery({ queryKey: [...applicationsKey(hub), id], queryFn: () => getApplication(hub, id), retry: false, enabled });
}

/** An endpoint that is not there (404/405/501) means matching is not deployed yet: not an error to show. */
export function matchingMissing(error: unknown): boolean {
  return isApiRequestError(error) && [404, 405, 501].includes(error.status);
}

export function useMatches(hub: string, program?: string, enabled = true) {
  return useQuery({ queryKey: [...matchesKey(hub), { program }], queryFn: () => listMatches(hub, program), retry: false, enabled });
}
