import { describe, expect, it } from 'vitest';
import { authErrorOf } from './auth-errors.js';

describe('better-auth errors in the project shape', () => {
  it('maps better-auth codes to stable codes, with the field where there is one', () => {
    expect(authErrorOf(401, { code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Invalid email or password' })).toEqual({ code: 'WRONG_CREDENTIALS', fields: [] });
    expect(authErrorOf(422, { code: 'USER_ALREADY_EXISTS' })).toEqual({ code: 'EMAIL_TAKEN', fields: [] });
    expect(authErrorOf(400, { code: 'PASSWORD_TOO_SHORT' })).toEqual({ code: 'PASSWORD_REJECTED', fields: [{ path: 'password', code: 'INVALID' }] });
    expect(authErrorOf(400, { code: 'INVALID_EMAIL' })).toEqual({ code: 'VALIDATION_FAILED', fields: [{ path: 'email', code: 'INVALID' }] });
    expect(authErrorOf(400, { code: 'INVALID_TOKEN' })).toEqual({ code: 'INVALID_TOKEN', fields: [] });
  });

  it('keeps a code of ours thrown by an auth hook, and goes by status otherwise', () => {
    expect(authErrorOf(400, { code: 'PASSWORD_REJECTED', message: 'password rejected: too common' }).code).toBe('PASSWORD_REJECTED');
    expect(authErrorOf(429, { message: 'Too many requests' }).code).toBe('RATE_LIMITED');
    expect(authErrorOf(429, null).code).toBe('RATE_LIMITED');
    expect(authErrorOf(403, { code: 'SOMETHING_NEW' }).code).toBe('FORBIDDEN');
    expect(authErrorOf(400, { code: 'SOMETHING_NEW' }).code).toBe('AUTH_REFUSED');
    expect(authErrorOf(500, 'not json').code).toBe('INTERNAL');
  });
});
