// The anonymity of anonymous surveys, proved on the schema itself (information_schema, pg_catalog) and
// through the privacy routes: no column of an anonymous answer names a person or a user or holds a
// precise time, its id is random, its only foreign key is its round (the same for everyone who
// answered it), and the list of who answered has nothing that leads to an answer. A subject export
// never holds anonymous answers, and erasing a respondent leaves their anonymous answer counted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signIn, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { mixAnonymousAnswers } from './mix-anonymous-answers.queries.js';
import { answer, countRows, createSurvey, setUpSurveyWorld, type SurveyWorld } from './testing/survey-fixtures.js';

let t: TestRuntime;
let w: SurveyWorld;
let admin: TestCaller;

beforeAll(async () => {
  t = await startTestRuntime();
  w = await setUpSurveyWorld(t);
  admin = await signIn(t, 'admin');
}, 120_000);

afterAll(async () => {
  await t?.close();
});

type Column = { column_name: string; data_type: string; column_default: string | null; is_identity: string };

const columnsOf = async (table: string) =>
  (
    await sql<Column>`SELECT column_name, data_type, column_default, is_identity FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ${table} ORDER BY ordinal_position`.execute(t.database.db)
  ).rows;

/** Every foreign key of a table: its columns and the table it points to. */
const foreignKeysOf = async (table: string) =>
  (
    await sql<{ columns: string[]; target: string }>`
      SELECT array(SELECT a.attname::text FROM unnest(c.conkey) AS k(n) JOIN pg_attribute AS a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY a.attname) AS columns,
        c.confrelid::regclass::text AS target
      FROM pg_constraint AS c WHERE c.contype = 'f' AND c.conrelid = ${table}::regclass`.execute(t.database.db)
  ).rows;

const PERSONAL = /person|user|author|respondent|email|actor|name|ip|address|session|token/i;

describe('the schema of anonymous answers', () => {
  it('has no column that names a person or user, no precise time and no ordered id', async () => {
    const columns = await columnsOf('anonymous_survey_responses');
    expect(columns.map((c) => c.column_name).sort()).toEqual([
      'answers',
      'correct',
      'id',
      'passed',
      'questions',
      'round',
      'segment',
      'submitted_on',
      'survey_id',
    ]);
    expect(columns.filter((c) => PERSONAL.test(c.column_name))).toEqual([]);
    // Only the day: no timestamp or time column of any kind.
    expect(columns.filter((c) => /time/i.test(c.data_type)).map((c) => c.column_name)).toEqual([]);
    expect(columns.find((c) => c.column_name === 'submitted_on')!.data_type).toBe('date');
    // A random id: no sequence or identity an insertion order could be read from.
    const id = columns.find((c) => c.column_name === 'id')!;
    expect(id.data_type).toBe('uuid');
    expect(id.column_default).toMatch(/gen_random_uuid/);
    expect(columns.filter((c) => c.is_identity === 'YES' || /nextval/.test(c.column_default ?? ''))).toEqual([]);
    const triggers = await sql`SELECT 1 FROM pg_trigger WHERE tgrelid = 'anonymous_survey_responses'::regclass AND NOT tgisinternal`.execute(t.database.db);
    expect(triggers.rows).toEqual([]);
  });

  it('leads by foreign keys only to its round, never to a person or user of its own', async () => {
    const keys = await foreignKeysOf('anonymous_survey_responses');
    expect(keys).toEqual([{ columns: ['round', 'survey_id'], target: 'survey_rounds' }]);
    // Whatever the round and its survey lead to (the survey's author, its campaign) is the same for
    // every answer of the round, so it cannot tell one respondent from another. No table refers to
    // anonymous answers either, so nothing can be joined to them from the side of a person.
    const referring =
      await sql`SELECT conrelid::regclass::text AS source FROM pg_constraint WHERE contype = 'f' AND confrelid = 'anonymous_survey_responses'::regclass`.execute(
        t.database.db,
      );
    expect(referring.rows).toEqual([]);
    const roundKeys = await foreignKeysOf('survey_rounds');
    expect(roundKeys.map((k) => k.target).sort()).toEqual(['campaigns', 'surveys']);
    expect((await columnsOf('survey_rounds')).filter((c) => PERSONAL.test(c.column_name))).toEqual([]);
  });

  it('keeps who answered without anything that leads to what they answered', async () => {
    const columns = await columnsOf('survey_respondents');
    expect(columns.map((c) => c.column_name).sort()).toEqual(['person_id', 'round', 'survey_id']);
    const keys = await foreignKeysOf('survey_respondents');
    expect(keys.map((k) => k.target).sort()).toEqual(['people', 'survey_rounds']);
    // The two tables share only the round, which many answers have.
    const anonymous = new Set((await columnsOf('anonymous_survey_responses')).map((c) => c.column_name));
    expect(columns.map((c) => c.column_name).filter((c) => anonymous.has(c))).toEqual(['survey_id', 'round']);
  });
});

