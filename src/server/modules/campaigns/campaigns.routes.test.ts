// Campaigns through the HTTP API: a draft with variants for a persona, a rule and everyone else;
// who gets what by variant × language × channel; every problem of a bad campaign at its pointer;
// changing drafts only; pages; the refusals for roles without campaign permissions; and creates
// arriving together.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { bearer, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { importPeopleRows } from '../people/index.js';

let t: TestRuntime;
let communicator: TestCaller;
let employee: TestCaller;
let personaId: number;

const person = (id: string, extra: Record<string, unknown>) => ({
  external_id: id,
  email: `${id.toLowerCase()}@x.example`,
  given_name: id,
  family_name: `Family ${id}`,
  ...extra,
});
const NOVICE = { hire_date: '2026-01-01', career_start_year: 2025 };
const EXPERT = { hire_date: '2005-01-01', career_start_year: 2000 };
const people = [
  person('A', { department: 'Sales', language: 'de', ...NOVICE }),
  person('B', { department: 'Sales', language: 'de-AT', ...NOVICE }),
  person('C', { department: 'Support', language: 'nl', ...EXPERT }),
  person('D', { department: 'Support', language: 'en-GB', ...EXPERT }),
  person('E', { department: 'Support', language: 'fr', ...NOVICE }),
  person('F', { department: 'Sales', language: 'de', ...EXPERT, status: 'inactive' }),
  person('G', { department: 'Sales', ...EXPERT }),
  person('H', { department: 'Legal', language: 'de', ...NOVICE }),
  person('I', { department: 'Support', language: 'nl', experience_level: 'mid_career', hire_date: '2018-01-01' }),
  person('Z', { department: 'Legal', language: 'de', given_name: '<img src=x onerror=alert(1)>', manager: 'H', ...NOVICE }),
];

const content = (subject: string) => ({ subject, body: `Hallo {{ person.given_name }}, {{ campaign.name }}. Ihr Team: {{ person.manager.given_name }}` });

function campaign(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Q3 strategy',
    kind: 'announcement',
    audience: { field: 'department', op: 'in', value: ['Sales', 'Support'] },
    default_language: 'en',
    variants: [
      { key: 'novices', audience: { persona: personaId }, channels: ['email', 'feed'], content: { en: content('Welcome'), de: content('Willkommen') } },
      {
        key: 'experts',
        audience: { field: 'experience_level', op: 'eq', value: 'expert' },
        channels: ['email'],
        content: { en: content('For experts'), nl: content('Voor experts'), de: content('Für Erfahrene') },
      },
      { key: 'everyone', default: true, channels: ['feed'], content: { en: content('For all') } },
    ],
    follow_ups: [{ after_hours: 48, condition: 'not_opened', subject: { en: 'Did you see {{ campaign.name }}?', de: 'Schon gesehen?' } }],
    cascade: null,
    ...overrides,
  };
}

beforeAll(async () => {
  t = await startTestRuntime({ clock: () => new Date('2026-06-15T10:00:00Z') });
  const report = await importPeopleRows({ db: t.database.db, rows: people.map((value, i) => ({ line: i + 1, value })) });
  expect(report.errors).toEqual([]);
  communicator = await bearer(t, 'communicator');
  employee = await bearer(t, 'employee');
  const persona = await t.app.inject({
    method: 'POST',
    url: '/api/v1/personas',
    headers: communicator.headers,
    payload: { name: 'Novices', rule: { field: 'experience_level', op: 'eq', value: 'novice' } },
  });
  expect(persona.statusCode).toBe(201);
  personaId = persona.json<{ id: number }>().id;
});
afterAll(async () => t?.close());

const create = (payload: Record<string, unknown>, caller = communicator) =>
  t.app.inject({ method: 'POST', url: '/api/v1/campaigns', headers: caller.headers, payload });
type Problem = { code: string; errors: { pointer: string; code: string; params: Record<string, unknown> }[] };

