import { keepPreviousData, useInfiniteQuery, useQueries, useQuery } from '@tanstack/react-query';
import { isApiRequestError } from '../api/api-request-error';
import { getAccountBalance, getEnvelope, listTransfers, type TransferQuery } from '../api/budget.api';
import { useCapabilities } from '../auth/use-capabilities';

/** Who sees the budget and who moves money in this hub, as the server says. */
export function useBudgetRoles(hub: string) {
  const budget = useCapabilities(hub).data?.actions.budget;
  return { canRead: budget?.read ?? false, canWrite: budget?.write ?? false };
}

export const budgetKey = (hub: string) => ['hubs', hub, 'budget'] as const;

const notFound = (error: unknown) => isApiRequestError(error) && error.status === 404;

export function useEnvelope(hub: string, year: number) {
  return useQuery({ queryKey: [...budgetKey(hub), 'envelope', year], queryFn: () => getEnvelope(hub, year), retry: false });
}

/** The envelopes of the given years that exist; a year never opened is simply left out. */
export function useEnvelopes(hub: string, years: number[]) {
  return useQueries({
    queries: years.map((year) => ({
      queryKey: [...budgetKey(hub), 'envelope', year],
      queryFn: () => getEnvelope(hub, year),
      retry: false,
    })),
    combine: (results) => ({
      envelopes: results.flatMap((r) => (r.data ? [r.data] : [])),
      isPending: results.some((r) => r.isPending),
      error: results.find((r) => r.isError && !notFound(r.error))?.error ?? null,
    }),
  });
}

export const TRANSFER_PAGE = 50;

export function useTransfers(hub: string, year: number, filters: Omit<TransferQuery, 'next' | 'limit'>) {
  return useInfiniteQuery({
    queryKey: [...budgetKey(hub), 'transfers', year, filters],
    queryFn: ({ pageParam }) => listTransfers(hub, year, { ...filters, limit: TRANSFER_PAGE, next: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** The treasury and envelope accounts: the envelope's allocation is the transfer between them. */
export function useYearAccounts(hub: string, year: number) {
  return useQuery({
    queryKey: [...budgetKey(hub), 'year-accounts', year],
    queryFn: async () => {
      const { items } = await listTransfers(hub, year, { reason: 'allocate_envelope', limit: 1 });
      const first = items[0];
      return first ? { treasury: first.debitAccount, envelope: first.creditAccount } : null;
    },
  });
}

export function useAccountBalance(hub: string, accountId: string | null, asOf: string | undefined) {
  return useQuery({
    queryKey: [...budgetKey(hub), 'balance', accountId, asOf ?? 'now'],
    queryFn: () => getAccountBalance(hub, accountId!, asOf),
    enabled: accountId !== null,
    placeholderData: keepPreviousData,
  });
}
