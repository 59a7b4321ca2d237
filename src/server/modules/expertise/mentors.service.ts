// Mentors and ambassadors for newcomers: people in their first 90 days get mentors whose topics match
// their learning goals, who speak their language, from the same location first; ambassadors are the
// first contacts to show them.
import type { AnyDb } from '../../platform/db/connect.js';
import { AppError, coded } from '../../platform/http/app-error.js';
import type { CodedReason } from '../../../shared/expertise.js';
import type { PersonCard } from '../../../shared/people.js';
import { findAmbassadorCards, findMentorCards, getProfile, type Thresholds } from '../people/index.js';

export const NEWCOMER_DAYS = 90;

function speaks(card: PersonCard, language: string | null): boolean {
  if (!language) return true;
  const primary = language.split('-')[0]!.toLowerCase();
  return card.language?.split('-')[0]?.toLowerCase() === primary || card.languages.includes(primary);
}

/**
 * Mentor suggestions for a person, best first, each with the topics that matched.
 * @example const { newcomer, mentors } = await suggestMentors({ db, personId: 7, thresholds });
 */
export async function suggestMentors(input: { db: AnyDb; personId: number | null; thresholds: Thresholds; limit?: number }) {
  if (input.personId === null) throw new AppError('forbidden', 'this account has no directory profile', coded('profile.none'));
  const me = await getProfile({ db: input.db, personId: input.personId, viewer: { personId: input.personId, showHr: true }, thresholds: input.thresholds });
  const daysSinceHire = me.hire_date ? (Date.now() - Date.parse(`${me.hire_date}T00:00:00Z`)) / 86_400_000 : null;
  const newcomer = daysSinceHire !== null && daysSinceHire >= 0 && daysSinceHire < NEWCOMER_DAYS;
  const goals = me.learning_goals;
  const cards = (await findMentorCards({ db: input.db, topics: goals, excludeId: me.id, limit: 200, thresholds: input.thresholds })).filter((c) =>
    speaks(c, me.language),
  );
  const ranked = cards
    .map((c) => ({ card: c, topics: c.mentor_topics.filter((t) => goals.includes(t)), sameLocation: !!me.location && c.location === me.location }))
    .sort(
      (a, b) => b.topics.length - a.topics.length || Number(b.sameLocation) - Number(a.sameLocation) || a.card.display_name.localeCompare(b.card.display_name),
    )
    .slice(0, input.limit ?? 10);
  return {
    newcomer,
    mentors: ranked.map((r) => ({
      person: r.card,
      topics: r.topics,
      reasons: [...r.topics.map((t) => `mentors #${t}`), ...(r.sameLocation ? [`also in ${r.card.location}`] : [])],
      reason_codes: [
        ...r.topics.map((tag): CodedReason => ({ code: 'mentors', params: { tag } })),
        ...(r.sameLocation ? [{ code: 'same_location', params: { location: r.card.location ?? '' } } satisfies CodedReason] : []),
      ],
    })),
  };
}

export async function listAmbassadors(input: { db: AnyDb; location: string | null; thresholds: Thresholds }) {
  return { ambassadors: await findAmbassadorCards({ db: input.db, location: input.location, limit: 20, thresholds: input.thresholds }) };
}
