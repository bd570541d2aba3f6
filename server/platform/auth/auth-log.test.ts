import { APIError } from 'better-auth/api';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { logAuthFailure } from './auth.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('what a failed auth request logs', () => {
  it('a wrong password or a rejected one is answered, not logged as an error', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const user = await createTestUser(ctx);
    const wrong = await ctx.app.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email: user.email, password: 'not the password at all' } });
    expect(wrong.statusCode).toBe(401);
    const short = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      payload: { email: 'short@test.example', password: 'short', name: 'S' },
    });
    expect(short.statusCode).toBe(400);
    expect(errors).not.toHaveBeenCalled();
  });

  it('logs what failed on the server, and nothing for an answer the client earned', () => {
    const logger = { error: vi.fn() };
    logAuthFailure(new APIError('UNAUTHORIZED', { message: 'invalid password' }), logger);
    logAuthFailure(new APIError('BAD_REQUEST', { code: 'PASSWORD_REJECTED', message: 'password rejected: TOO_SHORT' }), logger);
    expect(logger.error).not.toHaveBeenCalled();
    const broken = new Error('connection terminated');
    logAuthFailure(broken, logger);
    logAuthFailure(new APIError('INTERNAL_SERVER_ERROR'), logger);
    expect(logger.error).toHaveBeenCalledTimes(2);
    expect(logger.error.mock.calls[0]).toEqual(['auth request failed', broken]);
  });
});
