// What every module's routes and jobs receive from the app: the database, configuration and jobs.
import type { Config } from '../platform/config/config.js';
import type { AnyDb } from '../platform/db/connect.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';

export type ModuleContext = {
  db: AnyDb;
  config: Config;
  jobs: JobQueue;
  /** Now, as the rules see it; tests move it instead of waiting. */
  clock: () => Date;
};
