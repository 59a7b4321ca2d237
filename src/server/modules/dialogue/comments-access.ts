// Who may see a campaign's comment thread (ADR 0028): whoever was sent the campaign on any channel,
// and communicators and admins (they see every campaign). Anyone else gets the same 404 as for a
// campaign that does not exist, so a thread does not tell who was in an audience.
import type { AnyDb } from '../../platform/db/connect.js';
import { AppError, coded, notFound } from '../../platform/http/app-error.js';
import { getCampaignDefinition } from '../campaigns/index.js';
import { findCampaignRecipients } from '../delivery/index.js';

/** The caller as threads see them: their person (null for an account without one or an API token) and what their role allows. */
export type Caller = { personId: number | null; seesAll: boolean; moderates: boolean };

export type ThreadCampaign = { id: number; name: string };

export const threadNotFound = (id: number) => notFound(`campaign thread ${id}`, coded('conversation.thread_not_found', { id }));
export const commentNotFound = (id: number) => notFound(`comment ${id}`, coded('conversation.comment_not_found', { id }));

/**
 * The campaign whose thread the caller may see, or a 404.
 * @example const campaign = await openThread({ db, caller, campaignId: 7 }); // { id: 7, name: 'Q3 strategy' }
 */
export async function openThread(input: { db: AnyDb; caller: Caller; campaignId: number }): Promise<ThreadCampaign> {
  let name: string;
  try {
    name = (await getCampaignDefinition({ db: input.db, id: input.campaignId })).name;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') throw threadNotFound(input.campaignId);
    throw error;
  }
  if (!input.caller.seesAll) {
    const personId = input.caller.personId;
    if (personId === null || !(await findCampaignRecipients({ db: input.db, campaignId: input.campaignId, personIds: [personId] })).has(personId))
      throw threadNotFound(input.campaignId);
  }
  return { id: input.campaignId, name };
}

/** The caller's person, needed to write, react or report; a 403 for an account without one or a token. */
export function writerOf(caller: Caller): number {
  if (caller.personId === null) throw new AppError('forbidden', 'writing in a thread needs a person in the directory', coded('conversation.no_person'));
  return caller.personId;
}
