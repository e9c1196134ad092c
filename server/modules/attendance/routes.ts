import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AttendanceBody, DutyAtQuery, DutyNow, MyShifts } from '@shared/schemas/attendance';
import { Shift } from '@shared/schemas/roster';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf, userOf } from '../../plugins/auth';
import { dutyAt } from './duty-now';
import { checkIn, checkOut, myShifts } from './service';

const ROSTERED = ['officer', 'leader'] as const;

export async function attendanceRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const zone = app.config.tzName;

  // Administrators see who to call (with phones) when the post falls short.
  const withPhones = (req: FastifyRequest) => ({
    withPhones: req.principal?.kind === 'user' && req.principal.user.roles.includes('admin'),
  });

  app.get(
    '/api/duty/now',
    { config: { access: 'user' }, schema: { response: { 200: DutyNow } } },
    async (req) => dutyAt(app.db, zone, app.clock.now(), withPhones(req)),
  );

  app.get(
    '/api/duty/at',
    { config: { access: 'user' }, schema: { querystring: DutyAtQuery, response: { 200: DutyNow } } },
    async (req) => dutyAt(app.db, zone, new Date(req.query.time), withPhones(req)),
  );

  app.get(
    '/api/attendance/mine',
    { config: { access: 'user' }, schema: { response: { 200: MyShifts } } },
    async (req) => myShifts(app.db, userOf(req).user.id, app.clock.now()),
  );

  app.post(
    '/api/attendance/check-in',
    { config: { access: ROSTERED }, schema: { body: AttendanceBody, response: { 200: Shift } } },
    async (req) => app.command(actorOf(req), (tx) => checkIn(tx, userOf(req).user.id, req.body.shiftId)),
  );

  app.post(
    '/api/attendance/check-out',
    { config: { access: ROSTERED }, schema: { body: AttendanceBody, response: { 200: Shift } } },
    async (req) => app.command(actorOf(req), (tx) => checkOut(tx, userOf(req).user.id, req.body.shiftId)),
  );
}
