import { dutyDayOf, monthRange } from '@shared/domain/duty-day';
import type { FastifyInstance } from 'fastify';
import { generateRoster, publishMonth, shiftsOnDays } from '../modules/roster/service';
import { getDutySettings } from '../modules/settings/service';
import { findUserByUsername } from '../modules/users/service';

const OFFICERS = ['wangfang', 'lijun', 'zhaolei', 'chenjing'];
const LEADERS = ['liuqiang', 'sunli'];

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** A published roster for this month and next, once, if the demo people exist. */
export async function seedRosterDemo(app: FastifyInstance): Promise<boolean> {
  const zone = app.config.tzName;
  const settings = await getDutySettings(app.db);
  const month = dutyDayOf(app.clock.now(), zone, settings.handoverTime).slice(0, 7);
  const { from } = monthRange(month);
  const { to } = monthRange(nextMonth(month));
  if ((await shiftsOnDays(app.db, from, to)).length > 0) return false;
  const ids = async (names: string[]) => {
    const rows = await Promise.all(names.map((n) => findUserByUsername(app.db, n)));
    return rows.flatMap((r) => (r ? [r.id] : []));
  };
  const officers = await ids(OFFICERS);
  const leaders = await ids(LEADERS);
  if (officers.length < OFFICERS.length || leaders.length < LEADERS.length) return false;
  await app.command('system', async (tx) => {
    await generateRoster(tx, zone, { from, to, officers, leaders });
    for (const m of [month, nextMonth(month)]) await publishMonth(tx, zone, m, '演示数据 (demo data)');
  });
  return true;
}
