import type { CreateUserBody } from '@shared/schemas/users';
import type { FastifyInstance } from 'fastify';
import { hashPassword } from '../modules/auth/passwords';
import { findUserRowByUsername } from '../modules/users/repo';
import { createUser } from '../modules/users/service';

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

/** Demo people, once. Later modules add their own demo data here. */
export async function seedDemo(app: FastifyInstance): Promise<{ seeded: boolean; usernames: string[] }> {
  const usernames = PEOPLE.map((p) => p.username);
  if (await findUserRowByUsername(app.db, PEOPLE[0]!.username)) return { seeded: false, usernames };
  // One hash for all: the demo people share the demo password.
  const hash = await hashPassword(app.config.demoPassword, app.config.scryptLogN);
  await app.command('system', async (tx) => {
    for (const person of PEOPLE) await createUser(tx, person, hash);
  });
  return { seeded: true, usernames };
}
