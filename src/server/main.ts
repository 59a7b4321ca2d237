// The `resonance` command: serve, worker, migrate, seed, import, export, tokens and users.
// Each subcommand opens the runtime it needs, does one thing, prints what happened and exits.
import { Command, InvalidArgumentError, Option } from 'commander';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { loadConfig } from './platform/config/config.js';
import { installProcessGuards } from './platform/process-guards.js';
import { migrate } from './platform/db/migrate.js';
import { openRuntime, type Runtime } from './runtime.js';
import { createLogger, type LogDestination } from './platform/logging/create-logger.js';
import { buildApp } from './app.js';
import { seedDemo, type DemoLogin } from './demo/seed-demo.js';
import { detectPeopleFileFormat, exportPeople, importPeopleFile, listAttributeKeys, toExportStream } from './modules/people/index.js';
import { importContributionsFile } from './modules/expertise/index.js';
import { CLI_ACTOR, createApiToken, generatePassword, listApiTokens, recordAudit, revokeApiToken, upsertUserWithPassword } from './modules/identity/index.js';
import { ROLES, type Role } from '../shared/identity.js';
import type { ImportReport } from '../shared/people.js';

const DEMO_PEOPLE_ON_FIRST_START = 2000;

type Out = { log(line: string): void; error(line: string): void };

/** What `serve` needs besides printing: where logs go (stdout by default) and, for tests, a way to stop it. */
export type ServeHooks = {
  logDestination?: LogDestination;
  onServing?: (server: { url: string; close(): Promise<void> }) => void;
  /** False keeps `serve` from installing the process-wide error handlers (a test runner's process). */
  processGuards?: boolean;
};

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number above 0');
  return n;
}

/** `30d` (days) or `12h` (hours) as milliseconds, for `tokens create --expires-in`. */
function duration(value: string): number {
  const m = /^(\d{1,5})([dh])$/.exec(value.trim());
  if (!m || Number(m[1]) < 1) throw new InvalidArgumentError('write a whole number of days or hours, such as 30d or 12h');
  return Number(m[1]) * (m[2] === 'd' ? 86_400_000 : 3_600_000);
}

function printLogins(out: Out, logins: DemoLogin[], url: string): void {
  out.log(`\nResonance demo at ${url}`);
  for (const l of logins) out.log(`  ${l.role.padEnd(12)} ${l.email.padEnd(48)} password: ${l.password}`);
  out.log('');
}

function printImport(out: Out, report: ImportReport): void {
  out.log(`rows ${report.rows}: ${report.created} created, ${report.updated} updated, ${report.rejected} rejected`);
  for (const e of report.errors) out.error(`line ${e.line}${e.external_id ? ` (${e.external_id})` : ''}${e.field ? ` ${e.field}` : ''}: ${e.reason}`);
}

/** Stops cleanly on SIGINT or SIGTERM; a failure while stopping is logged and exits 1. Returns what unhooks it. */
function stopOnSignals(logger: Runtime['logger'], stop: () => Promise<void>): () => void {
  const shutdown = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutting down');
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error, signal }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return () => {
    process.off('SIGINT', shutdown);
    process.off('SIGTERM', shutdown);
  };
}

/** Runs `work` with a runtime and closes it afterwards, whatever happens. */
async function withRuntime<T>(options: Parameters<typeof openRuntime>[0], work: (rt: Runtime) => Promise<T>): Promise<T> {
  const rt = await openRuntime(options);
  try {
    return await work(rt);
  } finally {
    await rt.close();
  }
}

/**
 * Builds the command-line program; `out` receives what it prints (tests pass their own).
 * @example await buildProgram().parseAsync(['node', 'resonance', 'migrate']);
 */
