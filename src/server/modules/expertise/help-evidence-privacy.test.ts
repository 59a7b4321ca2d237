// A resolved help request's conversation stays private unless the asker publishes it: by default the
// expert gains ranking credit and nothing of the text is stored or shown (profile, search reasons);
// published evidence shows on the expert's profile and in search, and the asker or the expert (nobody
// else) can withdraw it, which takes it out of search at once. Also: the migration makes evidence
// published before anyone could choose private.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bearer, createTestDatabase, signIn, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { openDatabase } from '../../platform/db/connect.js';
import { migrate } from '../../platform/db/migrate.js';
import { MIGRATIONS_DIR } from '../../platform/paths.js';
import { importPeopleRows } from '../people/index.js';
import { routeHelpRequest } from './index.js';

let t: TestRuntime;
const ids: Record<string, number> = {};
const callers: Record<string, TestCaller> = {};

const person = (id: string, extra: Record<string, unknown> = {}) => ({
  external_id: id,
  email: `${id.toLowerCase()}@x.example`,
  given_name: id,
  family_name: 'Test',
  language: 'en',
  ...extra,
});

beforeAll(async () => {
  t = await startTestRuntime();
  const people = [person('ASKER'), person('EXPERT', { skills: ['excel', 'pivot-tables'] }), person('OTHER')];
  await importPeopleRows({ db: t.database.db, rows: people.map((value, i) => ({ line: i + 1, value })) });
  for (const row of (await sql<{ id: number; external_id: string }>`SELECT id, external_id FROM people`.execute(t.database.db)).rows)
    ids[row.external_id] = row.id;
  for (const id of ['ASKER', 'EXPERT', 'OTHER']) callers[id] = await signIn(t, 'employee', ids[id]);
});
afterAll(async () => t?.close());

const inject = (caller: TestCaller, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: caller.headers, ...(payload ? { payload } : {}) });

/** Asks, routes, has the expert accept and answer, and resolves with the asker's choice (or none). */
async function helpedRequest(question: string, answer: string, resolveBody?: object) {
  const asked = await inject(callers.ASKER!, 'POST', '/api/v1/help-requests', { question });
  const id = asked.json<{ id: number }>().id;
  expect(await routeHelpRequest({ db: t.database.db, requestId: id })).toContain(ids.EXPERT);
  expect((await inject(callers.EXPERT!, 'POST', `/api/v1/help-requests/${id}/accept`)).statusCode).toBe(200);
  expect((await inject(callers.EXPERT!, 'POST', `/api/v1/help-requests/${id}/messages`, { body: answer })).statusCode).toBe(200);
  const resolved = await inject(callers.ASKER!, 'POST', `/api/v1/help-requests/${id}/resolve`, resolveBody);
  expect(resolved.statusCode, resolved.body).toBe(200);
  return { id, view: resolved.json<{ evidence: { id: number; visibility: string } | null }>() };
}

const profileContributions = async (viewer: TestCaller) =>
  (await inject(viewer, 'GET', `/api/v1/people/${ids.EXPERT}/contributions`)).json<{
    items: { id: number; title: string; excerpt: string; deletable: boolean; source: string }[];
  }>().items;
const search = async (q: string) =>
  (await inject(callers.OTHER!, 'GET', `/api/v1/experts?q=${encodeURIComponent(q)}`)).json<{ results: { person: { id: number }; reasons: string[] }[] }>()
    .results;

