import type { components } from './openapi';
import { answer, api, type BodyOf, type QueryOf } from './client';

// Every type here is the generated document's (openapi.d.ts), never a copy.
export type ObligationFinding = components['schemas']['ObligationFinding'];
export type OutcomeReport = components['schemas']['OutcomeReport'];
export type CheckCounts = components['schemas']['ObligationCheckCounts'];
export type FindingDecision = BodyOf<'/api/hubs/{hub}/obligation-findings/{id}/decision', 'post'>;
export type RepaymentInput = BodyOf<'/api/hubs/{hub}/recoveries/{id}/repayments', 'post'>;
export type OutcomeReportInput = BodyOf<'/api/hubs/{hub}/applications/{id}/outcome-reports/{key}/{dueOn}', 'post'>;
type FindingsQuery = Omit<QueryOf<'/api/hubs/{hub}/obligation-findings'>, 'limit'>;

const hubPath = (hub: string) => ({ path: { hub } });
const keyed = (idempotencyKey: string) => ({ 'idempotency-key': idempotencyKey });

export const listFindings = (hub: string, query: FindingsQuery = {}) =>
  answer(api.GET('/api/hubs/{hub}/obligation-findings', { params: { ...hubPath(hub), query: { limit: 100, ...query } } }));
export const runObligationChecks = (hub: string) => answer(api.POST('/api/hubs/{hub}/obligation-checks', { params: hubPath(hub) }));

/** Decisions and money moves carry a key chosen once per dialog, so a double click acts once. */
export const decideFinding = (hub: string, id: string, body: FindingDecision, idempotencyKey: string) =>
  answer(api.POST('/api/hubs/{hub}/obligation-findings/{id}/decision', { params: { path: { hub, id }, header: keyed(idempotencyKey) }, body }));
export const appealFinding = (hub: string, id: string, reason: string) =>
  answer(api.POST('/api/hubs/{hub}/obligation-findings/{id}/appeal', { params: { path: { hub, id } }, body: { reason } }));
export const recordRepayment = (hub: string, recoveryId: string, body: RepaymentInput, idempotencyKey: string) =>
  answer(api.POST('/api/hubs/{hub}/recoveries/{id}/repayments', { params: { path: { hub, id: recoveryId }, header: keyed(idempotencyKey) }, body }));
export const writeOffRecovery = (hub: string, recoveryId: string, reason: string, idempotencyKey: string) =>
  answer(api.POST('/api/hubs/{hub}/recoveries/{id}/write-off', { params: { path: { hub, id: recoveryId }, header: keyed(idempotencyKey) }, body: { reason } }));

/** An award owes one report a year: the first hundred are all there is. */
export const listOutcomeReports = (hub: string, applicationId: string) =>
  answer(api.GET('/api/hubs/{hub}/applications/{id}/outcome-reports', { params: { path: { hub, id: applicationId }, query: { limit: 100 } } }));
export const submitOutcomeReport = (hub: string, applicationId: string, report: Pick<OutcomeReport, 'obligationKey' | 'dueOn'>, body: OutcomeReportInput) =>
  answer(
    api.POST('/api/hubs/{hub}/applications/{id}/outcome-reports/{key}/{dueOn}', {
      params: { path: { hub, id: applicationId, key: report.obligationKey, dueOn: report.dueOn } },
      body,
    }),
  );
