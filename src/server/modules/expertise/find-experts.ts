// Expert search: who can help with this? Document-centric (Balog et al. 2006, model 2): each
// contribution's BM25 relevance to the question, weighted by its quality (accepted, score), summed per
// author; plus the match of the question with the person's profile hashtags, and a small prior for
// people who help often. Every result says why it ranks. Weights are in one place, tuned on the
// Cardano evaluation set as a whole (never per query): see docs/benchmarks.md.
import type { AnyDb } from '../../platform/db/connect.js';
import type { ExpertResult, ExpertsQuery, ExpertsResponse } from '../../../shared/expertise.js';
import type { PersonCard } from '../../../shared/people.js';
import { findPeopleCardsByIds, findPeopleIdsByTags, type Thresholds } from '../people/index.js';
import * as q from './expertise.queries.js';
import { resolveSkills } from './skill-taxonomy.js';
import * as signals from './expertise-signals.queries.js';

export type RankingWeights = { maxTerms: number; maxPostings: number; maxContributions: number; acceptedBoost: number; scoreBoost: number; profileWeight: number; priorWeight: number; recencyDays: number; endorsementWeight: number };

export const RANKING: RankingWeights = {
  /** Query terms used to fetch evidence: the rarest ones carry the question. */
  maxTerms: 30,
  /** Stop adding (ever more common) terms once their contributions number this many. */
  maxPostings: 800,
  /** Contributions scored per query. */
  maxContributions: 400,
  acceptedBoost: 0.5,
  scoreBoost: 0.15,
  profileWeight: 2.5,
  priorWeight: 0.3,
  /** Evidence halves in value every this many days older than the newest contribution (0: off). */
  recencyDays: 30,
  /** Per named profile hashtag: log(1 + colleagues who endorsed it). */
  endorsementWeight: 1,
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
  return tags.filter((tag) => skillForms.has(tag) || tokens.has(tag) || tag.split(/[-_.+]/).filter(Boolean).every((part) => tokens.has(part)));
}

type Evidence = { score: number; docs: q.ScoredContribution[] };

/**
 * Ranks people for a question.
 * @example const { results } = await findExperts({ db, q: 'pivot tables in Excel', limit: 10, thresholds });
 */
export type ExpertFilters = Pick<ExpertsQuery, 'department' | 'location' | 'language' | 'mentor'>;

export async function findExperts(input: { db: AnyDb; q: string; limit: number; filters?: ExpertFilters; thresholds?: Thresholds; weights?: Partial<RankingWeights> }): Promise<ExpertsResponse> {
  const w = { ...RANKING, ...input.weights };
  const thresholds = input.thresholds ?? { noviceBelow: 3, midBelow: 10 };
  const tokens = queryTokens(input.q);
  const tokenSet = new Set(tokens);
  const candidateTags = [...new Set([...tokens, ...tokens.slice(0, -1).map((t, i) => `${t}-${tokens[i + 1]}`)])];
  // Evidence scoring runs while the question's skill words are resolved and their people found.
  const scoring = q.scoreContributions(input.db, input.q, w.maxTerms, w.maxContributions, w.maxPostings);
  // Words of the question that name a skill (directly or as an alias) bring in every form of it.
  const skills = await resolveSkills({ db: input.db, candidates: candidateTags });
  const skillForms = new Map<string, string>();
  for (const s of skills) for (const form of [s.tag, ...s.aliases]) skillForms.set(form, s.tag);
  const [docs, tagged] = await Promise.all([
    scoring,
    findPeopleIdsByTags({ db: input.db, tags: [...new Set([...candidateTags, ...skillForms.keys()])], limit: 200 }),
  ]);
  const evidence = new Map<number, Evidence>();
  for (const d of docs) {
    const recency = w.recencyDays > 0 ? 0.5 ** (d.age_days / w.recencyDays) : 1;
    const quality = (1 + (d.accepted ? w.acceptedBoost : 0) + w.scoreBoost * Math.log1p(Math.max(d.score ?? 0, 0))) * recency;
    const e = evidence.get(d.person_id) ?? { score: 0, docs: [] };
    e.score += d.bm25 * quality;
    e.docs.push(d);
    evidence.set(d.person_id, e);
  }
  const ids = [...new Set([...evidence.keys(), ...tagged])];
  const [cards, counts, endorsements, unavailable] = await Promise.all([
    findPeopleCardsByIds({ db: input.db, ids, thresholds }),
    q.countContributions(input.db, ids),
    signals.countEndorsementsFor(input.db, ids),
    signals.findUnavailable(input.db, ids),
  ]);
  const ranked: ExpertResult[] = [];
  for (const [id, card] of cards) {
    if (!passes(card, input.filters)) continue;
    const e = evidence.get(id);
    const tags = matchedTags(card, tokenSet, skillForms);
    const endorsed = endorsements.get(id) ?? new Map<string, number>();
    const count = counts.get(id) ?? { total: 0, accepted: 0 };
    const endorsementScore = tags.reduce((sum, tag) => sum + Math.log1p(endorsed.get(tag) ?? 0), 0);
    const score = (e?.score ?? 0) + w.profileWeight * tags.length + w.endorsementWeight * endorsementScore + w.priorWeight * Math.log1p(count.total);
    if (score <= 0) continue;
    const available = !unavailable.has(id);
    const reasons = reasonsFor(tags, endorsed, e, count);
    if (!available) reasons.push('currently unavailable');
    ranked.push({ person: personOf(card, available), score: Math.round(score * 1000) / 1000, reasons });
  }
  // People who asked not to be contacted come after everyone who can help now, whatever their score.
  ranked.sort((a, b) => Number(b.person.available) - Number(a.person.available) || b.score - a.score || a.person.display_name.localeCompare(b.person.display_name));
  return { results: ranked.slice(0, input.limit) };
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

function reasonsFor(tags: string[], endorsed: Map<string, number>, e: Evidence | undefined, count: { total: number; accepted: number }): string[] {
  const reasons = tags.map((t) => (endorsed.get(t) ? `#${t}, endorsed by ${endorsed.get(t)}` : `#${t}`));
  if (e && e.docs.length > 0) {
    const best = [...e.docs].sort((a, b) => b.bm25 - a.bm25)[0]!;
    const accepted = e.docs.filter((d) => d.accepted).length;
    reasons.push(`${KIND_VERB[best.kind] ?? 'contributed'} "${best.title.slice(0, 120)}"`);
    if (e.docs.length > 1) reasons.push(`${e.docs.length} related contributions${accepted > 0 ? `, ${accepted} accepted` : ''}`);
  } else if (count.total > 0) {
    reasons.push(`${count.total} contributions`);
  }
  return reasons;
}
