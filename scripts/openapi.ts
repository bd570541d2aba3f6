// Writes the live OpenAPI document (no database needed): `tsx scripts/openapi.ts [FILE]`.
import { writeFileSync } from 'node:fs';
import { offlineOpenApiDocument } from '../server/platform/http/openapi/offline-document.js';

const document = JSON.stringify(await offlineOpenApiDocument(), null, 2) + '\n';
const out = process.argv[2];
if (out) writeFileSync(out, document);
else process.stdout.write(document);