export function buildProgram(
  out: Out = { log: (l) => console.log(l), error: (l) => console.error(l) },
  env: NodeJS.ProcessEnv = process.env,
  hooks: ServeHooks = {},
): Command {
  const program = new Command('resonance').description('Resonance: personalised internal communication').exitOverride();
  const config = () => loadConfig(env);

  program
    .command('serve')
    .description('run the API, web app and tracking (and a job worker unless --no-worker)')
    .option('--no-worker', 'do not run jobs in this process')
    .option('--migrate', 'apply pending migrations before starting (the embedded database always does)')
    .option('--demo [people]', `seed the demo organisation when the directory is empty (default ${DEMO_PEOPLE_ON_FIRST_START} people) and print its logins`)
    .option('--port <port>', 'listen on this port (default PORT or 8080)', positiveInt)
    .action(async (opts: { worker: boolean; migrate?: boolean; demo?: boolean | string; port?: number }) => {
      const c = config();
      // One logger for the runtime, the jobs and the HTTP app: pretty when a person watches.
      const logger = createLogger({ level: c.LOG_LEVEL, format: c.LOG_FORMAT, destination: hooks.logDestination });
      const guards = hooks.processGuards === false ? { serving: () => undefined } : installProcessGuards({ logger, command: 'serve' });
      const rt = await openRuntime({ config: c, migrate: opts.migrate, jobs: true, worker: opts.worker, logger });
      // In the demo a line per request would scroll the logins away; LOG_LEVEL=debug shows them.
      const app = await buildApp({ config: c, database: rt.database, jobs: rt.jobs, logger, requestLogLevel: opts.demo ? 'debug' : 'info' });
      const stop = async () => {
        forgetSignals();
        await app.close();
        await rt.close();
      };
      const forgetSignals = stopOnSignals(logger, stop);
      let logins: DemoLogin[] = [];
      if (opts.demo) {
        const people = typeof opts.demo === 'string' ? positiveInt(opts.demo) : DEMO_PEOPLE_ON_FIRST_START;
        const seeded = await seedDemo({ db: rt.database.db, people });
        if (seeded.report) out.log(`demo organisation created: ${seeded.report.created} people, ${seeded.contributions?.created ?? 0} contributions`);
        logins = seeded.logins;
      }
      await app.listen({ host: c.HOST, port: opts.port ?? c.PORT });
      guards.serving();
      const port = (app.server.address() as AddressInfo).port;
      const url = c.PUBLIC_URL ? c.publicUrl : `http://localhost:${port}`;
      // Last, after everything start-up logs, so the logins are what the terminal shows.
      if (logins.length > 0) printLogins(out, logins, url);
      hooks.onServing?.({ url: `http://${c.HOST}:${port}`, close: stop });
    });

  program
    .command('worker')
    .description('run background jobs only')
    .action(async () => {
      const c = config();
      const logger = createLogger({ level: c.LOG_LEVEL, format: c.LOG_FORMAT });
      const guards = installProcessGuards({ logger, command: 'worker' });
      const rt = await openRuntime({ config: c, jobs: true, worker: true, logger });
      stopOnSignals(rt.logger, () => rt.close());
      guards.serving();
      rt.logger.info('worker running');
    });

  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(async () => {
      await withRuntime({ config: config(), migrate: false }, async (rt) => {
        const applied = await migrate(rt.database.db);
        out.log(applied.length === 0 ? 'database is up to date' : `applied ${applied.map((m) => `${m.version}_${m.name}`).join(', ')}`);
      }).catch(async (error: Error) => {
        // A server with pending migrations refuses openRuntime without --migrate; migrate is that flag.
        if (!/pending migration/.test(error.message)) throw error;
        await withRuntime({ config: config(), migrate: true }, async () => out.log('migrations applied'));
      });
    });

  const seed = program.command('seed').description('fill the database with generated data');
  seed
    .command('demo')
    .description('import a deterministic demo organisation and (re)set the demo logins')
    .option('--people <n>', 'how many people', positiveInt, DEMO_PEOPLE_ON_FIRST_START)
    .option('--force', 'import even when the directory already has people (upserts by external_id)')
    .action(async (opts: { people: number; force?: boolean }) => {
      await withRuntime({ config: config() }, async (rt) => {
        const { report, contributions, logins } = await seedDemo({ db: rt.database.db, people: opts.people, force: opts.force });
        if (report) printImport(out, report);
        if (contributions) {
          out.log('contributions:');
          printImport(out, contributions);
        } else out.log('the directory already has people; nothing imported (use --force to upsert the demo anyway)');
        printLogins(out, logins, rt.config.publicUrl);
      });
    });

  const importCmd = program.command('import').description('import data files');
  importCmd
    .command('people <file>')
    .description('import people from CSV or JSON Lines (upsert by external_id)')
    .addOption(new Option('--format <format>', 'file format (default: from the file name)').choices(['csv', 'jsonl']))
    .action(async (file: string, opts: { format?: 'csv' | 'jsonl' }) => {
      const format = opts.format ?? detectPeopleFileFormat(file);
      if (!format) throw new InvalidArgumentError(`cannot tell the format of ${file}: name it .csv or .jsonl, or pass --format`);
      const text = await readFile(file, 'utf8');
      await withRuntime({ config: config() }, async (rt) => {
        await recordAudit({ db: rt.database.db, actor: CLI_ACTOR, action: 'people.import_started', detail: { format, bytes: Buffer.byteLength(text), file } });
        const report = await importPeopleFile({ db: rt.database.db, text, format });
        printImport(out, report);
        if (report.rejected > 0) process.exitCode = 2;
      });
    });

  importCmd
    .command('contributions <file>')
    .description('import contributions (JSON Lines, DESIGN §3.6) as evidence for expert search')
    .action(async (file: string) => {
      const text = await readFile(file, 'utf8');
      await withRuntime({ config: config() }, async (rt) => {
        const report = await importContributionsFile({ db: rt.database.db, text });
        printImport(out, report);
        if (report.rejected > 0) process.exitCode = 2;
      });
    });

  const exportCmd = program.command('export').description('export data files');
  exportCmd
    .command('people <file>')
    .description('export everyone in the import format (CSV or JSON Lines by file name)')
    .action(async (file: string) => {
      const format = detectPeopleFileFormat(file) ?? 'csv';
      await withRuntime({ config: config() }, async (rt) => {
        const c = rt.config;
        const keys = format === 'csv' ? await listAttributeKeys({ db: rt.database.db }) : [];
        await recordAudit({ db: rt.database.db, actor: CLI_ACTOR, action: 'people.exported', detail: { format, file } });
        await pipeline(toExportStream(exportPeople({ db: rt.database.db, thresholds: c.experienceThresholds }), format, keys), createWriteStream(file));
        out.log(`exported people to ${file}`);
      });
    });

  const tokens = program.command('tokens').description('API tokens');
  tokens
    .command('create')
    .description('create an API token and print it (shown once)')
    .addOption(new Option('--role <role>', 'the role the token acts with').choices([...ROLES]).makeOptionMandatory())
    .option('--name <name>', 'what the token is for', 'cli')
    .option('--expires-in <duration>', 'refuse the token after this long: days (30d) or hours (12h); default never', duration)
    .action(async (opts: { role: Role; name: string; expiresIn?: number }) => {
      await withRuntime({ config: config() }, async (rt) => {
        const expiresAt = opts.expiresIn === undefined ? null : new Date(Date.now() + opts.expiresIn);
        const { token } = await createApiToken({ db: rt.database.db, name: opts.name, role: opts.role, expiresAt, actor: CLI_ACTOR });
        out.log(token);
      });
    });
  tokens
    .command('list')
    .description('list API tokens: id, status (active, expired, revoked), role, name, expiry')
    .action(async () => {
      await withRuntime({ config: config() }, async (rt) => {
        for (const t of await listApiTokens({ db: rt.database.db, now: new Date() })) {
          out.log(
            `${String(t.id).padStart(4)}  ${t.status.padEnd(7)}  ${t.role.padEnd(12)}  ${t.name}  ${t.expires_at ? `expires ${t.expires_at}` : 'never expires'}`,
          );
        }
      });
    });
  tokens
    .command('revoke <id>')
    .description('revoke an API token by id')
    .action(async (id: string) => {
      await withRuntime({ config: config() }, async (rt) => {
        const done = await revokeApiToken({ db: rt.database.db, id: positiveInt(id), actor: CLI_ACTOR });
        out.log(done ? `token ${id} revoked` : `no live token ${id}`);
      });
    });

  const users = program.command('users').description('user accounts');
  users
    .command('create')
    .description('create or update a user with a password (printed when generated)')
    .requiredOption('--email <email>', 'sign-in e-mail')
    .addOption(new Option('--role <role>', 'role').choices([...ROLES]).makeOptionMandatory())
    .option('--name <name>', 'display name')
    .option('--password <password>', 'password: 12 to 256 characters, not the e-mail, not a common one (default: generate one)')
    .action(async (opts: { email: string; role: Role; name?: string; password?: string }) => {
      await withRuntime({ config: config() }, async (rt) => {
        const password = opts.password ?? generatePassword();
        await upsertUserWithPassword({
          db: rt.database.db,
          email: opts.email,
          displayName: opts.name ?? opts.email,
          role: opts.role,
          password,
          actor: CLI_ACTOR,
        });
        out.log(`user ${opts.email} (${opts.role})${opts.password ? '' : ` password: ${password}`}`);
      });
    });

  return program;
}

const isEntryPoint = process.argv[1] !== undefined && /(?:main\.ts|resonance(?:\.js)?)$/.test(process.argv[1]);
if (isEntryPoint) {
  buildProgram()
    .parseAsync(process.argv)
    .catch((error: unknown) => {
      const e = error as { code?: string; exitCode?: number; message?: string };
      if (e.code?.startsWith('commander.')) process.exit(e.exitCode ?? 1);
      console.error(`resonance: ${e.message ?? String(error)}`);
      process.exit(1);
    });
}
