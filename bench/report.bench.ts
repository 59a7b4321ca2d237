// Campaign report benchmark (ADR 0024): one campaign fanned out to N people on e-mail and feed, M
// tracking events for its deliveries generated inside the database, the rollup job's run over them
// (the job's cost), and then GET /api/v1/campaigns/:id/report through the real app on loopback with a
// communicator's API token, sequential and several in flight, beside the same app answering
// GET /api/v1/campaigns/:id the same way (routing, token, the campaign read, JSON). The naive way, the
// same figures computed straight from the raw events, is timed too: what the rollups spare each view.
// Options: --people N (default 100,000), --events N (default 10,000,000), --requests N (default 500),
// --concurrency N (default 10), --embedded, --keep (leave the scratch database for EXPLAIN; prints its URL).
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { sql } from 'kysely';
import pino from 'pino';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/platform/config/config.js';
import { JobQueue } from '../src/server/platform/jobs/job-queue.js';
import { JOB_DEFINITIONS } from '../src/server/runtime.js';
import { createCampaign } from '../src/server/modules/campaigns/index.js';
import { fanOutCampaign } from '../src/server/modules/delivery/index.js';
import { createApiToken } from '../src/server/modules/identity/index.js';
import { ensureTrackingPartitions } from '../src/server/modules/tracking/index.js';
import { getCampaignReport, rollUpCampaign, rollUpReports } from '../src/server/modules/analytics/index.js';
import type { AnyDb } from '../src/server/platform/db/connect.js';
import { openBenchDatabase } from './bench-database.js';
import { loadPeopleFixture } from './people-fixture.js';

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const DAY = 86_400_000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

type Latency = { p50: number; p95: number; p99: number; rate: number; bytes: number };

