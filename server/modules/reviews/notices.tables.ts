import { sql } from 'drizzle-orm';
import { check, customType, date, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * Public notice (公示) of an award before it is paid: on the hub's board from the award
 * day to `ends_on` (the last of the program's notice working days). A notice whose
 * objection was upheld is `reopened` (the decision is taken again; a new award gets a
 * new notice), so one award has at most one open notice.
 */
export const publicNotices = pgTable(
  'public_notices',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    applicationId: uuid('application_id').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    uniqueIndex('public_notices_open_idx')
      .on(t.hubId, t.applicationId)
      .where(sql`${t.status} = 'open'`),
    index('public_notices_board_idx').on(t.hubId, t.startsOn, t.id),
    check('public_notices_status_check', sql`${t.status} IN ('open','reopened')`),
    check('public_notices_period_check', sql`${t.startsOn} <= ${t.endsOn}`),
  ],
);

/**
 * An objection anyone lodged against a notice. The contact is encrypted and the
 * client address kept only as an HMAC (for the per-address limits); neither is ever
 * published. A dismissal's reason is published on the board.
 */
export const noticeObjections = pgTable(
  'notice_objections',
  {
    hubId: uuid('hub_id').notNull(),
    id: uuid('id').notNull(),
    noticeId: uuid('notice_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    contactSealed: text('contact_sealed').notNull(),
    reason: text('reason').notNull(),
    addressDigest: text('address_digest').notNull(),
    evidenceName: text('evidence_name'),
    evidenceType: text('evidence_type'),
    evidence: bytea('evidence'),
    status: text('status').notNull().default('open'),
    resolution: text('resolution'),
    resolvedBy: uuid('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hubId, t.id] }),
    // One open objection per address per notice: a second waits for the first to be resolved.
    uniqueIndex('notice_objections_once_idx')
      .on(t.hubId, t.noticeId, t.addressDigest)
      .where(sql`${t.status} = 'open'`),
    index('notice_objections_address_idx').on(t.hubId, t.addressDigest, t.createdAt),
    index('notice_objections_notice_idx').on(t.hubId, t.noticeId, t.status),
    check('notice_objections_status_check', sql`${t.status} IN ('open','upheld','dismissed','moot')`),
    check('notice_objections_resolved_check', sql`(${t.status} = 'open') = (${t.resolvedAt} IS NULL)`),
  ],
);
