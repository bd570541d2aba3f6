// The test files `npm run test:gm` runs under CRYPTO_SUITE=gm, computed from the code so the
// list cannot rot: every test file that stores or verifies something the crypto suite makes.
//
// A test file is picked when
//  1. it sits beside (same folder as) a source file that uses the suite: one that imports
//     `platform/crypto/{fields,sign,hash}` (encrypts or decrypts personal fields, signs or
//     verifies talent cards and checkpoints, hashes the audit chain), or imports a test file's
//     own such source directly; the composition root (`server/app.ts`, `platform/http/deps.ts`)
//     only hands the suite over and does not count; or
//  2. it verifies or exports an audit chain itself (verifyAuditChain, verifyCheckpoints,
//     findBreak, exportAuditChain, or the CLI's `audit verify` / `audit export`): each audited
//     write is hashed by the database in the suite's algorithm (SM3 under gm), and these are
//     the tests that check those hashes.
// Sign-in, TOTP, passwords and session tokens do not use the suite (see
// docs/compliance/mlps-level3.md), so their tests are picked only if rule 2 picks them.
//
// `node scripts/gm-test-files.mjs` prints the list, one file a line.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const suiteModule = /^server\/platform\/crypto\/(fields|sign|hash)\.ts$/;
const compositionRoot = new Set(['server/app.ts', 'server/platform/http/deps.ts']);
const verifiesChain = /\b(verifyAuditChain|verifyCheckpoints|findBreak|exportAuditChain)\b|'audit',\s*'(verify|export)'/;

function relativeImports(file, source) {
  const found = [];
  for (const match of source.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1])).replace(/\.js$/, '.ts');
    if (existsSync(path.join(root, target))) found.push(target);
  }
  return found;
}

export function gmTestFiles() {
  const files = execFileSync('git', ['ls-files', 'server', 'contracts'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f.endsWith('.ts'));
  const sources = new Map(files.map((f) => [f, readFileSync(path.join(root, f), 'utf8')]));
  const isTest = (f) => f.endsWith('.test.ts');
  const users = new Set(
    files.filter(
      (f) =>
        !isTest(f) &&
        !compositionRoot.has(f) &&
        !f.startsWith('server/test/') &&
        (suiteModule.test(f) || relativeImports(f, sources.get(f)).some((i) => suiteModule.test(i))),
    ),
  );
  const userFolders = new Set([...users].map((f) => path.posix.dirname(f)));
  return files
    .filter((f) => isTest(f) && !f.endsWith('.citus.test.ts'))
    .filter((f) => userFolders.has(path.posix.dirname(f)) || relativeImports(f, sources.get(f)).some((i) => users.has(i)) || verifiesChain.test(sources.get(f)))
    .sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.stdout.write(gmTestFiles().join('\n') + '\n');
