import type { components } from './openapi';
import { answer, api, type BodyOf } from './client';

// Every type here is the generated document's (openapi.d.ts), never a copy.
export type GraduateStanding = components['schemas']['GraduateStanding'];
export type TalentCard = components['schemas']['TalentCard'];
export type CardVerification = components['schemas']['TalentCardVerification'];
export type TalentCatalogue = components['schemas']['TalentCatalogue'];
export type TalentProfile = components['schemas']['TalentProfile'];
export type IdentityClaim = components['schemas']['TalentIdentityClaim'];
export type IdentityClaimStatus = IdentityClaim['status'];
export type IdentityClaimDecision = BodyOf<'/api/hubs/{hub}/talent/identity-claims/{id}/decision', 'post'>;
export type VerifyGraduateInput = BodyOf<'/api/hubs/{hub}/talent/graduate', 'post'>;
export type AssessmentInput = BodyOf<'/api/hubs/{hub}/talent/people/{id}/assessments', 'post'>;
export type TalentProfileInput = BodyOf<'/api/hubs/{hub}/talent/profile', 'put'>;
export type TalentCatalogueInput = BodyOf<'/api/hubs/{hub}/talent/catalogue', 'put'>;

const hubPath = (hub: string) => ({ path: { hub } });

export const graduateStanding = (hub: string) => answer(api.GET('/api/hubs/{hub}/talent/graduate', { params: hubPath(hub) }));

export const verifyGraduate = (hub: string, body: VerifyGraduateInput) => answer(api.POST('/api/hubs/{hub}/talent/graduate', { params: hubPath(hub), body }));

export const myTalentCard = (hub: string) => answer(api.GET('/api/hubs/{hub}/talent/card', { params: hubPath(hub) }));

export const verifyCard = (hub: string, token: string) => answer(api.GET('/api/hubs/{hub}/talent/verify', { params: { ...hubPath(hub), query: { token } } }));

export const talentCatalogue = (hub: string) => answer(api.GET('/api/hubs/{hub}/talent/catalogue', { params: hubPath(hub) }));

export const saveTalentCatalogue = (hub: string, body: TalentCatalogueInput) =>
  answer(api.PUT('/api/hubs/{hub}/talent/catalogue', { params: hubPath(hub), body }));

export const assessTalentTier = (hub: string, personId: string, body: AssessmentInput) =>
  answer(api.POST('/api/hubs/{hub}/talent/people/{id}/assessments', { params: { path: { hub, id: personId } }, body }));

/** My talent profile (degrees, employer, evidence files); 404 until I verify as a graduate. */
export const myTalentProfile = (hub: string) => answer(api.GET('/api/hubs/{hub}/talent/profile', { params: hubPath(hub) }));

export const saveTalentProfile = (hub: string, body: TalentProfileInput) => answer(api.PUT('/api/hubs/{hub}/talent/profile', { params: hubPath(hub), body }));

export const rotateTalentSigningKey = (hub: string) => answer(api.POST('/api/hubs/{hub}/talent/signing-keys/rotate', { params: hubPath(hub) }));

/** Graduates' claims to person records, by status (oldest first): one page after `next`. */
export const listIdentityClaims = (hub: string, status: IdentityClaimStatus, next?: string) =>
  answer(api.GET('/api/hubs/{hub}/talent/identity-claims', { params: { ...hubPath(hub), query: { status, next } } }));

/** Approve or reject a pending claim, with an optional note. */
export const decideIdentityClaim = (hub: string, id: string, body: IdentityClaimDecision) =>
  answer(api.POST('/api/hubs/{hub}/talent/identity-claims/{id}/decision', { params: { path: { hub, id } }, body }));
