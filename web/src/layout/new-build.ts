/**
 * A page's code from an earlier build is gone once a new build is deployed: a tab opened
 * before then fails to load the next page it asks for. Reloading gets the new build's page.
 * Once in 30 seconds at most, so a server that is really down is not asked again and again.
 */
const KEY = 'dragongate.reloadedForNewBuild';
const WINDOW_MS = 30_000;

/** True when the error is a failed load of a page's code (the messages of Chromium, Firefox and Safari). */
export function isStaleCodeError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|Importing a module script failed|error loading dynamically imported module|Unable to preload/i.test(message);
}

/** Reloads the page for the new build unless it did so in the last 30 seconds; true when it reloads. */
export function reloadForNewBuild(storage: Pick<Storage, 'getItem' | 'setItem'> = sessionStorage, now = Date.now(), reload = () => location.reload()): boolean {
  const last = Number(storage.getItem(KEY) ?? 0);
  if (now - last < WINDOW_MS) return false;
  storage.setItem(KEY, String(now));
  reload();
  return true;
}
