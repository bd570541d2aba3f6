// `npm run test:gm`: the test files that store or verify a hash, signature or ciphertext of
// the crypto suite (scripts/gm-test-files.mjs computes them), run under CRYPTO_SUITE=gm.
// Extra arguments go to vitest. `npm run test:gm:all` runs the whole suite under gm instead.
import { spawnSync } from 'node:child_process';
import { gmTestFiles } from './gm-test-files.mjs';

const files = gmTestFiles();
process.stderr.write(`CRYPTO_SUITE=gm: ${files.length} test files (scripts/gm-test-files.mjs)\n`);
const run = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--project', 'server', ...process.argv.slice(2), ...files], {
  stdio: 'inherit',
  env: { ...process.env, CRYPTO_SUITE: 'gm' },
});
process.exit(run.status ?? 1);
