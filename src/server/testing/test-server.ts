// A real listening server on an ephemeral port with the demo organisation, for browser tests.
import type { AddressInfo } from 'node:net';
import type { AnyDb } from '../platform/db/connect.js';
import { seedDemo, DEMO_ADMIN_EMAIL } from '../demo/seed-demo.js';
import { startTestRuntime } from './test-runtime.js';

export type TestServer = { url: string; admin: { email: string; password: string }; db: AnyDb; close(): Promise<void> };

/**
 * Starts Resonance on 127.0.0.1 with `demoPeople` generated people (and, with `worker`, the job worker)
 * and returns its URL, admin login and database (for arranging what a test needs).
 * @example const server = await startTestServer({ demoPeople: 300 }); await page.goto(server.url);
 */
export async function startTestServer(options: { demoPeople?: number; worker?: boolean; env?: Record<string, string> } = {}): Promise<TestServer> {
  const t = await startTestRuntime({ worker: options.worker ?? false, env: options.env });
  const { logins } = await seedDemo({ db: t.database.db, people: options.demoPeople ?? 300 });
  const admin = logins.find((l) => l.email === DEMO_ADMIN_EMAIL)!;
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = t.app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, admin: { email: admin.email, password: admin.password }, db: t.database.db, close: () => t.close() };
}
