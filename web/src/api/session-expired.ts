/**
 * The server ended the session (401 SESSION_EXPIRED: the hub's idle or absolute limit). The
 * one error path (`errorFromBody`) reports it here; `SessionExpiryRedirect` listens and sends
 * the person to sign in, then back to the page.
 */
type Listener = () => void;
const listeners = new Set<Listener>();

export function reportSessionExpired(): void {
  for (const listener of listeners) listener();
}

/** Listens until the returned function is called. */
export function onSessionExpired(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