/** `count` GETs of `url`, `inFlight` at a time, each timed from the request to the last byte. */
async function measure(url: string, headers: Record<string, string>, count: number, inFlight: number): Promise<Latency> {
  const times: number[] = [];
  let bytes = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < count) {
        next++;
        const t0 = performance.now();
        const res = await fetch(url, { headers });
        const body = await res.arrayBuffer();
        times.push(performance.now() - t0);
        if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${Buffer.from(body).toString().slice(0, 300)}`);
        bytes = body.byteLength;
      }
    }),
  );
  const elapsed = performance.now() - started;
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), rate: count / (elapsed / 1000), bytes };
}

/**
 * `count` tracking events for the campaign's deliveries, made by PostgreSQL: 70 % mail opens, 20 % mail
 * clicks, 1 % honeypot hits, 8 % feed reads (with their dwell), 1 % feed calls to action and downloads;
 * a tenth of the opens and a twentieth of the clicks machine traffic with its reason. 70 % of the
 * deliveries see any event (clicks come from 40 % of those), at `from` plus up to `spanMs`, most early.
 */
async function generateEvents(db: AnyDb, input: { campaignId: number; count: number; from: Date; spanMs: number }): Promise<void> {
  const engaged = await sql<{ channel: string; n: string }>`SELECT channel, count(*) AS n FROM bench_engaged GROUP BY channel`.execute(db);
  const email = Number(engaged.rows.find((r) => r.channel === 'email')?.n ?? 0);
  const feed = Number(engaged.rows.find((r) => r.channel === 'feed')?.n ?? 0);
  const batch = 1_000_000;
  for (let done = 0; done < input.count; done += batch) {
    const n = Math.min(batch, input.count - done);
    await sql`
      INSERT INTO tracking_events (delivery_id, campaign_id, person_id, kind, link_index, machine, machine_reason, user_agent_class, network,
        occurred_at, dwell_ms, dwell_bucket)
      SELECT d.id, ${input.campaignId}, d.person_id, g.kind,
        CASE WHEN g.kind = 'click' THEN floor(g.u * 3)::int END,
        g.reason IS NOT NULL, g.reason,
        CASE WHEN g.reason = 'bot_user_agent' THEN 'bot' WHEN g.reason IS NULL THEN 'browser' ELSE 'none' END,
        CASE WHEN g.reason = 'scanner_network' THEN 'microsoft_eop' END,
        ${input.from.toISOString()}::timestamptz + make_interval(secs => ${input.spanMs / 1000} * power(g.w, 3)),
        CASE WHEN g.kind = 'read' THEN floor(g.u * 20000)::int END,
        CASE WHEN g.kind = 'read' THEN CASE WHEN g.u < 0.2 THEN 'glanced' WHEN g.u < 0.5 THEN 'skimmed' ELSE 'read' END END
      FROM (
        SELECT r.*, CASE WHEN r.kind IN ('open', 'click', 'honeypot') THEN 'email' ELSE 'feed' END AS channel,
          1 + floor(r.s * CASE WHEN r.kind IN ('open', 'click', 'honeypot') THEN ${email}::int ELSE ${feed}::int END
            * CASE WHEN r.kind IN ('click', 'cta', 'download') THEN 0.4 ELSE 1 END)::int AS ord,
          CASE
            WHEN r.kind = 'honeypot' THEN 'honeypot'
            WHEN r.kind = 'open' AND r.m < 0.04 THEN 'bot_user_agent'
            WHEN r.kind = 'open' AND r.m < 0.08 THEN 'scanner_network'
            WHEN r.kind = 'open' AND r.m < 0.10 THEN 'head_request'
            WHEN r.kind = 'click' AND r.m < 0.03 THEN 'scanner_network'
            WHEN r.kind = 'click' AND r.m < 0.04 THEN 'all_links'
            WHEN r.kind = 'click' AND r.m < 0.05 THEN 'honeypot_window'
          END AS reason
        FROM (
          SELECT CASE WHEN k < 0.70 THEN 'open' WHEN k < 0.90 THEN 'click' WHEN k < 0.91 THEN 'honeypot' WHEN k < 0.99 THEN 'read'
              WHEN k < 0.995 THEN 'cta' ELSE 'download' END AS kind, s, m, u, w
          FROM (SELECT random() AS k, random() AS s, random() AS m, random() AS u, random() AS w FROM generate_series(1, ${n})) AS x
        ) AS r
      ) AS g
      JOIN bench_engaged AS d ON d.channel = g.channel AND d.ord = g.ord`.execute(db);
  }
}

export async function run(args: string[]): Promise<void> {
  const embedded = args.includes('--embedded');
  const peopleCount = option(args, 'people', 100_000);
  const eventCount = option(args, 'events', 10_000_000);
  const requests = option(args, 'requests', 500);
  const inFlight = option(args, 'concurrency', 10);
  const database = await openBenchDatabase({ embedded });
  // As a server runs it: one line per request logged at info, as JSON, here to /dev/null.
  const config = loadConfig({ LOG_LEVEL: 'info', LOG_FORMAT: 'json' });
  const logger = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: false }));
  const jobs = new JobQueue({ url: database.url, poolMax: 2, worker: false, logger });
  const { db } = database;
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  try {
    await jobs.start(JOB_DEFINITIONS);
    let started = performance.now();
    await loadPeopleFixture(database.pool, peopleCount);
    const loadMs = performance.now() - started;

    const content = (who: string) => ({ subject: `${who}: {{ person.given_name }}`, body: 'Read [the plan](https://intranet.bench.example/plan).' });
    const languages = (who: string) => ({ en: content(who), de: content(who), nl: content(who) });
    const campaign = await createCampaign({
      db,
      thresholds: config.experienceThresholds,
      clock: () => new Date(),
      userId: null,
      campaign: {
        name: 'Report bench',
        kind: 'announcement',
        audience: { field: 'status', op: 'eq', value: 'active' },
        default_language: 'en',
        follow_ups: [],
        cascade: null,
        variants: [
          {
            key: 'novices',
            default: false,
            audience: { field: 'experience_level', op: 'eq', value: 'novice' },
            channels: ['email', 'feed'],
            content: languages('n'),
          },
          { key: 'leaders', default: false, audience: { field: 'is_leader', op: 'eq', value: true }, channels: ['email', 'feed'], content: languages('l') },
          { key: 'everyone', default: true, channels: ['email', 'feed'], content: languages('e') },
        ],
      },
    });
    // The real fan-out writes the deliveries; sending them is not what this measures: they are marked
    // sent (e-mail and feed) in one UPDATE, five days before the first of this month, so that the ten
    // days of events fall into two month partitions.
    const today = new Date();
    const sentAt = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1) - 5 * DAY);
    const end = new Date(sentAt.getTime() + 10 * DAY);
    await sql`UPDATE campaigns SET status = 'sending' WHERE id = ${campaign.id}`.execute(db);
    started = performance.now();
    await fanOutCampaign({ db, config, clock: () => new Date(), campaignId: campaign.id });
    const fanMs = performance.now() - started;
    await sql`UPDATE deliveries SET state = 'sent', sent_at = ${sentAt.toISOString()}::timestamptz + make_interval(secs => (id % 3600)::int)
      WHERE campaign_id = ${campaign.id} AND state IN ('queued', 'sent')`.execute(db);
    await sql`UPDATE campaigns SET status = 'sent', finished_at = ${sentAt.toISOString()} WHERE id = ${campaign.id}`.execute(db);
    // 70 % of the deliveries see events; they are numbered per channel for the generator.
    await sql`CREATE TABLE bench_engaged AS
      SELECT id, person_id, channel, row_number() OVER (PARTITION BY channel ORDER BY id)::int AS ord
      FROM deliveries WHERE campaign_id = ${campaign.id} AND state = 'sent' AND (id * 2654435761) % 100 < 70`.execute(db);
    await sql`CREATE INDEX ON bench_engaged (channel, ord)`.execute(db);
    await sql`ANALYZE bench_engaged`.execute(db);
    // A feed item opened: its read_at (the report counts it as an open).
    await sql`UPDATE deliveries AS d SET read_at = d.sent_at + interval '1 hour' FROM bench_engaged AS e WHERE e.id = d.id AND e.channel = 'feed'`.execute(db);
    // Settled, as ten days after a send: autovacuum has been over the rewritten deliveries.
    await sql`VACUUM ANALYZE deliveries`.execute(db);
    const deliveries = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM deliveries WHERE campaign_id = ${campaign.id}`.execute(db)).rows[0]!.n);

    const partitions = await ensureTrackingPartitions({ db, now: sentAt, ahead: 1 });
    started = performance.now();
    await generateEvents(db, { campaignId: campaign.id, count: eventCount, from: sentAt, spanMs: 10 * DAY });
    await sql`ANALYZE tracking_events`.execute(db);
    const generateMs = performance.now() - started;
    const inPartitions = await sql<{ partition: string; n: string }>`
      SELECT tableoid::regclass::text AS partition, count(*) AS n FROM tracking_events GROUP BY 1 ORDER BY 1`.execute(db);

    console.log(
      `Report benchmark on ${database.label}; ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(
      `  ${fmt(peopleCount)} people (fixture COPY ${seconds(loadMs)}); one campaign, 3 variants × 3 languages on e-mail and feed: ${fmt(deliveries)} deliveries (real fan-out ${seconds(fanMs)}, marked sent by SQL)`,
    );
    console.log(
      `  ${fmt(eventCount)} tracking events generated in PostgreSQL in ${seconds(generateMs)} (${fmt(eventCount / (generateMs / 1000))} rows/s); partitions created ${partitions.join(', ')}; rows: ${inPartitions.rows
        .map((r) => `${r.partition} ${fmt(Number(r.n))}`)
        .join(', ')}`,
    );

    // The job's cost: the first run reads every event; the second only what came since.
    // The job's `now`: past the events and their settling time.
    const afterEvents = new Date(end.getTime() + 5 * 60_000);
    started = performance.now();
    const first = await rollUpReports({ db, config, now: afterEvents });
    const firstMs = performance.now() - started;
    started = performance.now();
    await rollUpCampaign({ db, config, campaignId: campaign.id, now: afterEvents });
    const rewriteMs = performance.now() - started;
    const fresh = Math.max(1, Math.round(eventCount / 100));
    await generateEvents(db, { campaignId: campaign.id, count: fresh, from: end, spanMs: DAY / 2 });
    started = performance.now();
    const second = await rollUpReports({ db, config, now: new Date(end.getTime() + DAY) });
    const secondMs = performance.now() - started;
    const groups = Number(
      (await sql<{ n: string }>`SELECT count(*) AS n FROM campaign_report_groups WHERE campaign_id = ${campaign.id}`.execute(db)).rows[0]!.n,
    );
    console.log('  rollup job (not the page view):');
    console.log(
      `    first run, all ${fmt(eventCount)} events       ${seconds(firstMs).padStart(9)}   ${fmt(first.deliveries)} deliveries' engagement, campaigns ${first.campaigns.join(',')}`,
    );
    console.log(`      of which the campaign's rewrite          ${seconds(rewriteMs).padStart(9)}   (rollUpCampaign alone: ${fmt(groups)} group rows)`);
    console.log(`    next run, ${fmt(fresh)} new events          ${seconds(secondMs).padStart(9)}   ${fmt(second.deliveries)} deliveries' engagement`);

    // The naive way: the by-variant figures (people reached, opened, clicked) straight from the raw events.
    const naive = async () => {
      const t0 = performance.now();
      const rows = await sql<{ variant_key: string; language: string; recipients: string; opened: string; clicked: string }>`
        WITH engagement AS (
          SELECT e.delivery_id,
            bool_or(NOT e.machine AND e.kind IN ('open', 'read')) AS opened,
            bool_or(NOT e.machine AND e.kind IN ('click', 'cta', 'download')) AS clicked
          FROM tracking_events AS e WHERE e.campaign_id = ${campaign.id} GROUP BY e.delivery_id
        )
        SELECT d.variant_key, d.language, count(DISTINCT d.person_id) AS recipients,
          count(DISTINCT d.person_id) FILTER (WHERE en.opened OR (d.channel = 'feed' AND d.read_at IS NOT NULL)) AS opened,
          count(DISTINCT d.person_id) FILTER (WHERE en.clicked) AS clicked
        FROM deliveries AS d LEFT JOIN engagement AS en ON en.delivery_id = d.id
        WHERE d.campaign_id = ${campaign.id} AND d.step = 0
        GROUP BY 1, 2`.execute(db);
      return { ms: performance.now() - t0, rows: rows.rows };
    };
    const naiveRuns = [await naive(), await naive(), await naive()];
    // The same figures from the rollups, as the report shows them: they must agree.
    const report = await getCampaignReport({ db, config, id: campaign.id, by: ['variant'] });
    for (const row of naiveRuns[0]!.rows) {
      const shown = report.by_variant.find((v) => v.variant === row.variant_key && v.language === row.language);
      if (shown?.recipients === null) continue; // a group smaller than k: hidden
      if (!shown || shown.recipients !== Number(row.recipients) || shown.unique_opens !== Number(row.opened) || shown.unique_clicks !== Number(row.clicked))
        throw new Error(`the report and the raw events disagree on ${row.variant_key}/${row.language}: ${JSON.stringify({ shown, row })}`);
    }

    // The report service alone, in this process (no HTTP, no token, no JSON): where the time goes.
    const service = async (by: ('variant' | 'department' | 'generation')[]) => {
      const times: number[] = [];
      for (let i = 0; i < Math.min(requests, 100); i++) {
        const t0 = performance.now();
        await getCampaignReport({ db, config, id: campaign.id, by });
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      return `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`;
    };
    const serviceVariant = await service(['variant']);
    const serviceDepartment = await service(['department', 'generation']);

    // The page view, over HTTP.
    const token = (await createApiToken({ db, name: 'bench', role: 'communicator', actor: { label: 'bench' } })).token;
    const headers = { authorization: `Bearer ${token}` };
    app = await buildApp({ config, database, jobs, logger });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1/campaigns/${campaign.id}`;
    const targets = [
      { label: `GET …/campaigns/${campaign.id} (baseline)`, url: base },
      { label: 'GET /health (no token, no database)', url: new URL('/health', base).toString() },
      { label: 'GET …/report?by=variant', url: `${base}/report?by=variant` },
      { label: 'GET …/report?by=department,generation', url: `${base}/report?by=department,generation` },
    ];
    for (const target of targets) await measure(target.url, headers, 30, 1);
    const results = [];
    for (const [mode, n] of [
      ['sequential', 1],
      [`${inFlight} in flight`, inFlight],
    ] as const) {
      for (const target of targets) results.push({ mode, target, latency: await measure(target.url, headers, requests, n) });
    }
    console.log(`  page views: ${fmt(requests)} requests each over HTTP on loopback (client in this process, keep-alive), communicator API token`);
    console.log(
      `    ${'mode'.padEnd(14)}${'endpoint'.padEnd(42)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'req/s'.padStart(8)}${'bytes'.padStart(8)}   p95 ratio`,
    );
    for (const r of results) {
      const baseline = results.find((b) => b.mode === r.mode && b.target === targets[0])!.latency;
      console.log(
        `    ${r.mode.padEnd(14)}${r.target.label.padEnd(42)}${r.latency.p50.toFixed(1).padStart(8)}${r.latency.p95.toFixed(1).padStart(8)}${r.latency.p99
          .toFixed(1)
          .padStart(8)}${fmt(r.latency.rate).padStart(8)}${fmt(r.latency.bytes).padStart(8)}   ${(r.latency.p95 / baseline.p95).toFixed(2)}x`,
      );
    }
    console.log(`  getCampaignReport alone, sequential in this process: by=variant ${serviceVariant}; by=department,generation ${serviceDepartment}`);
    const naiveMs = naiveRuns.map((r) => r.ms);
    const reportSequential = results.filter((r) => r.mode === 'sequential' && r.target === targets[2]);
    console.log(
      `  naive: the by-variant figures from the raw events, 3 runs: ${naiveMs.map((ms) => `${fmt(ms)} ms`).join(', ')} ` +
        `(${(Math.min(...naiveMs) / reportSequential[0]!.latency.p50).toFixed(0)}x the report's sequential p50; the figures agree with the report)`,
    );
    const worst = Math.max(...results.filter((r) => r.target === targets[2] || r.target === targets[3]).map((r) => r.latency.p95));
    console.log(`  goal: report p95 under 100 ms: ${worst < 100 ? 'met' : 'not met'} (worst p95 ${worst.toFixed(1)} ms)`);
  } finally {
    if (app) await app.close();
    await jobs.stop();
    if (args.includes('--keep')) {
      console.log(`  kept: ${database.url}`);
      await database.close();
    } else await database.drop();
  }
}
