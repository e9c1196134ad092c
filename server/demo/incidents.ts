import type { IncidentIntake } from '@shared/schemas/incidents';
import type { FastifyInstance } from 'fastify';
import {
  addAction,
  anyIncident,
  closeIncident,
  createIncident,
  sendReport,
  verifyIncident,
} from '../modules/incidents/service';

const MINUTE = 60_000;

function call(
  minutesAgo: number,
  now: Date,
  fields: Omit<IncidentIntake, 'occurredAt' | 'receivedAt' | 'source'> & {
    source?: IncidentIntake['source'];
  },
): IncidentIntake {
  const received = new Date(now.getTime() - minutesAgo * MINUTE);
  return {
    source: 'phone',
    ...fields,
    occurredAt: new Date(received.getTime() - 10 * MINUTE).toISOString(),
    receivedAt: received.toISOString(),
  };
}

/** A few incidents in every stage, one of them overdue, once. */
export async function seedIncidentDemo(app: FastifyInstance): Promise<boolean> {
  if (await anyIncident(app.db)) return false;
  const zone = app.config.tzName;
  const now = app.clock.now();
  const opts = { zone, callerIsLeader: false, upstreams: [] as string[] };
  await app.command('wangfang', async (tx) => {
    // Overdue: a 较大 accident received 2 h 10 min ago, no written 首报 yet (due within 2 h).
    await createIncident(
      tx,
      call(130, now, {
        category: 'hazardous_chemicals',
        location: { address: '化工园区纬三路 8 号' },
        caller: {
          name: '李工',
          unit: '宏达化工有限公司',
          post: '安全员',
          phone: '13600001234',
          alreadyTold: '园区管委会',
        },
        accidentUnit: { name: '宏达化工有限公司', type: '有限责任公司' },
        summary: '储罐区阀门泄漏，3 名工人吸入中毒送医，1 人死亡',
        casualties: { deaths: 1, poisoned: 3, seriousInjuries: 7 },
      }),
      zone,
    );
    const verified = await createIncident(
      tx,
      call(12, now, {
        category: 'road_traffic',
        location: { address: '幸福路与建设路交叉口' },
        caller: { name: '张警官', unit: '区交警大队', phone: '13900001111' },
        summary: '两车相撞，一人受轻伤，交通拥堵',
        casualties: { minorInjuries: 1 },
      }),
      zone,
    );
    await verifyIncident(tx, verified.id);
    const reported = await createIncident(
      tx,
      call(90, now, {
        category: 'fire',
        location: { address: '东城街道和平小区 5 栋' },
        caller: { name: '王女士', phone: '13700002222' },
        summary: '居民楼厨房起火，已扑灭，无人员伤亡',
      }),
      zone,
    );
    await sendReport(
      tx,
      reported.id,
      { kind: 'initial', channel: 'system', recipient: '区应急管理局总值班室' },
      opts,
    );
    const handling = await createIncident(
      tx,
      call(200, now, {
        category: 'flood',
        location: { address: '南河桥下穿隧道' },
        caller: { name: '巡查员赵', unit: '区水务局', phone: '13500003333' },
        summary: '强降雨致隧道积水约 0.8 米，已封闭交通',
        casualties: { trapped: 2, evacuated: 60 },
        grade: 'IV',
        gradeReason: '局部内涝，影响范围小',
        source: 'monitoring',
      }),
      zone,
    );
    await sendReport(
      tx,
      handling.id,
      { kind: 'initial', channel: 'system', recipient: '区应急管理局总值班室' },
      opts,
    );
    await addAction(tx, handling.id, 'dispatch', '调派消防救援站 2 车 10 人赶赴现场排水');
    const closed = await createIncident(
      tx,
      call(600, now, {
        category: 'special_equipment',
        location: { address: '万达广场 3 号电梯' },
        caller: { name: '物业刘经理', unit: '万达物业', phone: '13400004444' },
        accidentUnit: { name: '万达广场', type: '商业综合体' },
        summary: '电梯困人，4 人被困',
        casualties: { trapped: 4 },
      }),
      zone,
    );
    await sendReport(
      tx,
      closed.id,
      { kind: 'initial', channel: 'system', recipient: '区应急管理局总值班室' },
      opts,
    );
    await addAction(tx, closed.id, 'dispatch', '维保单位到场');
    await sendReport(
      tx,
      closed.id,
      { kind: 'final', channel: 'system', recipient: '区应急管理局总值班室' },
      opts,
    );
    await closeIncident(tx, closed.id, '被困人员全部安全救出', zone);
  });
  return true;
}
