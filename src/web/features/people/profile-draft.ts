// The editable part of one's own profile as form state, and the minimal PATCH that saves it.
import { normaliseHashtag, type PersonProfile, type ProfileUpdate } from '../../../shared/people';

export const HASHTAG_FIELDS = ['skills', 'mentor_topics', 'learning_goals', 'interests', 'languages'] as const;
export type HashtagField = (typeof HASHTAG_FIELDS)[number];

export type ProfileDraft = Record<HashtagField, string[]> & {
  about: string;
  can_help_with: string;
  mentor_available: boolean;
};

export function draftFromProfile(profile: PersonProfile): ProfileDraft {
  return {
    skills: profile.skills,
    mentor_topics: profile.mentor_topics,
    learning_goals: profile.learning_goals,
    interests: profile.interests,
    languages: profile.languages,
    about: profile.about ?? '',
    can_help_with: profile.can_help_with ?? '',
    mentor_available: profile.mentor_available,
  };
}

/** Typed tags as the server will store them ("#Power BI" -> "power-bi"), without blanks or repeats. */
export function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map(normaliseHashtag).filter((tag) => tag !== ''))];
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Only changed fields the viewer may edit, so a save never overwrites what someone else changed
 * meanwhile in another field. Empty texts are sent as null ("no answer"), not as "".
 */
export function buildProfileUpdate(initial: ProfileDraft, draft: ProfileDraft, editable: readonly string[]): ProfileUpdate {
  const update: ProfileUpdate = {};
  for (const field of HASHTAG_FIELDS) {
    if (editable.includes(field) && !sameList(initial[field], draft[field])) update[field] = draft[field];
  }
  for (const field of ['about', 'can_help_with'] as const) {
    const text = draft[field].trim();
    if (editable.includes(field) && text !== initial[field].trim()) update[field] = text === '' ? null : text;
  }
  if (editable.includes('mentor_available') && draft.mentor_available !== initial.mentor_available) {
    update.mentor_available = draft.mentor_available;
  }
  return update;
}
