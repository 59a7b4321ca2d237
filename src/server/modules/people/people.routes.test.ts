// The directory through its routes: search and filters with cursor pages, profiles that hide HR
// fields from colleagues, editing one's own profile, and the refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signIn, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { importPeopleRows } from './index.js';

let t: TestRuntime;
let employee: TestCaller;
let communicator: TestCaller;
const idsByExternal: Record<string, number> = {};

const people = [
  {
    external_id: 'P1',
    email: 'anna@x.example',
    given_name: 'Anna',
    family_name: 'Albers',
    department: 'Sales',
    location: 'Berlin',
    skills: ['negotiation', 'excel'],
    birth_year: 1979,
    hire_date: '2015-03-01',
  },
  {
    external_id: 'P2',
    email: 'bram@x.example',
    given_name: 'Bram',
    family_name: 'Bakker',
    department: 'Support',
    location: 'Utrecht',
    skills: ['excel', 'zendesk'],
    birth_year: 1995,
    hire_date: '2024-01-10',
    manager: 'P1',
  },
  {
    external_id: 'P3',
    email: 'chris@x.example',
    given_name: 'Chris',
    family_name: 'Clark',
    department: 'Sales',
    location: 'London',
    job_title: '100% remote lead_x',
    skills: ['crm'],
    birth_year: 1960,
    hire_date: '2000-01-01',
    manager: 'P1',
  },
  {
    external_id: 'P4',
    email: 'dora@x.example',
    given_name: 'Dora',
    family_name: 'Dietz',
    department: 'Sales',
    location: 'Berlin',
    skills: ['negotiation'],
    status: 'inactive',
    manager: 'P1',
  },
];

beforeAll(async () => {
  t = await startTestRuntime();
  await importPeopleRows({ db: t.database.db, rows: people.map((value, i) => ({ line: i + 1, value })) });
  const rows = await sql<{ id: number; external_id: string }>`SELECT id, external_id FROM people`.execute(t.database.db);
  for (const p of rows.rows) idsByExternal[p.external_id] = p.id;
  employee = await signIn(t, 'employee', idsByExternal.P2);
  communicator = await signIn(t, 'communicator', null);
});
afterAll(async () => t?.close());

const get = (url: string, caller: TestCaller) => t.app.inject({ url, headers: caller.headers });

describe('directory', () => {
  it('lists active people by family name, in cursor pages', async () => {
    const first = await get('/api/v1/people?limit=2', employee);
    expect(first.json().items.map((p: { external_id: string }) => p.external_id)).toEqual(['P1', 'P2']);
    const second = await get(`/api/v1/people?limit=2&cursor=${first.json().next_cursor}`, employee);
    expect(second.json()).toMatchObject({ items: [expect.objectContaining({ external_id: 'P3' })], next_cursor: null });
  });

  it('searches names, departments and skills, and filters by skill, department and location', async () => {
    const ids = async (url: string) => (await get(url, employee)).json().items.map((p: { external_id: string }) => p.external_id);
    expect(await ids('/api/v1/people?q=bakk')).toEqual(['P2']);
    expect(await ids('/api/v1/people?q=%23excel')).toEqual(['P1', 'P2']);
    expect(await ids('/api/v1/people?skill=Negotiation')).toEqual(['P1']);
    expect(await ids('/api/v1/people?department=sales&location=berlin')).toEqual(['P1']);
    expect(await ids(`/api/v1/people?under=${idsByExternal.P2}`)).toEqual(['P2']);
    expect(await ids(`/api/v1/people?under=${idsByExternal.P1}`)).toEqual(['P1', 'P2', 'P3']);
    expect(await ids('/api/v1/people?q=100%25')).toEqual(['P3']);
    expect(await ids('/api/v1/people?q=rem%20lea')).toEqual(['P3']);
    expect(await ids('/api/v1/people?q=%25')).toEqual([]);
    expect(await ids('/api/v1/people?q=%27)%20%7C%20!bakk%3A*')).toEqual(['P2']);
  });

  it('filters by generation and experience only for roles that may read HR fields', async () => {
    expect((await get('/api/v1/people?generation=gen_x', employee)).statusCode).toBe(403);
    const res = await get('/api/v1/people?generation=gen_x', communicator);
    expect(res.json().items.map((p: { external_id: string }) => p.external_id)).toEqual(['P1']);
    const novices = await get('/api/v1/people?experience_level=novice', communicator);
    expect(novices.json().items.map((p: { external_id: string }) => p.external_id)).toEqual(['P2']);
  });

  it('rejects a forged cursor and a bad limit with a pointer', async () => {
    const bad = await get('/api/v1/people?cursor=abc', employee);
    expect(bad.statusCode).toBe(400);
    const limit = await get('/api/v1/people?limit=1000', employee);
    expect(limit.statusCode).toBe(400);
    expect(limit.json().errors[0]).toMatchObject({ pointer: '/limit', in: 'query' });
  });

  it('offers facets', async () => {
    const facets = (await get('/api/v1/people/facets', employee)).json();
    expect(facets.departments[0]).toEqual({ value: 'Sales', count: 2 });
    expect(facets.skills).toContainEqual({ value: 'excel', count: 2 });
  });
});

describe('profiles', () => {
  it('shows a colleague with manager and reports but without HR fields', async () => {
    const res = await get(`/api/v1/people/${idsByExternal.P1}`, employee);
    const profile = res.json();
    expect(profile).toMatchObject({ display_name: 'Anna Albers', is_leader: true, direct_reports: 2, birth_year: null, generation: null, editable_fields: [] });
    expect(profile.reports.map((r: { external_id: string }) => r.external_id)).toEqual(['P2', 'P3']);
  });

  it('shows HR and derived fields to communicators', async () => {
    const profile = (await get(`/api/v1/people/${idsByExternal.P1}`, communicator)).json();
    expect(profile).toMatchObject({ birth_year: 1979, generation: 'gen_x', cohorts: ['gen_x', 'xennial'], hire_date: '2015-03-01' });
    expect(profile.tenure_years).toBeGreaterThanOrEqual(11);
  });

  it('answers 404 for an unknown person and hides inactive people from colleagues', async () => {
    expect((await get('/api/v1/people/999999', employee)).statusCode).toBe(404);
    expect((await get(`/api/v1/people/${idsByExternal.P4}`, employee)).statusCode).toBe(404);
    expect((await get(`/api/v1/people/${idsByExternal.P4}`, communicator)).statusCode).toBe(200);
  });
});

describe('own profile', () => {
  it('lets an employee edit profile fields, normalising hashtags', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/people/me',
      headers: employee.headers,
      payload: { skills: ['#Pivot-Tables', 'excel', 'Excel'], about: 'Ik help graag.', mentor_available: true },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      skills: ['pivot-tables', 'excel'],
      about: 'Ik help graag.',
      mentor_available: true,
      editable_fields: expect.arrayContaining(['skills']),
    });
  });

  it('keeps fields from the HR import read-only', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/people/me', headers: employee.headers, payload: { department: 'Board' } });
    expect(res.statusCode).toBe(400);
    const profile = (await get('/api/v1/people/me', employee)).json();
    expect(profile.department).toBe('Support');
  });

  it('points at a bad hashtag', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/people/me', headers: employee.headers, payload: { skills: ['ok', 'not ok!'] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].pointer).toBe('/skills/1');
  });

  it('answers 404 for an account without a person', async () => {
    expect((await get('/api/v1/people/me', communicator)).statusCode).toBe(404);
  });
});
