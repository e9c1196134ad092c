import type { CreateUserBody } from '@shared/schemas/users';
import type { Tx } from '../events/command';
import { createUser } from '../modules/users/service';
import { createDemoNetwork, DEMO_UNIT_USERNAMES } from './units';

type DemoPerson = Omit<CreateUserBody, 'password'>;

const PEOPLE: DemoPerson[] = [
  { username: 'wangfang', displayName: '王芳', roles: ['officer'], qualified: true, phone: '13800000101' },
  { username: 'lijun', displayName: '李军', roles: ['officer'], qualified: true, phone: '13800000102' },
  { username: 'zhaolei', displayName: '赵磊', roles: ['officer'], qualified: true, phone: '13800000103' },
  { username: 'chenjing', displayName: '陈静', roles: ['officer'], qualified: true, phone: '13800000104' },
  { username: 'liuqiang', displayName: '刘强', roles: ['leader'], qualified: true, phone: '13900000201' },
  {
    username: 'sunli',
    displayName: '孙丽',
    roles: ['leader', 'officer'],
    qualified: true,
    phone: '13900000202',
  },
  // Not qualified: shows that a stand-in (a security guard) can never sit the post.
  { username: 'zhoubao', displayName: '周保安', roles: ['officer'], qualified: false, phone: '13700000301' },
];

/** The demo people's usernames, for the warnings that name them. */
export const DEMO_USERNAMES: readonly string[] = [...PEOPLE.map((p) => p.username), ...DEMO_UNIT_USERNAMES];

/** Leaders among them: the warning says how many could sign off reports. */
export const DEMO_LEADERS: readonly string[] = PEOPLE.filter((p) => p.roles.includes('leader')).map(
  (p) => p.username,
);

/**
 * The demo people, inside the first start's transaction (server/bootstrap.ts decides whether). One
 * hash for all: they share the demo password.
 */
export async function createDemoPeople(tx: Tx, passwordHash: string): Promise<void> {
  for (const person of PEOPLE) await createUser(tx, person, passwordHash);
  await createDemoNetwork(tx, passwordHash);
}