describe('POST /api/v1/campaigns', () => {
  it('saves a draft with its variants in order, and GET and the list return it', async () => {
    const res = await create(campaign());
    expect(res.statusCode).toBe(201);
    const body = res.json<{ id: number; status: string; variants: { key: string; default: boolean }[]; counts: unknown }>();
    expect(body.status).toBe('draft');
    expect(body.variants.map((v) => [v.key, v.default])).toEqual([
      ['novices', false],
      ['experts', false],
      ['everyone', true],
    ]);
    expect(body.counts).toEqual({ queued: 0, sent: 0, failed: 0, suppressed: 0 });
    const got = await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${body.id}`, headers: communicator.headers });
    expect(got.json()).toEqual(body);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/campaigns?limit=100', headers: communicator.headers });
    expect(list.json<{ items: { id: number }[] }>().items.map((c) => c.id)).toContain(body.id);
  });

  it('reports every problem the schema cannot see, each at its pointer, and saves nothing', async () => {
    const before = await sql<{ n: number }>`SELECT count(*)::int AS n FROM campaigns`.execute(t.database.db);
    const bad = campaign({
      variants: [
        { key: 'a', default: true, audience: { field: 'department', op: 'eq', value: 'Sales' }, channels: ['email'], content: { de: content('x') } },
        {
          key: 'a',
          default: true,
          channels: ['feed'],
          content: { en: { subject: 'Hi {{ person.birth_year }}', body: '{% include "secrets" %}' } },
        },
        { key: 'b', channels: ['feed'], content: { en: { subject: 'Hi {{ person.given_name | shout }}', body: 'Hi {% if person.given_name %}' } } },
      ],
      follow_ups: [{ after_hours: 24, condition: 'not_acknowledged', subject: { de: 'Erinnerung' } }],
      cascade: { deadline: '2026-06-01T00:00:00Z', talking_points: { de: 'Sprechen Sie über {{ person.hire_date }}' } },
    });
    const res = await create(bad);
    expect(res.statusCode).toBe(400);
    const problems = res.json<Problem>().errors.map((e) => [e.pointer, e.code, e.params]);
    expect(problems).toEqual(
      expect.arrayContaining([
        ['/variants', 'campaign.default_variant_count', { count: 2 }],
        ['/variants/0/audience', 'campaign.default_variant_audience', {}],
        ['/variants/0/content', 'campaign.content_language_missing', { variant: 'a', language: 'en' }],
        ['/variants/1/key', 'campaign.variant_key_taken', { variant: 'a' }],
        ['/variants/1/content/en/subject', 'campaign.unknown_variable', { variable: 'person.birth_year' }],
        ['/variants/1/content/en/body', 'campaign.template_tag_not_allowed', { tag: 'include' }],
        ['/variants/2/audience', 'campaign.variant_audience_missing', { variant: 'b' }],
        ['/variants/2/content/en/subject', 'campaign.unknown_filter', { filter: 'shout' }],
        ['/variants/2/content/en/body', 'campaign.template_invalid', { line: 1, column: 4 }],
        ['/follow_ups/0/subject', 'campaign.follow_up_language_missing', { language: 'en' }],
        ['/cascade/talking_points', 'campaign.talking_points_language_missing', { language: 'en' }],
        ['/cascade/deadline', 'campaign.cascade_deadline_past', {}],
        ['/cascade/talking_points/de', 'campaign.unknown_variable', { variable: 'person.hire_date' }],
      ]),
    );
    expect(problems).toHaveLength(13);
    const after = await sql<{ n: number }>`SELECT count(*)::int AS n FROM campaigns`.execute(t.database.db);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('names an unknown persona and a bad rule of a variant by pointer', async () => {
    const unknownPersona = await create(
      campaign({
        variants: [
          { key: 'x', audience: { persona: 999_999 }, channels: ['email'], content: { en: content('x') } },
          { key: 'y', default: true, channels: ['email'], content: { en: content('y') } },
        ],
      }),
    );
    expect(unknownPersona.statusCode).toBe(400);
    expect(unknownPersona.json<Problem>().errors).toEqual([
      expect.objectContaining({ pointer: '/variants/0/audience/persona', code: 'campaign.persona_unknown' }),
    ]);
    const badRule = await create(
      campaign({
        variants: [
          { key: 'y', default: true, channels: ['email'], content: { en: content('y') } },
          { key: 'x', audience: { field: 'departmnt', op: 'eq', value: 'Sales' }, channels: ['email'], content: { en: content('x') } },
        ],
      }),
    );
    expect(badRule.statusCode).toBe(400);
    expect(badRule.json<Problem>().errors[0]).toMatchObject({ pointer: '/variants/1/audience', code: 'rule.unknown_field' });
    const badAudience = await create(campaign({ audience: { field: 'generation', op: 'gt', value: 1 } }));
    expect(badAudience.statusCode).toBe(400);
    expect(badAudience.json<Problem>().errors[0]!.pointer).toBe('/audience');
  });

  it('refuses what the schema refuses: unknown keys, a channel that does not exist, a language tag in capitals', async () => {
    for (const payload of [
      { ...campaign(), colour: 'red' },
      campaign({ variants: [{ key: 'y', default: true, channels: ['fax'], content: { en: content('y') } }] }),
      campaign({ default_language: 'EN' }),
      campaign({ variants: [{ key: 'y', default: true, channels: ['email'], content: { en: { ...content('y'), cta_url: 'javascript:alert(1)' } } }] }),
    ]) {
      const res = await create(payload);
      expect(res.statusCode).toBe(400);
      expect(res.json<Problem>().code).toBe('request.invalid');
    }
  });
});

describe('GET /api/v1/campaigns/:id/assignments', () => {
  it('counts recipients by variant, language and channel: first matching variant, nearest language, active people only', async () => {
    const id = (await create(campaign())).json<{ id: number }>().id;
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${id}/assignments`, headers: communicator.headers });
    expect(res.statusCode).toBe(200);
    // A, B, E are novices (persona) in de, de-at -> de, fr -> en; C, D, G experts in nl, en-gb -> en,
    // none -> en; I (mid-career, nl) gets the default, which only has en. F is inactive, H not in Sales or Support.
    expect(res.json()).toEqual({
      total: 7,
      by: [
        { variant: 'novices', language: 'de', channel: 'email', count: 2 },
        { variant: 'novices', language: 'de', channel: 'feed', count: 2 },
        { variant: 'novices', language: 'en', channel: 'email', count: 1 },
        { variant: 'novices', language: 'en', channel: 'feed', count: 1 },
        { variant: 'experts', language: 'en', channel: 'email', count: 2 },
        { variant: 'experts', language: 'nl', channel: 'email', count: 1 },
        { variant: 'everyone', language: 'en', channel: 'feed', count: 1 },
      ],
    });
  });

  it('answers 404 for an unknown campaign', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/campaigns/987654/assignments', headers: communicator.headers });
    expect(res.statusCode).toBe(404);
    expect(res.json<Problem>().code).toBe('campaign.not_found');
  });
});

