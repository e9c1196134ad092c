import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { addDays } from '@shared/domain/duty-day';
import { LocalDate, Month } from '@shared/schemas/roster';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { DutyError } from '../../errors';
import { actorOf, userOf } from '../../plugins/auth';
import { feedOwner, revokeFeed, rotateFeedSecret } from './calendar-feed';
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
    /** A person's id, or `all` for the whole roster. */
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

  // Calendar apps cannot sign in: the feed secret in the URL stands for the session (revocable).
  app.get(
    '/api/roster.ics',
    { config: { access: 'public' }, schema: { querystring: IcsQuery } },
    async (req, reply) => {
      const subscriber = req.query.key
        ? await feedOwner(app.db, req.query.key)
        : req.principal?.kind === 'user'
          ? req.principal.user.id
          : undefined;
      if (subscriber === undefined)
        throw new DutyError(
          'DUTY_ERR_UNAUTHENTICATED',
          'a calendar feed key or a signed-in session is needed',
        );
      const who = req.query.user ?? String(subscriber);
      const now = app.clock.now();
      const from = addDays(now.toISOString().slice(0, 10), -31);
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
