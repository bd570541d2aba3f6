// Spectral (spectral:oas, .spectral.yaml) on the live OpenAPI document: any warning fails.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { offlineOpenApiDocument } from '../server/platform/http/openapi/offline-document.js';

const dir = mkdtempSync(path.join(tmpdir(), 'dragongate-spectral-'));
const file = path.join(dir, 'openapi.json');
writeFileSync(file, JSON.stringify(await offlineOpenApiDocument(), null, 2));
const spectral = path.resolve('node_modules/.bin/spectral');
const run = spawnSync(spectral, ['lint', '--ruleset', '.spectral.yaml', '--fail-severity', 'warn', '--format', 'text', file], { stdio: 'inherit' });
rmSync(dir, { recursive: true, force: true });
process.exit(run.status ?? 1);
