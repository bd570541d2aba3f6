import type { HubRole } from '../../../contracts/auth';

// Mirrors server/modules/budget/budget.policies.ts; the server decides, this only hides what it would refuse.
const readers: readonly HubRole[] = ['finance_officer', 'hub_admin', 'program_officer', 'auditor'];
const writers: readonly HubRole[] = ['finance_officer', 'hub_admin'];

export const canReadBudget = (roles: readonly HubRole[]): boolean => roles.some((r) => readers.includes(r));
export const canWriteBudget = (roles: readonly HubRole[]): boolean => roles.some((r) => writers.includes(r));
