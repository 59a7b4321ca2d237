// The `resonance` command through its program (in-process) and once through the real binary:
// migrate, seed, serve with the demo (logins last, quiet request logs), import with bad rows (as a job,
// with progress), export, tokens, users, and the pending-migrations guard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Writable } from 'node:stream';
import { buildProgram } from './main.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './platform/db/embedded.js';
import { loadConfig } from './platform/config/config.js';
import { openRuntime } from './runtime.js';
import { createTestDatabase } from './testing/test-runtime.js';
import { listAudit } from './modules/identity/audit.service.js';
import { PROJECT_ROOT } from './platform/paths.js';

let dir: string;
let env: Record<string, string>;
let dropDatabase: () => Promise<void>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'resonance-cli-'));
  const database = await createTestDatabase();
  dropDatabase = database.drop;
  env = { RESONANCE_DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'warn', ...database.env };
});
afterAll(async () => {
  await dropDatabase?.();
  await rm(dir, { recursive: true, force: true });
});

async function run(...args: string[]): Promise<{ out: string[]; err: string[]; exitCode: number; progress: [number, number | null][] }> {
  const out: string[] = [];
  const err: string[] = [];
  const progress: [number, number | null][] = [];
  process.exitCode = 0;
  await buildProgram(
    { log: (l) => out.push(l), error: (l) => err.push(l), progress: { update: (done, total) => progress.push([done, total]), finish: () => undefined } },
    env,
  ).parseAsync(['node', 'resonance', ...args]);
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out, err, exitCode, progress };
}