describe('a help request resolved without a choice', () => {
  let privateId: number;
  let evidenceId: number;

  beforeAll(async () => {
    const { id, view } = await helpedRequest(
      'Pivot tables: how do I group the quokka budget by fiscal quarter?',
      'Add a wombat column with the fiscal quarter, then group the pivot table by it.',
    );
    privateId = id;
    expect(view.evidence).toMatchObject({ visibility: 'private' });
    evidenceId = view.evidence!.id;
  });

  it('stores no title or body, only what ranking needs', async () => {
    const row = (
      await sql<{ title: string; body: string; visibility: string; lexemes: string[] }>`
      SELECT title, body, visibility, tsvector_to_array(search) AS lexemes FROM contributions WHERE id = ${evidenceId}`.execute(t.database.db)
    ).rows[0]!;
    expect(row).toMatchObject({ title: '', body: '', visibility: 'private' });
    expect(row.lexemes).toEqual(expect.arrayContaining(['quokka', 'wombat']));
  });

  it('ranks the expert for the topic without showing any of the text in search reasons', async () => {
    const results = await search('wombat quokka');
    const expert = results.find((r) => r.person.id === ids.EXPERT);
    expect(expert).toBeDefined();
    expect(expert!.reasons.join(' ')).not.toMatch(/quokka|wombat|fiscal|Pivot tables:/i);
  });

  it('does not list it on the expert’s profile, for anyone', async () => {
    for (const viewer of ['OTHER', 'EXPERT', 'ASKER']) expect(await profileContributions(callers[viewer]!)).toEqual([]);
  });

  it('shows both parties that it is private, and lets neither a stranger nor anyone else remove it', async () => {
    expect((await inject(callers.EXPERT!, 'GET', `/api/v1/help-requests/${privateId}`)).json().evidence).toEqual({ id: evidenceId, visibility: 'private' });
    expect((await inject(callers.OTHER!, 'DELETE', `/api/v1/contributions/${evidenceId}`)).statusCode).toBe(403);
  });
});

