// Process configuration: every environment variable Resonance reads, parsed once with zod.
// The README's configuration table is written from this file; keep them in step.
import { z } from 'zod';

const booleanFlag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const configSchema = z.object({
  /** PostgreSQL server; when absent Resonance runs on the embedded PGlite database. */
  DATABASE_URL: z.string().url().optional(),
  /** Where the embedded database keeps its files. */
  RESONANCE_DATA_DIR: z.string().min(1).default('./data'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** The address people use to reach this deployment; links in mail and cookies follow it. */
  PUBLIC_URL: z.string().url().optional(),
  /** Send cookies with the Secure flag; defaults to true when PUBLIC_URL is https. */
  COOKIE_SECURE: booleanFlag.optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  /** Sign-in attempts allowed per minute for one e-mail from one address (per process). */
  LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Connections per process to PostgreSQL (the pg pool), besides the job queue's own. */
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** Connections the job queue (pg-boss) may hold per process. */
  JOBS_POOL_MAX: z.coerce.number().int().min(1).max(50).default(4),
  /** When set, /metrics answers only to `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Largest file an import (people, contributions) accepts, in megabytes. */
  IMPORT_MAX_MB: z.coerce.number().int().min(1).max(100_000).default(1024),
  /** Rows a people import writes per transaction: fewer keep requests quick while it runs, more import faster. */
  IMPORT_BATCH_ROWS: z.coerce.number().int().min(10).max(10_000).default(500),
  /** experience_level thresholds (DESIGN §3.1): below NOVICE years novice, below MID years mid_career. */
  EXPERIENCE_NOVICE_BELOW_YEARS: z.coerce.number().int().min(1).max(60).default(3),
  EXPERIENCE_MID_BELOW_YEARS: z.coerce.number().int().min(1).max(60).default(10),
});

export type Config = z.infer<typeof configSchema> & {
  publicUrl: string;
  cookieSecure: boolean;
  experienceThresholds: { noviceBelow: number; midBelow: number };
};

/**
 * Parses the environment; throws an error that names every bad variable.
 * @example const config = loadConfig(process.env);
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.EXPERIENCE_MID_BELOW_YEARS <= c.EXPERIENCE_NOVICE_BELOW_YEARS) {
    throw new Error('invalid configuration:\n  EXPERIENCE_MID_BELOW_YEARS must be above EXPERIENCE_NOVICE_BELOW_YEARS');
  }
  const publicUrl = (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, '');
  return {
    ...c,
    publicUrl,
    cookieSecure: c.COOKIE_SECURE ?? publicUrl.startsWith('https://'),
    experienceThresholds: { noviceBelow: c.EXPERIENCE_NOVICE_BELOW_YEARS, midBelow: c.EXPERIENCE_MID_BELOW_YEARS },
  };
}
