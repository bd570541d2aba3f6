/// <reference types="node" />
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';

const dist = path.resolve('dist/web');
const LIMIT = 350 * 1024;

/** The files a browser fetches before the landing page can run: the entry, its static imports (transitively) and the stylesheets. */
function landingFiles(): string[] {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.endsWith('.js')) return;
    const code = readFileSync(path.join(dist, file), 'utf8');
    // Static imports only (`import{a}from"./x.js"`); `import("./y.js")` loads later, on demand.
    for (const m of code.matchAll(/\bimport\s*(?:[^;'"()]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) visit(path.posix.join('assets', m[1]!));
  };
  refs.forEach(visit);
  return [...seen];
}

it('the landing page needs at most 350 KB of gzipped JavaScript and CSS', () => {
  // Builds the web app when it is missing or older than its sources (as `npm start` does).
  execFileSync(process.execPath, ['scripts/ensure-web.mjs'], { stdio: 'inherit' });
  const files = landingFiles();
  expect(files.some((f) => f.endsWith('.js'))).toBe(true);
  const sizes = files.map((file) => ({ file, gzip: gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length }));
  const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
  console.log(`landing: ${files.length} files, ${(total / 1024).toFixed(1)} KB gzip (limit ${LIMIT / 1024} KB)`);
  expect(total, sizes.map((s) => `${s.file} ${(s.gzip / 1024).toFixed(1)} KB`).join('\n')).toBeLessThanOrEqual(LIMIT);
}, 300_000);
