// Open and click tracking benchmark (ADR 0022): the real app listening on loopback, loaded over HTTP by
// autocannon in a second process with a mix of opens and clicks over the real signed tokens of a sent
// campaign's deliveries, in browser user agents (human events: each becomes a tracking_events row and
// the person's activity, committed before the answer). Beside it, in the same run and from the same
// load process: a bare node:http server in this process answering the same paths with the same GIF
// bytes or a 302, the limit for an HTTP answer on this machine. Then zero lost: the rows committed
// must equal the 2xx and 3xx responses the load process counted (exit code 1 otherwise).
// Options: --deliveries N (2,000), --seconds S (10), --connections C (50), --clicks PERCENT (20),
// --warmup S (2), --mode individual|aggregate (the campaign's tracking), --embedded.
import { fork } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pino from 'pino';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/platform/config/config.js';
import { JobQueue } from '../src/server/platform/jobs/job-queue.js';
import { PROJECT_ROOT } from '../src/server/platform/paths.js';
import { createCampaign, messageLinks } from '../src/server/modules/campaigns/index.js';
import { closeMailTransports, fanOutCampaign, sendCampaignEmail } from '../src/server/modules/delivery/index.js';
import { ensureTrackingPartitions, mailTracking } from '../src/server/modules/tracking/index.js';
import { PIXEL } from '../src/server/modules/tracking/tracking.routes.js';
import { openBenchDatabase } from './bench-database.js';
import { loadPeopleFixture } from './people-fixture.js';
import { startSink } from './smtp.bench.js';
import type { LoadResult, LoadTask } from './tracking-load.js';

const BROWSERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15',
];
const PUBLIC_URL = 'https://resonance.bench.example';

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
}