describe('the transaction id an answer shares with its respondent row', () => {
  it('links them until the mixing job rewrites the answers, and never after', async () => {
    const id = await createSurvey(t, w.communicator, { title: 'Mixed', anonymous: true });
    for (const who of ['ANNA', 'BERT', 'CARL'] as const) expect((await answer(t, w.callers[who], id, { mood: 'ok', nps: 5 })).statusCode).toBe(201);
    const linked = sql`SELECT 1 FROM anonymous_survey_responses AS a JOIN survey_respondents AS r
      ON r.survey_id = a.survey_id AND r.round = a.round AND r.xmin::text = a.xmin::text WHERE a.survey_id = ${id}`;
    const ids = sql`SELECT id FROM anonymous_survey_responses WHERE survey_id = ${id}`;
    const before = (await sql<{ id: string }>`${ids}`.execute(t.database.db)).rows.map((r) => r.id);
    expect(await countRows(t, linked)).toBe(3);
    expect(await mixAnonymousAnswers({ db: t.database.db, today: new Date().toISOString().slice(0, 10) })).toBeGreaterThanOrEqual(3);
    expect(await countRows(t, linked)).toBe(0);
    const after = (await sql<{ id: string }>`${ids}`.execute(t.database.db)).rows.map((r) => r.id);
    expect(after).toHaveLength(3);
    expect(after.filter((a) => before.includes(a))).toEqual([]);
    expect(await countRows(t, sql`SELECT DISTINCT xmin::text FROM anonymous_survey_responses WHERE survey_id = ${id}`)).toBe(1);
    expect(await mixAnonymousAnswers({ db: t.database.db, today: new Date().toISOString().slice(0, 10) })).toBe(0);
  });
});

describe('subject export and erasure', () => {
  it('exports identified answers only, and erasure leaves the anonymous answer counted', async () => {
    const anonymous = await createSurvey(t, w.communicator, { title: 'Anonymous pulse', anonymous: true, segment_keys: ['department'] });
    const identified = await createSurvey(t, w.communicator, { title: 'Named check-in' });
    expect((await answer(t, w.callers.DORA, anonymous, { mood: 'bad', why: 'secret-anonymous-remark' })).statusCode).toBe(201);
    expect((await answer(t, w.callers.DORA, identified, { mood: 'bad', why: 'my-named-remark' })).statusCode).toBe(201);

    const exported = await t.app.inject({ url: `/api/v1/people/${w.ids.DORA}/privacy-export`, headers: admin.headers });
    expect(exported.statusCode).toBe(200);
    const data = exported.json<{ data: { survey_answers: { survey_id: number; answers: unknown }[]; surveys_answered: { survey_id: number }[] } }>().data;
    expect(data.survey_answers).toEqual([expect.objectContaining({ survey_id: identified, answers: { mood: 'bad', why: 'my-named-remark' } })]);
    expect(data.surveys_answered.map((s) => s.survey_id).sort()).toEqual([anonymous, identified].sort());
    expect(exported.body).not.toContain('secret-anonymous-remark');

    const erased = await t.app.inject({ method: 'POST', url: `/api/v1/people/${w.ids.DORA}/erase`, headers: admin.headers, payload: { confirm: true } });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(await countRows(t, sql`SELECT 1 FROM anonymous_survey_responses WHERE survey_id = ${anonymous}`)).toBe(1);
    expect(await countRows(t, sql`SELECT 1 FROM survey_responses WHERE survey_id = ${identified}`)).toBe(0);
    expect(await countRows(t, sql`SELECT 1 FROM survey_respondents WHERE person_id = ${w.ids.DORA}`)).toBe(0);
  });
});
