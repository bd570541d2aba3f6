import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { onSessionExpired } from '../api/session-expired';

/** The sign-in page's address after a timed-out session: it says why, and leads back to `next`. */
export const expiredSignInPath = (next: string) => `/sign-in?${new URLSearchParams({ next, expired: '1' }).toString()}`;

/**
 * Mounted once inside the router: when any request answers SESSION_EXPIRED, forgets what the
 * ended session had loaded and goes to sign-in, which explains and returns to this page.
 */
export function SessionExpiryRedirect() {
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const { pathname, search, hash } = location;
  useEffect(
    () =>
      onSessionExpired(() => {
        if (pathname === '/sign-in') return;
        navigate(expiredSignInPath(pathname + search + hash), { replace: true });
        client.removeQueries();
      }),
    [pathname, search, hash, navigate, client],
  );
  return null;
}
