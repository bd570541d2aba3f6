import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { applications } from './programs.tables.js';

/** The columns of an application (a table's or bound values) that the rule reads. */
export type ApplicationColumns = { hubId: AnyPgColumn | SQL; id: AnyPgColumn | SQL; status: AnyPgColumn | SQL };
type PendingApproverSql = (app: ApplicationColumns) => SQL<string | null>;

// Who approved first, while an approval waits for its second officer, is the reviews
// module's rule (it reads its decisions, and it imports this module): it registers the
// rule here as one SQL expression, as it does the allowed actions, so that a list reads
// it in the same query as the rows.
let pendingApproverOf: PendingApproverSql = () => sql<string | null>`NULL::uuid`;

export function registerPendingApprover(rule: PendingApproverSql): void {
  pendingApproverOf = rule;
}

/** SQL over `applications`: approved by one officer and waiting for the second (false until the reviews module registers). */
export function awaitingSecondApprovalSql(): SQL<boolean> {
  const rule = pendingApproverOf({ hubId: applications.hubId, id: applications.id, status: applications.status });
  return sql<boolean>`(${rule} IS NOT NULL)`.mapWith(Boolean);
}
