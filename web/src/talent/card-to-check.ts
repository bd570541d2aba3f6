import { hubSlugSchema } from '../../../contracts/hubs';

/** A talent card token as the server signs it: `<claims>.<signature>`, both base64url (server/modules/talent/card-token.ts). */
const TOKEN = /^[\w-]+\.[\w-]+$/;

/** A token the check can be asked about: the card's shape and the length the server takes. */
export function looksLikeCardToken(token: string): boolean {
  return token.length >= 10 && token.length <= 2000 && TOKEN.test(token);
}

/** The hub a token says issued it, read (not trusted: the server checks the signature) so a card of another hub is checked there. */
function hubNamedBy(token: string): string | null {
  try {
    const claims: unknown = JSON.parse(atob(token.split('.')[0]!.replace(/-/g, '+').replace(/_/g, '/')));
    const hub = (claims as { hub?: unknown }).hub;
    return hubSlugSchema.safeParse(hub).success ? (hub as string) : null;
  } catch {
    return null;
  }
}

/** The pasted link, with or without its address (not URL.parse: older WeChat browsers lack it). */
function linkIn(text: string): URL | null {
  try {
    return new URL(text, 'https://link.invalid');
  } catch {
    return null;
  }
}

/**
 * What a person pasted to check a card: the whole check link (as the QR code holds it,
 * with or without its address) or the code alone (the link's token). Spaces and line
 * breaks a chat app put in are dropped. Null when it is neither.
 */
export function cardToCheck(pasted: string): { token: string; hub: string | null } | null {
  const text = pasted.replace(/\s+/g, '');
  let token = text;
  let linkHub: string | null = null;
  if (/[?&]token=/.test(text)) {
    const link = linkIn(text);
    token = link?.searchParams.get('token') ?? '';
    linkHub = link ? (/\/hubs\/([^/]+)\/talent\/verify/.exec(link.pathname)?.[1] ?? null) : null;
  }
  if (!looksLikeCardToken(token)) return null;
  return { token, hub: hubNamedBy(token) ?? (linkHub && hubSlugSchema.safeParse(linkHub).success ? linkHub : null) };
}
