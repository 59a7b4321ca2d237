// Signed link tokens: what is signed verifies with its claims; a changed byte, another purpose, another
// secret or a lapsed expiry verify as nothing.
import { describe, expect, it } from 'vitest';
import { tokenSigner } from './signed-token.js';

const signer = tokenSigner('a'.repeat(40));

describe('signed tokens', () => {
  it('carries its claims, URL-safe', () => {
    const token = signer.sign('unsubscribe', { p: 7, t: 'safety-news' });
    expect(token).toMatch(/^[A-Za-z0-9_.-]+$/);
    expect(signer.verify('unsubscribe', token)).toEqual({ p: 7, t: 'safety-news' });
  });

  it('refuses a tampered token, another purpose and another secret', () => {
    const token = signer.sign('unsubscribe', { p: 7, t: 'safety' });
    const [body, mac] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ p: 8, t: 'safety' })).toString('base64url');
    expect(signer.verify('unsubscribe', `${forged}.${mac}`)).toBeNull();
    expect(signer.verify('unsubscribe', `${body}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    expect(signer.verify('acknowledge', token)).toBeNull();
    expect(tokenSigner('b'.repeat(40)).verify('unsubscribe', token)).toBeNull();
    expect(signer.verify('unsubscribe', 'not a token')).toBeNull();
    expect(signer.verify('unsubscribe', '')).toBeNull();
  });

  it('lapses at its expiry', () => {
    const token = signer.sign('acknowledge', { d: 1 }, new Date('2026-12-01T00:00:00Z'));
    expect(signer.verify('acknowledge', token, new Date('2026-11-30T23:59:00Z'))).toEqual({ d: 1 });
    expect(signer.verify('acknowledge', token, new Date('2026-12-01T00:00:01Z'))).toBeNull();
  });

  it('needs a long secret', () => {
    expect(() => tokenSigner('short')).toThrow(/32/);
  });
});
