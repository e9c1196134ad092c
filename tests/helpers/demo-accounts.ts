/**
 * The demo people of server/demo/seed.ts and server/demo/units.ts, written out by hand, sorted: the
 * district's seven, the four township officers, an A角 and a B角 informant for each of 10 communities.
 */
export const DEMO_USERS = [
  'chenjing',
  ...[
    'chuangye',
    'cuiyuan',
    'dongjie',
    'hekou',
    'keji',
    'lijia',
    'nanguan',
    'qingshan',
    'xijie',
    'xingfu',
  ].flatMap((c) => [`info-${c}-a`, `info-${c}-b`]),
  'lijun',
  'liuqiang',
  'sunli',
  'town-chengguan',
  'town-hekou',
  'town-kaifaqu',
  'town-qingshan',
  'wangfang',
  'zhaolei',
  'zhoubao',
];
