import { allow, definePolicy } from '../../platform/policies.js';
import type { CompanyStanding } from '../ecosystem/index.js';

/** Pools, flavors and quotas: the compute operator and hub admins run them; staff read. */
export const computeAdminPolicy = definePolicy<Record<string, never>>([
  allow(['compute_operator', 'hub_admin'], 'manage'),
  allow(['compute_operator', 'hub_admin', 'auditor', 'finance_officer'], 'read'),
]);

/** Flavors are listed to anyone signed in (startups choose one). */
export const flavorPolicy = definePolicy<Record<string, never>>([allow('signed_in', 'read')]);

/**
 * A company's requests and usage, by the caller's standing in it (`companyStanding`): every
 * member reads them; only those who may act for it (owners, "can apply" colleagues) submit
 * and cancel, so a "can view" colleague gets 403; the compute operator (who may also submit
 * for a company) and hub admins cancel; staff see all.
 */
export const companyComputePolicy = definePolicy<CompanyStanding>([
  allow('signed_in', 'read', (_, c) => c.reads),
  allow('signed_in', 'submit', (_, c) => c.acts),
  allow('signed_in', 'cancel', (_, c) => c.acts),
  allow(['compute_operator', 'hub_admin', 'auditor', 'finance_officer'], 'read'),
  allow(['compute_operator', 'hub_admin'], 'cancel'),
  // The operator may file a request for a company (asked by phone, or the demo's history).
  allow('compute_operator', 'submit'),
]);

/**
 * Usage (which pays voucher money) is reported by the provider, that is its machine
 * credential or its people who may act for it, or by the operator on its behalf. `provider`:
 * the caller acts for the provider; `reads`: the caller is one of its people (a "can view"
 * colleague, who may see it but not act for it, is told 403 rather than 404).
 */
export const usagePolicy = definePolicy<{ provider: boolean; reads?: boolean }>([
  allow('signed_in', 'report', (_, u) => u.provider),
  allow('signed_in', 'read', (_, u) => u.reads === true),
  allow(['compute_operator', 'hub_admin'], 'report'),
]);
