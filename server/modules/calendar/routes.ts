import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  CalendarDateParams,
  CalendarDaysBody,
  CalendarOverride,
  CalendarStatus,
  CalendarYear,
  CalendarYearQuery,
} from '@shared/schemas/calendar';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ADMIN } from '../../plugins/access';
import { actorOf } from '../../plugins/auth';
import { getDutySettings } from '../settings/service';
import { calendarStatus, calendarYear, clearCalendarDay, setCalendarDays } from './service';

export async function calendarRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const zone = app.config.tzName;

  app.get(
    '/api/calendar',
    {
      config: { access: 'user' },
      schema: { querystring: CalendarYearQuery, response: { 200: CalendarYear } },
    },
    async (req) => calendarYear(app.db, req.query.year, await getDutySettings(app.db)),
  );

  app.get(
    '/api/calendar/status',
    { config: { access: 'user' }, schema: { response: { 200: CalendarStatus } } },
    async () => calendarStatus(app.db, zone, app.clock.now()),
  );

  app.put(
    '/api/calendar/days',
    {
      config: { access: ADMIN },
      schema: {
        body: CalendarDaysBody,
        response: {
          200: Type.Object({ days: Type.Array(CalendarOverride) }, { additionalProperties: false }),
        },
      },
    },
    async (req) => ({ days: await app.command(actorOf(req), (tx) => setCalendarDays(tx, req.body.days)) }),
  );

  app.delete(
    '/api/calendar/days/:date',
    {
      config: { access: ADMIN },
      schema: { params: CalendarDateParams, response: { 200: CalendarOverride } },
    },
    async (req) => app.command(actorOf(req), (tx) => clearCalendarDay(tx, req.params.date)),
  );
}
