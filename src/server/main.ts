// The `resonance` command: serve, worker, migrate, seed, import, export, tokens and users.
// Each subcommand opens the runtime it needs, does one thing, prints what happened and exits.
import { Command, InvalidArgumentError, Option } from 'commander';
import type { AddressInfo } from 'node:net';
import { createReadStream, createWriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { loadConfig } from './platform/config/config.js';
import { installProcessGuards } from './platform/process-guards.js';
import { migrate } from './platform/db/migrate.js';
import { openRuntime, type Runtime } from './runtime.js';
import { createLogger, type LogDestination } from './platform/logging/create-logger.js';
import { buildApp } from './app.js';
import { seedDemo, type DemoLogin } from './demo/seed-demo.js';
import {
  detectPeopleFileFormat,
  exportPeople,
  getPeopleImport,
  iterateImportProblems,
  listAttributeKeys,
  runPeopleImportJob,
  startPeopleImport,
  toExportStream,
} from './modules/people/index.js';
import type { AnyDb } from './platform/db/connect.js';
import { progressBar, type ProgressSink } from './platform/cli/progress-bar.js';
import { importContributions } from './modules/expertise/index.js';
import { CLI_ACTOR, createApiToken, generatePassword, listApiTokens, recordAudit, revokeApiToken, upsertUserWithPassword } from './modules/identity/index.js';
import { ROLES, type Role } from '../shared/identity.js';
import type { ImportReport } from '../shared/people.js';

const DEMO_PEOPLE_ON_FIRST_START = 2000;

type Out = { log(line: string): void; error(line: string): void; progress?: ProgressSink };

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

type PrintedProblem = ImportReport['errors'][number] & { severity?: 'error' | 'warning' };

const problemLine = (e: PrintedProblem) =>
  `line ${e.line}${e.external_id ? ` (${e.external_id})` : ''}${e.field ? ` ${e.field}` : ''}${e.severity === 'warning' ? ' (warning)' : ''}: ${e.reason}`;

function printImport(out: Out, report: ImportReport): void {
  out.log(`rows ${report.rows}: ${report.created} created, ${report.updated} updated, ${report.rejected} rejected`);
  for (const e of report.errors) out.error(problemLine(e));
}

/** Follows an import until it ends, drawing its progress; 'interrupted' on Ctrl-C (it goes on later). */
async function watchImport(db: AnyDb, importId: number, progress: ProgressSink): Promise<'ended' | 'interrupted'> {
  let interrupted = false;
  const onSignal = () => (interrupted = true);
  process.once('SIGINT', onSignal);
  try {
    for (;;) {
      const imp = await getPeopleImport({ db, importId });
      const label = imp.phase === 'rows' ? 'reading the file' : 'placing people under managers later in the file';
      progress.update(imp.rows_done, imp.rows_total, imp.state === 'queued' ? 'waiting for a worker' : label);
      if (imp.state === 'done' || imp.state === 'failed') return 'ended';
      if (interrupted) return 'interrupted';
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    progress.finish();
    process.removeListener('SIGINT', onSignal);
  }
}

/** Prints an import's counts and every problem (page by page); returns how many problems are errors. */
async function printPeopleImport(out: Out, db: AnyDb, importId: number): Promise<number> {
  const imp = await getPeopleImport({ db, importId });
  if (imp.failure) {
    out.error(`import ${importId} failed: ${imp.failure.detail}`);
    return 1;
  }
  const warned = imp.warnings > 0 ? `, ${imp.warnings} with warnings` : '';
  out.log(`rows ${imp.rows_read}: ${imp.created} created, ${imp.updated} updated, ${imp.rejected} rejected${warned}`);
  let errors = 0;
  for await (const p of iterateImportProblems({ db, importId })) {
    if (p.severity === 'error') errors++;
    out.error(problemLine(p));
  }
  return errors;
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
  out: Out = { log: (l) => console.log(l), error: (l) => console.error(l), progress: progressBar(process.stderr) },
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
        const seeded = await seedDemo({ db: rt.database.db, people, campaign: { thresholds: rt.config.experienceThresholds, publicUrl: rt.config.publicUrl } });
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
        const { report, contributions, logins } = await seedDemo({
          db: rt.database.db,
          people: opts.people,
          force: opts.force,
          campaign: { thresholds: rt.config.experienceThresholds, publicUrl: rt.config.publicUrl },
        });
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
    .description('import people from CSV or JSON Lines (upsert by external_id); exits 2 when rows were rejected')
    .addOption(new Option('--format <format>', 'file format (default: from the file name)').choices(['csv', 'jsonl']))
    .action(async (file: string, opts: { format?: 'csv' | 'jsonl' }) => {
      const format = opts.format ?? detectPeopleFileFormat(file);
      if (!format) throw new InvalidArgumentError(`cannot tell the format of ${file}: name it .csv or .jsonl, or pass --format`);
      await withRuntime({ config: config(), jobs: true }, async (rt) => {
        const c = rt.config;
        const db = rt.database.db;
        // The one entry point for a people import, as for the API: store the file, queue its job.
        const started = await startPeopleImport({
          db,
          jobs: rt.jobs,
          body: createReadStream(file),
          format,
          fileName: path.basename(file),
          maxBytes: c.IMPORT_MAX_MB * 1024 * 1024,
          batchRows: c.IMPORT_BATCH_ROWS,
        });
        await recordAudit({
          db,
          actor: CLI_ACTOR,
          action: 'people.import_started',
          detail: { format, bytes: started.bytes, file: path.basename(file) },
          target: { type: 'people_import', id: started.id },
        });
        // This process works the import's queue too (it may be the only one); another worker may take it instead.
        await rt.jobs.work({ db, logger: rt.logger, config: rt.config }, { only: [runPeopleImportJob.id] });
        const ended = await watchImport(db, started.id, out.progress ?? { update: () => undefined, finish: () => undefined });
        if (ended === 'interrupted') {
          out.error(`import ${started.id} paused; \`resonance serve\` or \`resonance worker\` on this database will finish it`);
          process.exitCode = 130;
          return;
        }
        const errors = await printPeopleImport(out, db, started.id);
        if (errors > 0) process.exitCode = 2;
      });
    });

  importCmd
    .command('contributions <file>')
    .description('import contributions (JSON Lines, DESIGN §3.6) as evidence for expert search')
    .action(async (file: string) => {
      await withRuntime({ config: config() }, async (rt) => {
        const report = await importContributions({ db: rt.database.db, source: createReadStream(file) });
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
