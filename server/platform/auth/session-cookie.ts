import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The session token of a request's signed session cookie, checked as better-auth signs
 * it (`<token>.<base64 HMAC-SHA256 of the token>`, URL-encoded), or null when the cookie
 * is missing, malformed or not signed with `secret`. No database: a forged or foreign
 * cookie costs no query.
 */
export function sessionTokenOf(cookieHeader: string | undefined, cookieName: string, secret: string): string | null {
  const raw = cookieValue(cookieHeader, cookieName);
  if (!raw) return null;
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const dot = value.lastIndexOf('.');
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = Buffer.from(value.slice(dot + 1), 'base64');
  const expected = createHmac('sha256', secret).update(token).digest();
  return signature.length === expected.length && timingSafeEqual(signature, expected) ? token : null;
}

/** The value of one cookie in a `Cookie` header (the first of that name). */
function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
