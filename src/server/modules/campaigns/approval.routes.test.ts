// CAMPAIGN_APPROVAL: a draft is sent only with a second person's approval of its current version;
// its last editor cannot approve it, a change clears the approval, an API token cannot approve, and
// who approved is kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signIn, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { importPeopleRows } from '../people/index.js';

let t: TestRuntime;
let anna: TestCaller & { userId?: number };
let bert: TestCaller & { userId?: number };

const draft = (name: string) => ({
  name,
  audience: { field: 'department', op: 'eq', value: 'Ops' },
  default_language: 'en',
  variants: [{ key: 'all', default: true, channels: ['feed'], content: { en: { subject: 'Hi {{ person.given_name }}', body: 'News.' } } }],
});

beforeAll(async () => {
  t = await startTestRuntime({ env: { CAMPAIGN_APPROVAL: 'true' } });
  const report = await importPeopleRows({ db: t.database.db, rows: [{ line: 1, value: { external_id: 'P1', given_name: 'Pia', department: 'Ops' } }] });
  expect(report.errors).toEqual([]);
  anna = await signIn(t, 'communicator');
  bert = await signIn(t, 'communicator');
});
afterAll(async () => t?.close());

const call = (caller: TestCaller, method: 'POST' | 'PUT', url: string, payload: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...caller.headers, ...headers }, payload });

describe('campaign approval', () => {
  it('sends only a version someone other than its last editor approved', async () => {
    const id = (await call(anna, 'POST', '/api/v1/campaigns', draft('Needs approval'))).json<{ id: number }>().id;
    const unapproved = await call(anna, 'POST', `/api/v1/campaigns/${id}/send`, {}, { 'idempotency-key': 'approval-key-1' });
    expect(unapproved.statusCode).toBe(409);
    expect(unapproved.json<{ code: string }>().code).toBe('campaign.approval_required');
    expect((await call(anna, 'POST', `/api/v1/campaigns/${id}/approve`)).json<{ code: string }>().code).toBe('campaign.approver_is_editor');

    const approved = await call(bert, 'POST', `/api/v1/campaigns/${id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json<{ approval: { user_id: number } }>().approval.user_id).toBe(bert.userId);

    // Bert changes it: his approval was of the old version, and now he is the last editor.
    const changed = await call(bert, 'PUT', `/api/v1/campaigns/${id}`, draft('Needs approval, v2'));
    expect(changed.json<{ approval: unknown }>().approval).toBeNull();
    expect((await call(bert, 'POST', `/api/v1/campaigns/${id}/approve`)).statusCode).toBe(409);
    expect((await call(anna, 'POST', `/api/v1/campaigns/${id}/approve`)).statusCode).toBe(200);
    const sent = await call(bert, 'POST', `/api/v1/campaigns/${id}/send`, {}, { 'idempotency-key': 'approval-key-2' });
    expect(sent.statusCode).toBe(202);
    expect((await call(anna, 'POST', `/api/v1/campaigns/${id}/approve`)).json<{ code: string }>().code).toBe('campaign.not_editable');
  });

  it('is given by people, not tokens, and not by employees; an unknown campaign is a 404', async () => {
    const id = (await call(anna, 'POST', '/api/v1/campaigns', draft('Token'))).json<{ id: number }>().id;
    const token = await bearer(t, 'admin');
    const byToken = await call(token, 'POST', `/api/v1/campaigns/${id}/approve`);
    expect(byToken.statusCode).toBe(403);
    expect(byToken.json<{ code: string }>().code).toBe('campaign.approver_unknown');
    expect((await call(await signIn(t, 'employee'), 'POST', `/api/v1/campaigns/${id}/approve`)).statusCode).toBe(403);
    expect((await call(bert, 'POST', '/api/v1/campaigns/987654/approve')).statusCode).toBe(404);
  });
});
