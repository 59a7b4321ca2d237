// Endorsements and availability: colleagues vouch for a skill someone lists (never their own), and
// people say whether they can be asked for help now. Both feed expert search.
import type { AnyDb } from '../../platform/db/connect.js';
import { AppError, coded, notFound } from '../../platform/http/app-error.js';
import { normaliseHashtag } from '../../../shared/people.js';
import { findPeopleCardsByIds, type Thresholds } from '../people/index.js';
import * as q from './expertise-signals.queries.js';

async function skillOf(db: AnyDb, personId: number, skill: string, thresholds: Thresholds): Promise<string> {
  const card = (await findPeopleCardsByIds({ db, ids: [personId], thresholds })).get(personId);
  if (!card) throw notFound(`person ${personId}`, coded('person.not_found', { id: personId }));
  const tag = normaliseHashtag(skill);
  if (!card.skills.includes(tag) && !card.mentor_topics.includes(tag)) {
    const why = coded('endorsements.skill_not_listed', { name: card.display_name, tag });
    throw new AppError('validation', `${card.display_name} does not list #${tag}`, {
      ...why,
      problems: [{ pointer: '/skill', message: 'not a skill of this person', code: why.messageCode, params: why.params }],
    });
  }
  return tag;
}

function endorserOf(endorserId: number | null, personId: number): number {
  if (endorserId === null) throw new AppError('forbidden', 'only people in the directory can endorse; this account has no profile', coded('profile.none'));
  if (endorserId === personId)
    throw new AppError('validation', 'you cannot endorse your own skills', {
      ...coded('endorsements.own_skill'),
      problems: [{ pointer: '/skill', message: 'own profile', code: 'endorsements.own_skill' }],
    });
  return endorserId;
}

/**
 * Endorses a skill the person lists; endorsing twice changes nothing.
 * @example await endorseSkill({ db, personId: 7, skill: 'excel', endorserId: 3, thresholds });
 */
export async function endorseSkill(input: { db: AnyDb; personId: number; skill: string; endorserId: number | null; thresholds: Thresholds }) {
  const endorserId = endorserOf(input.endorserId, input.personId);
  const skill = await skillOf(input.db, input.personId, input.skill, input.thresholds);
  await q.insertEndorsement(input.db, { personId: input.personId, skill, endorserId });
  return listEndorsements({ db: input.db, personId: input.personId, viewerId: endorserId });
}

export async function withdrawEndorsement(input: { db: AnyDb; personId: number; skill: string; endorserId: number | null }): Promise<void> {
  const endorserId = endorserOf(input.endorserId, input.personId);
  if (!(await q.deleteEndorsement(input.db, { personId: input.personId, skill: normaliseHashtag(input.skill), endorserId }))) {
    const tag = normaliseHashtag(input.skill);
    throw notFound(`your endorsement of #${tag}`, coded('endorsements.not_found', { tag }));
  }
}

export async function listEndorsements(input: { db: AnyDb; personId: number; viewerId: number | null }) {
  return { endorsements: await q.countEndorsementsOf(input.db, input.personId, input.viewerId) };
}

export async function setAvailability(input: { db: AnyDb; personId: number | null; available: boolean; note?: string | null }) {
  if (input.personId === null) throw new AppError('forbidden', 'this account has no directory profile', coded('profile.none'));
  await q.upsertAvailability(input.db, { personId: input.personId, available: input.available, note: input.note ?? null });
  return q.findAvailability(input.db, input.personId);
}

export async function getAvailability(input: { db: AnyDb; personId: number | null }) {
  if (input.personId === null) throw new AppError('forbidden', 'this account has no directory profile', coded('profile.none'));
  return q.findAvailability(input.db, input.personId);
}
