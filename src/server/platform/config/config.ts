// Process configuration: every environment variable Resonance reads, parsed once with zod.
// The README's configuration table is written from this file; keep them in step.
import { isIP } from 'node:net';
import { z } from 'zod';

/** `auto`: pretty lines in a terminal, JSON lines otherwise. */
export const LOG_FORMATS = ['auto', 'json', 'pretty'] as const;

const booleanFlag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

/** An IPv4 or IPv6 address, optionally with a CIDR prefix length (`10.0.0.0/8`, `::1`). */
function isAddressOrCidr(value: string): boolean {
  const [address = '', prefix, extra] = value.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/**
 * Which proxies may tell the client address in X-Forwarded-For, as Fastify's `trustProxy` takes it:
 * `false` (default: the peer address is the client), `true` (trust every hop; only behind a proxy that
 * overwrites the header), a hop count, or a comma-separated list of proxy addresses and CIDRs.
 */
const trustProxySchema = z
  .string()
  .trim()
  .default('false')
  .transform((value, ctx): boolean | number | string[] => {
    const lower = value.toLowerCase();
    if (lower === 'false' || lower === '0' || lower === 'no' || lower === '') return false;
    if (lower === 'true' || lower === 'yes') return true;
    if (/^\d+$/.test(lower)) return Number(lower);
    const entries = value.split(',').map((v) => v.trim());
    const bad = entries.filter((entry) => !isAddressOrCidr(entry));
    if (bad.length > 0) {
      ctx.addIssue({ code: 'custom', message: `expected true, false, a hop count or addresses/CIDRs separated by commas; not ${bad.join(', ')}` });
      return z.NEVER;
    }
    return entries;
  });

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
  /** Which proxies' X-Forwarded-For to believe (see trustProxySchema); off by default. */
  TRUST_PROXY: trustProxySchema,
  /** Failed sign-ins in a row one e-mail may have (from any address) before each attempt must wait (ADR 0012). */
  LOGIN_FREE_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** Failed sign-ins one client address may have (over any e-mails) before each attempt must wait. */
  LOGIN_ADDRESS_FREE_FAILURES: z.coerce.number().int().min(1).max(10_000).default(30),
  /** The longest wait the sign-in backoff imposes, in seconds (it doubles from 1 s up to this). */
  LOGIN_BACKOFF_MAX_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  /** Failures older than this are forgotten, in minutes. */
  LOGIN_FAILURE_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `auto`: pretty lines in a terminal, JSON lines otherwise; `json` or `pretty` to choose. */
  LOG_FORMAT: z.enum(LOG_FORMATS).default('auto'),
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
  /** SMTP server for campaign mail (`smtp://user:pass@host:587`, `smtps://…`); without it mail goes to the built-in outbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'an smtp:// or smtps:// URL')
    .optional(),
  /** Messages per second one process sends at most over SMTP (unset: as fast as the server takes them). */
  MAIL_RATE_PER_SECOND: z.coerce.number().int().min(1).max(100_000).optional(),
  /** The time zone of people whose record names none, for sends at a local time (IANA name). */
  DEFAULT_TIME_ZONE: z
    .string()
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'an IANA time zone such as Europe/Berlin')
    .default('Europe/Berlin'),
  /** Campaigns need a second person's approval (not their last editor's) before they can be sent. */
  CAMPAIGN_APPROVAL: booleanFlag.default(false),
  /** k of DESIGN §3.5: no report shows a figure of a group smaller than this. */
  PRIVACY_MIN_GROUP: z.coerce.number().int().min(2).max(1000).default(5),
  /** DESIGN §3.5: how far people are tracked unless a campaign says otherwise. */
  TRACKING_MODE: z.enum(['individual', 'aggregate', 'off']).default('individual'),
  /** Activity events and delivery traces older than this many days lose their person (ADR 0023): 13 months, so a year-on-year comparison still has last year's month. */
  RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(395),
  /** The directory department that works customer referrals (ADR 0034). */
  REFERRAL_CUSTOMER_TEAM: z.string().trim().min(1).max(200).default('Sales'),
  /** The directory department that works candidate referrals (ADR 0034). */
  REFERRAL_CANDIDATE_TEAM: z.string().trim().min(1).max(200).default('Human Resources'),
  /** How long a sender holds claimed mail; after that (its process died) another sends it again. */
  DELIVERY_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(120),
  /** Chat webhooks may be http:// and on private, loopback or link-local addresses (tests, local receivers); off: https to public addresses only. */
  CHAT_WEBHOOK_ALLOW_PRIVATE: booleanFlag.default(false),
  /** First wait before a chat post that failed for a passing reason (5xx, network) is tried again; each later wait is four times longer. */
  CHAT_RETRY_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  /** The sender of campaign mail (`Resonance <news@example.com>`). */
  MAIL_FROM: z.string().min(3).max(320).default('Resonance <resonance@localhost>'),
  /** The organisation as mail shows it: its name, its colour (#rrggbb) and a logo URL (https). */
  BRAND_NAME: z.string().min(1).max(100).default('Resonance'),
  BRAND_COLOR: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as #1c7ed6')
    .default('#1c7ed6'),
  BRAND_LOGO_URL: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * Signs links in mail (unsubscribe, acknowledge). Required in production (NODE_ENV=production with a
   * PostgreSQL server); elsewhere one is generated once and kept in the database. Never logged.
   */
  LINK_SECRET: z.string().min(32, 'at least 32 characters (openssl rand -base64 48)').optional(),
  /** The organisation's quiet hours in each person's time zone (`20:00-07:00`), or `off`: announcement e-mail waits until they end. */
  QUIET_HOURS: z
    .string()
    .trim()
    .regex(/^(off|([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)$/, 'off, or a start and end such as 20:00-07:00')
    .refine((v) => v === 'off' || v.slice(0, 5) !== v.slice(6), 'the start and end differ')
    .default('off'),
  /** Must-read e-mail goes out even during quiet hours. */
  MUST_READ_IGNORES_QUIET_HOURS: booleanFlag.default(false),
  /** The organisation's channel layer (comma-separated): a channel not named here is sent only where a topic or person chose it. */
  DEFAULT_CHANNELS: z
    .string()
    .trim()
    .default('email,feed,chat')
    .transform((v, ctx) => {
      const channels = [...new Set(v.split(',').map((c) => c.trim()))];
      const bad = channels.filter((c) => !['email', 'feed', 'chat'].includes(c));
      if (bad.length > 0 || channels.length === 0) {
        ctx.addIssue({ code: 'custom', message: `channels are email, feed and chat; not ${bad.join(', ')}` });
        return z.NEVER;
      }
      return channels as ('email' | 'feed' | 'chat')[];
    }),
  NODE_ENV: z.string().optional(),
});

