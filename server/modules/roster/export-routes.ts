import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { addDays, dutyDayOf } from '@shared/domain/duty-day';
import { IdParams } from '@shared/schemas/common';
import {
  IssuedRosterFeed,
  LocalDate,
  Month,
  NewRosterFeedBody,
  RosterFeedKey,
  RosterFeedList,
} from '@shared/schemas/roster';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { DutyError } from '../../errors';
import { ADMIN } from '../../plugins/access';
import { actorOf, userOf } from '../../plugins/auth';
import { getDutySettings } from '../settings/service';
import {
  feedReader,
  issueRosterFeed,
  listRosterFeeds,
  revokeFeed,
  revokeRosterFeed,
  rotateFeedSecret,
} from './calendar-feed';
import { hoursCsv, hoursReport, rosterCsv, shiftsIcs } from './exports';
import * as repo from './repo';

const HoursQuery = Type.Object(
  {
    from: LocalDate,
    to: LocalDate,
    format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
  },
  { additionalProperties: false },
);
const HoursRow = Type.Object(
  {
    userId: Type.Integer(),
    name: Type.String(),
    total: Type.Number(),
    nights: Type.Number(),
    weekends: Type.Number(),
    holidays: Type.Number(),
    shifts: Type.Integer(),
  },
  { additionalProperties: false },
);
const IcsQuery = Type.Object(
  {
    /** A person's id, or `all` for the whole roster (a personal key reads only its owner). */
    user: Type.Optional(Type.Union([Type.Literal('all'), Type.String({ pattern: '^[1-9][0-9]{0,9}$' })])),
    /** The subscriber's feed secret; without it a signed-in session is needed. */
    key: Type.Optional(Type.String({ minLength: 16, maxLength: 64 })),
  },
  { additionalProperties: false },
);

export async function exportRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const zone = app.config.tzName;

  app.get(
    '/api/roster.csv',
    {
      config: { access: 'user' },
      schema: { querystring: Type.Object({ month: Month }, { additionalProperties: false }) },
    },
    async (req, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="roster-${req.query.month}.csv"`)
        .send(await rosterCsv(app.db, zone, req.query.month)),
  );

  app.get(
    '/api/roster/hours',
    {
      config: { access: 'user' },
      schema: {
        querystring: HoursQuery,
        response: {
          200: Type.Union([
            Type.Object({ rows: Type.Array(HoursRow) }, { additionalProperties: false }),
            Type.String(),
          ]),
        },
      },
    },
    async (req, reply) => {
      const { from, to, format } = req.query;
      if (to < from || addDays(from, 400) < to)
        throw new DutyError('DUTY_ERR_VALIDATION', 'querystring.to must be 0 to 400 days after from');
      const rows = await hoursReport(app.db, zone, from, to);
      if (format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="duty-hours-${from}-${to}.csv"`)
          .send(hoursCsv(rows));
      }
      return { rows };
    },
  );

  app.post(
    '/api/roster/calendar-feed',
    {
      config: { access: 'user' },
      schema: { response: { 200: Type.Object({ url: Type.String() }, { additionalProperties: false }) } },
    },
    async (req) => {
      const me = userOf(req);
      const secret = await app.command(actorOf(req), (tx) => rotateFeedSecret(tx, me.user.id));
      return { url: `/api/roster.ics?user=${me.user.id}&key=${secret}` };
    },
  );

  app.delete('/api/roster/calendar-feed', { config: { access: 'user' }, schema: {} }, async (req) => {
    const me = userOf(req);
    await app.command(actorOf(req), (tx) => revokeFeed(tx, me.user.id));
    return { ok: true };
  });

  // Whole-roster feeds (a duty-room display, a bureau calendar): a key of their own, issued and
  // revoked by an administrator; a personal key never reads beyond its owner.
  app.get(
    '/api/roster/feeds',
    { config: { access: ADMIN }, schema: { response: { 200: RosterFeedList } } },
    async () => ({ feeds: await listRosterFeeds(app.db) }),
  );

  app.post(
    '/api/roster/feeds',
    { config: { access: ADMIN }, schema: { body: NewRosterFeedBody, response: { 201: IssuedRosterFeed } } },
    async (req, reply) => {
      const { feed, secret } = await app.command(actorOf(req), (tx) => issueRosterFeed(tx, req.body.label));
      return reply.status(201).send({ feed, url: `/api/roster.ics?user=all&key=${secret}` });
    },
  );

  app.delete(
    '/api/roster/feeds/:id',
    { config: { access: ADMIN }, schema: { params: IdParams, response: { 200: RosterFeedKey } } },
    async (req) => app.command(actorOf(req), (tx) => revokeRosterFeed(tx, req.params.id)),
  );

  // Calendar apps cannot sign in: the feed secret in the URL stands for the session (revocable).
  app.get(
    '/api/roster.ics',
    { config: { access: 'public' }, schema: { querystring: IcsQuery } },
    async (req, reply) => {
      const reader = req.query.key ? await feedReader(app.db, req.query.key) : undefined;
      // Signed in, a person may read anyone's shifts anyway (GET /api/roster).
      const signedIn = !req.query.key && req.principal?.kind === 'user' ? req.principal.user.id : undefined;
      if (!reader && signedIn === undefined)
        throw new DutyError(
          'DUTY_ERR_UNAUTHENTICATED',
          'a calendar feed key or a signed-in session is needed',
        );
      const who =
        req.query.user ??
        (reader?.kind === 'roster' ? 'all' : String(reader?.kind === 'personal' ? reader.userId : signedIn));
      if (reader?.kind === 'personal' && who !== String(reader.userId)) {
        throw new DutyError(
          'DUTY_ERR_FORBIDDEN',
          "a personal calendar feed key reads only its owner's shifts; the whole roster needs a whole-roster feed key from an administrator",
        );
      }
      // A month back and three ahead of today's duty day in the bureau's zone (not the UTC date).
      const today = dutyDayOf(app.clock.now(), zone, (await getDutySettings(app.db)).handoverTime);
      const from = addDays(today, -31);
      const to = addDays(from, 31 + 92);
      const all = await repo.shiftsOnDays(app.db, from, to);
      const shifts = who === 'all' ? all : all.filter((s) => s.userId === Number(who));
      const name = who === 'all' ? '值班表' : `值班表 · ${shifts[0]?.userName ?? who}`;
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(shiftsIcs(name, shifts, zone));
    },
  );
}
