import { vi } from 'vitest';

export type SeenRequest = { method: string; path: string; headers: Headers; body: unknown };
type Reply = { status: number; body?: unknown };

/**
 * Stands in for the server in a component test: every fetch is recorded (method, path,
 * headers, JSON body or an upload's text) and answered by `reply`. Tests assert what the form sent and how it
 * shows the answer; the real server is proven by its own integration tests. `reply` may answer
 * later (a promise): a form's second click can then come before the first answer.
 */
export function fakeServer(reply: (request: SeenRequest) => Reply | Promise<Reply>) {
  const seen: SeenRequest[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), location.href), init);
    const text = await request.text();
    const url = new URL(request.url);
    // A raw upload (a CSV, a photo) is kept as its text; anything else was sent as JSON.
    const json = !request.headers.get('content-type') || request.headers.get('content-type')?.includes('json');
    const entry = {
      method: request.method,
      path: url.pathname + url.search,
      headers: request.headers,
      body: text ? (json ? JSON.parse(text) : text) : undefined,
    };
    seen.push(entry);
    const { status, body } = await reply(entry);
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return seen;
}

/** The server's VALIDATION_FAILED answer with one field at fault. */
export const validationFailed = (path: string, code: string) => ({
  status: 400,
  body: { error: { code: 'VALIDATION_FAILED', message: 'invalid', fields: [{ path, code, message: code }] } },
});
