// Expert search: who can help with this? Document-centric (Balog et al. 2006, model 2): each
// contribution's BM25 relevance to the question, weighted by its quality (accepted, score), summed per
// author, recent and lifetime; plus the person's profile: hashtags the question names (also through
// skill aliases, compounds and typos), endorsements of them, and "about" / "can help with" text.
// Every result says why it ranks. Weights are in one place, learned on the Cardano set as a whole
// (never per query) and cross-validated: see docs/benchmarks.md.
import type { AnyDb } from '../../platform/db/connect.js';
import type { CodedReason, ExpertResult, ExpertsQuery, ExpertsResponse } from '../../../shared/expertise.js';
import type { PersonCard } from '../../../shared/people.js';
import { findPeopleByProfileText, findPeopleCardsByIds, findPeopleIdsByTags, type Thresholds } from '../people/index.js';
import * as q from './expertise.queries.js';
import { resolveSkills } from './skill-taxonomy.js';
import * as signals from './expertise-signals.queries.js';

export type RankingWeights = {
  maxTerms: number;
  maxPostings: number;
  termPostings: number;
  maxContributions: number;
  acceptedBoost: number;
  scoreBoost: number;
  recentHalfLifeDays: number;
  recentWeight: number;
  lifetimeWeight: number;
  profileWeight: number;
  profileTextWeight: number;
  priorWeight: number;
  evidenceCandidates: number;
  profileTerms: number;
  profileTermShare: number;
  endorsementWeight: number;
};

/**
 * Evidence is scaled to the question's best person in two views, recent (BM25 x quality halving every
 * `recentHalfLifeDays` before the newest contribution) and lifetime (no decay), so the weights below
 * mean the same for every question. They were learned across the whole Cardano set by coordinate
 * ascent and hold under 5-fold cross-validation (`npm run bench -- experts-study`, docs/benchmarks.md).
 */
export const RANKING: RankingWeights = {
  /** Query terms used to fetch evidence: the rarest ones carry the question. */
  maxTerms: 100,
  /** Stop adding (ever more common) terms once their contributions number this many. */
  maxPostings: 2000,
  /** Of each term, at most its newest this many contributions. */
  termPostings: 800,
  /** Contributions scored per query. */
  maxContributions: 400,
  /** People with the strongest evidence considered for the page (plus everyone the profile matches). */
  evidenceCandidates: 150,
  acceptedBoost: 0.5,
  scoreBoost: 0.15,
  recentHalfLifeDays: 14,
  recentWeight: 1.7,
  lifetimeWeight: 0.9,
  /** Per profile hashtag the question names: enough to list people without evidence, never to outrank it. */
  profileWeight: 0.1,
  /** Times the match of "about" / "can help with" text, scaled to the question's best profile. */
  profileTextWeight: 0.3,
  /** Profile text is matched on the question's rarest words: at most this many ... */
  profileTerms: 30,
  /** ... each found in at most this share of contributions. */
  profileTermShare: 0.2,
  /** Times log(1 + contributions): 0, because recent evidence already carries activity (the study's learner agrees). */
  priorWeight: 0,
  /** Per named profile hashtag: log(1 + colleagues who endorsed it). */
  endorsementWeight: 0.2,
};

const KIND_VERB: Record<string, string> = { answer: 'answered', question: 'asked', document: 'wrote', post: 'posted', help: 'helped with' };

function queryTokens(text: string): string[] {
  return [...new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])].filter((t) => t.length >= 2).slice(0, 200);
}

/**
 * Profile hashtags the question names: the whole tag, every part of a hyphenated tag, or any form
 * (canonical or alias) of a skill the question names.
 */
function matchedTags(card: PersonCard, tokens: Set<string>, skillForms: Map<string, string>): string[] {
  const tags = [...new Set([...card.skills, ...card.mentor_topics])];
  return tags.filter(
    (tag) =>
      skillForms.has(tag) ||
      tokens.has(tag) ||
      tag
        .split(/[-_.+]/)
        .filter(Boolean)
        .every((part) => tokens.has(part)),
  );
}

type Evidence = { recent: number; lifetime: number; docs: q.ScoredContribution[] };

export type ExpertFilters = Pick<ExpertsQuery, 'department' | 'location' | 'language' | 'mentor'>;

/**
 * Ranks people for a question.
 * @example const { results } = await findExperts({ db, q: 'pivot tables in Excel', limit: 10, thresholds });
 */