describe('POST /api/v1/campaigns/:id/preview', () => {
  const legal = () =>
    campaign({
      name: 'Legal update',
      audience: { field: 'department', op: 'eq', value: 'Legal' },
      variants: [
        {
          key: 'all',
          default: true,
          channels: ['email', 'feed'],
          content: {
            en: { subject: 'For {{ person.given_name }}', body: 'Hello' },
            de: {
              subject: 'Für {{ person.given_name }} ({{ campaign.name }})',
              preheader: 'Kurz vorab',
              wiifm: 'Was Sie davon haben, {{ person.given_name }}',
              body: '**Neu:** Ihr Team bei {{ person.manager.given_name }}.\n\n<script>alert(2)</script> [Mehr](https://intranet.example/legal)',
              cta_label: 'Jetzt lesen',
              cta_url: 'https://intranet.example/legal?a=1&b=2',
            },
          },
        },
      ],
    });

  it('renders the mail exactly as the person gets it: their variant and language, their values escaped, Markdown, layout and button', async () => {
    const id = (await create(legal())).json<{ id: number }>().id;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${id}/preview`,
      headers: communicator.headers,
      payload: { person: 'Z', channel: 'email' },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ subject: string; html: string; text: string; variant: string; language: string }>();
    expect(body).toMatchObject({ variant: 'all', language: 'de', subject: 'Für <img src=x onerror=alert(1)> (Legal update)' });
    expect(body.html).toMatch(/^<!doctype html>/i);
    expect(body.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(body.html).not.toContain('<img src=x');
    expect(body.html).not.toContain('<script>');
    expect(body.html).toContain('<strong>Neu:</strong> Ihr Team bei H.');
    expect(body.html).toContain('href="https://intranet.example/legal"');
    expect(body.html).toContain('href="https://intranet.example/legal?a=1&amp;b=2"');
    expect(body.html).toContain('Kurz vorab');
    expect(body.text).toContain('Was Sie davon haben, <img src=x onerror=alert(1)>');
    expect(body.text).toContain('Jetzt lesen: https://intranet.example/legal?a=1&b=2');
    const feed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${id}/preview`,
      headers: communicator.headers,
      payload: { person: 'h@x.example', channel: 'feed' },
    });
    expect(feed.statusCode).toBe(200);
    expect(feed.json<{ html: string }>().html).not.toMatch(/doctype/i);
    expect(feed.json<{ html: string }>().html).toContain('<strong>Neu:</strong> Ihr Team bei .');
  });

  it('answers 404 with a code for an unknown person, a person outside the audience and a channel their variant does not use', async () => {
    const id = (await create(legal())).json<{ id: number }>().id;
    const ask = (person: string, channel: string) =>
      t.app.inject({ method: 'POST', url: `/api/v1/campaigns/${id}/preview`, headers: communicator.headers, payload: { person, channel } });
    expect((await ask('NOBODY', 'email')).json<Problem>().code).toBe('campaign.person_unknown');
    expect((await ask('A', 'email')).json<Problem>().code).toBe('campaign.not_a_recipient');
    expect((await ask('Z', 'chat')).json<Problem>().code).toBe('campaign.not_a_recipient');
    expect((await ask('Z', 'chat')).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/campaigns/987654/preview', headers: communicator.headers, payload: { person: 'Z' } })).statusCode,
    ).toBe(404);
  });
});

