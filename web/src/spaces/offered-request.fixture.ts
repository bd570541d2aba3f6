import type { SpaceRequest } from '../api/spaces.api';

export type OfferedRequest = SpaceRequest & { offer: NonNullable<SpaceRequest['offer']> };

/** The unit the offered request's hold takes, for the space tests. */
export const offeredUnit = {
  id: '01a2373f-0000-7000-8000-0000000000c1',
  code: 'DT-A-102',
  name: { zh: '102 室', en: 'Room 102' },
  kind: 'unit',
  areaM2: 120,
  photos: [],
};

/** A company's request for 100 m² from 2027 for 36 months, with an offer of one unit held for it (program and terms as given). */
export function offeredRequest(
  organization: SpaceRequest['organization'],
  offer: Partial<Pick<OfferedRequest['offer'], 'program' | 'terms'>> = {},
): OfferedRequest {
  return {
    id: '01a2373f-0000-7000-8000-000000000080',
    ref: 'R-1',
    organization,
    areaM2: 100,
    seats: null,
    startsOn: '2027-01-01',
    months: 36,
    features: [],
    parkId: null,
    status: 'offered',
    position: null,
    offer: {
      holdId: '01a2373f-0000-7000-8000-0000000000b1',
      nodes: [offeredUnit],
      expiresAt: '2026-12-09T04:10:00.000Z',
      program: null,
      staff: null,
      terms: null,
      ...offer,
    },
    leaseId: null,
    createdAt: '2026-12-01T00:00:00.000Z',
  } as OfferedRequest;
}
