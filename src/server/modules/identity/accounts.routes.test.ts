// Accounts (issue 8, item 5) through the HTTP API: changing one's password ends one's other sessions,
// admins list users, change roles, disable (sessions refused at once) and enable them, reset passwords,
// never leave the deployment without an admin, and manage API tokens that expire.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signIn, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import type { Role } from '../../../shared/identity.js';
import { updateUser } from './users.service.js';

const START = new Date('2027-03-01T08:00:00Z').getTime();
let now = START;
let t: TestRuntime;
let admin: TestCaller;
beforeAll(async () => {
  t = await startTestRuntime({ clock: () => new Date(now) });
  admin = await signIn(t, 'admin');
});
afterAll(async () => t?.close());

const NON_ADMINS: Role[] = ['communicator', 'leader', 'employee'];

const login = (email: string, password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
const me = (caller: TestCaller) => t.app.inject({ url: '/api/v1/auth/me', headers: caller.headers });

/** A second session of the same user, as from another device. */
async function secondSession(email: string, password: string): Promise<TestCaller> {
  const res = await login(email, password);
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'resonance_session')!;
  return { headers: { cookie: `resonance_session=${cookie.value}`, 'x-csrf-token': res.json<{ csrf_token: string }>().csrf_token } };
}

async function auditOf(action: string, actor?: string) {
  const params = new URLSearchParams({ action, ...(actor ? { actor } : {}) });
  const res = await t.app.inject({ url: `/api/v1/audit?${params.toString()}`, headers: admin.headers });
  expect(res.statusCode).toBe(200);
  return res.json<{ items: Array<{ actor: string; target_id: string | null; detail: Record<string, unknown>; address: string | null }> }>().items;
}

describe('POST /api/v1/auth/me/password', () => {
  const change = (caller: TestCaller, payload: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/me/password', headers: caller.headers, payload: payload as object });

  it('changes the password, keeps this session and ends the others, and is audited', async () => {
    const user = await signIn(t, 'employee');
    const other = await secondSession(user.email, user.password);
    const next = 'a new and long passphrase';
    const res = await change(user, { current_password: user.password, new_password: next });
    expect(res.statusCode).toBe(204);
    expect((await me(user)).statusCode).toBe(200);
    expect((await me(other)).statusCode).toBe(401);
    expect((await login(user.email, user.password)).statusCode).toBe(401);
    expect((await login(user.email, next)).statusCode).toBe(200);
    const [entry] = await auditOf('auth.password_changed', user.email);
    expect(entry).toMatchObject({ actor: user.email, target_id: String(user.userId), detail: { sessions_ended: 1 } });
    expect(JSON.stringify(entry)).not.toContain(next);
  });

  it('refuses a wrong current password at its pointer', async () => {
    const user = await signIn(t, 'employee');
    const res = await change(user, { current_password: 'not my password', new_password: 'a new and long passphrase' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'auth.wrong_current_password', errors: [{ pointer: '/current_password', code: 'auth.wrong_current_password' }] });
    expect((await login(user.email, user.password)).statusCode).toBe(200);
  });

  it('applies the password policy to the new password', async () => {
    const user = await signIn(t, 'employee');
    for (const [password, code] of [
      ['short', 'password.too_short'],
      ['qwerty123456', 'password.common'],
      [user.email, 'password.is_email'],
    ] as const) {
      const res = await change(user, { current_password: user.password, new_password: password });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code, errors: [{ pointer: '/new_password', code }] });
    }
    expect((await login(user.email, user.password)).statusCode).toBe(200);
  });

  it('rejects a malformed body, needs the CSRF header, a session (not a token) and a sign-in', async () => {
    const user = await signIn(t, 'employee');
    expect((await change(user, { new_password: 'a new and long passphrase' })).json().errors[0]).toMatchObject({ pointer: '/current_password' });
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/v1/auth/me/password', headers: { cookie: user.headers.cookie! }, payload: {} });
    expect(noCsrf.statusCode).toBe(403);
    const token = await change(await bearer(t, 'employee'), { current_password: 'x', new_password: 'a new and long passphrase' });
    expect(token.statusCode).toBe(400);
    expect(token.json()).toMatchObject({ code: 'auth.session_only' });
    expect((await change({ headers: {} }, { current_password: 'x', new_password: 'y' })).statusCode).toBe(401);
  });
});

