import type { CreateUserBody } from '@shared/schemas/users';
import type { Tx } from '../events/command';
import { createUnit, ROOT_UNIT_ID } from '../modules/units/service';
import { createUser } from '../modules/users/service';

/**
 * The demo duty network (DESIGN 2.7): under the district, three townships / streets and a development
 * zone (开发区), each with two or three communities or villages; a township officer for each, and an
 * A角 and a B角 informant for each community. Usernames: `town-<township>`, `info-<community>-a|b`.
 */
interface DemoTownship {
  code: string;
  key: string;
  name: string;
  kind: 'township' | 'street' | 'dev_zone';
  officer: string;
  communities: { code: string; key: string; name: string; kind: 'community' | 'village' }[];
}

const NETWORK: DemoTownship[] = [
  {
    code: 'T01',
    key: 'chengguan',
    name: '城关镇',
    kind: 'township',
    officer: '郑晓东',
    communities: [
      { code: 'T01-C01', key: 'dongjie', name: '东街社区', kind: 'community' },
      { code: 'T01-C02', key: 'xijie', name: '西街社区', kind: 'community' },
      { code: 'T01-V03', key: 'nanguan', name: '南关村', kind: 'village' },
    ],
  },
  {
    code: 'T02',
    key: 'hekou',
    name: '河口镇',
    kind: 'township',
    officer: '冯建国',
    communities: [
      { code: 'T02-C01', key: 'hekou', name: '河口社区', kind: 'community' },
      { code: 'T02-V02', key: 'lijia', name: '李家村', kind: 'village' },
    ],
  },
  {
    code: 'T03',
    key: 'qingshan',
    name: '青山街道',
    kind: 'street',
    officer: '何雪梅',
    communities: [
      { code: 'T03-C01', key: 'qingshan', name: '青山社区', kind: 'community' },
      { code: 'T03-C02', key: 'cuiyuan', name: '翠园社区', kind: 'community' },
    ],
  },
  {
    code: 'T04',
    key: 'kaifaqu',
    name: '经济技术开发区',
    kind: 'dev_zone',
    officer: '吕志刚',
    communities: [
      { code: 'T04-C01', key: 'chuangye', name: '创业社区', kind: 'community' },
      { code: 'T04-C02', key: 'keji', name: '科技园社区', kind: 'community' },
      { code: 'T04-C03', key: 'xingfu', name: '幸福社区', kind: 'community' },
    ],
  },
];

type DemoPerson = Omit<CreateUserBody, 'password' | 'unitId'> & { unitCode: string };

/** The informants' names, two per community in order (A角, then B角). */
const INFORMANT_NAMES = [
  '韩梅',
  '曹宇',
  '邓丽',
  '许峰',
  '傅敏',
  '沈涛',
  '曾红',
  '彭亮',
  '苏娟',
  '卢斌',
  '蒋萍',
  '蔡勇',
  '贾芳',
  '丁伟',
  '魏琳',
  '薛军',
  '叶青',
  '潘东',
];

function demoPeople(): DemoPerson[] {
  const people: DemoPerson[] = [];
  let n = 0;
  for (const [t, town] of NETWORK.entries()) {
    people.push({
      username: `town-${town.key}`,
      displayName: town.officer,
      roles: ['officer'],
      qualified: true,
      phone: `1360000${String(t + 1).padStart(2, '0')}00`,
      unitCode: town.code,
    });
    for (const [c, community] of town.communities.entries()) {
      for (const post of ['A', 'B'] as const) {
        const name = INFORMANT_NAMES[n % INFORMANT_NAMES.length];
        n += 1;
        people.push({
          username: `info-${community.key}-${post.toLowerCase()}`,
          displayName: name!,
          roles: ['informant'],
          informantRole: post,
          qualified: false,
          phone: `1350${String(t + 1).padStart(2, '0')}${String(c + 1).padStart(2, '0')}00${post === 'A' ? '1' : '2'}`,
          unitCode: community.code,
        });
      }
    }
  }
  return people;
}

const PEOPLE = demoPeople();

/** The network's demo usernames (township officers, then informants), for the warnings that name them. */
export const DEMO_UNIT_USERNAMES: readonly string[] = PEOPLE.map((p) => p.username);

/** Inside the first start's transaction, after the district's people: the units, then their people. */
export async function createDemoNetwork(tx: Tx, passwordHash: string): Promise<void> {
  const ids = new Map<string, number>();
  for (const town of NETWORK) {
    const unit = await createUnit(tx, {
      parentId: ROOT_UNIT_ID,
      kind: town.kind,
      name: town.name,
      code: town.code,
    });
    ids.set(town.code, unit.id);
    for (const c of town.communities) {
      const community = await createUnit(tx, { parentId: unit.id, kind: c.kind, name: c.name, code: c.code });
      ids.set(c.code, community.id);
    }
  }
  for (const { unitCode, ...person } of PEOPLE) {
    await createUser(tx, { ...person, unitId: ids.get(unitCode)! }, passwordHash);
  }
}
