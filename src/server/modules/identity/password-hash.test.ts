// Password hashing runs on the binary @node-rs/argon2 ships (no install script): hashes verify, a wrong
// password fails, and hashes made by the earlier `argon2` package (64 MiB, 3 passes, 4 lanes) still verify.
import { describe, expect, it } from 'vitest';
import { verify } from '@node-rs/argon2';
import { hashPassword } from './identity.service.js';

// Made by argon2@0.45.1 for the password "x" before the switch.
const EARLIER_HASH = '$argon2id$v=19$m=65536,p=4,t=3$9OaDuJceQBjuvztk+fpJlg$vkZnMb7ApWJqI3Ck60IY8Enx6IpCSTK7/kjJ9+B/sac';

describe('password hashing', () => {
  it('hashes with argon2id and verifies the password, not another', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verify(hash, 'correct horse battery staple')).toBe(true);
    expect(await verify(hash, 'correct horse battery stapler')).toBe(false);
  });

  it('verifies hashes made by the earlier argon2 package', async () => {
    expect(await verify(EARLIER_HASH, 'x')).toBe(true);
    expect(await verify(EARLIER_HASH, 'y')).toBe(false);
  });
});