describe('GET /api/v1/users', () => {
  it('lists accounts by e-mail in cursor pages, filtered by role, disabled and text', async () => {
    const leader = await signIn(t, 'leader');
    const page1 = await t.app.inject({ url: '/api/v1/users?limit=1', headers: admin.headers });
    expect(page1.statusCode).toBe(200);
    const first = page1.json<{ items: Array<{ email: string }>; next_cursor: string }>();
    expect(first.items).toHaveLength(1);
    const page2 = await t.app.inject({ url: `/api/v1/users?limit=1&cursor=${first.next_cursor}`, headers: admin.headers });
    expect(page2.json().items[0].email > first.items[0]!.email).toBe(true);

    const leaders = await t.app.inject({ url: '/api/v1/users?role=leader&limit=200', headers: admin.headers });
    expect(leaders.json().items.every((u: { role: string }) => u.role === 'leader')).toBe(true);
    expect(leaders.json().items.map((u: { email: string }) => u.email)).toContain(leader.email);

    const byText = await t.app.inject({ url: `/api/v1/users?q=${leader.email.slice(0, 12).toUpperCase()}`, headers: admin.headers });
    expect(byText.json().items.map((u: { email: string }) => u.email)).toContain(leader.email);

    await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${leader.userId}`, headers: admin.headers, payload: { disabled: true } });
    const disabled = await t.app.inject({ url: '/api/v1/users?disabled=true', headers: admin.headers });
    expect(disabled.json().items.map((u: { email: string }) => u.email)).toEqual([leader.email]);
    const enabled = await t.app.inject({ url: '/api/v1/users?disabled=false&limit=200', headers: admin.headers });
    expect(enabled.json().items.map((u: { email: string }) => u.email)).not.toContain(leader.email);
  });

  it('rejects bad filters and a made-up cursor', async () => {
    for (const query of ['role=king', 'disabled=maybe', 'limit=0', 'cursor=bm9wZQ']) {
      const res = await t.app.inject({ url: `/api/v1/users?${query}`, headers: admin.headers });
      expect(res.statusCode, query).toBe(400);
    }
  });

  it.each(NON_ADMINS)('is for admins only: %s gets 403 with a session and with a token', async (role) => {
    for (const caller of [await signIn(t, role), await bearer(t, role)]) {
      const res = await t.app.inject({ url: '/api/v1/users', headers: caller.headers });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'auth.forbidden_role', params: { role } });
    }
    expect((await t.app.inject({ url: '/api/v1/users' })).statusCode).toBe(401);
  });
});

describe('PATCH /api/v1/users/:id', () => {
  const patch = (caller: TestCaller, id: number | string, payload: unknown) =>
    t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: caller.headers, payload: payload as object });

  it('changes the role, audited with old and new', async () => {
    const user = await signIn(t, 'employee');
    const res = await patch(admin, user.userId!, { role: 'communicator' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: user.userId, role: 'communicator', disabled_at: null });
    expect((await me(user)).json().role).toBe('communicator');
    const [entry] = await auditOf('users.role_changed');
    expect(entry).toMatchObject({ target_id: String(user.userId), detail: { from: 'employee', to: 'communicator' } });
  });

  it('disables a user: their session is refused at once, sign-in too; enabling lets them in again', async () => {
    const user = await signIn(t, 'employee');
    const token = await bearer(t, 'employee');
    const res = await patch(admin, user.userId!, { disabled: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled_at).not.toBeNull();
    expect((await me(user)).statusCode).toBe(401);
    expect((await login(user.email, user.password)).statusCode).toBe(401);
    expect((await auditOf('users.disabled'))[0]).toMatchObject({ target_id: String(user.userId), detail: { sessions_ended: 1 } });
    // Tokens belong to no user, so disabling one leaves them working.
    expect((await t.app.inject({ url: '/api/v1/people', headers: token.headers })).statusCode).toBe(200);

    expect((await patch(admin, user.userId!, { disabled: false })).json().disabled_at).toBeNull();
    expect((await login(user.email, user.password)).statusCode).toBe(200);
    expect((await auditOf('users.enabled'))[0]).toMatchObject({ target_id: String(user.userId) });
  });

  it('answers 404 for an unknown id and 400 for bad input', async () => {
    const unknown = await patch(admin, 987654, { role: 'leader' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'users.not_found', params: { id: 987654 } });
    expect((await patch(admin, 'abc', { role: 'leader' })).statusCode).toBe(400);
    expect((await patch(admin, admin.userId!, {})).statusCode).toBe(400);
    expect((await patch(admin, admin.userId!, { role: 'king' })).json().errors[0]).toMatchObject({ pointer: '/role' });
    expect((await patch(admin, admin.userId!, { disabled: true, extra: 1 })).statusCode).toBe(400);
  });

  it.each(NON_ADMINS)('is for admins only: %s gets 403', async (role) => {
    const caller = await signIn(t, role);
    expect((await patch(caller, caller.userId!, { role: 'admin' })).statusCode).toBe(403);
    expect((await me(caller)).json().role).toBe(role);
  });
});

describe('POST /api/v1/users/:id/password', () => {
  const reset = (caller: TestCaller, id: number, payload: unknown) =>
    t.app.inject({ method: 'POST', url: `/api/v1/users/${id}/password`, headers: caller.headers, payload: payload as object });

  it('sets the given password and ends every session of the user', async () => {
    const user = await signIn(t, 'employee');
    const res = await reset(admin, user.userId!, { password: 'chosen by the admin' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ password: null });
    expect((await me(user)).statusCode).toBe(401);
    expect((await login(user.email, 'chosen by the admin')).statusCode).toBe(200);
    const [entry] = await auditOf('users.password_reset');
    expect(entry).toMatchObject({ target_id: String(user.userId), detail: { generated: false, sessions_ended: 1 } });
    expect(JSON.stringify(entry)).not.toContain('chosen by the admin');
  });

  it('generates a password when none is sent and answers it once', async () => {
    const user = await signIn(t, 'employee');
    const res = await reset(admin, user.userId!, {});
    const { password } = res.json<{ password: string }>();
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect((await login(user.email, password)).statusCode).toBe(200);
  });

  it('applies the policy, answers 404 for an unknown id, and is for admins only', async () => {
    const user = await signIn(t, 'employee');
    const weak = await reset(admin, user.userId!, { password: 'password1234' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'password.common', errors: [{ pointer: '/password' }] });
    expect((await reset(admin, 987654, {})).statusCode).toBe(404);
    for (const role of NON_ADMINS) expect((await reset(await signIn(t, role), user.userId!, {})).statusCode).toBe(403);
    expect((await login(user.email, user.password)).statusCode).toBe(200);
  });
});

describe('API tokens', () => {
  type Token = { id: number; token: string; status: string; expires_at: string | null };
  const create = (caller: TestCaller, payload: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: caller.headers, payload: payload as object });
  const list = async () => (await t.app.inject({ url: '/api/v1/tokens', headers: admin.headers })).json<{ items: Token[] }>().items;

  it('creates a token that expires: refused with 401 after its expiry and listed as expired', async () => {
    const res = await create(admin, { name: 'hr-sync', role: 'admin', expires_in_days: 30 });
    expect(res.statusCode).toBe(201);
    const created = res.json<Token>();
    expect(created).toMatchObject({ name: 'hr-sync', role: 'admin', status: 'active', expires_at: new Date(now + 30 * 86_400_000).toISOString() });
    const headers = { authorization: `Bearer ${created.token}` };
    expect((await t.app.inject({ url: '/api/v1/people', headers })).statusCode).toBe(200);

    now += 31 * 86_400_000;
    try {
      const expired = await t.app.inject({ url: '/api/v1/people', headers });
      expect(expired.statusCode).toBe(401);
      expect(expired.json()).toMatchObject({ code: 'auth.token_expired', params: { expired_at: created.expires_at } });
      expect((await list()).find((x) => x.id === created.id)?.status).toBe('expired');
    } finally {
      now = START;
    }
    expect((await auditOf('tokens.created'))[0]).toMatchObject({ target_id: String(created.id), detail: { name: 'hr-sync', role: 'admin' } });
    expect(JSON.stringify(await auditOf('tokens.created'))).not.toContain(created.token);
  });

  it('creates a token without expiry and revokes it', async () => {
    const created = (await create(admin, { name: 'forever', role: 'employee' })).json<Token>();
    expect(created.expires_at).toBeNull();
    const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${created.id}`, headers: admin.headers });
    expect(del.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/people', headers: { authorization: `Bearer ${created.token}` } })).statusCode).toBe(401);
    expect((await list()).find((x) => x.id === created.id)?.status).toBe('revoked');
    expect((await auditOf('tokens.revoked'))[0]).toMatchObject({ target_id: String(created.id) });
    const again = await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${created.id}`, headers: admin.headers });
    expect(again.statusCode).toBe(404);
    expect(again.json()).toMatchObject({ code: 'tokens.not_found' });
  });

  it('rejects bad input and non-admins', async () => {
    for (const payload of [{ name: '', role: 'admin' }, { name: 'x', role: 'king' }, { name: 'x', role: 'admin', expires_in_days: 0 }, { name: 'x' }]) {
      expect((await create(admin, payload)).statusCode).toBe(400);
    }
    for (const role of NON_ADMINS) {
      const caller = await signIn(t, role);
      expect((await create(caller, { name: 'mine', role: 'admin' })).statusCode).toBe(403);
      expect((await t.app.inject({ url: '/api/v1/tokens', headers: caller.headers })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/tokens/1', headers: caller.headers })).statusCode).toBe(403);
    }
    expect((await t.app.inject({ url: '/api/v1/tokens' })).statusCode).toBe(401);
  });
});

describe('the last admin', () => {
  let solo: TestRuntime;
  beforeAll(async () => {
    solo = await startTestRuntime();
  });
  afterAll(async () => solo?.close());
  const patchIn = (caller: TestCaller, id: number, payload: object) =>
    solo.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: caller.headers, payload });

  it('cannot demote or disable themselves when no other admin is left', async () => {
    const only = await signIn(solo, 'admin');
    for (const payload of [{ role: 'employee' }, { disabled: true }]) {
      const res = await patchIn(only, only.userId!, payload);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'users.last_admin' });
    }
    expect((await solo.app.inject({ url: '/api/v1/auth/me', headers: only.headers })).json().role).toBe('admin');
  });

  it('can step down once another admin exists, and two admins demoting each other at once leave one', async () => {
    const a = await signIn(solo, 'admin');
    const b = await signIn(solo, 'admin');
    const c = await signIn(solo, 'admin');
    expect((await patchIn(c, c.userId!, { role: 'employee' })).statusCode).toBe(200);
    // Two admins are left besides the first test's one; disable it so a and b are the last two.
    const users = (await solo.app.inject({ url: '/api/v1/users?role=admin&disabled=false', headers: a.headers })).json<{ items: Array<{ id: number }> }>()
      .items;
    for (const u of users.filter((u) => u.id !== a.userId && u.id !== b.userId)) expect((await patchIn(a, u.id, { disabled: true })).statusCode).toBe(200);
    const results = await Promise.all([patchIn(a, b.userId!, { role: 'employee' }), patchIn(b, a.userId!, { role: 'employee' })]);
    // The loser is refused by the last-admin rule, or already as a non-admin if the winner committed first.
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes[0]).toBe(200);
    expect([403, 409]).toContain(codes[1]);
    const winner = results[0].statusCode === 200 ? a : b;
    const left = (await solo.app.inject({ url: '/api/v1/users?role=admin&disabled=false', headers: winner.headers })).json();
    expect(left.items).toEqual([expect.objectContaining({ id: winner.userId })]);
  });

  it('lets one of two simultaneous changes through when both callers are admins at the start', async () => {
    const a = await signIn(solo, 'admin');
    const b = await signIn(solo, 'admin');
    const admins = (await solo.app.inject({ url: '/api/v1/users?role=admin&disabled=false', headers: a.headers })).json<{ items: Array<{ id: number }> }>()
      .items;
    for (const u of admins.filter((u) => u.id !== a.userId && u.id !== b.userId)) expect((await patchIn(a, u.id, { disabled: true })).statusCode).toBe(200);
    const actor = { label: 'test' };
    const outcomes = await Promise.allSettled([
      updateUser({ db: solo.database.db, id: a.userId!, update: { disabled: true }, actor }),
      updateUser({ db: solo.database.db, id: b.userId!, update: { role: 'leader' }, actor }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ messageCode: 'users.last_admin', status: 409 });
  });
});
