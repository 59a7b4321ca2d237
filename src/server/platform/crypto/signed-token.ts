// Signed, URL-safe tokens for links in mail (unsubscribe, acknowledge, later tracking): a small JSON
// payload in base64url and an HMAC-SHA-256 over the purpose and that payload. A token signed for one
// purpose never verifies for another; a tampered or expired one verifies as nothing (the route's 404).
import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a token may carry: numbers and short strings under one-letter keys keep links short. */
export type TokenClaims = Record<string, string | number>;

export type TokenSigner = {
  /** A token for `purpose` carrying `claims`; `expiresAt` makes it lapse then. */
  sign(purpose: string, claims: TokenClaims, expiresAt?: Date): string;
  /** The claims of a token signed for `purpose` that has not lapsed at `now`; null otherwise. */
  verify(purpose: string, token: string, now?: Date): TokenClaims | null;
};

const TOKEN = /^[A-Za-z0-9_-]{2,2000}\.[A-Za-z0-9_-]{43}$/;

/**
 * A signer for one secret (at least 32 characters).
 * @example const signer = tokenSigner(secret); const t = signer.sign('unsubscribe', { p: 7, t: 'safety' }); signer.verify('unsubscribe', t) // { p: 7, t: 'safety' }
 */
export function tokenSigner(secret: string): TokenSigner {
  if (secret.length < 32) throw new Error('a link secret has at least 32 characters');
  const mac = (purpose: string, body: string) => createHmac('sha256', secret).update(`${purpose}\u0000${body}`).digest();
  return {
    sign(purpose, claims, expiresAt) {
      const payload = expiresAt ? { ...claims, x: Math.floor(expiresAt.getTime() / 1000) } : claims;
      const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
      return `${body}.${mac(purpose, body).toString('base64url')}`;
    },
    verify(purpose, token, now = new Date()) {
      if (!TOKEN.test(token)) return null;
      const [body, signature] = token.split('.') as [string, string];
      const given = Buffer.from(signature, 'base64url');
      const expected = mac(purpose, body);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      let claims: unknown;
      try {
        claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
      } catch {
        return null;
      }
      if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) return null;
      const { x, ...rest } = claims as Record<string, unknown>;
      if (typeof x === 'number' && x * 1000 <= now.getTime()) return null;
      for (const value of Object.values(rest)) if (typeof value !== 'string' && typeof value !== 'number') return null;
      return rest as TokenClaims;
    },
  };
}