describe('resonance CLI', () => {
  it('migrates, then says the database is up to date', async () => {
    await run('migrate');
    expect((await run('migrate')).out).toEqual(['database is up to date']);
  });

  it('seeds the demo organisation and prints a login per role', async () => {
    const { out } = await run('seed', 'demo', '--people', '60');
    expect(out[0]).toMatch(/rows 60: 60 created, 0 updated, 0 rejected/);
    expect(out.join('\n')).toMatch(/admin\s+admin@resonance-demo\.example\s+password: \S{12,}/);
    expect(out.join('\n')).toMatch(/employee/);
    const again = await run('seed', 'demo', '--people', '60');
    expect(again.out[0]).toMatch(/already has people/);
  });

  it('serve --demo prints the logins last, after the server listens, and keeps request logs at debug', async () => {
    // One sequence of everything the terminal would show: printed lines and JSON log lines.
    const shown: { kind: 'out' | 'log'; text: string }[] = [];
    const logs = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) shown.push({ kind: 'log', text: line });
        done();
      },
    });
    let serving: { url: string; close(): Promise<void> } | undefined;
    const program = buildProgram(
      { log: (l) => shown.push({ kind: 'out', text: l }), error: (l) => shown.push({ kind: 'out', text: l }) },
      { ...env, LOG_LEVEL: 'info', PORT: '0' },
      { logDestination: logs, onServing: (s) => (serving = s), processGuards: false },
    );
    await program.parseAsync(['node', 'resonance', 'serve', '--demo', '60', '--no-worker']);
    try {
      expect(serving).toBeDefined();
      const health = await fetch(`${serving!.url}/health`);
      expect(health.status).toBe(200);
      const people = await fetch(`${serving!.url}/api/v1/people`);
      expect(people.status).toBe(401);
    } finally {
      await serving?.close();
    }
    const logLines = shown.filter((l) => l.kind === 'log').map((l) => JSON.parse(l.text) as { msg: string; level: number });
    // Not a terminal here, so JSON lines; the server said it listens, and no request was logged at info.
    expect(logLines.some((l) => /Server listening at/.test(l.msg))).toBe(true);
    expect(logLines.filter((l) => l.msg === 'request completed')).toEqual([]);
    const loginsAt = shown.findIndex((l) => l.kind === 'out' && /^Resonance demo at http:\/\/localhost:\d+$/.test(l.text.trim()));
    expect(loginsAt).toBeGreaterThan(-1);
    const afterLogins = shown.slice(loginsAt);
    expect(afterLogins.filter((l) => l.kind === 'log').map((l) => l.text)).toEqual([]);
    expect(afterLogins.map((l) => l.text).join('\n')).toMatch(/admin\s+admin@resonance-demo\.example\s+password: \S{12,}/);
  });

  it('imports a file as a job, following its progress, printing each problem with its line, and exits 2', async () => {
    const file = path.join(dir, 'people.csv');
    await writeFile(
      file,
      'external_id,email,given_name,family_name,manager\nN1,n1@x.example,Nina,Neu,\nN2,broken,No,Mail,N1\nN3,n3@x.example,Noor,Nieuw,N1\nN4,,Ned,Ohnemail,NOPE\n',
    );
    const { out, err, exitCode, progress } = await run('import', 'people', file);
    expect(out).toEqual(['rows 4: 3 created, 0 updated, 1 rejected, 1 with warnings']);
    expect(err).toEqual([
      'line 3 (N2) email: “broken” is not an e-mail address',
      'line 5 (N4) manager (warning): manager NOPE is neither in this file nor in the directory; the manager was left as it was',
    ]);
    expect(exitCode).toBe(2);
    expect(progress[progress.length - 1]).toEqual([4, 4]);
  });

  it('exports people as JSON Lines', async () => {
    const file = path.join(dir, 'out.jsonl');
    await run('export', 'people', file);
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(63);
    expect(JSON.parse(lines.find((l) => l.includes('"N3"'))!)).toMatchObject({ external_id: 'N3', manager: 'N1' });
  });

  it('creates an API token and a user', async () => {
    const token = await run('tokens', 'create', '--role', 'communicator', '--name', 'ci');
    expect(token.out[0]).toMatch(/^rsn_[A-Za-z0-9_-]{40,}$/);
    const user = await run('users', 'create', '--email', 'ops@x.example', '--role', 'admin');
    expect(user.out[0]).toMatch(/^user ops@x\.example \(admin\) password: \S+$/);
  });

  it('creates a token that expires, lists tokens with their status, and revokes one, audited', async () => {
    const made = await run('tokens', 'create', '--role', 'employee', '--name', 'short-lived', '--expires-in', '30d');
    expect(made.out[0]).toMatch(/^rsn_/);
    const listed = (await run('tokens', 'list')).out;
    const line = listed.find((l) => l.includes('short-lived'))!;
    expect(line).toMatch(/^\s*\d+\s+active\s+employee\s+short-lived\s+expires \d{4}-\d\d-\d\dT/);
    const expiry = new Date(/expires (\S+)/.exec(line)![1]!).getTime();
    expect(Math.abs(expiry - (Date.now() + 30 * 86_400_000))).toBeLessThan(3_600_000);
    const id = /^\s*(\d+)/.exec(line)![1]!;
    expect((await run('tokens', 'revoke', id)).out).toEqual([`token ${id} revoked`]);
    expect((await run('tokens', 'list')).out.find((l) => l.includes('short-lived'))).toMatch(/revoked/);
    await expect(run('tokens', 'create', '--role', 'employee', '--expires-in', 'soon')).rejects.toThrow(/30d or 12h/);

    const rt = await openRuntime({ config: loadConfig(env) });
    try {
      const { items } = await listAudit({ db: rt.database.db, query: { actor: 'cli', limit: 50 } });
      expect(items.map((e) => e.action)).toEqual(
        expect.arrayContaining(['tokens.created', 'tokens.revoked', 'users.created', 'people.exported', 'people.import_started']),
      );
    } finally {
      await rt.close();
    }
  });

  it('refuses a password that breaks the policy', async () => {
    await expect(run('users', 'create', '--email', 'weak@x.example', '--role', 'employee', '--password', 'password1234')).rejects.toThrow(/common/);
    await expect(run('users', 'create', '--email', 'weak@x.example', '--role', 'employee', '--password', 'short')).rejects.toThrow(/at least 12/);
    const ok = await run('users', 'create', '--email', 'strong@x.example', '--role', 'employee', '--password', 'a long and unusual passphrase');
    expect(ok.out).toEqual(['user strong@x.example (employee)']);
  });

  it('rejects an unknown role', async () => {
    await expect(run('tokens', 'create', '--role', 'overlord')).rejects.toThrow(/Allowed choices/);
  });
});

describe('migrations against a server', () => {
  let server: EmbeddedPostgres;
  beforeAll(async () => {
    server = await startEmbeddedPostgres(null);
  });
  afterAll(async () => server?.stop());

  it('refuses to start with pending migrations unless asked to migrate', async () => {
    const config = loadConfig({ DATABASE_URL: server.url, LOG_LEVEL: 'silent' });
    await expect(openRuntime({ config })).rejects.toThrow(/pending migration/);
    const rt = await openRuntime({ config, migrate: true });
    await rt.close();
    const again = await openRuntime({ config });
    await again.close();
  });
});

describe('the installed binary', () => {
  it('runs through bin/resonance.js', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(PROJECT_ROOT, 'bin/resonance.js'), '--help'], {
      env: { ...process.env, ...env },
    });
    expect(stdout).toMatch(/serve .*run the API/);
  });
});
