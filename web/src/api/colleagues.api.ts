import type { components } from './openapi';
import { answer, api, type BodyOf } from './client';

// Every type here is the generated document's (openapi.d.ts), never a copy.
export type ColleaguePreview = components['schemas']['ColleagueInvitationPreview'];
export type InviteColleagueInput = BodyOf<'/api/hubs/{hub}/organizations/{id}/invitations', 'post'>;
type OrgRole = BodyOf<'/api/hubs/{hub}/organizations/{id}/members/{userId}', 'put'>['role'];

const member = (hub: string, id: string, userId: string) => ({ path: { hub, id, userId } });

export const inviteColleague = (hub: string, id: string, body: InviteColleagueInput) =>
  answer(api.POST('/api/hubs/{hub}/organizations/{id}/invitations', { params: { path: { hub, id } }, body }));
export const setMemberRole = (hub: string, id: string, userId: string, role: OrgRole) =>
  answer(api.PUT('/api/hubs/{hub}/organizations/{id}/members/{userId}', { params: member(hub, id, userId), body: { role } }));
export const removeMember = (hub: string, id: string, userId: string) =>
  answer(api.DELETE('/api/hubs/{hub}/organizations/{id}/members/{userId}', { params: member(hub, id, userId) }));
export const transferOwnership = (hub: string, id: string, userId: string) =>
  answer(api.POST('/api/hubs/{hub}/organizations/{id}/ownership', { params: { path: { hub, id } }, body: { userId } }));
export const previewColleagueInvitation = (hub: string, token: string) =>
  answer(api.GET('/api/hubs/{hub}/organization-invitations/preview', { params: { path: { hub }, query: { token } } }));
export const acceptColleagueInvitation = (hub: string, token: string) =>
  answer(api.POST('/api/hubs/{hub}/organization-invitations/accept', { params: { path: { hub } }, body: { token } }));
