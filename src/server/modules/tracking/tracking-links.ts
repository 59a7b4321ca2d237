// Signed tracking addresses (ADR 0022): `/t/o/TOKEN` (the pixel) and `/t/c/TOKEN` (a link). A token
// names the delivery and, for a click, the link's index in the message (never a URL, so /t/c cannot
// redirect anywhere the campaign does not link to). The honeypot is a click token with index -1.
import type { AnyDb } from '../../platform/db/connect.js';
import { linkSigner } from '../../platform/crypto/link-secret.js';
import type { MailTracking } from '../campaigns/index.js';

const OPEN = 'track-open';
const CLICK = 'track-click';
/** The honeypot's link index. */
export const HONEYPOT = -1;

type LinkContext = { db: AnyDb; config: { LINK_SECRET?: string; publicUrl: string } };

/**
 * The tracking addresses of one mail: the pixel, one per link (`linkCount`), the honeypot.
 * @example await mailTracking({ db, config, deliveryId: 9, linkCount: 2 }) // { open: 'https://…/t/o/…', links: ['…/t/c/…', '…/t/c/…'], honeypot: '…/t/c/…' }
 */
export async function mailTracking(input: LinkContext & { deliveryId: number; linkCount: number }): Promise<MailTracking> {
  const signer = await linkSigner({ db: input.db, secret: input.config.LINK_SECRET });
  const base = input.config.publicUrl;
  const click = (l: number) => `${base}/t/c/${signer.sign(CLICK, { d: input.deliveryId, l })}`;
  return {
    open: `${base}/t/o/${signer.sign(OPEN, { d: input.deliveryId })}`,
    links: Array.from({ length: input.linkCount }, (_, i) => click(i)),
    honeypot: click(HONEYPOT),
  };
}

/** The delivery an open token names, or null when it does not verify. */
export async function readOpenToken(input: LinkContext & { token: string }): Promise<{ deliveryId: number } | null> {
  const signer = await linkSigner({ db: input.db, secret: input.config.LINK_SECRET });
  const claims = signer.verify(OPEN, input.token);
  return claims && Number.isSafeInteger(claims.d) ? { deliveryId: claims.d as number } : null;
}

/** The delivery and link index a click token names, or null when it does not verify. */
export async function readClickToken(input: LinkContext & { token: string }): Promise<{ deliveryId: number; link: number } | null> {
  const signer = await linkSigner({ db: input.db, secret: input.config.LINK_SECRET });
  const claims = signer.verify(CLICK, input.token);
  if (!claims || !Number.isSafeInteger(claims.d) || !Number.isSafeInteger(claims.l) || (claims.l as number) < HONEYPOT) return null;
  return { deliveryId: claims.d as number, link: claims.l as number };
}

const PIXEL_TAG = /<img src="[^"]*\/t\/o\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}"[^>]*>/g;

/**
 * A sent mail's HTML without its open pixel, for showing it to a communicator (the outbox): looking
 * at a copy is nobody's open, and the page loads nothing from outside.
 * @example withoutTrackingPixel('<p>Hi</p><img src="https://x/t/o/a.b…" width="1" height="1" />') // '<p>Hi</p>'
 */
export function withoutTrackingPixel(html: string): string {
  return html.replace(PIXEL_TAG, '');
}
