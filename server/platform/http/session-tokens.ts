/**
 * A session's token never reaches a page: the cookie carries it, signed. better-auth puts it
 * in the current session and in every session of the list it answers; those two answers
 * are sent without it. (The sign-in answer keeps its own token: the contract gives it to API
 * clients.)
 */
export function withoutSessionTokens(pathname: string, text: string): string {
  if (pathname !== '/api/auth/list-sessions' && pathname !== '/api/auth/get-session') return text;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return text;
  }
  const strip = (session: unknown) => {
    if (session === null || typeof session !== 'object') return session;
    const { token: _token, ...rest } = session as Record<string, unknown>;
    return rest;
  };
  if (Array.isArray(body)) return JSON.stringify(body.map(strip));
  if (body !== null && typeof body === 'object' && 'session' in body)
    return JSON.stringify({ ...body, session: strip((body as { session: unknown }).session) });
  return text;
}
