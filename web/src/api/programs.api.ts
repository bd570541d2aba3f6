import type { z } from 'zod';
import type { Application, Program, ProgramDraft } from '../../../contracts/applications';
import type { invitationsSchema, matchingCountsSchema, matchListSchema, ProgramMatch } from '../../../contracts/matches';
import type { CriterionError, ProgramRulesInput } from '../../../contracts/programs';
import { apiRequest } from './http';

export type ProgramList = { items: Program[] };
export type ApplicationList = { items: Application[] };
export type CriteriaCheck = { ok: boolean; errors: CriterionError[] };
export type ApplicationInput = { organizationId?: string; answers: Record<string, string | number | boolean>; draft?: boolean };

export type { ProgramMatch };
export type MatchList = z.infer<typeof matchListSchema>;
export type MatchingCounts = z.infer<typeof matchingCountsSchema>;
export type Invitations = z.infer<typeof invitationsSchema>;

const hubPath = (hub: string) => `/api/hubs/${encodeURIComponent(hub)}`;
const programPath = (hub: string, id: string) => `${hubPath(hub)}/programs/${encodeURIComponent(id)}`;

/** Published programs for everyone; staff also see drafts. */
export function listPrograms(hub: string): Promise<ProgramList> {
  return apiRequest<ProgramList>(`${hubPath(hub)}/programs`);
}

export function getProgram(hub: string, id: string): Promise<Program> {
  return apiRequest<Program>(programPath(hub, id));
}

export function createProgram(hub: string, draft: ProgramDraft): Promise<Program> {
  return apiRequest<Program>(`${hubPath(hub)}/programs`, { method: 'POST', body: draft });
}

export function updateProgram(hub: string, id: string, draft: ProgramDraft): Promise<Program> {
  return apiRequest<Program>(programPath(hub, id), { method: 'PUT', body: draft });
}

export function publishProgram(hub: string, id: string): Promise<Program> {
  return apiRequest<Program>(`${programPath(hub, id)}/publish`, { method: 'POST' });
}

/** Type-checks criteria without saving: every bad one with its line and column. */
export function validateCriteria(hub: string, rules: ProgramRulesInput): Promise<CriteriaCheck> {
  return apiRequest<CriteriaCheck>(`${hubPath(hub)}/programs/validate-criteria`, { method: 'POST', body: { rules } });
}

/** The key is chosen once per form fill, so a double-clicked submit applies once. */
export function submitApplication(hub: string, programId: string, input: ApplicationInput, idempotencyKey: string): Promise<Application> {
  return apiRequest<Application>(`${programPath(hub, programId)}/applications`, { method: 'POST', body: input, headers: { 'Idempotency-Key': idempotencyKey } });
}

export function listApplications(hub: string, program?: string): Promise<ApplicationList> {
  return apiRequest<ApplicationList>(`${hubPath(hub)}/applications`, { query: { program } });
}

export function getApplication(hub: string, id: string): Promise<Application> {
  return apiRequest<Application>(`${hubPath(hub)}/applications/${encodeURIComponent(id)}`);
}

/** Applicants: programs they qualify for; staff with a program: who qualifies and has not applied. */
export function listMatches(hub: string, program?: string): Promise<MatchList> {
  return apiRequest<MatchList>(`${hubPath(hub)}/matches`, { query: { program, pageSize: 200 } });
}

export function runMatching(hub: string, programId?: string): Promise<MatchingCounts> {
  return apiRequest<MatchingCounts>(`${hubPath(hub)}/matches/run`, { method: 'POST', body: programId ? { programId } : {} });
}

/** Staff: invite who qualifies and has not applied (in the app, and by e-mail where configured). */
export function inviteMatched(hub: string, programId: string): Promise<Invitations> {
  return apiRequest<Invitations>(`${programPath(hub, programId)}/invitations`, { method: 'POST' });
}
