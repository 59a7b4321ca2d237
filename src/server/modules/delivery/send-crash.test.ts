// The promise of ADR 0017 with real processes: `resonance serve` (API, worker and, without
// DATABASE_URL, the embedded database on files) sends a campaign to a slow SMTP server on loopback and
// is killed with SIGKILL mid-send; started again on the same database it finishes the campaign. Every
// recipient gets the mail; a second copy can only be one that was in flight at the kill, and it
// carries the same Message-ID.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, spawnResonance, waitUntil, type Spawned } from '../../testing/spawn-resonance.js';
import { createTestDatabase } from '../../testing/test-runtime.js';
import { startSmtpSink, type SmtpSink } from '../../testing/smtp-sink.js';
import { IN_FLIGHT } from './send-campaign.service.js';

type Served = Spawned;

const serve = (port: number, env: Record<string, string>): Served =>
  spawnResonance(['serve', '--migrate', '--demo', '120', '--port', String(port)], { LOG_LEVEL: process.env.CRASH_LOG ?? 'warn', ...env });
const until = waitUntil;

/** Signs the demo's communicator in with the password this start printed. */
async function signIn(served: Served, url: string): Promise<{ cookie: string; csrf: string }> {
  const [, email, password] = await until('the demo logins', () => /communicator\s+(\S+)\s+password: (\S+)/.exec(served.output()), served);
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(login.status).toBe(200);
  return { cookie: login.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await login.json()) as { csrf_token: string }).csrf_token };
}

let dir: string;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let sink: SmtpSink;
const running: Served[] = [];
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'resonance-crash-'));
  database = await createTestDatabase();
  sink = await startSmtpSink({ delayMs: 40 });
});
afterAll(async () => {
  for (const served of running) {
    if (served.child.exitCode === null) {
      served.child.kill('SIGKILL');
      await served.exited;
    }
  }
  await sink?.close();
  await database?.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('a server killed with SIGKILL while it sends a campaign', () => {
  it('loses nobody when started again, and sends again only mail that was in flight, with the same Message-ID', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = { ...database.env, RESONANCE_DATA_DIR: path.join(dir, 'data'), SMTP_URL: sink.url, DELIVERY_LEASE_SECONDS: '3', PUBLIC_URL: url };
    const first = serve(port, env);
    running.push(first);
    const { cookie, csrf } = await signIn(first, url);
    const headers = { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' };
    const created = await fetch(`${url}/api/v1/campaigns`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        name: 'Crash course',
        audience: { field: 'department', op: 'exists', value: true },
        default_language: 'en',
        variants: [{ key: 'all', default: true, channels: ['email'], content: { en: { subject: 'Hello {{ person.given_name }}', body: 'Read me.' } } }],
      }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const id = ((await created.json()) as { id: number }).id;
    const sent = await fetch(`${url}/api/v1/campaigns/${id}/send`, {
      method: 'POST',
      headers: { ...headers, 'idempotency-key': 'crash-course-1' },
      body: '{}',
    });
    expect(sent.status).toBe(202);

    // Mid-send: some mail is out, most is not.
    await until('the first mails', () => sink.messages.length >= 25, first);
    first.child.kill('SIGKILL');
    await first.exited;
    const atKill = sink.messages.length;

    const second = serve(port, env);
    running.push(second);
    // The demo sets new passwords at every start, which ends the sessions of before.
    const again = await signIn(second, url);
    const status = async () => {
      const res = await fetch(`${url}/api/v1/campaigns/${id}`, { headers: { cookie: again.cookie } }).catch(() => null);
      return res?.status === 200
        ? ((await res.json()) as { status: string; counts: { queued: number; sent: number; failed: number; suppressed: number } })
        : null;
    };
    const done = await until(
      'the campaign to finish',
      async () => {
        const s = await status();
        return s?.status === 'sent' ? s : null;
      },
      second,
      180_000,
    );
    expect(done.counts.queued).toBe(0);
    expect(done.counts.failed).toBe(0);
    expect(done.counts.sent).toBeGreaterThan(atKill);

    const log: { person: { email: string | null }; state: string; message_id: string | null }[] = [];
    for (let cursor: string | null = ''; cursor !== null;) {
      const page = (await (
        await fetch(`${url}/api/v1/campaigns/${id}/deliveries?limit=500${cursor ? `&cursor=${cursor}` : ''}`, { headers: { cookie: again.cookie } })
      ).json()) as {
        items: typeof log;
        next_cursor: string | null;
      };
      log.push(...page.items);
      cursor = page.next_cursor;
    }
    const delivered = log.filter((d) => d.state === 'sent');
    expect(delivered).toHaveLength(done.counts.sent);
    const mails = sink.messages.filter((m) => m.headers.get('x-resonance-campaign') === String(id));
    const byAddress = new Map<string, string[]>();
    for (const mail of mails) {
      const address = (Array.isArray(mail.to) ? mail.to[0] : mail.to)!.value[0]!.address!;
      byAddress.set(address, [...(byAddress.get(address) ?? []), mail.messageId!]);
    }
    // Everyone got it, each copy of a person's mail is the same message, and copies are only what was in flight.
    for (const d of delivered) {
      const ids = byAddress.get(d.person.email!);
      expect(ids, d.person.email!).toBeDefined();
      expect(new Set(ids)).toEqual(new Set([d.message_id]));
    }
    expect(byAddress.size).toBe(delivered.length);
    expect(mails.length - byAddress.size).toBeLessThanOrEqual(IN_FLIGHT);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 300_000);
});
