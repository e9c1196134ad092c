/**
 * The route fuzzer shared by tests/fuzz/routes.test.ts (a few cases per route, in `npm test`) and
 * bench/fuzz.ts (thousands): a seeded app, a fast-check property per declared route, and the
 * invariants that must hold in the database afterwards. No vitest here, so the bench can use it.
 */
import { CATEGORIES } from '@shared/domain/incident-types';
import { ROLES as ROLE_NAMES } from '@shared/schemas/users';
import fc from 'fast-check';
import { ERRORS } from '../../server/errors';
import type { DeclaredRoute } from '../../server/plugins/auth';
import { fixedClock } from '../../server/time';
import {
  ADMIN_PASSWORD,
  as,
  createUser,
  type Session,
  signIn,
  signInAdmin,
  startApp,
  type TestApp,
  USER_PASSWORD,
} from './app';
import type { Dialect } from './databases';
import {
  encode,
  type Hints,
  inputOf,
  type Path,
  type Schema,
  toJsonText,
  toQueryString,
  toText,
  validOf,
} from './fuzz';
import { CALL } from './incidents';

/** 10:00 in Shanghai on 10 March 2026: the roster of March is the current one. */
export const FUZZ_NOW = '2026-03-10T02:00:00Z';
const MONTH = '2026-03';

export type CallerName = 'none' | 'officer' | 'officer2' | 'leader' | 'admin' | 'system' | 'fresh';

