// Real `resonance` processes for tests: a free port, the CLI started through bin/resonance.js with
// its output collected, and waiting for a condition while failing fast (with the output) if the
// process exits first.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT } from '../platform/paths.js';

export type Spawned = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts `resonance <args>` with the test's environment on top of this process's.
 * @example const served = spawnResonance(['serve', '--migrate', '--port', '8123'], { DATABASE_URL });
 */
export function spawnResonance(args: string[], env: Record<string, string>): Spawned {
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin/resonance.js'), ...args], {
    env: { ...process.env, HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Polls `probe` until it gives a value; throws with the process's output on exit or timeout. */
export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  spawned: Spawned,
  timeoutMs = 90_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (spawned.child.exitCode !== null) throw new Error(`the process exited (${spawned.child.exitCode}) before ${what}:\n${spawned.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${spawned.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
