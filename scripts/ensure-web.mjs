// `npm start` serves the built web app: build it once if it is missing or stale.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const built = 'dist/web/index.html';

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(file) : statSync(file).mtimeMs);
  }
  return newest;
}

const stale = !existsSync(built) || Math.max(newestSource('web'), newestSource('contracts')) > statSync(built).mtimeMs;
if (stale) {
  process.stderr.write('Building the web app (once)...\n');
  // A production build whoever calls (a test runner sets NODE_ENV=test, which would build React's development files).
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
