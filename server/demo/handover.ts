import { addDays, dutyDayOf } from '@shared/domain/duty-day';
import type { NewLogEntry } from '@shared/schemas/logbook';
import type { Shift } from '@shared/schemas/roster';
import type { FastifyInstance } from 'fastify';
import type { Tx } from '../events/command';
import { checkIn } from '../modules/attendance/service';
import { acceptHandover, anyHandover, submitHandover } from '../modules/handover/service';
import { addEntry } from '../modules/logbook/service';
import { generateRoster, shiftsOnDays } from '../modules/roster/service';
import { getDutySettings } from '../modules/settings/service';
import { getUser } from '../modules/users/service';
import { fixedClock } from '../time';

const DAYS = 7;
const HOUR = 3_600_000;

/** What a week at the post writes down: [hours into the shift, entry]. */
function entriesFor(day: number, leader: string): [number, NewLogEntry][] {
  const pool: [number, NewLogEntry][] = [
    [
      3,
      {
        kind: 'call',
        callerName: '刘师傅',
        callerUnit: '城南供电所',
        callerPost: '值班员',
        callerPhone: '13811112222',
        content: '10kV 南河线故障停电，影响 3 个小区',
        alreadyTold: '区住建局',
        handling: '已通知相关街道做好解释，跟踪抢修进度',
      },
    ],
    [
      6,
      {
        kind: 'notice',
        callerUnit: '市应急管理局',
        content: '转发市气象台暴雨蓝色预警，请做好防范应对',
        handling: '已转发各街道和成员单位',
      },
    ],
    [
      10,
      { kind: 'instruction', callerName: leader, callerUnit: '带班领导', content: '夜间加强与气象部门会商' },
    ],
    [
      14,
      {
        kind: 'call',
        callerName: '王女士',
        callerPhone: '13700005555',
        content: '反映和平小区地下车库渗水',
        handling: '已转物业和东城街道处理',
      },
    ],
    [18, { kind: 'note', content: '凌晨检查值班室，秩序正常' }],
  ];
  const equipment: [number, NewLogEntry] = [
    1,
    { kind: 'equipment', content: '卫星电话、短波电台、视频会商系统测试正常' },
  ];
  return [equipment, pool[day % pool.length]!, pool[(day + 2) % pool.length]!].sort((a, b) => a[0] - b[0]);
}

/** A pending item opened on day 1 and done on day 3; another opened on day 4 and still open. */
function pendingFor(day: number, carried: { key: string; text: string }[]) {
  if (day === 1) return [{ text: '督促城南供电所报送南河线抢修进度' }];
  if (day === 3) return carried.map((p) => ({ ...p, done: true }));
  if (day === 4) return [{ text: '周五前收集各街道汛前隐患排查表' }];
  return [];
}

/** Days before the demo roster (it starts on the 1st) get shifts in the same rotation, so a week exists. */
async function ensureShifts(app: FastifyInstance, from: string, to: string): Promise<Shift[]> {
  const shifts = await shiftsOnDays(app.db, from, to);
  const first = shifts[0];
  if (!first || first.dutyDate === from) return shifts;
  const next = await shiftsOnDays(app.db, first.dutyDate, addDays(first.dutyDate, 3));
  const cycle = (role: Shift['role']) => next.filter((s) => s.role === role).map((s) => s.userId);
  const missing = Math.round((Date.parse(first.dutyDate) - Date.parse(from)) / (24 * HOUR));
  const turn = (ids: number[]) =>
    ids.map((_, i) => ids[(((i - missing) % ids.length) + ids.length) % ids.length]!);
  await app.command('system', (tx) =>
    generateRoster(tx, app.config.tzName, {
      from,
      to: addDays(first.dutyDate, -1),
      officers: turn([...new Set(cycle('officer'))]),
      leaders: turn([...new Set(cycle('leader'))]),
    }),
  );
  return shiftsOnDays(app.db, from, to);
}

/** A week of duty log and signed handovers, once, on the demo roster. */
export async function seedHandoverDemo(app: FastifyInstance): Promise<boolean> {
  if (await anyHandover(app.db)) return false;
  const zone = app.config.tzName;
  const now = app.clock.now();
  const today = dutyDayOf(now, zone, (await getDutySettings(app.db)).handoverTime);
  const from = addDays(today, -DAYS);
  const shifts = await ensureShifts(app, from, today);
  if (shifts.length === 0) return false;
  const officerOn = (day: string) => shifts.find((s) => s.dutyDate === day && s.role === 'officer');
  let carried: { key: string; text: string }[] = [];
  for (let i = 0; i < DAYS; i++) {
    const day = addDays(from, i);
    const out = officerOn(day);
    const inc = officerOn(addDays(day, 1));
    if (!out || !inc) continue;
    const leader = shifts.find((s) => s.dutyDate === day && s.role === 'leader')?.userName ?? '带班领导';
    const [outgoing, incoming] = await Promise.all([
      getUser(app.db, out.userId),
      getUser(app.db, inc.userId),
    ]);
    const at = (tx: Tx, ms: number): Tx => ({
      ...tx,
      clock: fixedClock(new Date(Math.min(ms, now.getTime()))),
    });
    const start = Date.parse(out.start);
    const end = Date.parse(out.end);
    // Everyone checks in on time but once, twelve minutes late.
    const arrival = start + (i === 2 ? 12 : -(i + 2)) * 60_000;
    if (!out.checkInAt)
      await app.command(outgoing.username, (tx) => checkIn(at(tx, arrival), out.userId, out.id));
    for (const [hours, entry] of entriesFor(i, leader)) {
      const when = new Date(start + hours * HOUR).toISOString();
      await app.command(outgoing.username, (tx) =>
        addEntry(at(tx, start + hours * HOUR), { ...entry, at: when }),
      );
    }
    const submitted = await app.command(outgoing.username, (tx) =>
      submitHandover(at(tx, end - 10 * 60_000), zone, outgoing, {
        content: [],
        pending: pendingFor(i, carried),
        notes: i % 3 === 0 ? '值班期间无突发事件，通信畅通' : '',
      }),
    );
    await app.command(incoming.username, (tx) =>
      acceptHandover(at(tx, end + 5 * 60_000), zone, incoming, submitted.id, {
        confirmed: submitted.carried.map((c) => c.key),
      }),
    );
    carried = submitted.pending.filter((p) => !p.done).map(({ key, text }) => ({ key, text }));
  }
  return true;
}
