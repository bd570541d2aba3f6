import { parseArgs } from 'node:util';
import { auditVerify, createUser, migrate, seed } from './cli/commands.js';
import { ledgerVerify } from './cli/ledger.js';
import { match } from './cli/match.js';
import { exportFile, importFile, seedSynthetic } from './cli/exchange.js';
import { serve } from './cli/serve.js';
import { loadConfig } from './platform/config.js';

const usage = `dragongate <command>

  serve [--port N] [--host H]     start the server (embedded PostgreSQL unless DATABASE_URL)
  migrate                         apply database migrations
  seed [--demo]                   create the demo hubs (--demo: accounts and organisations too)
  seed --synthetic --orgs N --hub SLUG [--people N] [--relations N]
                                  generate a synthetic ecosystem (creates the hub if missing)
  import FILE --hub SLUG [--partial] [--dry-run]
                                  import an ecosystem file (.xlsx or .csv; docs/ecosystem-files.md)
  export FILE --hub SLUG          export a hub's ecosystem (.xlsx or .csv)
  users create --email E --password P [--name N] [--hub SLUG --role ROLE]
  audit verify [--hub SLUG]       recompute the audit hash chain; exit 1 at the first break
  ledger verify [--hub SLUG]      check every ledger invariant over the whole history
  match --hub SLUG [--program ID] match open programs against the hub's organisations and people
`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      demo: { type: 'boolean', default: false },
      dev: { type: 'boolean', default: false },
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      hub: { type: 'string' },
      role: { type: 'string' },
      synthetic: { type: 'boolean', default: false },
      orgs: { type: 'string' },
      people: { type: 'string' },
      relations: { type: 'string' },
      partial: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      program: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const config = loadConfig({
    ...(values.port && { port: Number(values.port) }),
    ...(values.host && { host: values.host }),
  });
  const [command, sub] = positionals;
  if (values.help || !command) {
    process.stdout.write(usage);
    return command ? 0 : 2;
  }
  switch (command) {
    case 'serve':
      await serve(config);
      return -1; // keeps running
    case 'migrate':
      return migrate(config);
    case 'seed':
      if (values.synthetic) return seedSynthetic(config, values);
      return seed(config, values.demo);
    case 'import':
      return importFile(config, sub, { hub: values.hub, partial: values.partial, dryRun: values['dry-run'] });
    case 'export':
      return exportFile(config, sub, values);
    case 'users':
      if (sub === 'create') return createUser(config, values);
      break;
    case 'audit':
      if (sub === 'verify') return auditVerify(config, values.hub);
      break;
    case 'ledger':
      if (sub === 'verify') return ledgerVerify(config, values.hub);
      break;
    case 'match':
      return match(config, values);
  }
  process.stderr.write(`unknown command: ${positionals.join(' ')}\n\n${usage}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
