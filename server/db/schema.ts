// Every table of every module, for drizzle-kit and for the typed database handle.
export * from '../platform/auth/auth.tables.js';
export * from '../platform/audit/audit.tables.js';
export * from '../platform/idempotency/idempotency.tables.js';
export * from '../platform/tenancy/tenancy.tables.js';
export * from '../platform/files/files.tables.js';
export * from '../platform/mail/outbox.tables.js';
export * from '../platform/notifications/notifications.tables.js';
export * from '../modules/ecosystem/organizations.tables.js';
export * from '../modules/ecosystem/people.tables.js';
export * from '../modules/ecosystem/relations.tables.js';
export * from '../modules/ecosystem/facts.tables.js';
export * from '../modules/budget/budget.tables.js';
export * from '../modules/programs/programs.tables.js';
export * from '../modules/programs/matches.tables.js';
export * from '../modules/reviews/reviews.tables.js';
export * from '../modules/reviews/awards.tables.js';
