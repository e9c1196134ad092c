import type { FigureField } from '@shared/domain/disasters';
import { addDays, localDateOf, localToInstant } from '@shared/domain/duty-day';
import type { FastifyInstance } from 'fastify';
import type { Tx } from '../events/command';
import { addPhoto } from '../modules/disaster-reports/service';
import {
  addVictim,
  createDisaster,
  type DisasterCaller,
  fileFigures,
  listDisasters,
} from '../modules/disasters/service';
import { listUnits } from '../modules/units/service';
import { listUsers } from '../modules/users/service';
import { createRequest, fileZeroReport } from '../modules/zero-reports/service';
import { tinyPng } from './tiny-png';

type Figures = Partial<Record<FigureField, number>>;

/** 城关镇 (filed by the township) and 河口镇 (filed by the district on its behalf): the 快报表 columns. */
const CHENGGUAN: Figures = {
  affected: 1260,
  dead: 1,
  missing: 0,
  relocated: 320,
  needAssistance: 85,
  housesCollapsed: 6,
  housesSevere: 14,
  housesGeneral: 37,
  cropAffectedHa: 210,
  cropDamagedHa: 95,
  cropLostHa: 20,
  directLossWanYuan: 486.5,
};
const HEKOU: Figures = {
  affected: 830,
  dead: 0,
  missing: 1,
  relocated: 150,
  needAssistance: 40,
  housesCollapsed: 3,
  housesSevere: 8,
  housesGeneral: 21,
  cropAffectedHa: 160,
  cropDamagedHa: 70,
  cropLostHa: 12,
  directLossWanYuan: 312,
};

/**
 * A rainstorm flood (暴雨洪涝) across 城关镇 and 河口镇, begun the evening before yesterday and
 * declared major: each township's figures (河口镇's entered by the district on its behalf), two
 * victims, two communities' informants' filings with a photo, 城关镇's daily zero reports filed and
 * 河口镇's not (overdue), and a zero-report round with 河口镇 missing. Once.
 */