/** A small deterministic generator (mulberry32), so every run loads the same paths. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs the load process against `url` and returns what it counted. */
async function runLoad(task: LoadTask): Promise<LoadResult> {
  const child = fork(path.join(PROJECT_ROOT, 'bench/tracking-load.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  child.send(task);
  const code = await closed;
  if (code !== 0) throw new Error(`the load process exited with ${code}`);
  return JSON.parse(out.trim().split('\n').pop()!) as LoadResult;
}

/** The limit: node:http answering the same paths with the same bytes, nothing else. */
async function startBareServer(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.url?.startsWith('/t/o/')) {
      res.writeHead(200, { 'content-type': 'image/gif', 'content-length': PIXEL.length, 'cache-control': 'no-store, max-age=0' });
      res.end(PIXEL);
    } else if (req.url?.startsWith('/t/c/')) {
      res.writeHead(302, { location: target, 'content-length': 0, 'cache-control': 'no-store' });
      res.end();
    } else {
      res.writeHead(404, { 'content-length': 0 });
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const rate = (r: LoadResult) => r.responses / (r.elapsedMs / 1000);
const fmt = (n: number) => Math.round(n).toLocaleString('en');
const ms = (n: number) => `${n.toFixed(1)} ms`;

export async function run(args: string[]): Promise<void> {
  const deliveries = option(args, 'deliveries', 2_000);
  const seconds = option(args, 'seconds', 10);
  const connections = option(args, 'connections', 50);
  const clickShare = option(args, 'clicks', 20) / 100;
  const warmup = option(args, 'warmup', 2);
  const modeAt = args.indexOf('--mode');
  const mode = modeAt >= 0 ? args[modeAt + 1] : null;
  if (mode !== null && mode !== 'individual' && mode !== 'aggregate') throw new Error('--mode is individual or aggregate');

  const database = await openBenchDatabase({ embedded: args.includes('--embedded') });
  const sink = await startSink();
  // As a server runs it (`resonance serve`): request lines logged at info, as JSON, here to /dev/null.
  const config = loadConfig({ SMTP_URL: sink.url, PUBLIC_URL, LOG_LEVEL: 'info', LOG_FORMAT: 'json' });
  const logger = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: false }));
  // The tracking routes enqueue nothing: the queue is there for buildApp and is not started.
  const jobs = new JobQueue({ url: database.url, poolMax: 2, worker: false, logger });
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  let bare: Awaited<ReturnType<typeof startBareServer>> | null = null;
  let lost: boolean;
  try {
    await ensureTrackingPartitions({ db: database.db, now: new Date() });
    await loadPeopleFixture(database.pool, Math.ceil(deliveries * 1.25));
    await sql`ANALYZE people`.execute(database.db);
    const content = {
      subject: 'News for {{ person.given_name }}',
      body: 'Hello {{ person.given_name }}, read [the plan](https://intranet.bench.example/plan) and [the FAQ](https://intranet.bench.example/faq).',
      cta_label: 'Open the plan',
      cta_url: 'https://intranet.bench.example/go',
    };
    const campaign = await createCampaign({
      db: database.db,
      thresholds: config.experienceThresholds,
      clock: () => new Date(),
      userId: null,
      campaign: {
        name: 'Tracking bench',
        kind: 'announcement',
        audience: { field: 'status', op: 'eq', value: 'active' },
        default_language: 'en',
        tracking: mode,
        follow_ups: [],
        cascade: null,
        variants: [{ key: 'all', default: true, channels: ['email'], content: { en: content } }],
      },
    });
    // Created, fanned out and sent as the jobs do it, to a loopback SMTP server that discards the mail.
    await sql`UPDATE campaigns SET status = 'sending' WHERE id = ${campaign.id}`.execute(database.db);
    await fanOutCampaign({ db: database.db, config, clock: () => new Date(), campaignId: campaign.id });
    await sql`
      UPDATE deliveries SET state = 'suppressed', reason = 'no_email' WHERE campaign_id = ${campaign.id} AND state = 'queued'
        AND id NOT IN (SELECT id FROM deliveries WHERE campaign_id = ${campaign.id} AND state = 'queued' ORDER BY id LIMIT ${deliveries})`.execute(database.db);
    const sent = await sendCampaignEmail({ db: database.db, config, clock: () => new Date(), campaignId: campaign.id });
    closeMailTransports();
    const ids = (
      await sql<{ id: string }>`SELECT id FROM deliveries WHERE campaign_id = ${campaign.id} AND channel = 'email' AND state = 'sent' ORDER BY id`.execute(
        database.db,
      )
    ).rows.map((r) => Number(r.id));
    if (sent.sent !== deliveries || ids.length !== deliveries) throw new Error(`sent ${sent.sent} of ${deliveries}`);

    // Each delivery's own signed addresses, made by the module as the sender made them for its mail.
    const links = messageLinks(content);
    const tokens = await Promise.all(ids.map((deliveryId) => mailTracking({ db: database.db, config, deliveryId, linkCount: links.length })));
    const pathOf = (url: string) => url.slice(PUBLIC_URL.length);
    // Opens and clicks over every delivery; a person clicks one link of the mail (which one differs by person).
    const next = random(10);
    const paths = Array.from({ length: 50_000 }, () => {
      const i = Math.floor(next() * tokens.length);
      return pathOf(next() < clickShare ? tokens[i]!.links[i % links.length]! : tokens[i]!.open);
    });

    app = await buildApp({ config, database, jobs, logger });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const appUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    bare = await startBareServer(links[0]!);

    const load = (url: string, s: number, list = paths) => runLoad({ url, paths: list, seconds: s, connections, userAgent: BROWSERS[0]! });
    // The app's floor for this route: the same requests with one character of each signature changed,
    // so the app parses, routes, checks the HMAC and answers 404, never touching the database.
    const forged = paths.map((p) => p.slice(0, -10) + (p.at(-10) === 'A' ? 'B' : 'A') + p.slice(-9));
    console.log(
      `Tracking benchmark: ${fmt(deliveries)} deliveries of a sent campaign (mode ${mode ?? config.TRACKING_MODE}), ${Math.round(clickShare * 100)}% clicks, ` +
        `${connections} connections for ${seconds} s from a second process, on ${database.label}; ${os.cpus().length} cores, load average ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
    );
    const count = async () => {
      const rows = await sql<{ kind: string; machine: boolean; n: number }>`
        SELECT kind, machine, count(*)::int AS n FROM tracking_events WHERE campaign_id = ${campaign.id} GROUP BY kind, machine`.execute(database.db);
      const of = (kind: string) => rows.rows.filter((r) => r.kind === kind).reduce((s, r) => s + Number(r.n), 0);
      return { open: of('open'), click: of('click'), machine: rows.rows.filter((r) => r.machine).reduce((s, r) => s + Number(r.n), 0) };
    };

    if (warmup > 0) {
      await load(bare.url, warmup);
      await load(appUrl, warmup);
    }
    const baseline = await load(bare.url, seconds);
    const before = await count();
    const ours = await load(appUrl, seconds);
    const after = await count();
    const floor = await load(appUrl, seconds, forged);
    if (Object.keys(floor.statuses).some((s) => s !== '404')) throw new Error(`forged tokens answered ${JSON.stringify(floor.statuses)}`);

    const committed = after.open + after.click - before.open - before.click;
    const ok = (r: LoadResult, from: number, to: number) =>
      Object.entries(r.statuses)
        .filter(([s]) => Number(s) >= from && Number(s) < to)
        .reduce((n, [, c]) => n + c, 0);
    const answered = ok(ours, 200, 400);
    const other = ours.responses - answered;
    const line = (label: string, r: LoadResult) =>
      `  ${label.padEnd(46)} ${fmt(rate(r)).padStart(7)} req/s   p50 ${ms(r.p50).padStart(9)}   p99 ${ms(r.p99).padStart(9)}   (${fmt(r.responses)} in ${(r.elapsedMs / 1000).toFixed(1)} s)`;
    console.log(line('resonance /t/o and /t/c (committed each)', ours));
    console.log(line('bare node:http, same bytes: the limit', baseline));
    console.log(line('resonance, forged tokens (404, no database)', floor));
    console.log(
      `  ratio: ${((rate(ours) / rate(baseline)) * 100).toFixed(1)}% of the limit (goal: at least 50%: ${rate(ours) / rate(baseline) >= 0.5 ? 'met' : 'not met'}); ` +
        `forged tokens ${((rate(floor) / rate(baseline)) * 100).toFixed(1)}% of the limit`,
    );
    console.log(
      `  responses: ${fmt(ok(ours, 200, 300))} 200 + ${fmt(ok(ours, 300, 400))} 302 = ${fmt(answered)} answered; other statuses ${fmt(other)} ${JSON.stringify(ours.statuses)}; ` +
        `errors ${ours.errors}, timeouts ${ours.timeouts}; the limit: other ${fmt(baseline.responses - ok(baseline, 200, 400))}, errors ${baseline.errors}`,
    );
    console.log(
      `  tracking_events committed: ${fmt(committed)} (${fmt(after.open - before.open)} opens, ${fmt(after.click - before.click)} clicks; ` +
        `${fmt(after.machine - before.machine)} flagged machine)`,
    );
    lost = committed !== answered || after.open - before.open !== ok(ours, 200, 300) || after.click - before.click !== ok(ours, 300, 400);
    console.log(
      lost ? '  ZERO LOST: FAILED — rows committed and responses counted differ' : '  zero lost: every answered request has its committed row, and no more',
    );
  } finally {
    await app?.close();
    await bare?.close();
    await sink.close();
    await database.drop();
  }
  if (lost) process.exitCode = 1;
}
