import { useQuery, useQueryClient } from '@tanstack/react-query';
import { listBookings, listStations, listWaitlist } from '../api/stays.api';
import { graduateStanding } from '../api/talent.api';

export const staysKey = (hub: string) => ['hubs', hub, 'stays'] as const;

export const useStations = (hub: string) => useQuery({ queryKey: [...staysKey(hub), 'stations'], queryFn: () => listStations(hub) });
export const useMyBookings = (hub: string) => useQuery({ queryKey: [...staysKey(hub), 'bookings', 'mine'], queryFn: () => listBookings(hub) });
export const useMyWaitlist = (hub: string) => useQuery({ queryKey: [...staysKey(hub), 'waitlist'], queryFn: () => listWaitlist(hub) });
export const useStanding = (hub: string) => useQuery({ queryKey: [...staysKey(hub), 'standing'], queryFn: () => graduateStanding(hub) });

/** After any booking change: bookings, availability, waitlist and standing are all stale. */
export function useRefreshStays(hub: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: staysKey(hub) });
}
