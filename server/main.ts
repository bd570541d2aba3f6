import { parseArgs } from 'node:util';
import { backup, backupVerify, restore } from './cli/backup.js';
import { auditExport } from './cli/audit-export.js';
import { auditCheckpoint, auditVerify, createUser, migrate, seed } from './cli/commands.js';
import { jobsList, jobsRun } from './cli/jobs.js';
import { ledgerVerify } from './cli/ledger.js';
import { match } from './cli/match.js';
import { exportFile, importFile, seedSynthetic } from './cli/exchange.js';
import { serve } from './cli/serve.js';
import { dbDistribute } from './cli/distribute.js';
import { hubsCreate, hubsList, operators } from './cli/hubs.js';
import { loadConfig } from './platform/config.js';

const usage = `dragongate <command>

  serve [--port N] [--host H] [--demo]
                                  start the server (embedded PostgreSQL unless DATABASE_URL);
                                  --demo: into an empty database, the demo hubs and accounts first
  migrate                         apply database migrations
  db distribute                   place every table on a Citus coordinator (DATABASE_URL): reference
                                  or distributed by hub_id; idempotent (docs/scaling.md)
  seed [--demo]                   create the demo hubs (--demo: accounts and organisations too)
  seed --synthetic --orgs N --hub SLUG [--people N] [--relations N]
                                  generate a synthetic ecosystem (creates the hub if missing)
  import FILE --hub SLUG [--partial] [--dry-run]
                                  import an ecosystem file (.xlsx or .csv; docs/ecosystem-files.md)
  export FILE --hub SLUG          export a hub's ecosystem (.xlsx or .csv)
  users create --email E --password P [--name N] [--hub SLUG --role ROLE]
  operators add|remove EMAIL      let an account open and archive hubs (a deployment operator)
  hubs create --slug S --name-zh N --name-en N --code C [--country C --time-zone TZ --currency CUR
      --locale zh-CN|en-US --fiscal-start M --working-days 1,2,3,4,5 --holidays D,D --make-up-days D,D
      --tech-share BP --admin EMAIL]
                                  open a hub; --admin invites its first admin by e-mail
  hubs list                       every hub of the deployment, archived ones marked
  audit verify [--hub SLUG] [--checkpoints]
                                  recompute the audit hash chain (and check it against the
                                  signed checkpoints outside the database); exit 1 at the first break
  audit checkpoint [--hub SLUG]   sign and write each hub's chain head now (the job does it every 10 min)
  audit export FILE --hub SLUG|deployment [--format jsonl|csv] [--from ISO] [--to ISO]
                                  a chain's events, archived ones included, as JSON lines or CSV
  ledger verify [--hub SLUG]      check every ledger invariant over the whole history
  jobs list                       the background jobs and when they run (UTC)
  jobs run NAME [--hub SLUG]      run one background job now, beside a running server (safe to repeat)
  match --hub SLUG [--program ID] match open programs against the hub's organisations and people
  backup FILE                     a consistent backup of the whole database (gzipped); safe beside a running server
  backup verify FILE [--manifest M]
                                  check an off-site backup against its signed manifest (FILE.manifest.json)
  restore FILE                    replace every row with a backup's (migrates first; the server must be stopped)
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
      checkpoints: { type: 'boolean', default: false },
      role: { type: 'string' },
      synthetic: { type: 'boolean', default: false },
      orgs: { type: 'string' },
      people: { type: 'string' },
      relations: { type: 'string' },
      partial: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      program: { type: 'string' },
      slug: { type: 'string' },
      'name-zh': { type: 'string' },
      'name-en': { type: 'string' },
      country: { type: 'string' },
      'time-zone': { type: 'string' },
      currency: { type: 'string' },
      locale: { type: 'string' },
      'fiscal-start': { type: 'string' },
      'working-days': { type: 'string' },
      holidays: { type: 'string' },
      'make-up-days': { type: 'string' },
      code: { type: 'string' },
      'tech-share': { type: 'string' },
      admin: { type: 'string' },
      format: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      manifest: { type: 'string' },
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
    return values.help ? 0 : 2;
  }
  switch (command) {
    case 'serve':
      await serve(config, { demo: values.demo });
      return -1; // keeps running
    case 'migrate':
      return migrate(config);
    case 'db':
      if (sub === 'distribute') return dbDistribute(config);
      break;
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
    case 'operators':
      return operators(config, sub, positionals[2]);
    case 'hubs':
      if (sub === 'create') return hubsCreate(config, values);
      if (sub === 'list') return hubsList(config);
      break;
    case 'audit':
      if (sub === 'verify') return auditVerify(config, values.hub, values.checkpoints);
      if (sub === 'checkpoint') return auditCheckpoint(config, values.hub);
      if (sub === 'export') return auditExport(config, positionals[2], values);
      break;
    case 'ledger':
      if (sub === 'verify') return ledgerVerify(config, values.hub);
      break;
    case 'jobs':
      if (sub === 'list') return jobsList();
      if (sub === 'run') return jobsRun(config, positionals[2], values.hub);
      break;
    case 'backup':
      if (sub === 'verify') return backupVerify(config, positionals[2], values.manifest);
      return backup(config, sub);
    case 'restore':
      return restore(config, sub);
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
