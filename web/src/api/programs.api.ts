import type { components } from './openapi';
import { answer, api, type BodyOf } from './client';
import { listAll } from './cursor';

// Every type here is the generated document's (openapi.d.ts), never a copy.
export type Program = components['schemas']['Program'];
export type Application = components['schemas']['Application'];
/** An application in a list: also whether its approval still waits for a second officer. */
export type ApplicationListItem = components['schemas']['ApplicationListItem'];
export type ApplicationDetail = components['schemas']['ApplicationDetail'];
export type ProgramMatch = components['schemas']['ProgramMatch'];
export type MatchingCounts = components['schemas']['MatchingCounts'];
export type CriteriaCheck = components['schemas']['CriteriaValidation'];
export type ProgramDraft = BodyOf<'/api/hubs/{hub}/programs', 'post'>;
export type ApplicationInput = BodyOf<'/api/hubs/{hub}/programs/{id}/applications', 'post'>;
export type CriteriaRules = BodyOf<'/api/hubs/{hub}/programs/validate-criteria', 'post'>['rules'];

const hubPath = (hub: string) => ({ path: { hub } });
const onePath = (hub: string, id: string) => ({ path: { hub, id } });

/** Published programs for everyone; staff also see drafts. A hub runs a few dozen: every page. */
export const listPrograms = (hub: string) =>
  listAll((next) => answer(api.GET('/api/hubs/{hub}/programs', { params: { ...hubPath(hub), query: { limit: 100, next } } })));

export const getProgram = (hub: string, id: string) => answer(api.GET('/api/hubs/{hub}/programs/{id}', { params: onePath(hub, id) }));

export const createProgram = (hub: string, body: ProgramDraft) => answer(api.POST('/api/hubs/{hub}/programs', { params: hubPath(hub), body }));

export const updateProgram = (hub: string, id: string, body: ProgramDraft) =>
  answer(api.PUT('/api/hubs/{hub}/programs/{id}', { params: onePath(hub, id), body }));

export const publishProgram = (hub: string, id: string) => answer(api.POST('/api/hubs/{hub}/programs/{id}/publish', { params: onePath(hub, id) }));

/** Type-checks criteria without saving: every bad one with its line and column. */
export const validateCriteria = (hub: string, rules: CriteriaRules) =>
  answer(api.POST('/api/hubs/{hub}/programs/validate-criteria', { params: hubPath(hub), body: { rules } }));

/** The key is chosen once per form fill, so a double-clicked submit applies once. */
export const submitApplication = (hub: string, programId: string, body: ApplicationInput, idempotencyKey: string) =>
  answer(
    api.POST('/api/hubs/{hub}/programs/{id}/applications', { params: { ...onePath(hub, programId), header: { 'idempotency-key': idempotencyKey } }, body }),
  );

/** A page of applications, newest first (`next`: the page after). */
export const listApplications = (hub: string, program?: string, next?: string) =>
  answer(api.GET('/api/hubs/{hub}/applications', { params: { ...hubPath(hub), query: { program, next } } }));

export const getApplication = (hub: string, id: string) => answer(api.GET('/api/hubs/{hub}/applications/{id}', { params: onePath(hub, id) }));

/** Applicants: programs they qualify for; staff with a program: who qualifies and has not applied. Every current match (open programs only, not yet applied to). */
export const listMatches = (hub: string, program?: string) =>
  listAll((next) => answer(api.GET('/api/hubs/{hub}/matches', { params: { ...hubPath(hub), query: { program, limit: 100, next } } })));

export const runMatching = (hub: string, programId?: string) =>
  answer(api.POST('/api/hubs/{hub}/matches/run', { params: hubPath(hub), body: programId ? { programId } : {} }));

/** Staff: invite who qualifies and has not applied (in the app, and by e-mail where configured). */
export const inviteMatched = (hub: string, programId: string) =>
  answer(api.POST('/api/hubs/{hub}/programs/{id}/invitations', { params: onePath(hub, programId) }));
