// Labels of custom attributes and directory values through the HTTP API: admins set and remove them,
// everyone signed in reads them, the audiences field catalogue carries them; other roles get 403 and
// labels for built-in fields or unlabelled fields get a coded 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { importPeopleRows } from './index.js';

let t: TestRuntime;
let admin: TestCaller;
let employee: TestCaller;

beforeAll(async () => {
  t = await startTestRuntime();
  const report = await importPeopleRows({
    db: t.database.db,
    rows: [{ line: 1, value: { external_id: 'A', email: 'a@x.example', given_name: 'A', family_name: 'B', attributes: { cost_center: 'CC-1' } } }],
  });
  expect(report.errors).toEqual([]);
  admin = await bearer(t, 'admin');
  employee = await bearer(t, 'employee');
});
afterAll(async () => t?.close());

const put = (payload: unknown, caller = admin) =>
  t.app.inject({ method: 'PUT', url: '/api/v1/people/field-labels', headers: caller.headers, payload: payload as object });
const list = async (caller = employee) =>
  (await t.app.inject({ url: '/api/v1/people/field-labels', headers: caller.headers })).json<{ items: unknown[] }>().items;

describe('field labels', () => {
  it('lets an admin label a custom attribute and a department, which everyone then reads', async () => {
    const attribute = await put({ field: 'attributes.cost_center', labels: { en: 'Cost centre', de: 'Kostenstelle', nl: ' Kostenplaats ' } });
    expect(attribute.statusCode).toBe(200);
    const value = await put({ field: 'department', value: 'Sales', labels: { de: 'Vertrieb', nl: 'Verkoop' } });
    expect(value.statusCode).toBe(200);
    expect(await list()).toEqual([
      { field: 'attributes.cost_center', value: '', labels: { en: 'Cost centre', de: 'Kostenstelle', nl: 'Kostenplaats' } },
      { field: 'department', value: 'Sales', labels: { en: null, de: 'Vertrieb', nl: 'Verkoop' } },
    ]);
    const fields = (await t.app.inject({ url: '/api/v1/audiences/fields', headers: admin.headers })).json<{ fields: { name: string; labels?: unknown }[] }>();
    expect(fields.fields.find((f) => f.name === 'attributes.cost_center')?.labels).toEqual({ en: 'Cost centre', de: 'Kostenstelle', nl: 'Kostenplaats' });
  });

  it('writes each change to the audit log', async () => {
    const entries = (await t.app.inject({ url: '/api/v1/audit?action=people.field_label_saved', headers: admin.headers })).json<{
      items: { detail: Record<string, unknown> }[];
    }>().items;
    expect(entries.map((e) => e.detail)).toEqual(
      expect.arrayContaining([
        { field: 'attributes.cost_center', value: '' },
        { field: 'department', value: 'Sales' },
      ]),
    );
  });

  it('changes a label in place and removes it when every language is left empty', async () => {
    await put({ field: 'department', value: 'Sales', labels: { en: 'Sales', de: 'Vertrieb', nl: 'Verkoop' } });
    expect(await list()).toContainEqual({ field: 'department', value: 'Sales', labels: { en: 'Sales', de: 'Vertrieb', nl: 'Verkoop' } });
    const removed = await put({ field: 'department', value: 'Sales', labels: { en: '', de: null } });
    expect(removed.json<{ items: { field: string }[] }>().items.map((i) => i.field)).toEqual(['attributes.cost_center']);
  });

  it('is for admins only', async () => {
    for (const role of ['communicator', 'leader', 'employee'] as const) {
      const res = await put({ field: 'attributes.cost_center', labels: { en: 'Mine now' } }, await bearer(t, role));
      expect(res.statusCode, role).toBe(403);
    }
    expect((await t.app.inject({ url: '/api/v1/people/field-labels' })).statusCode).toBe(401);
    expect(await list()).toContainEqual(expect.objectContaining({ field: 'attributes.cost_center', labels: expect.objectContaining({ en: 'Cost centre' }) }));
  });

  it('refuses labels for built-in fields, for values of fields without labels, and bad input, with codes', async () => {
    const builtIn = await put({ field: 'department', labels: { en: 'Division' } });
    expect(builtIn.json()).toMatchObject({ status: 400, code: 'labels.field_not_labelable', params: { field: 'department' } });
    const email = await put({ field: 'email', value: 'a@x.example', labels: { en: 'Anna' } });
    expect(email.json()).toMatchObject({ status: 400, code: 'labels.value_not_labelable', params: { field: 'email' } });
    const badKey = await put({ field: 'attributes.has space', labels: { en: 'x' } });
    expect(badKey.json()).toMatchObject({ status: 400, code: 'labels.field_not_labelable' });
    const tooLong = await put({ field: 'attributes.cost_center', labels: { en: 'x'.repeat(101) } });
    expect(tooLong.json()).toMatchObject({
      status: 400,
      code: 'request.invalid',
      errors: [{ pointer: '/labels/en', code: 'validation.too_long', params: { maximum: 100 } }],
    });
    const unknownLanguage = await put({ field: 'attributes.cost_center', labels: { fr: 'Centre de coûts' } });
    expect(unknownLanguage.json()).toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ code: 'validation.unrecognized_keys', params: { keys: 'fr' } })],
    });
    expect(await list()).toHaveLength(1);
  });
});
