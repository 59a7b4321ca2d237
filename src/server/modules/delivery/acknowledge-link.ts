// The Acknowledge link of a must-read e-mail: a signed token naming the delivery (so its campaign and
// person), without expiry: acknowledging late still counts.
import type { AnyDb } from '../../platform/db/connect.js';
import { linkSigner } from '../../platform/crypto/link-secret.js';

const PURPOSE = 'acknowledge';

type LinkContext = { db: AnyDb; config: { LINK_SECRET?: string; publicUrl: string } };

/**
 * The address whose page acknowledges the must-read of delivery `deliveryId`.
 * @example await acknowledgeUrl({ db, config, deliveryId: 9 }) // 'https://…/a/eyJkIjo5fQ.…'
 */
export async function acknowledgeUrl(input: LinkContext & { deliveryId: number }): Promise<string> {
  const signer = await linkSigner({ db: input.db, secret: input.config.LINK_SECRET });
  return `${input.config.publicUrl}/a/${signer.sign(PURPOSE, { d: input.deliveryId })}`;
}

/** The delivery a token names, or null when it does not verify. */
export async function readAcknowledgeToken(input: LinkContext & { token: string }): Promise<number | null> {
  const signer = await linkSigner({ db: input.db, secret: input.config.LINK_SECRET });
  const claims = signer.verify(PURPOSE, input.token);
  return claims && typeof claims.d === 'number' ? claims.d : null;
}
