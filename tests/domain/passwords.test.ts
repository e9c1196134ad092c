import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../server/modules/auth/passwords';

describe('password hashing', () => {
  it('uses scrypt at the OWASP cost by default and verifies', async () => {
    const hash = await hashPassword('correct horse battery', 17);
    expect(hash).toMatch(/^scrypt\$17\$8\$1\$/);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
  });

  it('salts every hash and refuses malformed ones', async () => {
    expect(await hashPassword('same', 10)).not.toBe(await hashPassword('same', 10));
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
  });
});
