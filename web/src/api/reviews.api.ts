import type { components } from './openapi';
import { answer, api, type BodyOf } from './client';

// Every type here is the generated document's (openapi.d.ts), never a copy.
export type Award = components['schemas']['Award'];
export type ReviewBoard = components['schemas']['ReviewBoard'];
export type ReviewItem = components['schemas']['ReviewItem'];
export type Transition = components['schemas']['Transition'];
export type ReviewInput = BodyOf<'/api/hubs/{hub}/applications/{id}/reviews', 'post'>;
export type DecisionInput = BodyOf<'/api/hubs/{hub}/applications/{id}/decision', 'post'>;
type Answers = BodyOf<'/api/hubs/{hub}/applications/{id}/answers', 'put'>['answers'];

const hubPath = (hub: string) => ({ path: { hub } });
const app = (hub: string, id: string) => ({ path: { hub, id } });
const keyed = (hub: string, id: string, idempotencyKey: string) => ({ ...app(hub, id), header: { 'idempotency-key': idempotencyKey } });

/** A page of my review queue (`next`: the page after). */
export const listReviewQueue = (hub: string, next?: string) =>
  answer(api.GET('/api/hubs/{hub}/review-queue', { params: { ...hubPath(hub), query: { next } } }));
export const getReviewItem = (hub: string, id: string) => answer(api.GET('/api/hubs/{hub}/review-queue/{id}', { params: app(hub, id) }));
export const getReviewBoard = (hub: string, id: string) => answer(api.GET('/api/hubs/{hub}/applications/{id}/reviews', { params: app(hub, id) }));
export const getHistory = (hub: string, id: string) => answer(api.GET('/api/hubs/{hub}/applications/{id}/history', { params: app(hub, id) }));
export const getAward = (hub: string, id: string) => answer(api.GET('/api/hubs/{hub}/applications/{id}/award', { params: app(hub, id) }));

export const assignReviewers = (hub: string, id: string) => answer(api.POST('/api/hubs/{hub}/applications/{id}/reviewers', { params: app(hub, id) }));
export const declareConflict = (hub: string, id: string, reason: string) =>
  answer(api.POST('/api/hubs/{hub}/applications/{id}/conflicts', { params: app(hub, id), body: { reason } }));
export const submitReview = (hub: string, id: string, body: ReviewInput) =>
  answer(api.POST('/api/hubs/{hub}/applications/{id}/reviews', { params: app(hub, id), body }));
/** A decision may commit money: the key is chosen once per form, so a double click decides once. */
export const decideApplication = (hub: string, id: string, body: DecisionInput, idempotencyKey: string) =>
  answer(api.POST('/api/hubs/{hub}/applications/{id}/decision', { params: keyed(hub, id, idempotencyKey), body }));
export const appealDecision = (hub: string, id: string, reason: string) =>
  answer(api.POST('/api/hubs/{hub}/applications/{id}/appeal', { params: app(hub, id), body: { reason } }));
export const withdrawApplication = (hub: string, id: string, reason: string) =>
  answer(api.POST('/api/hubs/{hub}/applications/{id}/withdraw', { params: app(hub, id), body: { reason } }));

/** Money moves: the key is chosen once per dialog, so a double click pays once. */
export const releaseTranche = (hub: string, id: string, seq: number, reason: string, idempotencyKey: string) =>
  answer(
    api.POST('/api/hubs/{hub}/applications/{id}/tranches/{seq}/release', {
      params: { ...keyed(hub, id, idempotencyKey), path: { hub, id, seq } },
      body: { reason },
    }),
  );
export const clawBackAward = (hub: string, id: string, amount: string, reason: string, idempotencyKey: string) =>
  answer(api.POST('/api/hubs/{hub}/applications/{id}/clawback', { params: keyed(hub, id, idempotencyKey), body: { amount, reason } }));
/** `attachments`: ids of files the awardee uploaded in this hub (`uploadFile`). */
export const submitMilestoneReport = (hub: string, id: string, key: string, text: string, attachments: readonly string[] = []) =>
  answer(
    api.POST('/api/hubs/{hub}/applications/{id}/milestones/{key}/report', {
      params: { path: { hub, id, key } },
      body: { text, attachments: [...attachments] },
    }),
  );
export const reviewMilestoneReport = (hub: string, id: string, key: string, outcome: 'accept' | 'return', note: string, idempotencyKey: string) =>
  answer(
    api.POST('/api/hubs/{hub}/applications/{id}/milestones/{key}/review', {
      params: { path: { hub, id, key }, header: { 'idempotency-key': idempotencyKey } },
      body: { outcome, note },
    }),
  );
export const resubmitApplication = (hub: string, id: string, answers: Answers, reason: string) =>
  answer(api.POST('/api/hubs/{hub}/applications/{id}/resubmit', { params: app(hub, id), body: { answers, reason } }));

/** Drafts (reviewed programs): change the answers so far, then submit to be judged. */
export const saveDraftAnswers = (hub: string, id: string, answers: Answers) =>
  answer(api.PUT('/api/hubs/{hub}/applications/{id}/answers', { params: app(hub, id), body: { answers } }));
export const submitDraft = (hub: string, id: string) => answer(api.POST('/api/hubs/{hub}/applications/{id}/submit', { params: app(hub, id) }));
