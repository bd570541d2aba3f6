import { allow, definePolicy } from '../../platform/policies.js';

/** Pools, flavors and quotas: the compute operator and hub admins run them; staff read. */
export const computeAdminPolicy = definePolicy<Record<string, never>>([
  allow(['compute_operator', 'hub_admin'], 'manage'),
  allow(['compute_operator', 'hub_admin', 'auditor', 'finance_officer'], 'read'),
]);

/** Flavors are listed to anyone signed in (startups choose one). */
export const flavorPolicy = definePolicy<Record<string, never>>([allow('signed_in', 'read')]);

/**
 * A company's requests and usage: its members read them, submit and cancel; the compute
 * operator (who may also submit for a company) and hub admins cancel; staff see all.
 */
export const companyComputePolicy = definePolicy<{ member: boolean }>([
  allow('signed_in', 'read', (_, c) => c.member),
  allow('signed_in', 'submit', (_, c) => c.member),
  allow('signed_in', 'cancel', (_, c) => c.member),
  allow(['compute_operator', 'hub_admin', 'auditor', 'finance_officer'], 'read'),
  allow(['compute_operator', 'hub_admin'], 'cancel'),
  // The operator may file a request for a company (asked by phone, or the demo's history).
  allow('compute_operator', 'submit'),
]);

/** Usage is reported by the provider (its machine credential) or the operator on its behalf. */
export const usagePolicy = definePolicy<{ provider: boolean }>([
  allow('signed_in', 'report', (_, u) => u.provider),
  allow(['compute_operator', 'hub_admin'], 'report'),
]);