describe('PUT /api/v1/campaigns/:id', () => {
  it('replaces a draft, variants included', async () => {
    const id = (await create(campaign())).json<{ id: number }>().id;
    const changed = campaign({
      name: 'Q3 strategy, second draft',
      variants: [{ key: 'all', default: true, channels: ['email'], content: { en: content('All') } }],
    });
    const res = await t.app.inject({ method: 'PUT', url: `/api/v1/campaigns/${id}`, headers: communicator.headers, payload: changed });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ name: string; variants: { key: string }[] }>()).toMatchObject({ name: 'Q3 strategy, second draft', variants: [{ key: 'all' }] });
  });

  it('refuses to change a campaign that is no longer a draft (409), and answers 404 for an unknown one', async () => {
    const id = (await create(campaign())).json<{ id: number }>().id;
    await sql`UPDATE campaigns SET status = 'sent' WHERE id = ${id}`.execute(t.database.db);
    const sent = await t.app.inject({ method: 'PUT', url: `/api/v1/campaigns/${id}`, headers: communicator.headers, payload: campaign() });
    expect(sent.statusCode).toBe(409);
    expect(sent.json<Problem & { params: unknown }>()).toMatchObject({ code: 'campaign.not_editable', params: { status: 'sent' } });
    const unknown = await t.app.inject({ method: 'PUT', url: '/api/v1/campaigns/987654', headers: communicator.headers, payload: campaign() });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('GET /api/v1/campaigns', () => {
  it('pages newest first with a cursor, filtered by status, and refuses a made-up cursor', async () => {
    for (let i = 0; i < 3; i++) expect((await create(campaign({ name: `Paged ${i}` }))).statusCode).toBe(201);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/campaigns?limit=2&status=draft${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.app.inject({ method: 'GET', url, headers: communicator.headers })).json<{
        items: { id: number; status: string }[];
        next_cursor: string | null;
      }>();
      expect(page.items.every((c) => c.status === 'draft')).toBe(true);
      seen.push(...page.items.map((c) => c.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(new Set(seen).size).toBe(seen.length);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/campaigns?cursor=bm9wZQ', headers: communicator.headers });
    expect(bad.statusCode).toBe(400);
  });
});

describe('permissions', () => {
  it('keeps every campaign route from employees (403) and from callers without a session (401)', async () => {
    const id = (await create(campaign())).json<{ id: number }>().id;
    const routes = [
      { method: 'GET' as const, url: '/api/v1/campaigns' },
      { method: 'POST' as const, url: '/api/v1/campaigns', payload: campaign() },
      { method: 'GET' as const, url: `/api/v1/campaigns/${id}` },
      { method: 'PUT' as const, url: `/api/v1/campaigns/${id}`, payload: campaign() },
      { method: 'GET' as const, url: `/api/v1/campaigns/${id}/assignments` },
      { method: 'POST' as const, url: `/api/v1/campaigns/${id}/preview`, payload: { person: 'A' } },
    ];
    for (const route of routes) {
      expect((await t.app.inject({ ...route, headers: employee.headers })).statusCode).toBe(403);
      expect((await t.app.inject({ ...route })).statusCode).toBe(401);
    }
  });
});

describe('campaigns created together', () => {
  it('keeps each one whole: 20 at once, each with its own variants, and their assignments', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        create(campaign({ name: `Together ${i}`, variants: [{ key: `only-${i}`, default: true, channels: ['email'], content: { en: content(`S${i}`) } }] })),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const created = results.map((r) => r.json<{ id: number; name: string }>());
    const checks = await Promise.all(
      created.map(async (c) => {
        const [got, assignments] = await Promise.all([
          t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${c.id}`, headers: communicator.headers }),
          t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${c.id}/assignments`, headers: communicator.headers }),
        ]);
        return {
          name: got.json<{ name: string }>().name,
          variant: got.json<{ variants: { key: string }[] }>().variants[0]!.key,
          total: assignments.json<{ total: number }>().total,
        };
      }),
    );
    expect(checks).toEqual(created.map((c, i) => ({ name: c.name, variant: `only-${i}`, total: 7 })));
  });
});
