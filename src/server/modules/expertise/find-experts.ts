// Expert search: who can help with this? Document-centric (Balog et al. 2006, model 2): each
// contribution's BM25 relevance to the question, weighted by its quality (accepted, score), summed per
// author; plus the match of the question with the person's profile hashtags, and a small prior for
// people who help often. Every result says why it ranks. Weights are in one place, tuned on the
// Cardano evaluation set as a whole (never per query): see docs/benchmarks.md.
import type { AnyDb } from '../../platform/db/connect.js';
import type { ExpertResult, ExpertsResponse } from '../../../shared/expertise.js';
import type { PersonCard } from '../../../shared/people.js';
import { findPeopleCardsByIds, findPeopleIdsByTags, type Thresholds } from '../people/index.js';
import * as q from './expertise.queries.js';
import { resolveSkills } from './skill-taxonomy.js';

export type RankingWeights = { maxTerms: number; maxContributions: number; acceptedBoost: number; scoreBoost: number; profileWeight: number; priorWeight: number; recencyDays: number };

export const RANKING: RankingWeights = {
  /** Query terms used to fetch evidence: the rarest ones carry the question. */
  maxTerms: 30,
  /** Contributions scored per query. */
  maxContributions: 400,
  acceptedBoost: 0.5,
  scoreBoost: 0.15,
  profileWeight: 2.5,
  priorWeight: 0.3,
  /** Evidence halves in value every this many days older than the newest contribution (0: off). */
  recencyDays: 30,
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
export async function findExperts(input: { db: AnyDb; q: string; limit: number; thresholds?: Thresholds; weights?: Partial<RankingWeights> }): Promise<ExpertsResponse> {
  const w = { ...RANKING, ...input.weights };
  const thresholds = input.thresholds ?? { noviceBelow: 3, midBelow: 10 };
  const tokens = queryTokens(input.q);
  const tokenSet = new Set(tokens);
  const candidateTags = [...new Set([...tokens, ...tokens.slice(0, -1).map((t, i) => `${t}-${tokens[i + 1]}`)])];
  // Words of the question that name a skill (directly or as an alias) bring in every form of it.
  const skills = await resolveSkills({ db: input.db, candidates: candidateTags });
  const skillForms = new Map<string, string>();
  for (const s of skills) for (const form of [s.tag, ...s.aliases]) skillForms.set(form, s.tag);
  const [docs, tagged] = await Promise.all([
    q.scoreContributions(input.db, input.q, w.maxTerms, w.maxContributions),
    findPeopleIdsByTags({ db: input.db, tags: [...new Set([...candidateTags, ...skillForms.keys()])], limit: 500 }),
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
  const [cards, counts] = await Promise.all([
    findPeopleCardsByIds({ db: input.db, ids, thresholds }),
    q.countContributions(input.db, ids),
  ]);
  const ranked: ExpertResult[] = [];
  for (const [id, card] of cards) {
    const e = evidence.get(id);
    const tags = matchedTags(card, tokenSet, skillForms);
    const count = counts.get(id) ?? { total: 0, accepted: 0 };
    const score = (e?.score ?? 0) + w.profileWeight * tags.length + w.priorWeight * Math.log1p(count.total);
    if (score <= 0) continue;
    ranked.push({ person: personOf(card), score: Math.round(score * 1000) / 1000, reasons: reasonsFor(tags, e, count) });
  }
  ranked.sort((a, b) => b.score - a.score || a.person.display_name.localeCompare(b.person.display_name));
  return { results: ranked.slice(0, input.limit) };
}

function personOf(card: PersonCard): ExpertResult['person'] {
  return {
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

function reasonsFor(tags: string[], e: Evidence | undefined, count: { total: number; accepted: number }): string[] {
  const reasons = tags.map((t) => `#${t}`);
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
