import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, onTestFinished } from 'vitest';
import { afterFile } from './after-file.js';

/**
 * A fresh folder under the OS temp dir (`prefix` then random characters), removed with
 * everything in it when the test that asked for it finishes, or, asked for outside a test
 * (a beforeAll, startTestApp), after the file's tests. Tests leave no folders behind.
 */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  if (expect.getState().currentTestName === undefined) afterFile(remove);
  else onTestFinished(remove);
  return dir;
}
