// SMTP sending benchmark: N messages to a loopback smtp-server sink that accepts and discards them.
// Resonance's sender (claim a batch of deliveries with a lease, render each person's mail, send four at a
// time over the pooled transport, mark each sent) beside the limit: nodemailer sending one pre-rendered
// message N times over the same kind of pool (four connections), as fast as it takes them. Both in this
// process, same sink. Options: --messages N (default 20,000), --embedded.
import { sql } from 'kysely';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../src/server/platform/config/config.js';
import { compileMessage, createCampaign, renderMessage, templateContext } from '../src/server/modules/campaigns/index.js';
import { findTemplatePeople } from '../src/server/modules/people/index.js';
import { closeMailTransports, fanOutCampaign, sendCampaignEmail } from '../src/server/modules/delivery/index.js';
import { openBenchDatabase } from './bench-database.js';
import { loadPeopleFixture } from './people-fixture.js';

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
}

export async function startSink(): Promise<{ url: string; received: () => number; close(): Promise<void> }> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received: () => received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export async function run(args: string[]): Promise<void> {
  const messages = option(args, 'messages', 20_000);
  const database = await openBenchDatabase({ embedded: args.includes('--embedded') });
  const sink = await startSink();
  const config = loadConfig({ SMTP_URL: sink.url, PUBLIC_URL: 'https://resonance.bench.example' });
  try {
    // Enough people that every message goes to someone with an address.
    await loadPeopleFixture(database.pool, Math.ceil(messages * 1.25));
    await sql`ANALYZE people`.execute(database.db);
    const campaign = await createCampaign({
      db: database.db,
      thresholds: config.experienceThresholds,
      clock: () => new Date(),
      userId: null,
      campaign: {
        name: 'SMTP bench',
        kind: 'announcement',
        audience: { field: 'status', op: 'eq', value: 'active' },
        default_language: 'en',
        follow_ups: [],
        cascade: null,
        variants: [
          {
            key: 'all',
            default: true,
            channels: ['email'],
            content: {
              en: { subject: 'Hello {{ person.given_name }}', body: 'Hello **{{ person.given_name }}**, this is the news of {{ person.department }}.' },
            },
          },
        ],
      },
    });
    await sql`UPDATE campaigns SET status = 'sending' WHERE id = ${campaign.id}`.execute(database.db);
    await fanOutCampaign({ db: database.db, config, clock: () => new Date(), campaignId: campaign.id });
    // Exactly N to send: the rest are set aside as suppressed.
    await sql`
      UPDATE deliveries SET state = 'suppressed', reason = 'no_email' WHERE campaign_id = ${campaign.id} AND state = 'queued'
        AND id NOT IN (SELECT id FROM deliveries WHERE campaign_id = ${campaign.id} AND state = 'queued' ORDER BY id LIMIT ${messages})`.execute(database.db);
    console.log(`SMTP benchmark: ${messages.toLocaleString('en')} messages to a loopback smtp-server on ${database.label}`);

    const before = sink.received();
    const oursStarted = performance.now();
    const outcome = await sendCampaignEmail({ db: database.db, config, clock: () => new Date(), campaignId: campaign.id });
    const oursMs = performance.now() - oursStarted;
    if (outcome.sent !== messages || sink.received() - before !== messages) throw new Error(`sent ${outcome.sent}, received ${sink.received() - before}`);
    closeMailTransports();

    // The limit: one pre-rendered message, N times, over a pool like ours.
    const pool = nodemailer.createTransport({ url: sink.url, pool: true, maxConnections: 4, maxMessages: 1000 } as Parameters<
      typeof nodemailer.createTransport
    >[0]);
    // One of the campaign's own mails, rendered once (the same size and encoding as what ours sends).
    const first = (
      await sql<{ person_id: number }>`SELECT person_id FROM deliveries WHERE campaign_id = ${campaign.id} AND state = 'sent' ORDER BY id LIMIT 1`.execute(
        database.db,
      )
    ).rows[0]!.person_id;
    const person = (await findTemplatePeople({ db: database.db, ids: [first] })).get(first)!;
    const rendered = await renderMessage(await compileMessage(campaign.variants[0]!.content.en!, config.brand, 'en'), templateContext(person, campaign));
    const message = { from: config.MAIL_FROM, to: person.email!, subject: rendered.subject, html: rendered.html, text: rendered.text };
    const limitBefore = sink.received();
    const limitStarted = performance.now();
    const inFlight = 64;
    let next = 0;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < messages) {
          next++;
          await pool.sendMail(message);
        }
      }),
    );
    const limitMs = performance.now() - limitStarted;
    pool.close();
    if (sink.received() - limitBefore !== messages) throw new Error('the limit run lost messages');

    const ours = messages / (oursMs / 1000);
    const limit = messages / (limitMs / 1000);
    console.log(
      `  resonance sender (claim, render, send, mark each)   ${(oursMs / 1000).toFixed(2).padStart(7)} s   ${Math.round(ours).toLocaleString('en').padStart(6)} messages/s`,
    );
    console.log(
      `  nodemailer pool, one pre-rendered message: limit    ${(limitMs / 1000).toFixed(2).padStart(7)} s   ${Math.round(limit).toLocaleString('en').padStart(6)} messages/s`,
    );
    console.log(`  ratio: ${((ours / limit) * 100).toFixed(1)}% of the limit (goal: at least 80%: ${ours / limit >= 0.8 ? 'met' : 'not met'})`);
  } finally {
    closeMailTransports();
    await sink.close();
    await database.drop();
  }
}
