import type { adminZhCN } from './admin.zh-CN';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

/** English strings of the hub admin pages; the same keys as admin.zh-CN.ts. */
export const adminEnUS: Messages<typeof adminZhCN> = {
  tokens: {
    title: 'API tokens',
    intro:
      'For machine clients, such as a compute provider reporting usage, or scripts. A token works in this hub only, with the roles you choose; it is sent as Authorization: Bearer.',
    create: 'New token',
    name: 'Name',
    namePlaceholder: 'e.g. usage reports of a compute provider',
    roles: 'Roles',
    expiresAt: 'Expires',
    hint: 'Ends in',
    createdBy: 'Made by',
    createdAt: 'Made',
    lastUsedAt: 'Last used',
    never: 'Never',
    status: 'Status',
    statuses: { active: 'Active', expired: 'Expired', revoked: 'Revoked' },
    revoke: 'Revoke',
    revokeConfirm: 'The next request with this token will be refused, and this cannot be undone. Revoke it?',
    revoked: 'The token is revoked.',
    empty: 'No tokens yet.',
    submit: 'Make token',
    shownOnce: 'Copy this token now: it is shown only this once and is not kept here.',
    copy: 'Copy',
    copied: 'Copied.',
    done: 'I have saved it',
    createdTitle: 'Token made',
  },
  roles: {
    security_admin: 'Security administrator',
    hub_admin: 'Hub admin',
    program_officer: 'Program officer',
    reviewer: 'Reviewer',
    finance_officer: 'Finance officer',
    station_manager: 'Station manager',
    space_manager: 'Space manager',
    compute_operator: 'Compute operator',
    auditor: 'Auditor',
  },
};
