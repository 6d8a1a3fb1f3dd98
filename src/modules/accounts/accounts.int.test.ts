import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabaseKinds } from '../../db/connection';
import { sessions, users } from '../../db/schema';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { MAX_FAILED_LOGINS } from './accounts.rules';

describe.each(testDatabaseKinds())('accounts on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  it('logs in with an httpOnly SameSite session cookie, stores only the token hash, and logs out', async () => {
    const client = await t.client();
    const response = await client.post('/api/auth/login', { email: 'Referat@Stadtnetz.example', password: 'stadtnetz-demo' });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'sn_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(response.json().user.grants[0]).toMatchObject({ role: 'case_officer', programmeSlug: 'mps' });
    const stored = await t.database.db.select().from(sessions);
    expect(stored.some((s) => s.tokenHash === cookie.value)).toBe(false);

    expect((await client.get('/api/auth/session')).json().user.email).toBe('referat@stadtnetz.example');
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await client.get('/api/auth/session')).json().user).toBeNull();
  });

  it('refuses changes without the CSRF token', async () => {
    const client = await t.as('admin@stadtnetz.example');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/programmes',
      headers: { cookie: `sn_session=${[...(client as unknown as { cookies: Map<string, string> }).cookies].find(([k]) => k === 'sn_session')![1]}` },
      payload: { slug: 'csrf-test', name: 'CSRF Test', defaultRateBp: 1, raisedRateBp: 1 },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('CSRF_TOKEN_INVALID');
    expect((await client.get('/api/programmes/csrf-test')).statusCode).toBe(404);
  });

  it('answers a wrong password and an unknown email alike, and throttles after repeated failures', async () => {
    const client = await t.client();
    const unknown = await client.post('/api/auth/login', { email: 'nobody@stadtnetz.example', password: 'whatever-123' });
    const wrong = await client.post('/api/auth/login', { email: 'jury@stadtnetz.example', password: 'wrong-password' });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe(unknown.json().code);
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) await client.post('/api/auth/login', { email: 'jury@stadtnetz.example', password: 'wrong-password' });
    const locked = await client.post('/api/auth/login', { email: 'jury@stadtnetz.example', password: 'stadtnetz-demo' });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('LOGIN_THROTTLED');
    t.clock.now = new Date(t.clock.now.getTime() + 16 * 60_000);
    expect((await client.post('/api/auth/login', { email: 'jury@stadtnetz.example', password: 'stadtnetz-demo' })).statusCode).toBe(200);
    const [user] = await t.database.db.select().from(users).where(eq(users.email, 'jury@stadtnetz.example'));
    expect(user!.failedLogins).toBe(0);
  });

  it('changes the password, refusing weak ones, and ends the other sessions', async () => {
    const sysadmin = await t.as('admin@stadtnetz.example');
    expect((await sysadmin.post('/api/users', { email: 'wechsel@stadtnetz.example', displayName: 'Wechsel', password: 'erstes-passwort' })).statusCode).toBe(201);
    const laptop = await t.as('wechsel@stadtnetz.example', 'erstes-passwort');
    const phone = await t.as('wechsel@stadtnetz.example', 'erstes-passwort');
    const weak = await laptop.post('/api/auth/password', { currentPassword: 'erstes-passwort', newPassword: 'kurz' });
    expect(weak.json()).toMatchObject({ code: 'PASSWORD_TOO_WEAK', errors: [{ path: 'newPassword' }] });
    const wrongCurrent = await laptop.post('/api/auth/password', { currentPassword: 'falsch-falsch', newPassword: 'zweites-passwort' });
    expect(wrongCurrent.json().errors[0].path).toBe('currentPassword');
    expect((await laptop.post('/api/auth/password', { currentPassword: 'erstes-passwort', newPassword: 'zweites-passwort' })).statusCode).toBe(200);
    expect((await laptop.get('/api/auth/session')).json().user?.email).toBe('wechsel@stadtnetz.example');
    expect((await phone.get('/api/auth/session')).json().user).toBeNull();
    const relogin = await t.client();
    expect((await relogin.post('/api/auth/login', { email: 'wechsel@stadtnetz.example', password: 'zweites-passwort' })).statusCode).toBe(200);
    expect((await t.events('accounts.password')).length).toBeGreaterThan(0);
  });

  it('lets only administrators create accounts, and programme admins grant roles in their programme', async () => {
    const officer = await t.as('referat@stadtnetz.example');
    expect((await officer.post('/api/users', { email: 'neu@stadtnetz.example', displayName: 'Neu', password: 'ein-langes-passwort' })).statusCode).toBe(403);
    expect((await officer.get('/api/users')).statusCode).toBe(403);
    const sysadmin = await t.as('admin@stadtnetz.example');
    const created = await sysadmin.post('/api/users', { email: 'neu@stadtnetz.example', displayName: 'Neu', password: 'ein-langes-passwort' });
    expect(created.statusCode).toBe(201);
    const duplicate = await sysadmin.post('/api/users', { email: 'NEU@stadtnetz.example', displayName: 'Neu', password: 'ein-langes-passwort' });
    expect(duplicate.json()).toMatchObject({ code: 'EMAIL_TAKEN', errors: [{ path: 'email' }] });
    const badEmail = await sysadmin.post('/api/users', { email: 'not-an-email', displayName: 'X', password: 'ein-langes-passwort' });
    expect(badEmail.json().errors[0].path).toBe('email');

    const programme = (await sysadmin.get('/api/programmes/mps')).json();
    const manager = await t.as('programm@stadtnetz.example');
    const grant = await manager.post(`/api/users/${created.json().id}/grants`, { role: 'reviewer', programmeId: programme.id, roundId: null });
    expect(grant.statusCode).toBe(200);
    const promote = await manager.post(`/api/users/${created.json().id}/grants`, { role: 'programme_admin', programmeId: programme.id, roundId: null });
    expect(promote.statusCode).toBe(403);
    const reviewer = await t.as('neu@stadtnetz.example', 'ein-langes-passwort');
    expect((await reviewer.get('/api/auth/session')).json().user.grants.map((g: { role: string }) => g.role)).toEqual(['reviewer']);
    expect((await t.events('accounts.grant')).at(-1)?.subjectId).toBe(created.json().id);

    const listed = (await sysadmin.get('/api/users')).json().find((u: { id: string }) => u.id === created.json().id);
    expect(listed.grants).toEqual([expect.objectContaining({ role: 'reviewer', programmeSlug: 'mps', roundId: null })]);
    expect((await officer.request({ method: 'DELETE', url: `/api/users/${created.json().id}/grants/${listed.grants[0].id}` })).statusCode).toBe(403);
    expect((await manager.request({ method: 'DELETE', url: `/api/users/${created.json().id}/grants/${listed.grants[0].id}` })).statusCode).toBe(200);
    expect((await reviewer.get('/api/auth/session')).json().user.grants).toEqual([]);
    expect((await t.events('accounts.revoke')).at(-1)?.payload).toMatchObject({ role: 'reviewer' });
    expect((await manager.request({ method: 'DELETE', url: `/api/users/${created.json().id}/grants/${listed.grants[0].id}` })).statusCode).toBe(404);
  });
  it('lets programme staff look up one account by its exact address, and no one else', async () => {
    const officer = await t.as('referat@stadtnetz.example');
    const found = await officer.get('/api/users/lookup?email=JURY@stadtnetz.example');
    expect(found.statusCode).toBe(200);
    expect(found.json()).toMatchObject({ email: 'jury@stadtnetz.example', displayName: expect.any(String) });
    const unknown = await officer.get('/api/users/lookup?email=niemand@stadtnetz.example');
    expect(unknown.json()).toMatchObject({ code: 'NOT_FOUND', errors: [{ path: 'email' }] });
    expect((await officer.get('/api/users/lookup')).json()).toMatchObject({ errors: [{ path: 'email' }] });
    const applicant = await t.as('kommune@stadtnetz.example');
    expect((await applicant.get('/api/users/lookup?email=jury@stadtnetz.example')).statusCode).toBe(403);
    expect((await (await t.client()).get('/api/users/lookup?email=jury@stadtnetz.example')).statusCode).toBe(401);
  });
});