export async function findExperts(input: {
  db: AnyDb;
  q: string;
  limit: number;
  filters?: ExpertFilters;
  thresholds?: Thresholds;
  weights?: Partial<RankingWeights>;
}): Promise<ExpertsResponse> {
  const w = { ...RANKING, ...input.weights };
  const thresholds = input.thresholds ?? { noviceBelow: 3, midBelow: 10 };
  const tokens = queryTokens(input.q);
  const tokenSet = new Set(tokens);
  const candidateTags = [...new Set([...tokens, ...tokens.slice(0, -1).map((t, i) => `${t}-${tokens[i + 1]}`)])];
  // Three lookups run side by side: the people who list the question's words as hashtags, those whose
  // profile text matches, and (after the words that name a skill are resolved) the evidence. They are
  // started inside one Promise.all, so a failing one can never reject unobserved while another is
  // awaited (an unobserved rejection ends a Node process).
  const evidenceAndSkills = async () => {
    const skills = await resolveSkills({ db: input.db, candidates: candidateTags });
    const skillForms = new Map<string, string>();
    for (const s of skills) for (const form of [s.tag, ...s.aliases]) skillForms.set(form, s.tag);
    // Only forms the question did not spell out need a second hashtag lookup.
    const otherForms = [...skillForms.keys()].filter((form) => !candidateTags.includes(form));
    // Evidence is searched with the labels (en, de, nl) of the skills the question names: someone who
    // wrote "Verhandlungsführung" answers "Verhandlungstechnik", and a Dutch "draaitabel" finds
    // "Draaitabellen" and "Pivot tables".
    const expanded = [input.q, ...skills.flatMap((s) => [s.labels.en, s.labels.de, s.labels.nl])].join(' ');
    const [docs, viaSkills] = await Promise.all([
      q.scoreContributions(input.db, expanded, w.maxTerms, w.maxContributions, w.maxPostings, w.termPostings),
      otherForms.length > 0 ? findPeopleIdsByTags({ db: input.db, tags: otherForms, limit: 200 }) : Promise.resolve([]),
    ]);
    return { skillForms, docs, viaSkills };
  };
  // Profiles are matched on the question's words that are rare in the company's writing (the ones that
  // carry it), so a word every "about" text shares cannot flood the candidates.
  const profileText = async () =>
    findPeopleByProfileText({ db: input.db, lexemes: await q.findRareLexemes(input.db, input.q, w.profileTerms, w.profileTermShare), limit: 100 });
  const [{ skillForms, docs, viaSkills }, asAsked, described] = await Promise.all([
    evidenceAndSkills(),
    findPeopleIdsByTags({ db: input.db, tags: candidateTags, limit: 200 }),
    profileText(),
  ]);
  const bestDescribed = Math.max(1e-9, ...described.map((d) => d.rank));
  const profileMatch = new Map(described.map((d) => [d.id, d.rank / bestDescribed]));
  const tagged = [...asAsked, ...viaSkills];
  const evidence = new Map<number, Evidence>();
  for (const d of docs) {
    const quality = 1 + (d.accepted ? w.acceptedBoost : 0) + w.scoreBoost * Math.log1p(Math.max(d.score ?? 0, 0));
    const e = evidence.get(d.person_id) ?? { recent: 0, lifetime: 0, docs: [] };
    e.lifetime += d.bm25 * quality;
    e.recent += d.bm25 * quality * (w.recentHalfLifeDays > 0 ? 0.5 ** (d.age_days / w.recentHalfLifeDays) : 1);
    e.docs.push(d);
    evidence.set(d.person_id, e);
  }
  const best = { recent: 1e-9, lifetime: 1e-9 };
  for (const e of evidence.values()) [best.recent, best.lifetime] = [Math.max(best.recent, e.recent), Math.max(best.lifetime, e.lifetime)];
  const evidenceScore = (e: Evidence | undefined) => (e ? (w.recentWeight * e.recent) / best.recent + (w.lifetimeWeight * e.lifetime) / best.lifetime : 0);
  // Cards for the people with the strongest evidence, and everyone the profile matched: someone far
  // down the evidence list cannot climb to the first page on profile signals alone. Filtered searches
  // keep everyone, since the filter may remove the strongest.
  const byEvidence = [...evidence.entries()].sort((a, b) => evidenceScore(b[1]) - evidenceScore(a[1])).map(([id]) => id);
  const hasFilters = Object.values(input.filters ?? {}).some((v) => v !== undefined);
  const ids = [...new Set([...(hasFilters ? byEvidence : byEvidence.slice(0, w.evidenceCandidates)), ...tagged, ...profileMatch.keys()])];
  const countsOf = (of: number[]) => q.countContributions(input.db, of);
  const [cards, allCounts, endorsements, unavailable] = await Promise.all([
    findPeopleCardsByIds({ db: input.db, ids, thresholds }),
    w.priorWeight > 0 ? countsOf(ids) : Promise.resolve(null),
    signals.countEndorsementsFor(input.db, ids),
    signals.findUnavailable(input.db, ids),
  ]);
  type Scored = {
    id: number;
    card: PersonCard;
    e: Evidence | undefined;
    tags: string[];
    endorsed: Map<string, number>;
    described: number;
    available: boolean;
    score: number;
  };
  const scored: Scored[] = [];
  for (const [id, card] of cards) {
    if (!passes(card, input.filters)) continue;
    const e = evidence.get(id);
    const tags = matchedTags(card, tokenSet, skillForms);
    const endorsed = endorsements.get(id) ?? new Map<string, number>();
    const endorsementScore = tags.reduce((sum, tag) => sum + Math.log1p(endorsed.get(tag) ?? 0), 0);
    const described = profileMatch.get(id) ?? 0;
    const prior = w.priorWeight * Math.log1p(allCounts?.get(id)?.total ?? 0);
    const score = evidenceScore(e) + w.profileTextWeight * described + w.profileWeight * tags.length + w.endorsementWeight * endorsementScore + prior;
    if (score > 0) scored.push({ id, card, e, tags, endorsed, described, available: !unavailable.has(id), score });
  }
  // People who asked not to be contacted come after everyone who can help now, whatever their score.
  scored.sort((a, b) => Number(b.available) - Number(a.available) || b.score - a.score || a.card.display_name.localeCompare(b.card.display_name));
  const page = scored.slice(0, input.limit);
  const counts = allCounts ?? (await countsOf(page.map((x) => x.id)));
  const results: ExpertResult[] = page.map((x) => {
    const reasons = reasonsFor(x.tags, x.endorsed, x.e, counts.get(x.id) ?? { total: 0, accepted: 0 });
    if (x.described > 0) reasons.splice(x.tags.length, 0, { text: 'their profile says they know about this', code: 'profile_text', params: {} });
    if (!x.available) reasons.push({ text: 'currently unavailable', code: 'unavailable', params: {} });
    return {
      person: personOf(x.card, x.available),
      score: Math.round(x.score * 1000) / 1000,
      reasons: reasons.map((r) => r.text),
      reason_codes: reasons.map(({ code, params }) => ({ code, params })),
    };
  });
  return { results };
}

