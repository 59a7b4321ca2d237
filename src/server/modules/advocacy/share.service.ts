// Sharing library content (ADR 0030): the person's one link per content and network, a share row with
// their text (adapted or not), joining the programme, `share` points and the `shared` activity, all in
// one transaction; the answer carries the short link and the network's share intent.
import { randomBytes } from 'node:crypto';
import { AppError, coded } from '../../platform/http/app-error.js';
import type { Network, ShareResult } from '../../../shared/advocacy.js';
import { recordActivity } from '../tracking/index.js';
import { awardPoints } from './points.service.js';
import { contentNotFound, isForPerson, noPerson, statusOf, type ContentContext } from './content.service.js';
import * as cq from './content.queries.js';
import * as q from './share.queries.js';
import { isAdapted, shareIntentUrl } from './share-intents.js';

/** Short-link codes: 10 URL-safe characters, 60 random bits. */
export const CODE_PATTERN = /^[A-Za-z0-9_-]{6,32}$/u;
export const newCode = () => randomBytes(8).toString('base64url').slice(0, 10);

export const shortUrlOf = (publicUrl: string, code: string) => `${publicUrl}/s/${code}`;

/**
 * Shares an item on a network for the person and answers where to post it.
 * @example const r = await shareContent({ ...ctx, publicUrl, id: 3, personId: 42, network: 'linkedin', text: 'My take…' }); r.short_url // 'https://…/s/Ab3…'
 */
export async function shareContent(
  input: ContentContext & { publicUrl: string; id: number; personId: number | null; network: Network; text?: string },
): Promise<ShareResult & { share_id: number }> {
  if (input.personId === null) throw noPerson();
  const personId = input.personId;
  const row = await cq.findContent(input.db, input.id);
  if (!row || !(await isForPerson(input, row, personId))) throw contentNotFound(input.id);
  const status = statusOf(row, input.clock());
  if (status === 'archived') throw new AppError('conflict', `content ${input.id} is archived`, coded('advocacy.content_archived', { id: input.id }));
  if (status === 'expired') throw new AppError('conflict', `content ${input.id} has expired`, coded('advocacy.content_expired', { id: input.id }));
  const profile = await cq.findPersonProfile(input.db, personId);
  if (!profile) throw noPerson();
  const text = (input.text ?? '').trim();
  // Any suggested text, of any network or language, posted unchanged is a repost, not an adaptation.
  const suggested = row.suggested_posts.map((p) => p.text);
  const at = input.clock();
  const { code, shareId } = await input.db.transaction().execute(async (trx) => {
    let code: string | null = null;
    // A fresh code can only collide with another link's by chance (60 bits); try again then.
    for (let attempt = 0; code === null && attempt < 5; attempt++) {
      code = await q.mintLink(trx, { code: newCode(), contentId: Number(row.id), personId, network: input.network, department: profile.department });
    }
    if (code === null) throw new Error('could not mint a short link');
    const shareId = await q.insertShare(trx, { code, text, adapted: isAdapted(text, suggested), at });
    await q.joinParticipants(trx, personId, at);
    await awardPoints({ db: trx, personId, action: 'share', source: `share:${shareId}`, at });
    await recordActivity({ db: trx, type: 'shared', personId, campaignId: row.campaign_id === null ? null : Number(row.campaign_id) });
    return { code, shareId };
  });
  const shortUrl = shortUrlOf(input.publicUrl, code);
  return { code, short_url: shortUrl, share_url: shareIntentUrl(input.network, shortUrl, text), share_id: shareId };
}
