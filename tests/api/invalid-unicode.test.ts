import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createUser,
  type Session,
  signIn,
  signInAdmin,
  startApp,
  type TestApp,
  USER_PASSWORD,
} from '../helpers/app';
import { DIALECTS } from '../helpers/databases';
import { CALL } from '../helpers/incidents';

// Half a surrogate pair is not a character. Stored in an event, it became a JSON escape that
// PostgreSQL's json type refuses, and every later read of the log through it failed (the handover
// draft answered 500; found by the route fuzzer).
describe.each(DIALECTS)('text that is not Unicode, on %s', (dialect) => {
  let t: TestApp;
  let officer: Session;
  let incidentId: number;
  beforeAll(async () => {
    t = await startApp({ dialect });
    const admin = await signInAdmin(t.app);
    await createUser(t.app, admin, { username: 'o1', roles: ['officer'] });
    officer = await signIn(t.app, 'o1', USER_PASSWORD);
    const created = await t.app.inject(as(officer, { method: 'POST', url: '/api/incidents', payload: CALL }));
    expect(created.statusCode).toBe(201);
    incidentId = created.json().id;
  });
  afterAll(() => t.close());

  const note = (text: string) =>
    t.app.inject(
      as(officer, {
        method: 'POST',
        url: `/api/incidents/${incidentId}/actions`,
        payload: { type: 'note', text },
      }),
    );

  it('refuses a lone surrogate anywhere in the input; a whole pair is stored as sent', async () => {
    for (const text of ['现场\ud800情况', '\udc00', 'end\ud83d']) {
      const res = await note(text);
      expect([res.statusCode, res.json().error]).toEqual([
        400,
        {
          code: 'DUTY_ERR_VALIDATION',
          message: 'input: text must not contain NUL characters or unpaired surrogates (invalid Unicode)',
        },
      ]);
    }
    // A whole surrogate pair is a character like any other.
    expect((await note('现场照片已上传 📷')).statusCode).toBe(201);
    const detail = await t.app.inject(as(officer, { method: 'GET', url: `/api/incidents/${incidentId}` }));
    expect(detail.json().actions.map((a: { text: string }) => a.text)).toEqual(['现场照片已上传 📷']);
  });
});
