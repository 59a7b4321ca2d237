// Sign-in, sessions, CSRF and API tokens through the HTTP API, including the refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signIn, startTestRuntime, type TestRuntime } from '../../testing/test-runtime.js';
import { createApiToken, revokeApiToken } from './index.js';

let t: TestRuntime;
beforeAll(async () => {
  t = await startTestRuntime();
});
afterAll(async () => t?.close());

describe('password sign-in', () => {
  it('opens a session cookie that is httpOnly and SameSite, and answers who I am', async () => {
    const user = await signIn(t, 'communicator');
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email.toUpperCase(), password: user.password } });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'resonance_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: user.headers });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: user.email, role: 'communicator' });
  });

  it('answers a wrong password and an unknown e-mail alike, with a problem body', async () => {
    const user = await signIn(t, 'employee');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: 'nope' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'nobody@test.example', password: 'nope' } });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json()).toMatchObject({ status: 401, detail: 'e-mail or password is wrong', code: 'auth.wrong_credentials' });
    }
  });

  it('points at the bad field of a malformed login body', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'a@b.example' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ pointer: '/password', in: 'body' });
  });

  it('requires the CSRF header for state-changing requests made with the cookie', async () => {
    const user = await signIn(t, 'employee');
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: user.headers.cookie! }, payload: {} });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json()).toMatchObject({ code: 'auth.csrf_missing' });
    const wrongCsrf = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { ...user.headers, 'x-csrf-token': 'forged' }, payload: {} });
    expect(wrongCsrf.statusCode).toBe(403);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: user.headers, payload: {} });
    expect(ok.statusCode).toBe(204);
    const after = await t.app.inject({ url: '/api/v1/auth/me', headers: user.headers });
    expect(after.statusCode).toBe(401);
  });

  it('keeps the interface language with the account', async () => {
    const user = await signIn(t, 'leader');
    const bad = await t.app.inject({ method: 'PUT', url: '/api/v1/auth/me/language', headers: user.headers, payload: { ui_language: 'fr' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].pointer).toBe('/ui_language');
    const ok = await t.app.inject({ method: 'PUT', url: '/api/v1/auth/me/language', headers: user.headers, payload: { ui_language: 'nl' } });
    expect(ok.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: user.headers })).json().ui_language).toBe('nl');
  });

  it('asks anonymous callers to sign in', async () => {
    const res = await t.app.inject({ url: '/api/v1/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'auth.sign_in_required' });
  });
});

describe('API tokens', () => {
  it('authenticate with Bearer, need no CSRF header, and stop working when revoked', async () => {
    const { id, token } = await createApiToken({ db: t.database.db, name: 'sync', role: 'admin', actor: { label: 'test' } });
    expect(token).toMatch(/^rsn_/);
    const headers = { authorization: `Bearer ${token}` };
    const ok = await t.app.inject({ url: '/api/v1/people', headers });
    expect(ok.statusCode).toBe(200);
    await revokeApiToken({ db: t.database.db, id, actor: { label: 'test' } });
    const revoked = await t.app.inject({ url: '/api/v1/people', headers });
    expect(revoked.statusCode).toBe(401);
  });

  it('refuses a made-up token', async () => {
    const res = await t.app.inject({ url: '/api/v1/people', headers: { authorization: 'Bearer rsn_madeup' } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'auth.token_invalid' });
  });

  it('acts with the token role', async () => {
    const employee = await bearer(t, 'employee');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people/import',
      headers: { ...employee.headers, 'content-type': 'text/csv' },
      payload: 'external_id\n',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/employee/);
    expect(res.json()).toMatchObject({ code: 'auth.forbidden_role', params: { role: 'employee' } });
  });
});
