// ADR 0019's promise with real processes: `resonance serve` posts a campaign to two chat webhooks (a
// real HTTP receiver on loopback) and is killed with SIGKILL while the second post is in flight (the
// receiver never answers it). Started again on the same database it finishes the campaign: the post
// in flight goes out once more, the one the webhook had taken is not posted again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, spawnResonance, waitUntil, type Spawned } from '../../testing/spawn-resonance.js';
import { createTestDatabase } from '../../testing/test-runtime.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../testing/webhook-receiver.js';

const serve = (port: number, env: Record<string, string>): Spawned =>
  spawnResonance(['serve', '--migrate', '--demo', '120', '--port', String(port)], { LOG_LEVEL: process.env.CRASH_LOG ?? 'warn', ...env });

/** Signs a demo user of `role` in with the password this start printed. */
async function signIn(served: Spawned, url: string, role: 'admin' | 'communicator'): Promise<Record<string, string>> {
  const [, email, password] = await waitUntil('the demo logins', () => new RegExp(`${role}\\s+(\\S+)\\s+password: (\\S+)`).exec(served.output()), served);
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(login.status).toBe(200);
  const csrf = ((await login.json()) as { csrf_token: string }).csrf_token;
  return { cookie: login.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': csrf, 'content-type': 'application/json' };
}

let dir: string;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let hooks: WebhookReceiver;
const running: Spawned[] = [];
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'resonance-chat-crash-'));
  database = await createTestDatabase();
  hooks = await startWebhookReceiver();
});
afterAll(async () => {
  for (const served of running) {
    if (served.child.exitCode === null) {
      served.child.kill('SIGKILL');
      await served.exited;
    }
  }
  await hooks?.close();
  await database?.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('a server killed with SIGKILL while it posts to chat', () => {
  it('posts again only what was in flight, once, and finishes the campaign', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = {
      ...database.env,
      RESONANCE_DATA_DIR: path.join(dir, 'data'),
      DELIVERY_LEASE_SECONDS: '3',
      PUBLIC_URL: url,
      CHAT_WEBHOOK_ALLOW_PRIVATE: 'true',
    };
    const first = serve(port, env);
    running.push(first);
    const admin = await signIn(first, url, 'admin');
    const sales = { field: 'department', op: 'eq', value: 'Sales' };
    // The first channel takes its post; the second never answers, so its post is in flight at the kill.
    hooks.script('/taken', [{ status: 200, body: 'ok' }]);
    hooks.script('/in-flight', [{ status: 0, hold: true }, { status: 202 }]);
    for (const [name, kind, hookPath] of [
      ['#taken', 'slack', '/taken'],
      ['In flight', 'teams', '/in-flight'],
    ] as const) {
      const res = await fetch(`${url}/api/v1/chat-channels`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({ name, kind, webhook_url: `${hooks.url}${hookPath}`, audience: sales }),
      });
      expect(res.status, await res.clone().text()).toBe(201);
    }
    const communicator = await signIn(first, url, 'communicator');
    const created = await fetch(`${url}/api/v1/campaigns`, {
      method: 'POST',
      headers: communicator,
      body: JSON.stringify({
        name: 'Crash chat',
        audience: sales,
        default_language: 'en',
        variants: [{ key: 'all', default: true, channels: ['chat'], content: { en: { subject: 'News for {{ campaign.name }}', body: 'Read me.' } } }],
      }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const id = ((await created.json()) as { id: number }).id;
    const sent = await fetch(`${url}/api/v1/campaigns/${id}/send`, {
      method: 'POST',
      headers: { ...communicator, 'idempotency-key': 'crash-chat-1' },
      body: '{}',
    });
    expect(sent.status).toBe(202);

    await hooks.waitFor('/in-flight', 1, 60_000);
    await hooks.waitFor('/taken', 1, 10_000);
    first.child.kill('SIGKILL');
    await first.exited;

    const second = serve(port, env);
    running.push(second);
    const again = await signIn(second, url, 'communicator');
    const status = async () => {
      const res = await fetch(`${url}/api/v1/campaigns/${id}`, { headers: again }).catch(() => null);
      return res?.status === 200 ? ((await res.json()) as { status: string }).status : null;
    };
    // A sweep within a minute (or the one at start) finds the post whose lease ran out.
    await waitUntil('the campaign to finish', async () => (await status()) === 'sent', second, 150_000);
    expect(hooks.bodies('/in-flight')).toHaveLength(2);
    expect(hooks.bodies('/in-flight')[1]).toEqual(hooks.bodies('/in-flight')[0]);
    expect(hooks.bodies('/taken')).toHaveLength(1);
    const posts = (await (await fetch(`${url}/api/v1/campaigns/${id}/chat-posts`, { headers: again })).json()) as {
      items: { channel: { name: string }; state: string; attempts: number }[];
    };
    expect(posts.items.map((p) => [p.channel.name, p.state, p.attempts]).sort()).toEqual([
      ['#taken', 'sent', 1],
      ['In flight', 'sent', 2],
    ]);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 300_000);
});