function passes(card: PersonCard, f: ExpertFilters | undefined): boolean {
  if (!f) return true;
  const same = (a: string | null, b: string | undefined) => b === undefined || (a ?? '').toLowerCase() === b.toLowerCase();
  if (!same(card.department, f.department) || !same(card.location, f.location)) return false;
  if (f.language && card.language?.split('-')[0] !== f.language && !card.languages.includes(f.language)) return false;
  if (f.mentor && !card.mentor_available) return false;
  return true;
}

function personOf(card: PersonCard, available: boolean): ExpertResult['person'] {
  return {
    available,
    id: card.id,
    external_id: card.external_id,
    display_name: card.display_name,
    job_title: card.job_title,
    department: card.department,
    location: card.location,
    skills: card.skills,
    mentor_available: card.mentor_available,
    ambassador: card.ambassador,
  };
}

/** One reason in English (`reasons`, DESIGN §3.6) and as a code the web words in the reader's language. */
type Reason = CodedReason & { text: string };

function reasonsFor(tags: string[], endorsed: Map<string, number>, e: Evidence | undefined, count: { total: number; accepted: number }): Reason[] {
  const reasons = tags.map((tag): Reason => {
    const by = endorsed.get(tag);
    return by
      ? { text: `#${tag}, endorsed by ${by}`, code: 'skill_endorsed', params: { tag, count: by } }
      : { text: `#${tag}`, code: 'skill', params: { tag } };
  });
  if (e && e.docs.length > 0) {
    // Private evidence (a help request kept private) is never quoted: it has no title to quote.
    const best = [...e.docs].filter((d) => d.visibility === 'public').sort((a, b) => b.bm25 - a.bm25)[0];
    const accepted = e.docs.filter((d) => d.accepted).length;
    // Private help evidence has no title to quote: say only that they helped.
    if (best) {
      const title = best.title.slice(0, 120);
      reasons.push({ text: `${KIND_VERB[best.kind] ?? 'contributed'} "${title}"`, code: 'contribution', params: { kind: best.kind, title } });
    } else {
      reasons.push({ text: 'helped colleagues with related questions', code: 'helped_privately', params: {} });
    }
    if (e.docs.length > 1) {
      const text = `${e.docs.length} related contributions${accepted > 0 ? `, ${accepted} accepted` : ''}`;
      reasons.push(
        accepted > 0
          ? { text, code: 'related_contributions_accepted', params: { count: e.docs.length, accepted } }
          : { text, code: 'related_contributions', params: { count: e.docs.length } },
      );
    }
  } else if (count.total > 0) {
    reasons.push({ text: `${count.total} contributions`, code: 'contributions', params: { count: count.total } });
  }
  return reasons;
}