describe('a help request the asker chose to publish', () => {
  let published: { id: number; evidenceId: number };

  beforeAll(async () => {
    const { id, view } = await helpedRequest(
      'Pivot tables: how do I show the platypus sales as a share of the total?',
      'Use "Show values as" and pick percent of grand total; the echidna column follows.',
      { publish: true },
    );
    expect(view.evidence).toMatchObject({ visibility: 'public' });
    published = { id, evidenceId: view.evidence!.id };
  });

  it('shows the question and answer on the expert’s profile, withdrawable by the parties only', async () => {
    const asSeenByOther = await profileContributions(callers.OTHER!);
    expect(asSeenByOther).toEqual([
      expect.objectContaining({ id: published.evidenceId, source: 'help', title: expect.stringMatching(/platypus/), deletable: false }),
    ]);
    expect(asSeenByOther[0]!.excerpt).toMatch(/echidna/);
    expect((await profileContributions(callers.ASKER!))[0]!.deletable).toBe(true);
    expect((await profileContributions(callers.EXPERT!))[0]!.deletable).toBe(true);
  });

  it('quotes it in search reasons', async () => {
    const expert = (await search('platypus echidna')).find((r) => r.person.id === ids.EXPERT);
    expect(expert?.reasons.join(' ')).toMatch(/helped with "Pivot tables: how do I show the platypus sales/);
  });

  it('refuses a withdrawal by anyone but the asker and the expert', async () => {
    const res = await inject(callers.OTHER!, 'DELETE', `/api/v1/contributions/${published.evidenceId}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('contributions.withdraw_not_party');
    const admin = await bearer(t, 'admin');
    expect((await inject(admin, 'DELETE', `/api/v1/contributions/${published.evidenceId}`)).statusCode).toBe(403);
  });

  it('lets the asker withdraw it: gone from the profile and from search at once', async () => {
    expect((await inject(callers.ASKER!, 'DELETE', `/api/v1/contributions/${published.evidenceId}`)).statusCode).toBe(204);
    expect(await profileContributions(callers.OTHER!)).toEqual([]);
    expect((await search('platypus echidna')).find((r) => r.person.id === ids.EXPERT)).toBeUndefined();
    expect((await inject(callers.ASKER!, 'GET', `/api/v1/help-requests/${published.id}`)).json().evidence).toBeNull();
    const postings = await sql<{ n: number }>`SELECT count(*)::int AS n FROM contribution_postings WHERE contribution_id = ${published.evidenceId}`.execute(
      t.database.db,
    );
    expect(postings.rows[0]!.n).toBe(0);
  });

  it('lets the expert withdraw one too', async () => {
    const { view } = await helpedRequest(
      'Pivot tables: can a slicer filter two narwhal reports?',
      'Yes: connect the slicer to both under Report connections.',
      {
        publish: true,
      },
    );
    expect((await inject(callers.EXPERT!, 'DELETE', `/api/v1/contributions/${view.evidence!.id}`)).statusCode).toBe(204);
    expect(await profileContributions(callers.OTHER!)).toEqual([]);
  });

  it('refuses a resolve body that is not a yes-or-no choice', async () => {
    const asked = await inject(callers.ASKER!, 'POST', '/api/v1/help-requests', { question: 'Pivot tables again?' });
    const res = await inject(callers.ASKER!, 'POST', `/api/v1/help-requests/${asked.json<{ id: number }>().id}/resolve`, { publish: 'yes' });
    expect(res.statusCode).toBe(400);
  });
});

describe('the migration', () => {
  it('makes help evidence published before the choice existed private, keeping its ranking, and scrubs quoted titles from invitations', async () => {
    const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
    const ours = files.findIndex((f) => f.endsWith('_help_evidence_privacy.sql'));
    const dir = await mkdtemp(path.join(tmpdir(), 'resonance-migrations-'));
    const scratch = await createTestDatabase();
    const database = await openDatabase({ url: scratch.env.DATABASE_URL, dataDir: null });
    try {
      for (const f of files.slice(0, ours)) await copyFile(path.join(MIGRATIONS_DIR, f), path.join(dir, f));
      await migrate(database.db, dir);
      await sql`INSERT INTO people (external_id, email, given_name, family_name, org_path) VALUES ('A', 'a@x.example', 'A', 'A', '{}'), ('E', 'e@x.example', 'E', 'E', '{}')`.execute(
        database.db,
      );
      await sql`INSERT INTO help_requests (id, asker_id, question, status, expert_id)
        SELECT 41, a.id, 'Private question about my salary review', 'resolved', e.id FROM people AS a, people AS e WHERE a.external_id = 'A' AND e.external_id = 'E'`.execute(
        database.db,
      );
      await sql`INSERT INTO contributions (external_id, person_id, kind, title, body, language, created_at, accepted, search, search_length)
        SELECT 'help-request-41', id, 'help', 'Private question about my salary review', 'Private question about my salary review\n\nTalk to HR first.', 'en', now(), TRUE,
          to_tsvector('english', 'Private question about my salary review Talk to HR first.'), 8 FROM people WHERE external_id = 'E'`.execute(database.db);
      await sql`INSERT INTO help_requests (id, asker_id, question) SELECT 42, id, 'Who knows pivot tables?' FROM people WHERE external_id = 'A'`.execute(
        database.db,
      );
      await sql`INSERT INTO help_invitations (request_id, expert_id, rank, reasons)
        SELECT 42, id, 1, ARRAY['#excel', 'helped with "Private question about my salary review"', '2 related contributions'] FROM people WHERE external_id = 'E'`.execute(
        database.db,
      );
      await copyFile(path.join(MIGRATIONS_DIR, files[ours]!), path.join(dir, files[ours]!));
      await migrate(database.db, dir);
      const row = (
        await sql<{ title: string; body: string; visibility: string; help_request_id: number; postings: number }>`
        SELECT title, body, visibility, help_request_id, (SELECT count(*)::int FROM contribution_postings AS p WHERE p.contribution_id = c.id) AS postings
        FROM contributions AS c WHERE external_id = 'help-request-41'`.execute(database.db)
      ).rows[0];
      expect(row).toEqual({ title: '', body: '', visibility: 'private', help_request_id: 41, postings: expect.any(Number) });
      expect(row!.postings).toBeGreaterThan(0);
      const reasons = await sql<{ reasons: string[] }>`SELECT reasons FROM help_invitations WHERE request_id = 42`.execute(database.db);
      expect(reasons.rows[0]!.reasons).toEqual(['#excel', 'helped colleagues with related questions', '2 related contributions']);
    } finally {
      await database.close();
      await scratch.drop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
