import type { FastifyInstance } from 'fastify';
import {
  anyWarning,
  changeWarningLevel,
  issueWarning,
  recordConsultation,
  startResponse,
} from '../modules/warnings/service';

const HOUR = 3_600_000;

/**
 * The flood season as the seed's district lives it: a yellow rainstorm warning upgraded to orange,
 * a Ⅳ-level 防汛 response and one consultation under it, all still in force. Once.
 */
export async function seedWarningDemo(app: FastifyInstance): Promise<boolean> {
  if (await anyWarning(app.db)) return false;
  const now = app.clock.now().getTime();
  const ago = (hours: number) => new Date(now - hours * HOUR).toISOString();
  await app.command('wangfang', async (tx) => {
    const warning = await issueWarning(
      tx,
      {
        type: 'rainstorm',
        level: 'yellow',
        issuer: '区气象台',
        issuedAt: ago(5),
        text: '区气象台发布暴雨黄色预警信号：预计未来6小时内我区大部地区将出现50毫米以上降雨，请注意防范。',
      },
      'manual',
    );
    await changeWarningLevel(tx, warning.id, {
      level: 'orange',
      at: ago(2),
      text: '区气象台将暴雨黄色预警信号升级为橙色：过去3小时我区部分地区降雨量已达50毫米以上，且降雨将持续。',
    });
    const response = await startResponse(tx, {
      headquarters: 'flood_drought',
      level: 'IV',
      startedAt: ago(1.5),
      orderText:
        '区防汛抗旱指挥部决定自即日起启动防汛Ⅳ级应急响应，各成员单位和各乡镇（街道）严格落实24小时值班和领导带班制度。',
    });
    await recordConsultation(tx, {
      heldAt: ago(1),
      participants: ['区应急管理局', '区气象局', '区水务局', '区自然资源局'],
      conclusions: '未来12小时仍有强降雨，中小河流和山洪地质灾害风险高。',
      orders: '各乡镇（街道）加强巡查，提前转移危险区域群众；值班室每2小时汇总雨情险情。',
      responseId: response.id,
    });
  });
  return true;
}