export type Config = z.infer<typeof configSchema> & {
  publicUrl: string;
  cookieSecure: boolean;
  experienceThresholds: { noviceBelow: number; midBelow: number };
  brand: { name: string; color: string; logoUrl: string | null };
  /** QUIET_HOURS as times (`HH:MM`), or null when off. */
  quietHours: { start: string; end: string } | null;
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
  if (c.NODE_ENV === 'production' && c.DATABASE_URL && !c.LINK_SECRET) {
    throw new Error('invalid configuration:\n  LINK_SECRET: required in production (links in mail are signed with it; at least 32 characters)');
  }
  const publicUrl = (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, '');
  return {
    ...c,
    publicUrl,
    cookieSecure: c.COOKIE_SECURE ?? publicUrl.startsWith('https://'),
    experienceThresholds: { noviceBelow: c.EXPERIENCE_NOVICE_BELOW_YEARS, midBelow: c.EXPERIENCE_MID_BELOW_YEARS },
    brand: { name: c.BRAND_NAME, color: c.BRAND_COLOR, logoUrl: c.BRAND_LOGO_URL ?? null },
    quietHours: c.QUIET_HOURS === 'off' ? null : { start: c.QUIET_HOURS.slice(0, 5), end: c.QUIET_HOURS.slice(6) },
  };
}
