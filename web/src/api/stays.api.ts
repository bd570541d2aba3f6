import type { Availability, Occupancy, Station, StationInput, StayBooking, WaitlistEntry } from '../../../contracts/stays';
import type { Assessment, AssessmentInput, CardVerification, GraduateStanding, TalentCard, TalentCatalogue, TalentProfile, VerifyGraduateInput } from '../../../contracts/talent';
import { apiRequest } from './http';

export type { Availability, Occupancy, Station, StayBooking, WaitlistEntry, GraduateStanding, TalentCard, CardVerification, VerifyGraduateInput, TalentCatalogue, AssessmentInput };

const stays = (hub: string) => `/api/hubs/${encodeURIComponent(hub)}/stays`;
const talent = (hub: string) => `/api/hubs/${encodeURIComponent(hub)}/talent`;

export const listStations = (hub: string) => apiRequest<{ items: Station[] }>(`${stays(hub)}/stations`);

export const searchAvailability = (hub: string, from: string, to: string, station?: string) => apiRequest<Availability>(`${stays(hub)}/availability`, { query: { from, to, station } });

/** The key is chosen once per confirmation dialog, so a double click books once. */
export const createBooking = (hub: string, body: { stationId: string; checkIn: string; checkOut: string }, idempotencyKey: string) =>
  apiRequest<StayBooking>(`${stays(hub)}/bookings`, { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } });

export const listBookings = (hub: string, query: { station?: string; from?: string; to?: string } = {}) => apiRequest<{ items: StayBooking[] }>(`${stays(hub)}/bookings`, { query });

export const cancelBooking = (hub: string, id: string) => apiRequest<StayBooking>(`${stays(hub)}/bookings/${encodeURIComponent(id)}/cancel`, { method: 'POST' });

export const changeBooking = (hub: string, id: string, body: { checkIn: string; checkOut: string }, idempotencyKey: string) =>
  apiRequest<StayBooking>(`${stays(hub)}/bookings/${encodeURIComponent(id)}/change`, { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } });

export const joinWaitlist = (hub: string, body: { stationId: string; startsOn: string; endsOn: string }) => apiRequest<WaitlistEntry>(`${stays(hub)}/waitlist`, { method: 'POST', body });

export const listWaitlist = (hub: string) => apiRequest<{ items: WaitlistEntry[] }>(`${stays(hub)}/waitlist`);

export const acceptOffer = (hub: string, id: string) => apiRequest<WaitlistEntry>(`${stays(hub)}/waitlist/${encodeURIComponent(id)}/accept`, { method: 'POST' });

export const leaveWaitlist = (hub: string, id: string) => apiRequest<WaitlistEntry>(`${stays(hub)}/waitlist/${encodeURIComponent(id)}/leave`, { method: 'POST' });

export const checkIn = (hub: string, code: string) => apiRequest<StayBooking>(`${stays(hub)}/check-in`, { method: 'POST', body: { code } });

export const checkOut = (hub: string, id: string) => apiRequest<StayBooking>(`${stays(hub)}/bookings/${encodeURIComponent(id)}/check-out`, { method: 'POST' });

export const stationOccupancy = (hub: string, id: string, from: string, to: string) => apiRequest<Occupancy>(`${stays(hub)}/stations/${encodeURIComponent(id)}/occupancy`, { query: { from, to } });

export const exportUrl = (hub: string, id: string, from: string, to: string) => `${stays(hub)}/stations/${encodeURIComponent(id)}/bookings.xlsx?from=${from}&to=${to}`;

export const graduateStanding = (hub: string) => apiRequest<GraduateStanding>(`${talent(hub)}/graduate`);

export const verifyGraduate = (hub: string, body: VerifyGraduateInput) => apiRequest<GraduateStanding>(`${talent(hub)}/graduate`, { method: 'POST', body });

export const myTalentCard = (hub: string) => apiRequest<TalentCard>(`${talent(hub)}/card`);

export const verifyCard = (hub: string, token: string) => apiRequest<CardVerification>(`${talent(hub)}/verify`, { query: { token } });

export const talentCatalogue = (hub: string) => apiRequest<TalentCatalogue>(`${talent(hub)}/catalogue`);

export const assessTalentTier = (hub: string, personId: string, body: AssessmentInput) =>
  apiRequest<Assessment>(`${talent(hub)}/people/${encodeURIComponent(personId)}/assessments`, { method: 'POST', body });

export const saveTalentCatalogue = (hub: string, body: TalentCatalogue) => apiRequest<TalentCatalogue>(`${talent(hub)}/catalogue`, { method: 'PUT', body });

/** My talent profile (degrees, employer, evidence files); 404 until I verify as a graduate. */
export const myTalentProfile = (hub: string) => apiRequest<TalentProfile>(`${talent(hub)}/profile`);
export const saveTalentProfile = (hub: string, body: { employer: string | null; evidence: string[] }) => apiRequest<TalentProfile>(`${talent(hub)}/profile`, { method: 'PUT', body });

/** Hub admins: open a station; name a station manager of the hub (by e-mail) to run it. */
export const createStation = (hub: string, body: StationInput) => apiRequest<Station>(`${stays(hub)}/stations`, { method: 'POST', body });
export const assignStationManager = (hub: string, id: string, email: string) =>
  apiRequest<void>(`${stays(hub)}/stations/${encodeURIComponent(id)}/managers`, { method: 'POST', body: { email } });
export const rotateTalentSigningKey = (hub: string) => apiRequest<{ kid: string }>(`${talent(hub)}/signing-keys/rotate`, { method: 'POST' });
