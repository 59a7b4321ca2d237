// The `resonance` command through its program (in-process) and once through the real binary:
// migrate, seed, import with bad rows (as a job, with progress), export, tokens, users, and the
// pending-migrations guard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildProgram } from './main.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './platform/db/embedded.js';
import { loadConfig } from './platform/config/config.js';
import { openRuntime } from './runtime.js';
import { createTestDatabase } from './testing/test-runtime.js';
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
