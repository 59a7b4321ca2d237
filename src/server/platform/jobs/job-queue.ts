// Background jobs on pg-boss in the same database: typed definitions (id, version, zod payload,
// retries, optional cron), enqueueing inside the caller's transaction, and a worker that runs them.
import PgBoss from 'pg-boss';
import { CompiledQuery, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { Logger } from 'pino';
import type { AnyDb } from '../db/connect.js';
import type { Config } from '../config/config.js';

export type JobContext = {
  db: AnyDb;
  logger: Logger;
  /** The process's configuration (mail server, brand, limits). */
  config: Config;
  /** Aborted when the queue stops: a long job ends its current step, saves where it was and hands over. */
  signal: AbortSignal;
  /** The queue running the job, for a job that enqueues its own continuation. */
  queue: JobQueue;
};

export type JobDefinition<S extends z.ZodType> = {
  /** Queue name, `<module>.<verb-noun>`. */
  id: string;
  /** Bumped when the payload changes shape; a worker refuses versions it does not know. */
  version: number;
  payload: S;
  retryLimit?: number;
  /** Seconds before the first retry (default: pg-boss's exponential backoff from 1 s). */
  retryDelaySeconds?: number;
  /** How long one run may take before pg-boss counts it as failed and retries it (default 15 minutes). */
  expireInSeconds?: number;
  /** Cron expression (UTC) when the job also runs on a schedule. */
  cron?: string;
  /** Jobs fetched at once (default 10); long jobs take 1, so none waits out its expiry behind another. */
  batchSize?: number;
  handle(payload: z.output<S>, ctx: JobContext): Promise<void>;
};

/** Any definition; `handle` is a method, so definitions of narrower payloads fit (each parses its own). */
export type AnyJobDefinition = JobDefinition<z.ZodType>;

type Envelope = { version: number; payload: unknown };

/** Declares a job; the identity function exists to infer the payload type. */
export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

/** An executor a job can be written through: the pool, or an open transaction. */
export type SqlExecutor = Kysely<object>;

/** Jobs fetched at once per queue and process, unless a definition says otherwise; they run one after another. */
const BATCH_SIZE = 10;

export type JobQueueOptions = { url: string; poolMax: number; worker: boolean; logger: Logger };

export class JobQueue {
  readonly boss: PgBoss;
  private readonly logger: Logger;
  private readonly worker: boolean;
  private readonly definitions = new Map<string, AnyJobDefinition>();
  private readonly stopping = new AbortController();

  constructor(options: JobQueueOptions) {
    this.logger = options.logger;
    this.worker = options.worker;
    this.boss = new PgBoss({
      connectionString: options.url,
      max: options.poolMax,
      schema: 'pgboss',
      application_name: 'resonance-jobs',
      supervise: options.worker,
      schedule: options.worker,
    });
    this.boss.on('error', (error: unknown) => this.logger.error({ err: error }, 'job queue error'));
  }

  /** Starts pg-boss (creating its schema on first run) and declares every queue. */
  async start(definitions: AnyJobDefinition[]): Promise<void> {
    await this.boss.start();
    for (const definition of definitions) {
      this.definitions.set(definition.id, definition);
      await this.boss.createQueue(definition.id, {
        name: definition.id,
        retryLimit: definition.retryLimit ?? 3,
        ...(definition.retryDelaySeconds === undefined ? { retryBackoff: true } : { retryBackoff: false, retryDelay: definition.retryDelaySeconds }),
        ...(definition.expireInSeconds === undefined ? {} : { expireInSeconds: definition.expireInSeconds }),
      });
      if (definition.cron && this.worker) await this.boss.schedule(definition.id, definition.cron, { version: definition.version, payload: {} });
    }
  }

  /**
   * Begins fetching and running jobs of every started definition (or only of the ones named): up to
   * the definition's batch size at a time, one after another, each failing on its own (a failed job is
   * retried without its batch-mates), and fetching again at once after a full batch instead of waiting
   * out the polling interval.
   */
  async work(ctx: Omit<JobContext, 'signal' | 'queue'>, options: { only?: string[] } = {}): Promise<void> {
    const context: JobContext = { ...ctx, signal: this.stopping.signal, queue: this };
    for (const definition of this.definitions.values()) {
      if (options.only && !options.only.includes(definition.id)) continue;
      const batchSize = definition.batchSize ?? BATCH_SIZE;
      let workerId = '';
      workerId = await this.boss.work<Envelope>(definition.id, { pollingIntervalSeconds: 1, batchSize }, async (jobs) => {
        for (const job of jobs) {
          try {
            await this.run(definition, job, context);
          } catch (error) {
            await this.boss.fail(definition.id, job.id, { message: error instanceof Error ? error.message : String(error) });
          }
        }
        // pg-boss completes the jobs still active (the ones that did not fail) when this returns.
        if (jobs.length === batchSize) this.boss.notifyWorker(workerId);
      });
    }
  }

  private async run(definition: AnyJobDefinition, job: PgBoss.Job<Envelope>, ctx: JobContext): Promise<void> {
    const log = ctx.logger.child({ job: definition.id, jobId: job.id });
    if (job.data.version !== definition.version) {
      throw new Error(`job ${definition.id} has version ${job.data.version}, this worker runs ${definition.version}`);
    }
    const payload = definition.payload.parse(job.data.payload);
    const started = Date.now();
    try {
      await definition.handle(payload, { ...ctx, logger: log });
      log.info({ ms: Date.now() - started }, 'job done');
    } catch (error) {
      log.error({ err: error }, 'job failed');
      throw error;
    }
  }

  /**
   * Enqueues a job through `executor`, so it commits or rolls back with the caller's transaction.
   * @example await db.transaction().execute((trx) => jobs.enqueue(trx, purgeSessions, {}));
   */
  async enqueue<S extends z.ZodType>(
    executor: SqlExecutor,
    definition: JobDefinition<S>,
    payload: z.input<S>,
    options: PgBoss.SendOptions = {},
  ): Promise<string | null> {
    const data: Envelope = { version: definition.version, payload: definition.payload.parse(payload) };
    const db: PgBoss.Db = {
      executeSql: async (text, values) => {
        const result = await executor.executeQuery(CompiledQuery.raw(text, values));
        return { rows: result.rows };
      },
    };
    return this.boss.send(definition.id, data, { ...options, db });
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
