import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterFile } from './after-file.js';

/**
 * A fresh folder under the OS temp dir (`prefix` then random characters), removed with
 * everything in it after the file's tests (`afterFile`), wherever it was asked for. Tests
 * leave no folders behind.
 */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  afterFile(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
