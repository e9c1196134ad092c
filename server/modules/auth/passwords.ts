import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

const KEY_LEN = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LEN, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

function optionsFor(logN: number, r: number, p: number): ScryptOptions {
  // Node's default maxmem (32 MiB) refuses N=2^17, r=8 (128 MiB); allow what the parameters need.
  return { N: 2 ** logN, r, p, maxmem: 2 ** logN * r * 128 * 2 };
}

/** OWASP: scrypt N=2^17, r=8, p=1. The parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string, logN: number): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, optionsFor(logN, 8, 1));
  return `scrypt$${logN}$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !logN || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(
    password,
    Buffer.from(salt, 'base64'),
    optionsFor(Number(logN), Number(r), Number(p)),
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Hashed for unknown usernames, so a miss costs as long as a wrong password. */
let dummyHash: Promise<string> | undefined;
export function dummyHashFor(logN: number): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(12).toString('hex'), logN);
  return dummyHash;
}
