import { describe, expect, it } from 'vitest';
import { constraintName, sqlState } from './transaction.js';

// Errors exactly as Citus 13.2.2 (PostgreSQL 15, coordinator + 2 workers) delivered them to
// node-postgres, recorded from the cluster: no `constraint` field, shard suffixes in the
// names, and XX000 for violations of INSERT ... SELECT through the coordinator. Wrapped as
// Drizzle wraps them (the pg error is the cause).
const fromCitus = (code: string, message: string) => ({
  message: 'Failed query: ...',
  cause: Object.assign(new Error(message), { code, constraint: undefined }),
});

const uniqueRouted = fromCitus('23505', 'duplicate key value violates unique constraint "organizations_hub_uscc_key_103245"');
const uniqueInsertSelect = fromCitus('XX000', 'duplicate key value violates unique constraint "organizations_hub_uscc_key_103245"');
const checkRouted = fromCitus('23514', 'new row for relation "organizations_103245" violates check constraint "organizations_headcount_check"');
const foreignKeyInsertSelect = fromCitus(
  'XX000',
  'insert or update on table "organization_members_103213" violates foreign key constraint "organization_members_hub_id_organization_id_org_f547276e_103213"',
);
const exclusionInsertSelect = fromCitus('XX000', 'conflicting key value violates exclusion constraint "space_claims_excl_103533"');
const notNullInsertSelect = fromCitus('XX000', 'null value in column "holder_id" of relation "space_claims_103533" violates not-null constraint');

describe('database errors from Citus', () => {
  it('reads the constraint from the message when the field is missing, without the shard suffix', () => {
    expect(constraintName(uniqueRouted)).toBe('organizations_hub_uscc_key');
    expect(constraintName(uniqueInsertSelect)).toBe('organizations_hub_uscc_key');
    expect(constraintName(checkRouted)).toBe('organizations_headcount_check');
    expect(constraintName(exclusionInsertSelect)).toBe('space_claims_excl');
    // Names longer than PostgreSQL's 63 bytes are hashed on shards: the hash stays, the suffix goes.
    expect(constraintName(foreignKeyInsertSelect)).toBe('organization_members_hub_id_organization_id_org_f547276e');
  });

  it('maps XX000 carrying an integrity violation to its class, and leaves other codes alone', () => {
    expect(sqlState(uniqueRouted)).toBe('23505');
    expect(sqlState(uniqueInsertSelect)).toBe('23505');
    expect(sqlState(foreignKeyInsertSelect)).toBe('23503');
    expect(sqlState(exclusionInsertSelect)).toBe('23P01');
    expect(sqlState(notNullInsertSelect)).toBe('23502');
    expect(sqlState(checkRouted)).toBe('23514');
    expect(sqlState(fromCitus('XX000', 'could not connect to worker'))).toBe('XX000');
  });

  it('keeps plain PostgreSQL errors as they are: the constraint field wins, suffix-free names untouched', () => {
    const plain = {
      cause: Object.assign(new Error('duplicate key value violates unique constraint "applications_once_idx"'), {
        code: '23505',
        constraint: 'applications_once_idx',
      }),
    };
    expect(sqlState(plain)).toBe('23505');
    expect(constraintName(plain)).toBe('applications_once_idx');
    expect(constraintName(new Error('no database here'))).toBeUndefined();
    expect(sqlState(new Error('no database here'))).toBeUndefined();
  });
});