export interface FuzzWorld {
  t: TestApp;
  sessions: Record<'officer' | 'officer2' | 'leader' | 'admin', Session>;
  /** Username of each session, to sign in again when a session was ended. */
  usernames: Record<'officer' | 'officer2' | 'leader' | 'admin', string>;
  bearer: Record<string, string>;
  pools: {
    /** Every user; `victimUserIds` only for changes (the callers must keep their passwords and roles). */
    userIds: number[];
    victimUserIds: number[];
    incidentIds: number[];
    logIds: number[];
    handoverIds: number[];
    shiftIds: number[];
    /** Shifts away from today: the ones edits, deletes and swaps may touch. */
    farShiftIds: number[];
    periodIds: number[];
    victimTokenIds: number[];
    spotCheckIds: number[];
    swapIds: number[];
    /** Natural disasters (灾情报送) and the townships they affect. */
    disasterIds: number[];
    townshipIds: number[];
    feedKeys: string[];
    usernames: string[];
  };
  protectedUserIds: Set<number>;
  protectedTokenIds: Set<number>;
  nearShiftIds: Set<number>;
  seedProblems: string[];
  /** Invariant violations already reported, so each is blamed on the route that caused it. */
  knownBad: Set<string>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function call(
  t: TestApp,
  session: Session | undefined,
  method: Method,
  url: string,
  payload?: object,
): Promise<{ status: number; body: unknown }> {
  const options = { method, url, ...(payload ? { payload } : {}) };
  const res = await t.app.inject(session ? as(session, options) : options);
  let body: unknown;
  try {
    body = res.json();
  } catch {
    body = res.body;
  }
  return { status: res.statusCode, body };
}

/** One app on a real database, seeded the way a duty day looks: people, a published roster, incidents, a log. */
export async function seedWorld(options: { dialect?: Dialect; logLevel?: string } = {}): Promise<FuzzWorld> {
  const t = await startApp({
    dialect: options.dialect ?? 'sqlite',
    clock: fixedClock(FUZZ_NOW),
    // Errors are what the fuzzer looks for; info lines for every request would only fill memory.
    config: { logLevel: (options.logLevel ?? 'warn') as 'warn' },
  });
  const problems: string[] = [];
  const expect = (what: string, res: { status: number; body: unknown }, ok: number[] = [200, 201]) => {
    if (!ok.includes(res.status))
      problems.push(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    return res.body as Record<string, unknown>;
  };
  const admin = await signInAdmin(t.app);
  const ids: Record<string, number> = { admin: admin.user.id };
  for (const [username, roles] of [
    ['o1', ['officer']],
    ['o2', ['officer']],
    ['o3', ['officer']],
    ['l1', ['leader']],
    ['l2', ['leader']],
    ['fresh', ['officer']],
    ['victim1', ['officer']],
    ['victim2', ['leader', 'officer']],
  ] as const) {
    ids[username] = (
      await createUser(t.app, admin, { username, roles: [...roles], displayName: username })
    ).id;
  }
  expect(
    'roster generate',
    await call(t, admin, 'POST', '/api/roster/generate', {
      from: `${MONTH}-01`,
      to: `${MONTH}-31`,
      officers: [ids.o1, ids.o2, ids.o3],
      leaders: [ids.l1, ids.l2],
      backups: [ids.victim1],
    }),
  );
  expect(
    'roster publish',
    await call(t, admin, 'POST', '/api/roster/publish', { month: MONTH, overrideReason: 'fuzz seed' }),
  );
  const roster = expect(
    'roster',
    await call(t, admin, 'GET', `/api/roster?from=${MONTH}-01&to=${MONTH}-31`),
  ) as { shifts: { id: number; userId: number; role: string; dutyDate: string }[] };
  const now = expect('duty now', await call(t, admin, 'GET', '/api/duty/now')) as {
    officers: { userId: number }[];
    leaders: { userId: number }[];
    next: { userId: number; role: string }[];
  };
  const nameOf = (id: number | undefined) => Object.keys(ids).find((k) => ids[k] === id);
  const onDuty = nameOf(now.officers?.[0]?.userId) ?? 'o1';
  const incoming =
    nameOf(now.next?.find((s) => s.role === 'officer' && nameOf(s.userId) !== onDuty)?.userId) ??
    ['o1', 'o2', 'o3'].find((n) => n !== onDuty)!;
  const leaderOnDuty = nameOf(now.leaders?.[0]?.userId) ?? 'l1';
  const usernames = { officer: onDuty, officer2: incoming, leader: leaderOnDuty, admin: 'admin' };
  const sessions = {
    admin,
    officer: await signIn(t.app, onDuty, USER_PASSWORD),
    officer2: await signIn(t.app, incoming, USER_PASSWORD),
    leader: await signIn(t.app, leaderOnDuty, USER_PASSWORD),
  };

  const system = expect('token', await call(t, admin, 'POST', '/api/tokens', { name: 'fuzz-system' }));
  const victimToken = expect('token', await call(t, admin, 'POST', '/api/tokens', { name: 'fuzz-victim' }));
  const bearer = { authorization: `Bearer ${String(system.secret)}` };

  const incidentIds: number[] = [];
  for (let i = 0; i < 5; i++) {
    const body = { ...CALL, summary: `${CALL.summary} #${i}`, casualties: { deaths: i, seriousInjuries: 1 } };
    const res = expect('incident', await call(t, sessions.officer, 'POST', '/api/incidents', body));
    if (typeof res.id === 'number') incidentIds.push(res.id);
  }
  const viaToken = await t.app.inject({
    method: 'POST',
    url: '/api/incidents',
    headers: { ...bearer, 'idempotency-key': 'fuzz-seed-0001' },
    payload: { ...CALL, category: 'fire', source: 'api' },
  });
  if (viaToken.statusCode === 201) incidentIds.push(viaToken.json().id);
  else problems.push(`incident by token: ${viaToken.statusCode} ${viaToken.body.slice(0, 200)}`);
  const first = incidentIds[0];
  if (first !== undefined) {
    expect(
      'report',
      await call(t, sessions.officer, 'POST', `/api/incidents/${first}/reports`, {
        kind: 'initial',
        channel: 'phone',
        recipient: '区应急管理局总值班室',
      }),
    );
    expect(
      'action',
      await call(t, sessions.leader, 'POST', `/api/incidents/${first}/actions`, {
        type: 'instruction',
        text: '全力救治',
      }),
    );
  }
  const log = expect(
    'log entry',
    await call(t, sessions.officer, 'POST', '/api/logbook', {
      kind: 'call',
      callerName: '李主任',
      content: '询问道路封闭情况',
      handling: '已答复',
    }),
  );
  const note = expect(
    'log entry',
    await call(t, sessions.officer, 'POST', '/api/logbook', {
      kind: 'notice',
      content: '明日召开防汛视频会',
    }),
  );
  const check = expect('spot-check', await call(t, sessions.leader, 'POST', '/api/spot-checks', {}));
  const period = expect(
    'period',
    await call(t, admin, 'POST', '/api/roster/periods', {
      kind: 'holiday',
      name: '清明节',
      fromDate: '2026-04-04',
      toDate: '2026-04-06',
    }),
  );
  const feed = expect('calendar feed', await call(t, sessions.officer, 'POST', '/api/roster/calendar-feed'));
  const feedKey = /key=([^&]+)/.exec(String(feed.url ?? ''))?.[1];

  // A swap of a later shift between two officers (not today's: the callers stay on duty).
  const near = (d: string) => d >= '2026-03-09' && d <= '2026-03-11';
  const mine = roster.shifts?.find(
    (s) => s.userId === ids[incoming] && s.role === 'officer' && s.dutyDate > '2026-03-12',
  );
  const other = ['o1', 'o2', 'o3'].find((n) => n !== incoming)!;
  const swap = mine
    ? expect(
        'swap',
        await call(t, sessions.officer2, 'POST', '/api/roster/swaps', {
          shiftId: mine.id,
          toUserId: ids[other],
          reason: '家中有事',
        }),
      )
    : {};
  // A hand-over, when the officer on duty may submit one at this hour (early, so with a reason).
  const handover = await call(t, sessions.officer, 'POST', '/api/handovers', {
    content: [],
    pending: [],
    earlyReason: 'fuzz seed',
  });

  // A township and a flood across it: the disaster routes fuzzed against one that exists.
  const township = expect(
    'township',
    await call(t, admin, 'POST', '/api/units', {
      parentId: 1,
      kind: 'township',
      name: '城关镇',
      code: 'FZ-T1',
    }),
  );
  const disaster = expect(
    'disaster',
    await call(t, sessions.officer, 'POST', '/api/disasters', {
      type: 'flood',
      title: '暴雨洪涝',
      beganAt: FUZZ_NOW,
      townships: [township.id],
      major: true,
    }),
  );

  const userIds = Object.values(ids);
  return {
    t,
    sessions,
    usernames,
    bearer,
    pools: {
      userIds,
      victimUserIds: [ids.victim1!, ids.victim2!],
      incidentIds,
      logIds: [log.id, note.id].filter((x): x is number => typeof x === 'number'),
      handoverIds: handover.status === 201 ? [(handover.body as { id: number }).id] : [],
      shiftIds: (roster.shifts ?? []).map((s) => s.id),
      farShiftIds: (roster.shifts ?? []).filter((s) => !near(s.dutyDate)).map((s) => s.id),
      periodIds: typeof period.id === 'number' ? [period.id] : [],
      victimTokenIds: typeof victimToken.id === 'number' ? [victimToken.id] : [],
      spotCheckIds: typeof check.id === 'number' ? [check.id] : [],
      swapIds: typeof swap.id === 'number' ? [swap.id] : [],
      disasterIds: typeof disaster.id === 'number' ? [disaster.id] : [],
      townshipIds: typeof township.id === 'number' ? [township.id] : [],
      feedKeys: feedKey ? [decodeURIComponent(feedKey)] : [],
      usernames: Object.keys(ids),
    },
    protectedUserIds: new Set(
      ['admin', 'o1', 'o2', 'o3', 'l1', 'l2', 'fresh'].map((n) => ids[n]!).filter((x) => x !== undefined),
    ),
    protectedTokenIds: new Set(typeof system.id === 'number' ? [system.id] : []),
    nearShiftIds: new Set((roster.shifts ?? []).filter((s) => near(s.dutyDate)).map((s) => s.id)),
    seedProblems: problems,
    knownBad: new Set(),
  };
}

// ---------------------------------------------------------------------------------------------
// Cases

export interface Case {
  caller: CallerName;
  url: string;
  method: Method;
  headers: Record<string, string>;
  /** Password checks come from many addresses, so the throttle does not delay the callers' own sign-ins. */
  remoteAddress?: string;
  /** JSON text or raw text; undefined: no body at all. */
  body?: string;
  contentType?: string;
  /** What was drawn, for the report. */
  drawn: { params?: unknown; query?: unknown; body?: unknown; raw?: string };
}

class RawSegment {
  constructor(readonly text: string) {}
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * Routes that check a password: their failures count against (address, account) and the address,
 * so their cases come from many addresses and the callers' own sign-ins (127.0.0.1) stay unthrottled.
 */
const PASSWORD_CHECKS = new Set(['/api/auth/login', '/api/auth/password']);

function allowedCallers(route: DeclaredRoute): CallerName[] {
  if (route.url === '/api/auth/logout') return ['fresh'];
  if (route.access === 'public') return ['none'];
  if (route.access === 'user') return ['officer', 'leader', 'admin'];
  const out: CallerName[] = [];
  for (const role of route.access) {
    if (role === 'officer') out.push('officer', 'officer2');
    else if (role === 'system') out.push('system');
    // The fuzz world has no community informant; the units tests call as one.
    else if (role === 'informant') continue;
    else out.push(role);
  }
  return out;
}

const nearDate = fc
  .date({ min: new Date('2026-02-01T00:00:00Z'), max: new Date('2026-05-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const nearInstant = fc
  .date({ min: new Date('2026-02-25T00:00:00Z'), max: new Date('2026-03-20T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

/** Known-good values by field: ids that exist, dates near the clock. */
function hintsFor(world: FuzzWorld, route: DeclaredRoute): Hints {
  const p = world.pools;
  const changes = route.method !== 'GET';
  const someOf = (values: readonly unknown[]) => (values.length > 0 ? fc.constantFrom(...values) : undefined);
  const anyId = (exclude: Set<number>) =>
    fc.integer({ min: 1, max: 2_147_483_647 }).filter((n) => !exclude.has(n));
  const idParam = (): fc.Arbitrary<unknown> | undefined => {
    const u = route.url;
    const [pool, exclude] = u.startsWith('/api/users')
      ? [changes ? p.victimUserIds : p.userIds, changes ? world.protectedUserIds : new Set<number>()]
      : u.startsWith('/api/tokens')
        ? [p.victimTokenIds, world.protectedTokenIds]
        : u.startsWith('/api/roster/shifts')
          ? [p.farShiftIds, world.nearShiftIds]
          : u.startsWith('/api/incidents')
            ? [p.incidentIds, new Set<number>()]
            : u.startsWith('/api/logbook')
              ? [p.logIds, new Set<number>()]
              : u.startsWith('/api/handovers')
                ? [p.handoverIds, new Set<number>()]
                : u.startsWith('/api/roster/periods')
                  ? [p.periodIds, new Set<number>()]
                  : u.startsWith('/api/spot-checks')
                    ? [p.spotCheckIds, new Set<number>()]
                    : u.startsWith('/api/roster/swaps')
                      ? [p.swapIds, new Set<number>()]
                      : u.startsWith('/api/disasters')
                        ? [p.disasterIds, new Set<number>()]
                        : [[], new Set<number>()];
    const known = someOf(pool);
    return known
      ? fc.oneof({ weight: 4, arbitrary: known }, { weight: 1, arbitrary: anyId(exclude) })
      : anyId(exclude);
  };
  return (path: Path, schema: Schema) => {
    const [part, name, ...rest] = path;
    const field =
      rest.length > 0
        ? rest[rest.length - 1] === '0'
          ? rest[rest.length - 2]
          : rest[rest.length - 1]
        : name;
    if (part === 'params' && name === 'id') return idParam();
    if (part === 'params' && name === 'number') return fc.integer({ min: 1, max: 4 });
    if (field === 'userId' || field === 'toUserId') return someOf(p.userIds);
    if (field === 'officers' || field === 'leaders' || field === 'backups') {
      return schema.type === 'integer' ? someOf(p.userIds) : undefined;
    }
    if (field === 'shiftId' || field === 'counterShiftId') return someOf(p.shiftIds);
    if (field === 'otherId') return someOf(p.incidentIds);
    if (route.url.startsWith('/api/disasters') && (field === 'unitId' || field === 'townships'))
      return schema.type === 'integer' ? someOf(p.townshipIds) : undefined;
    if (part === 'querystring' && name === 'key') return someOf(p.feedKeys);
    if (part === 'querystring' && name === 'user' && schema.anyOf) {
      return fc.oneof(fc.constant('all'), fc.constantFrom(...p.userIds.map(String)));
    }
    if (field === 'phoneConsentBy' || field === 'leader' || field === 'person') return someOf(p.usernames);
    // Sign-in attempts aim at the victims: a locked-out caller would end the run.
    if (route.url === '/api/auth/login' && field === 'username')
      return fc.constantFrom('victim1', 'victim2', 'nobody');
    if (field === 'month' && schema.pattern) return fc.constantFrom(MONTH, '2026-04', '2026-02');
    if (field === 'year') return fc.constant(2026);
    if (schema.format === 'date-time') return nearInstant;
    if (schema.format === 'date' || /\(0\[1-9\]\|1\[0-2\]\)-/.test(schema.pattern ?? '')) return nearDate;
    return undefined;
  };
}

/** Transport-level breakage: what no schema describes. */
const RAW_BODIES: readonly string[] = [
  '',
  '{',
  '{"a":',
  'nul',
  '[1,]',
  '{"a":1,}',
  "{'a':1}",
  '\ufeff{}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"a":{"__proto__":{"polluted":true}}}',
  '\u0000',
  'NaN',
  '1e999',
  '"\\ud800"',
  '{"a":"\\u0000"}',
  '\\x00\\xff',
];
const CONTENT_TYPES: readonly string[] = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'APPLICATION/JSON',
  'application/jsonx',
  'multipart/form-data; boundary=x',
  'application/json, text/plain',
];
const RAW_QUERIES: readonly string[] = [
  '%',
  '%ZZ=1',
  '%FF=%FF',
  '&&&',
  '=',
  'a[b]=1',
  '__proto__=1',
  '__proto__[polluted]=1',
  'constructor[prototype][polluted]=1',
  'limit=1&limit=2',
  'limit=',
  `q=${'x'.repeat(9000)}`,
];

/** Path segments sent as they are: broken percent-encoding, dots, encoded slashes. */
const RAW_SEGMENTS: readonly string[] = [
  '%',
  '%ZZ',
  '%FF',
  '%E0%A4%A',
  '%C0%AF',
  '..',
  '.',
  '%2F',
  '1%2F2',
  '1;2',
  '%00',
  '999999%00',
  '+999999',
  '9.99999e5',
  '0xF423F',
  '%20%20999999',
];

/**
 * Numbers in a path are coerced the way ajv does (`" +5 "` is 5, so is `0x5`): a segment that would
 * land on a protected id (a caller, the system token, today's shifts) is sent as a missing id instead.
 */
/**
 * Node refuses request heads over 16 KB (431) before Fastify sees them; inject does not, so longer
 * paths and query strings would only test what no client can send.
 */
const MAX_SEGMENT = 4000;
const MAX_QUERY = 12_000;

function fillUrl(url: string, params: unknown, protectedIds: ReadonlySet<number>): string {
  const guard = (whole: string) => {
    const segment = whole.slice(0, MAX_SEGMENT);
    let text: string;
    try {
      text = decodeURIComponent(segment);
    } catch {
      return segment;
    }
    const n = text.trim() === '' ? Number.NaN : Number(text);
    return Number.isFinite(n) && protectedIds.has(n) ? '999999' : segment;
  };
  if (params instanceof RawSegment) return url.replace(/:([a-zA-Z]+)/g, () => guard(params.text));
  const values = params !== null && typeof params === 'object' && !Array.isArray(params) ? params : undefined;
  return url.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
    const value = values ? (values as Record<string, unknown>)[name] : params;
    return value === undefined ? '' : guard(encode(toText(value)));
  });
}

/** Every kind of request to one route: inputs from its schemas, mostly valid, often broken. */
export function caseArb(world: FuzzWorld, route: DeclaredRoute): fc.Arbitrary<Case> {
  const schema = (route.schema ?? {}) as Record<string, Schema | undefined>;
  const options = { hints: hintsFor(world, route) };
  const method = route.method as Method;
  const protectedIds: ReadonlySet<number> =
    method === 'GET'
      ? new Set()
      : route.url.startsWith('/api/users')
        ? world.protectedUserIds
        : route.url.startsWith('/api/tokens')
          ? world.protectedTokenIds
          : route.url.startsWith('/api/roster/shifts')
            ? world.nearShiftIds
            : new Set();
  const params: fc.Arbitrary<unknown> = schema.params
    ? fc.oneof(
        { weight: 12, arbitrary: inputOf(schema.params, options, ['params']) },
        { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS).map((text) => new RawSegment(text)) },
      )
    : fc.constant(undefined);
  const query = schema.querystring
    ? fc.oneof(
        { weight: 8, arbitrary: inputOf(schema.querystring, options, ['querystring']).map((q) => ({ q })) },
        { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERIES).map((raw) => ({ raw })) },
      )
    : fc.oneof(
        { weight: 6, arbitrary: fc.constant({}) },
        { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERIES).map((raw) => ({ raw })) },
      );
  type Body = { value?: unknown; text?: string; contentType?: string };
  const jsonBody = (value: unknown): Body => ({
    value,
    text: toJsonText(value),
    contentType: 'application/json',
  });
  const rawBody = fc.oneof(
    fc.constantFrom(...RAW_BODIES).map((text): Body => ({ text, contentType: 'application/json' })),
    fc
      .tuple(fc.constantFrom('{}', 'a=1&b=2', '<x/>', '--x\r\n\r\n--x--'), fc.constantFrom(...CONTENT_TYPES))
      .map(([text, contentType]): Body => ({ text, contentType })),
    fc.constant<Body>({ text: '{}' }),
    fc.constant<Body>({ text: `{"a":"${'x'.repeat(1024 * 1024 + 10)}"}`, contentType: 'application/json' }),
  );
  let body: fc.Arbitrary<Body>;
  if (schema.body) {
    const drawn = inputOf(schema.body, options, ['body']);
    const duplicateKeys = validOf(schema.body, options, ['body']).map((value): Body => {
      const text = toJsonText(value);
      const first = Object.keys(value as object)[0];
      return first && text.startsWith('{') && text.length > 2
        ? {
            value,
            text: `${text.slice(0, -1)},${JSON.stringify(first)}:[{"dup":true}]}`,
            contentType: 'application/json',
          }
        : { value, text, contentType: 'application/json' };
    });
    const sameAsOther = fc
      .tuple(validOf(schema.body, options, ['body']), fc.constantFrom(...CONTENT_TYPES))
      .map(([value, contentType]): Body => ({ value, text: toJsonText(value), contentType }));
    body = fc.oneof(
      { weight: 16, arbitrary: drawn.map(jsonBody) },
      { weight: 1, arbitrary: rawBody },
      { weight: 1, arbitrary: duplicateKeys },
      { weight: 1, arbitrary: sameAsOther },
      { weight: 1, arbitrary: fc.constant<Body>({}) },
    );
  } else if (BODY_METHODS.has(method)) {
    body = fc.oneof(
      { weight: 4, arbitrary: fc.constant<Body>({}) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map(jsonBody) },
      { weight: 1, arbitrary: rawBody },
    );
  } else {
    body = fc.constant<Body>({});
  }
  const headerSchema = schema.headers?.properties?.['idempotency-key'];
  const idempotency = headerSchema
    ? fc.option(
        fc.oneof(
          { weight: 3, arbitrary: validOf(headerSchema) as fc.Arbitrary<string> },
          { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
          {
            weight: 1,
            arbitrary: fc.constantFrom(
              '',
              'short',
              'x'.repeat(201),
              'a b c d e f',
              'key\u00e9\u00e9\u00e9\u00e9',
            ),
          },
        ),
        { freq: 2 },
      )
    : fc.constant(null);
  return fc
    .record({
      caller: fc.constantFrom(...allowedCallers(route)),
      params,
      query,
      body,
      idempotency,
      remoteAddress: PASSWORD_CHECKS.has(route.url) ? fc.ipV4() : fc.constant(undefined),
    })
    .map(({ caller, params: p, query: q, body: b, idempotency: key, remoteAddress }): Case => {
      const qs = ('raw' in q ? q.raw : 'q' in q ? toQueryString(q.q) : '').slice(0, MAX_QUERY);
      const headers: Record<string, string> = {};
      // Header values must be sendable: latin-1 without control characters.
      if (key !== null) headers['idempotency-key'] = key.replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
      return {
        caller,
        method,
        url: `${fillUrl(route.url, p, protectedIds)}${qs ? `?${qs}` : ''}`,
        headers,
        ...(remoteAddress ? { remoteAddress } : {}),
        ...(BODY_METHODS.has(method) && b.text !== undefined ? { body: b.text } : {}),
        ...(b.contentType ? { contentType: b.contentType } : {}),
        drawn: {
          ...(p !== undefined ? { params: p } : {}),
          ...('q' in q ? { query: q.q } : 'raw' in q ? { raw: q.raw } : {}),
          ...(b.value !== undefined ? { body: b.value } : b.text !== undefined ? { raw: b.text } : {}),
        },
      };
    });
}

// ---------------------------------------------------------------------------------------------
// Running a case and judging the answer

const short = (text: string, max = 160) =>
  text.length <= max ? text : `${text.slice(0, max)}…(${text.length} chars)`;

export function describeCase(c: Case): string {
  const body = c.body === undefined ? 'no body' : short(JSON.stringify(c.body), 240);
  return `${c.caller}: ${c.method} ${short(c.url, 200)} [${c.contentType ?? 'no content-type'}] ${body}`;
}

async function headersFor(world: FuzzWorld, caller: CallerName): Promise<Record<string, string>> {
  switch (caller) {
    case 'none':
      return {};
    case 'system':
      return world.bearer;
    case 'fresh':
      return (await signIn(world.t.app, 'fresh', USER_PASSWORD)).headers;
    default:
      return world.sessions[caller].headers;
  }
}

export interface Outcome {
  status: number;
  code?: string;
  ms: number;
}

const CASE_TIMEOUT_MS = 15_000;
/** 5xx answers that are part of the catalogue, not failures (none so far). */
const DOCUMENTED_5XX = new Set<string>();

/** Sends one case and judges the answer: `problems` is empty when all is well. */
export async function runCase(world: FuzzWorld, c: Case): Promise<Outcome & { problems: string[] }> {
  const { t } = world;
  const logStart = t.logs.length;
  const headers: Record<string, string> = { ...(await headersFor(world, c.caller)), ...c.headers };
  if (c.contentType !== undefined) headers['content-type'] = c.contentType;
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const res = await Promise.race([
    t.app.inject({
      method: c.method,
      url: c.url,
      headers,
      ...(c.remoteAddress ? { remoteAddress: c.remoteAddress } : {}),
      ...(c.body !== undefined ? { payload: c.body } : {}),
    }),
    new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${CASE_TIMEOUT_MS} ms (hang)`)),
        CASE_TIMEOUT_MS,
      );
    }),
  ]).finally(() => clearTimeout(timer));
  const ms = performance.now() - started;
  const problems: string[] = [];
  let code: string | undefined;
  if (res.statusCode >= 400) {
    let body: { error?: { code?: unknown; message?: unknown } } | undefined;
    try {
      body = res.json();
    } catch {
      problems.push(`${res.statusCode} body is not JSON: ${short(res.body)}`);
    }
    const error = body?.error;
    if (
      body &&
      (typeof error?.code !== 'string' || typeof error.message !== 'string' || error.message === '')
    ) {
      problems.push(`${res.statusCode} body is not {error:{code,message}}: ${short(res.body)}`);
    } else if (body) {
      code = error!.code as string;
      const known = (ERRORS as Record<string, number>)[code];
      if (!/^DUTY_ERR_[A-Z_]+$/.test(code) || known === undefined)
        problems.push(`${res.statusCode} with a code outside the catalogue: ${code}`);
      else if (known !== res.statusCode)
        problems.push(`${code} answered with ${res.statusCode}, catalogue says ${known}`);
    }
  }
  if (res.statusCode < 200 || res.statusCode >= 600)
    problems.push(`no HTTP status (${res.statusCode}): ${short(res.body)}`);
  if (res.statusCode >= 500 && !(code && DOCUMENTED_5XX.has(code)))
    problems.push(`answered ${res.statusCode}: ${short(res.body, 300)}`);
  const errors = errorLines(t.logs.slice(logStart));
  if (errors.length > 0) problems.push(`logged at error level:\n${errors.join('\n')}`);
  // The fuzzer only needs error lines; the rest would grow without bound over a long run.
  t.logs.length = 0;
  return { status: res.statusCode, ...(code ? { code } : {}), ms, problems };
}

/** What makes two failures the same bug: the first problem line and the first server frame of its stack. */
export function signature(problems: readonly string[]): string {
  const first = (problems[0] ?? '')
    .split('\n')[0]!
    .replace(/\d+ chars/g, 'n chars')
    .slice(0, 100);
  const text = problems.join('\n');
  const frame = /at (?:\S+ )?\(?(\/[^)\s]*\/server\/[^)\s]+)\)?/
    .exec(text)?.[1]
    ?.replace(/^.*\/server\//, 'server/');
  const fastifyCode = /"code":"(FST_[A-Z_]+)"/.exec(first)?.[1];
  const kind = first.startsWith('answered')
    ? first.slice(0, 12)
    : `${first.replace(/:.*$/, '')}${fastifyCode ? ` (${fastifyCode})` : ''}`;
  return frame ? `${kind} @ ${frame}` : kind;
}

/** Log lines at level error (50) or above, each with its message and the top of its stack. */
export function errorLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    let entry: {
      level?: number;
      msg?: string;
      err?: { type?: string; message?: string; stack?: string };
      req?: { url?: string };
    };
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    if ((entry.level ?? 0) < 50) continue;
    const stack = (entry.err?.stack ?? entry.err?.message ?? '').split('\n').slice(0, 8).join('\n      ');
    out.push(
      `  [${entry.level}] ${entry.msg ?? ''} ${entry.req?.url ? short(entry.req.url, 120) : ''}\n      ${stack}`,
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// A route's property

export interface Finding {
  signature: string;
  count: number;
  /** The smallest case seen for it, with what went wrong. */
  example: string;
  size: number;
}

export interface RouteStats {
  route: string;
  cases: number;
  byStatus: Record<string, number>;
  ms: number;
  /** The longest single answer, and what was asked. */
  slowestMs: number;
  slowest?: string;
  /** `assert`: the first failure, shrunk by fast-check, with its seed. */
  failure?: string;
  /** `survey`: every distinct failure, each with the smallest case that showed it. */
  findings: Finding[];
  /** Invariants broken after this route's cases. */
  invariants: string[];
}

export interface FuzzRunOptions {
  numRuns: number;
  /** Stop drawing new cases after this long (the bench); the test runs its numRuns. */
  timeLimitMs?: number;
  seed?: number;
  /** assert (default): stop at the first failure and shrink it; survey: keep going, group failures. */
  mode?: 'assert' | 'survey';
  /** Check the stored data after this route (attributes a broken invariant to the route). */
  invariants?: boolean;
}

/** Runs one route's property; never throws, failures are in the stats. */
export async function fuzzRoute(
  world: FuzzWorld,
  route: DeclaredRoute,
  options: FuzzRunOptions,
): Promise<RouteStats> {
  const stats: RouteStats = {
    route: `${route.method} ${route.url}`,
    cases: 0,
    byStatus: {},
    ms: 0,
    slowestMs: 0,
    findings: [],
    invariants: [],
  };
  const survey = options.mode === 'survey';
  const findings = new Map<string, Finding>();
  const started = performance.now();
  const restore = await snapshotSettings(world, route);
  await refreshSessions(world);
  const property = fc.asyncProperty(caseArb(world, route), async (c) => {
    let outcome: Awaited<ReturnType<typeof runCase>>;
    try {
      outcome = await runCase(world, c);
    } catch (err) {
      outcome = { status: 0, ms: 0, problems: [`${(err as Error).message}\n  case: ${describeCase(c)}`] };
    }
    stats.cases += 1;
    const bucket = `${outcome.status}${outcome.code ? ` ${outcome.code}` : ''}`;
    stats.byStatus[bucket] = (stats.byStatus[bucket] ?? 0) + 1;
    if (outcome.ms > stats.slowestMs) {
      stats.slowestMs = outcome.ms;
      stats.slowest = describeCase(c);
    }
    if (outcome.problems.length === 0) return;
    const message = `${outcome.problems.join('\n')}\n  case: ${describeCase(c)}`;
    if (!survey) throw new Error(message);
    const key = signature(outcome.problems);
    const size = (c.body?.length ?? 0) + c.url.length;
    const seen = findings.get(key);
    if (!seen) findings.set(key, { signature: key, count: 1, example: message, size });
    else {
      seen.count += 1;
      if (size < seen.size) Object.assign(seen, { example: message, size });
    }
  });
  const details = await fc.check(property, {
    numRuns: options.numRuns,
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.timeLimitMs !== undefined
      ? { interruptAfterTimeLimit: options.timeLimitMs, markInterruptAsFailure: false }
      : {}),
  });
  if (details.failed) {
    const message =
      details.errorInstance instanceof Error
        ? details.errorInstance.message
        : fc.defaultReportMessage(details);
    stats.failure = `${message}\n  reproduce with FUZZ_SEED=${details.seed} (path "${details.counterexamplePath}")`;
  }
  stats.findings = [...findings.values()];
  await restore();
  const health = await world.t.app.inject({ method: 'GET', url: '/api/health' });
  if (health.statusCode !== 200)
    stats.failure = `${stats.failure ?? ''}\nGET /api/health answered ${health.statusCode} afterwards`;
  if (options.invariants) {
    stats.invariants = (await checkInvariants(world)).filter((line) => !world.knownBad.has(line));
    for (const line of stats.invariants) world.knownBad.add(line);
  }
  stats.ms = performance.now() - started;
  return stats;
}

/** Settings changed by the fuzzer are put back after the route, so the next routes see the same duty day. */
async function snapshotSettings(world: FuzzWorld, route: DeclaredRoute): Promise<() => Promise<void>> {
  if (route.method !== 'PUT' || !route.url.startsWith('/api/settings/')) return async () => {};
  const admin = world.sessions.admin;
  // The profile in force is read from the list; other settings from the same URL.
  const profileInForce = route.url === '/api/settings/deadline-profiles/active';
  const read = await call(
    world.t,
    admin,
    'GET',
    profileInForce ? '/api/settings/deadline-profiles' : route.url,
  );
  if (read.status !== 200) return async () => {}; // e.g. a copy that does not exist: nothing to change
  const before = profileInForce ? { id: (read.body as { active: string }).active } : (read.body as object);
  return async () => {
    await refreshSessions(world);
    const res = await call(world.t, world.sessions.admin, 'PUT', route.url, before);
    if (res.status !== 200)
      throw new Error(`could not restore ${route.url}: ${res.status} ${JSON.stringify(res.body)}`);
  };
}

/** Signs the callers in again if a case ended their session (a password change, say). */
export async function refreshSessions(world: FuzzWorld): Promise<void> {
  for (const who of ['admin', 'officer', 'officer2', 'leader'] as const) {
    const me = await world.t.app.inject(as(world.sessions[who], { method: 'GET', url: '/api/auth/me' }));
    if (me.statusCode === 200) continue;
    const password = who === 'admin' ? ADMIN_PASSWORD : USER_PASSWORD;
    try {
      world.sessions[who] = await signIn(world.t.app, world.usernames[who], password);
    } catch (err) {
      const row = await world.t.app.db
        .selectFrom('users')
        .select(['id', 'username', 'roles', 'enabled', 'updated_at'])
        .where('username', '=', world.usernames[who])
        .executeTakeFirst();
      throw new Error(
        `${(err as Error).message}; session check said ${me.statusCode} ${me.body}; user row ${JSON.stringify(row)}`,
      );
    }
  }
}

/** Reads first, then changes, then what ends things (close, delete, revoke, log out). */
export function fuzzOrder(routes: readonly DeclaredRoute[]): DeclaredRoute[] {
  const rank = (r: DeclaredRoute) =>
    r.method === 'GET'
      ? 0
      : r.method === 'DELETE' || /\/(close|revoke|cancel|reject|logout)$/.test(r.url)
        ? 2
        : 1;
  return [...routes].sort((a, b) => rank(a) - rank(b));
}

// ---------------------------------------------------------------------------------------------
// What must hold in the database whatever was sent

const GRADES = new Set(['I', 'II', 'III', 'IV']);
const STAGES = new Set(['received', 'verified', 'reported', 'handling', 'closed']);
const ROLES = new Set<string>(ROLE_NAMES);
const CASUALTY_KEYS = new Set([
  'deaths',
  'missing',
  'seriousInjuries',
  'poisoned',
  'minorInjuries',
  'injuredUnknown',
  'trapped',
  'endangered',
  'evacuated',
]);
const SOURCES = new Set(['phone', 'api', 'walk_in', 'monitoring', 'tip_off', 'media']);
const SHIFT_ROLES = new Set(['officer', 'leader', 'backup']);
const SHIFT_KINDS = new Set(['full', 'day', 'night']);
const LOG_KINDS = new Set(['call', 'notice', 'instruction', 'equipment', 'note']);

/** The storage form of an instant (server/time.ts): text order must be time order. */
const STORED_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const INSTANT_COLUMNS = {
  incidents: ['occurred_at', 'received_at', 'verified_at', 'acknowledged_at', 'closed_at', 'next_due_at'],
  incident_obligations: ['due_at', 'done_at', 'overdue_raised_at'],
  incident_reports: ['sent_at'],
  incident_actions: ['at'],
  incident_signoffs: ['requested_at', 'decided_at'],
  logbook_entries: ['at'],
  spot_checks: ['issued_at', 'due_at', 'answered_at'],
  roster_shifts: ['start_at', 'end_at', 'check_in_at', 'check_out_at', 'check_in_due_at'],
  events: ['at'],
} as const;

const realDate = (d: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
const realInstant = (s: string | null) => s === null || !Number.isNaN(Date.parse(s));

export async function checkInvariants(world: FuzzWorld): Promise<string[]> {
  const db = world.t.app.db;
  const bad: string[] = [];
  for (const i of await db.selectFrom('incidents').selectAll().execute()) {
    const where = `incident ${i.id}`;
    if (i.grade !== null && !GRADES.has(i.grade)) bad.push(`${where}: grade ${JSON.stringify(i.grade)}`);
    if (i.manual_grade !== null && !GRADES.has(i.manual_grade))
      bad.push(`${where}: manual grade ${i.manual_grade}`);
    if (!STAGES.has(i.stage)) bad.push(`${where}: stage ${JSON.stringify(i.stage)}`);
    if (!(CATEGORIES as readonly string[]).includes(i.category)) bad.push(`${where}: category ${i.category}`);
    if (!SOURCES.has(i.source)) bad.push(`${where}: source ${i.source}`);
    if (i.lat !== null && !(i.lat >= -90 && i.lat <= 90)) bad.push(`${where}: lat ${i.lat}`);
    if (i.lng !== null && !(i.lng >= -180 && i.lng <= 180)) bad.push(`${where}: lng ${i.lng}`);
    if (!realInstant(i.occurred_at) || !realInstant(i.received_at))
      bad.push(`${where}: times ${i.occurred_at} ${i.received_at}`);
    try {
      const c = JSON.parse(i.casualties) as Record<string, unknown>;
      if (typeof c !== 'object' || c === null || Array.isArray(c))
        bad.push(`${where}: casualties ${i.casualties}`);
      else
        for (const [k, v] of Object.entries(c)) {
          if (!CASUALTY_KEYS.has(k) || !Number.isSafeInteger(v) || (v as number) < 0)
            bad.push(`${where}: casualties ${k}=${JSON.stringify(v)}`);
        }
    } catch {
      bad.push(`${where}: casualties not JSON: ${i.casualties.slice(0, 80)}`);
    }
  }
  for (const u of await db.selectFrom('users').selectAll().execute()) {
    const roles = u.roles.split(',');
    if (roles.length === 0 || roles.some((r) => !ROLES.has(r)))
      bad.push(`user ${u.id}: roles ${JSON.stringify(u.roles)}`);
    if (!/^[a-z0-9][a-z0-9._-]*$/.test(u.username))
      bad.push(`user ${u.id}: username ${JSON.stringify(u.username)}`);
    if (![0, 1].includes(Number(u.enabled)) || ![0, 1].includes(Number(u.qualified)))
      bad.push(`user ${u.id}: flags`);
  }
  const reports = await db
    .selectFrom('incident_reports')
    .select(['incident_id', 'number'])
    .orderBy('incident_id')
    .orderBy('number')
    .execute();
  const numbers = new Map<number, number[]>();
  for (const r of reports)
    numbers.set(r.incident_id, [...(numbers.get(r.incident_id) ?? []), Number(r.number)]);
  for (const [incident, list] of numbers) {
    if (list.some((n, i) => n !== i + 1)) bad.push(`incident ${incident}: report numbers ${list.join(',')}`);
  }
  for (const s of await db.selectFrom('roster_shifts').selectAll().execute()) {
    if (!SHIFT_ROLES.has(s.role) || !SHIFT_KINDS.has(s.kind) || !realDate(s.duty_date))
      bad.push(`shift ${s.id}: ${s.role} ${s.kind} ${s.duty_date}`);
    if (s.month !== s.duty_date.slice(0, 7)) bad.push(`shift ${s.id}: month ${s.month} for ${s.duty_date}`);
    const hours = (Date.parse(s.end_at) - Date.parse(s.start_at)) / 3_600_000;
    // A year misread (0050 stored as 1950) or a day rolled over shows as a shift of impossible length.
    if (!(hours > 0 && hours <= 25)) bad.push(`shift ${s.id}: ${s.start_at}..${s.end_at} (${hours} h)`);
    if (!/^(19|2\d)\d{2}-/.test(s.duty_date)) bad.push(`shift ${s.id}: year of ${s.duty_date}`);
  }
  for (const p of await db.selectFrom('duty_periods').selectAll().execute()) {
    if (!realDate(p.from_date) || !realDate(p.to_date) || p.to_date < p.from_date)
      bad.push(`period ${p.id}: ${p.from_date}..${p.to_date}`);
  }
  for (const e of await db.selectFrom('logbook_entries').select(['id', 'kind', 'at']).execute()) {
    if (!LOG_KINDS.has(e.kind) || !realInstant(e.at)) bad.push(`log entry ${e.id}: ${e.kind} ${e.at}`);
  }
  for (const [table, columns] of Object.entries(INSTANT_COLUMNS)) {
    const rows = (await db
      .selectFrom(table as 'incidents')
      .select(columns as unknown as 'occurred_at'[])
      .execute()) as unknown as Record<string, unknown>[];
    for (const row of rows)
      for (const column of columns) {
        const v = row[column];
        if (v !== null && v !== undefined && !(typeof v === 'string' && STORED_INSTANT.test(v)))
          bad.push(`${table}.${column}: ${JSON.stringify(v)}`);
      }
  }
  await refreshSessions(world);
  const chain = await call(world.t, world.sessions.admin, 'GET', '/api/events/verify');
  const report = chain.body as { ok?: boolean; reason?: string };
  if (chain.status !== 200 || report.ok !== true)
    bad.push(`event chain: ${chain.status} ${JSON.stringify(chain.body)}`);
  const health = await world.t.app.inject({ method: 'GET', url: '/api/health' });
  if (health.statusCode !== 200) bad.push(`GET /api/health: ${health.statusCode}`);
  return bad;
}
