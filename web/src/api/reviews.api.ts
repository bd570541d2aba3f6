import type { z } from 'zod';
import type { Application } from '../../../contracts/applications';
import type { Award, ReviewBoard, ReviewItem, transitionSchema } from '../../../contracts/reviews';
import { apiRequest } from './http';

export type { Award, ReviewBoard, ReviewItem };
export type Transition = z.infer<typeof transitionSchema>;
export type ReviewInput = { scores: Record<string, number>; comment: string; recommendation: 'approve' | 'reject' | 'return' };
export type DecisionInput = { outcome: 'approve' | 'reject' | 'return'; reason: string };

const hubPath = (hub: string) => `/api/hubs/${encodeURIComponent(hub)}`;
const appPath = (hub: string, id: string) => `${hubPath(hub)}/applications/${encodeURIComponent(id)}`;

export const listReviewQueue = (hub: string) => apiRequest<{ items: ReviewItem[] }>(`${hubPath(hub)}/review-queue`);
export const getReviewItem = (hub: string, id: string) => apiRequest<ReviewItem>(`${hubPath(hub)}/review-queue/${encodeURIComponent(id)}`);
export const getReviewBoard = (hub: string, id: string) => apiRequest<ReviewBoard>(`${appPath(hub, id)}/reviews`);
export const getHistory = (hub: string, id: string) => apiRequest<{ items: Transition[] }>(`${appPath(hub, id)}/history`);
export const getAward = (hub: string, id: string) => apiRequest<Award>(`${appPath(hub, id)}/award`);

export const assignReviewers = (hub: string, id: string) => apiRequest<ReviewBoard>(`${appPath(hub, id)}/reviewers`, { method: 'POST' });
export const declareConflict = (hub: string, id: string, reason: string) => apiRequest<{ status: 'conflicted' }>(`${appPath(hub, id)}/conflicts`, { method: 'POST', body: { reason } });
export const submitReview = (hub: string, id: string, input: ReviewInput) => apiRequest<ReviewBoard>(`${appPath(hub, id)}/reviews`, { method: 'POST', body: input });
/** A decision may commit money: the key is chosen once per form, so a double click decides once. */
export const decideApplication = (hub: string, id: string, input: DecisionInput, idempotencyKey: string) =>
  apiRequest<Application>(`${appPath(hub, id)}/decision`, { method: 'POST', body: input, headers: { 'Idempotency-Key': idempotencyKey } });
export const appealDecision = (hub: string, id: string, reason: string) => apiRequest<Application>(`${appPath(hub, id)}/appeal`, { method: 'POST', body: { reason } });
export const withdrawApplication = (hub: string, id: string, reason: string) => apiRequest<Application>(`${appPath(hub, id)}/withdraw`, { method: 'POST', body: { reason } });

/** Money moves: the key is chosen once per dialog, so a double click pays once. */
export const releaseTranche = (hub: string, id: string, seq: number, reason: string, idempotencyKey: string) =>
  apiRequest<Award>(`${appPath(hub, id)}/tranches/${seq}/release`, { method: 'POST', body: { reason }, headers: { 'Idempotency-Key': idempotencyKey } });
export const clawBackAward = (hub: string, id: string, amount: string, reason: string, idempotencyKey: string) =>
  apiRequest<Award>(`${appPath(hub, id)}/clawback`, { method: 'POST', body: { amount, reason }, headers: { 'Idempotency-Key': idempotencyKey } });
export const submitMilestoneReport = (hub: string, id: string, key: string, text: string) =>
  apiRequest<Award>(`${appPath(hub, id)}/milestones/${encodeURIComponent(key)}/report`, { method: 'POST', body: { text } });
export const reviewMilestoneReport = (hub: string, id: string, key: string, outcome: 'accept' | 'return', note: string, idempotencyKey: string) =>
  apiRequest<Award>(`${appPath(hub, id)}/milestones/${encodeURIComponent(key)}/review`, { method: 'POST', body: { outcome, note }, headers: { 'Idempotency-Key': idempotencyKey } });
export const resubmitApplication = (hub: string, id: string, answers: Record<string, string | number | boolean>, reason: string) =>
  apiRequest<Application>(`${appPath(hub, id)}/resubmit`, { method: 'POST', body: { answers, reason } });

/** Drafts (reviewed programs): change the answers so far, then submit to be judged. */
export const saveDraftAnswers = (hub: string, id: string, answers: Record<string, string | number | boolean>) =>
  apiRequest<Application>(`${appPath(hub, id)}/answers`, { method: 'PUT', body: { answers } });
export const submitDraft = (hub: string, id: string) => apiRequest<Application>(`${appPath(hub, id)}/submit`, { method: 'POST' });
