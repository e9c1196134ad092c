import type { RosterView } from '@shared/schemas/roster';
import type { FastifyInstance } from 'fastify';
import { as, createUser, type Session } from './app';

/**
 * Generates and publishes March 2026 through the API (the month most tests play in) and returns
 * the roster. `overrideReason` publishes a roster whose checks fail (e.g. too few officers to rest).
 */
export async function publishMarch(
  app: FastifyInstance,
  admin: Session,
  people: { officers: number[]; leaders: number[]; overrideReason?: string },
): Promise<RosterView> {
  const payload = {
    from: '2026-03-01',
    to: '2026-03-31',
    officers: people.officers,
    leaders: people.leaders,
  };
  const generated = await app.inject(as(admin, { method: 'POST', url: '/api/roster/generate', payload }));
  if (generated.statusCode !== 200)
    throw new Error(`generate failed: ${generated.statusCode} ${generated.body}`);
  const publish = {
    month: '2026-03',
    ...(people.overrideReason ? { overrideReason: people.overrideReason } : {}),
  };
  const published = await app.inject(
    as(admin, { method: 'POST', url: '/api/roster/publish', payload: publish }),
  );
  if (published.statusCode !== 200)
    throw new Error(`publish failed: ${published.statusCode} ${published.body}`);
  return (
    await app.inject(as(admin, { method: 'GET', url: '/api/roster?from=2026-03-01&to=2026-03-31' }))
  ).json();
}

/**
 * Officers by username (→ display name) and the leader liuqiang (刘强), created through the API, and
 * March 2026 published for them (its checks overridden: three officers cannot all rest as required).
 */
export async function publishMarchFor(
  app: FastifyInstance,
  admin: Session,
  officers: Record<string, string>,
): Promise<RosterView> {
  const ids: number[] = [];
  for (const [username, displayName] of Object.entries(officers))
    ids.push((await createUser(app, admin, { username, roles: ['officer'], displayName })).id);
  const leader = await createUser(app, admin, {
    username: 'liuqiang',
    roles: ['leader'],
    displayName: '刘强',
  });
  return publishMarch(app, admin, { officers: ids, leaders: [leader.id], overrideReason: 'test' });
}
