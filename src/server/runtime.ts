// Opens what a Resonance process needs (database, migrations, job queue) and closes it again; every
// CLI command and the test server go through here so they share one start-up path.
import type { Logger } from 'pino';
import type { Config } from './platform/config/config.js';
import { openDatabase, type Database } from './platform/db/connect.js';
import { lockDataDir } from './platform/db/data-dir-lock.js';
import { migrate, pendingMigrations } from './platform/db/migrate.js';
import { JobQueue, type AnyJobDefinition } from './platform/jobs/job-queue.js';
import { createLogger } from './platform/logging/create-logger.js';
import { purgeExpiredSessionsJob } from './modules/identity/index.js';
import { ensureSkillTaxonomy, routeHelpRequestJob } from './modules/expertise/index.js';
import { runPeopleImportJob } from './modules/people/index.js';
import {
  closeMailTransports,
  fanOutCampaignJob,
  releaseCascadeJob,
  resumeSendingJob,
  sendCampaignChatJob,
  sendCampaignEmailJob,
  sendFollowUpJob,
} from './modules/delivery/index.js';
import { ensureTrackingPartitions, trackingPartitionsJob } from './modules/tracking/index.js';
import { applyRetentionJob } from './modules/privacy/index.js';
import { rollUpReportsJob } from './modules/analytics/index.js';
import { mixAnonymousAnswersJob, openSurveyRoundsJob } from './modules/dialogue/index.js';
import { forgetClickSaltsJob } from './modules/advocacy/index.js';
import { collectPointsJob } from './modules/advocacy/index.js';
import { snapshotStagesJob } from './modules/advocacy/index.js';

/** Every job definition of every module; workers run them, any process may enqueue them. */
export const JOB_DEFINITIONS: AnyJobDefinition[] = [
  purgeExpiredSessionsJob,
  routeHelpRequestJob,
  runPeopleImportJob,
  fanOutCampaignJob,
  sendCampaignEmailJob,
  sendCampaignChatJob,
  resumeSendingJob,
  sendFollowUpJob,
  releaseCascadeJob,
  trackingPartitionsJob,
  applyRetentionJob,
  rollUpReportsJob,
  mixAnonymousAnswersJob,
  openSurveyRoundsJob,
  forgetClickSaltsJob,
  collectPointsJob,
  snapshotStagesJob,
];

export type Runtime = { config: Config; database: Database; jobs: JobQueue; logger: Logger; close(): Promise<void> };

export type RuntimeOptions = {
  config: Config;
  /** Apply pending migrations (always done on the embedded database). */
  migrate?: boolean;
  /** Start the job queue, and with `worker` run jobs in this process. */
  jobs?: boolean;
  worker?: boolean;
  /** Keep the embedded database in memory (tests). */
  inMemory?: boolean;
  /** Start the in-memory embedded database from this tarball (a migrated test snapshot). */
  snapshot?: Blob;
  logger?: Logger;
};

/**
 * Starts the shared parts of a process.
 * @example const rt = await openRuntime({ config, jobs: true, worker: true }); ... await rt.close();
 */
export async function openRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config } = options;
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const embedded = !config.DATABASE_URL;
  const release = embedded && !options.inMemory ? lockDataDir(config.RESONANCE_DATA_DIR) : () => undefined;
  let database: Database;
  try {
    database = await openDatabase({
      url: config.DATABASE_URL,
      dataDir: options.inMemory ? null : config.RESONANCE_DATA_DIR,
      poolMax: config.DB_POOL_MAX,
      snapshot: options.snapshot,
      logger,
    });
  } catch (error) {
    release();
    throw error;
  }
  try {
    if (embedded || options.migrate) {
      const applied = await migrate(database.db);
      if (applied.length > 0) logger.info({ applied: applied.map((m) => `${m.version}_${m.name}`) }, 'migrations applied');
    } else {
      const pending = await pendingMigrations(database.db);
      if (pending.length > 0) {
        throw new Error(
          `the database has ${pending.length} pending migration(s) (${pending.map((m) => m.version).join(', ')}); run \`resonance migrate\` or start with --migrate`,
        );
      }
    }
    await ensureSkillTaxonomy({ db: database.db });
  } catch (error) {
    await database.close();
    release();
    throw error;
  }
  const jobs = new JobQueue({ url: database.url, poolMax: config.JOBS_POOL_MAX, worker: options.worker ?? false, logger });
  if (options.jobs || options.worker) {
    await jobs.start(JOB_DEFINITIONS);
    if (options.worker) {
      await jobs.work({ db: database.db, logger, config });
      // A worker that starts (again) looks at once for mail a crashed sender left behind.
      await jobs.enqueue(database.db, resumeSendingJob, {});
      // And makes sure this month's and the next months' tracking partitions exist (ADR 0022).
      await ensureTrackingPartitions({ db: database.db, now: new Date() });
    }
  }
  let closed = false;
  return {
    config,
    database,
    jobs,
    logger,
    async close() {
      if (closed) return;
      closed = true;
      if (options.jobs || options.worker) await jobs.stop().catch((error: unknown) => logger.warn({ err: error }, 'job queue did not stop cleanly'));
      closeMailTransports();
      await database.close();
      release();
    },
  };
}
