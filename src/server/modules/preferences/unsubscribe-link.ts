// The one-click unsubscribe link of a person and a topic (RFC 8058): a signed token naming both,
// without expiry (people unsubscribe from old mail too). The token is the only authority.
import type { AnyDb } from '../../platform/db/connect.js';
import { linkSigner } from '../../platform/crypto/link-secret.js';

const PURPOSE = 'unsubscribe';

type LinkContext = { db: AnyDb; config: { LINK_SECRET?: string; publicUrl: string } };

/**
 * The address that unsubscribes `personId` from `topicKey` when POSTed to.
 * @example await unsubscribeUrl({ db, config, personId: 7, topicKey: 'safety' }) // 'https://…/u/eyJwIjo3…'
 */
export async function unsubscribeUrl(input: LinkContext & { personId: number; topicKey: string }): Promise<string> {
  const signer = await linkSigner({ db: input.db, secret: input.config.LINK_SECRET });
  return `${input.config.publicUrl}/u/${signer.sign(PURPOSE, { p: input.personId, t: input.topicKey })}`;
}

/** The person and topic a token names, or null when it does not verify. */
export async function readUnsubscribeToken(input: LinkContext & { token: string }): Promise<{ personId: number; topicKey: string } | null> {
  const signer = await linkSigner({ db: input.db, secret: input.config.LINK_SECRET });
  const claims = signer.verify(PURPOSE, input.token);
  if (!claims || typeof claims.p !== 'number' || typeof claims.t !== 'string') return null;
  return { personId: claims.p, topicKey: claims.t };
}
