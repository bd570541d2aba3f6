import type { components } from './openapi';
import { answer, api, type BodyOf } from './client';

// Every type here is the generated document's (openapi.d.ts), never a copy.
export type StaffMember = components['schemas']['StaffMember'];
export type StaffInvitation = components['schemas']['StaffInvitation'];
export type InvitationPreview = components['schemas']['StaffInvitationPreview'];
export type InviteStaffInput = BodyOf<'/api/hubs/{hub}/staff/invitations', 'post'>;
export type AcceptInvitationInput = BodyOf<'/api/hubs/{hub}/invitations/accept', 'post'>;
export type HubInput = BodyOf<'/api/hubs', 'post'>;
export type HubSettingsInput = BodyOf<'/api/hubs/{hub}/settings', 'put'>;
type HubRole = BodyOf<'/api/hubs/{hub}/staff/{userId}/roles', 'post'>['role'];

const hubPath = (hub: string) => ({ path: { hub } });
const staffPath = (hub: string, userId: string) => ({ path: { hub, userId } });

/** One page of the hub's staff by name; `q` narrows by name or e-mail. */
export const listStaff = (hub: string, query: { q?: string; next?: string }) =>
  answer(api.GET('/api/hubs/{hub}/staff', { params: { ...hubPath(hub), query: { limit: 50, q: query.q || undefined, next: query.next } } }));
export const listStaffInvitations = (hub: string) =>
  answer(api.GET('/api/hubs/{hub}/staff/invitations', { params: { ...hubPath(hub), query: { limit: 100 } } })).then((page) => page.items);
export const inviteStaff = (hub: string, body: InviteStaffInput) => answer(api.POST('/api/hubs/{hub}/staff/invitations', { params: hubPath(hub), body }));
export const revokeStaffInvitation = (hub: string, id: string) =>
  answer(api.DELETE('/api/hubs/{hub}/staff/invitations/{id}', { params: { path: { hub, id } } }));
export const grantHubRole = (hub: string, userId: string, role: HubRole) =>
  answer(api.POST('/api/hubs/{hub}/staff/{userId}/roles', { params: staffPath(hub, userId), body: { role } }));
export const revokeHubRole = (hub: string, userId: string, role: HubRole) =>
  answer(api.DELETE('/api/hubs/{hub}/staff/{userId}/roles/{role}', { params: { path: { hub, userId, role } } }));
export const setSuspended = (hub: string, userId: string, suspended: boolean) =>
  suspended
    ? answer(api.POST('/api/hubs/{hub}/staff/{userId}/suspension', { params: staffPath(hub, userId) }))
    : answer(api.DELETE('/api/hubs/{hub}/staff/{userId}/suspension', { params: staffPath(hub, userId) }));

export const previewInvitation = (hub: string, token: string) =>
  answer(api.GET('/api/hubs/{hub}/invitations/preview', { params: { ...hubPath(hub), query: { token } } }));
export const acceptInvitation = (hub: string, body: AcceptInvitationInput) =>
  answer(api.POST('/api/hubs/{hub}/invitations/accept', { params: hubPath(hub), body }));

export const createHub = (body: HubInput) => answer(api.POST('/api/hubs', { body }));
export const updateHubSettings = (hub: string, body: HubSettingsInput) => answer(api.PUT('/api/hubs/{hub}/settings', { params: hubPath(hub), body }));
export const setArchived = (hub: string, archived: boolean) =>
  archived ? answer(api.POST('/api/hubs/{hub}/archive', { params: hubPath(hub) })) : answer(api.DELETE('/api/hubs/{hub}/archive', { params: hubPath(hub) }));