export async function seedDisasterDemo(app: FastifyInstance): Promise<boolean> {
  const zone = app.config.tzName;
  const now = app.clock.now();
  const users = await listUsers(app.db);
  const unit = (code: string) => {
    const u = units.find((x) => x.code === code);
    if (!u) throw new Error(`demo unit ${code} missing`);
    return u;
  };
  const caller = (username: string): DisasterCaller => {
    const user = users.find((u) => u.username === username);
    if (!user) throw new Error(`demo user ${username} missing`);
    return { userId: user.id, username, unitId: user.unitId, unitPath: user.unitPath, roles: user.roles };
  };
  const officer = caller('wangfang');
  if ((await listDisasters(app.db, officer, undefined, now)).length > 0) return false;
  const today = localDateOf(now, zone);
  const units = await listUnits(app.db);
  const chengguan = unit('T01');
  const hekou = unit('T02');
  const dongjie = unit('T01-C01');
  const hekouCommunity = unit('T02-C01');
  const asUnit = (c: DisasterCaller) => ({ name: c.username, unitId: c.unitId, unitPath: c.unitPath });
  // The evening two days ago (local 20:00): yesterday's and (after 08:00) today's dailies are due.
  const began = localToInstant(`${addDays(today, -2)}T20:00`, zone);

  const disaster = await app.command(officer.username, (tx) =>
    createDisaster(tx, zone, {
      type: 'flood',
      subtype: '暴雨洪涝',
      title: `${chengguan.name}、${hekou.name}暴雨洪涝`,
      beganAt: began.toISOString(),
      townships: [chengguan.id, hekou.id],
      major: true,
      disasterText:
        '受强降雨影响，城关镇、河口镇出现洪涝灾害，部分村庄进水，道路、农田受损，河口镇1人落水失踪。',
      reliefText: '已启动防汛Ⅳ级应急响应，转移安置受威胁群众，组织搜救失踪人员，发放救灾物资。',
    }),
  );

  // 城关镇 files its own figures; 河口镇's are entered by the district on its behalf.
  const town = caller('town-chengguan');
  await app.command(asUnit(town), (tx) =>
    fileFigures(tx, zone, town, disaster.id, { unitId: chengguan.id, kind: 'initial', figures: CHENGGUAN }),
  );
  await app.command(officer.username, (tx) =>
    fileFigures(tx, zone, officer, disaster.id, {
      unitId: hekou.id,
      kind: 'initial',
      figures: HEKOU,
      note: '河口镇通讯中断，电话报送，区值班室代录',
    }),
  );

  // The 因灾死亡失踪人员 list.
  await app.command(officer.username, async (tx) => {
    await addVictim(tx, officer, disaster.id, {
      unitId: chengguan.id,
      name: '张某',
      status: 'dead',
      cause: '山洪冲毁房屋',
      date: addDays(today, -1),
    });
    await addVictim(tx, officer, disaster.id, {
      unitId: hekou.id,
      name: '李某',
      status: 'missing',
      cause: '涉水过河被冲走',
      date: addDays(today, -1),
    });
  });

  // 城关镇 files each daily (due 08:00) that has come; 河口镇 files none: it is overdue.
  for (let day = addDays(today, -1); day <= today; day = addDays(day, 1)) {
    if (localToInstant(`${day}T08:00`, zone).getTime() > now.getTime()) break;
    await app.command(asUnit(town), (tx) =>
      fileFigures(tx, zone, town, disaster.id, {
        unitId: chengguan.id,
        kind: 'daily',
        forDate: day,
        nothingNew: true,
      }),
    );
  }

  // Two communities' informants report from their phones, each with a photo of the scene.
  await informantFiling(app, zone, caller('info-dongjie-a'), disaster.id, dongjie, {
    figures: { affected: 260, relocated: 85, housesCollapsed: 1, directLossWanYuan: 32 },
    note: '东街低洼处积水齐腰，85 人转移到镇中学安置点',
    caption: '东街低洼路段积水',
    colour: [96, 128, 160],
  });
  await informantFiling(app, zone, caller('info-hekou-a'), disaster.id, hekouCommunity, {
    figures: { affected: 140, missing: 1, relocated: 40 },
    note: '河口社区沿河 20 户进水，1 人涉水被冲走，正在搜救',
    caption: '沿河民房进水',
    colour: [120, 110, 90],
  });

  // The district's daily zero report round for the disaster: 城关镇's daily counts, 河口镇 is missing.
  await app.command(officer.username, (tx) =>
    createRequest(tx, zone, officer, {
      title: `${chengguan.name}、${hekou.name}暴雨洪涝 24 小时零报告`,
      scope: 'disaster',
      refId: disaster.id,
      cutoff: '08:00',
      firstDate: today,
    }),
  );
  // Every community and village of the two townships, by 20:00; all but 东街社区 have filed, so its
  // informant (info-dongjie-a) finds the one-tap "今日无新增" waiting on the phone.
  const communities = units.filter((u) => u.parentId === chengguan.id || u.parentId === hekou.id);
  const round = await app.command(officer.username, (tx) =>
    createRequest(tx, zone, officer, {
      title: '汛期社区（村）每日零报告',
      scope: 'units',
      unitIds: communities.map((c) => c.id),
      cutoff: '20:00',
      firstDate: today,
    }),
  );
  for (const c of communities) {
    if (c.id === dongjie.id) continue;
    const username = informantOf(users, c.id);
    if (!username) continue;
    const who = caller(username);
    await app.command(asUnit(who), (tx) =>
      fileZeroReport(tx, zone, who, round.id, { unitId: c.id, forDate: today, nothingNew: true }),
    );
  }
  return true;
}

function informantOf(users: { username: string; unitId: number; roles: string[] }[], unitId: number) {
  return users.find((u) => u.unitId === unitId && u.roles.includes('informant'))?.username;
}

async function informantFiling(
  app: FastifyInstance,
  zone: string,
  who: DisasterCaller,
  disasterId: number,
  community: { id: number; path: string },
  report: { figures: Figures; note: string; caption: string; colour: [number, number, number] },
): Promise<void> {
  await app.command({ name: who.username, unitId: who.unitId, unitPath: who.unitPath }, async (tx: Tx) => {
    const filing = await fileFigures(tx, zone, who, disasterId, {
      unitId: community.id,
      kind: 'initial',
      figures: report.figures,
      note: report.note,
    });
    await addPhoto(tx, {
      disasterId,
      filingId: filing.id,
      unit: { id: community.id, path: community.path },
      declaredMime: 'image/png',
      caption: report.caption,
      bytes: tinyPng(160, 120, report.colour),
      maxBytes: app.config.photoMaxBytes,
      dir: app.config.photoDir,
    });
  });
}
