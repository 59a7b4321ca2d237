// A campaign's comment sentiment for communicators (ADR 0028): each comment positive, neutral or
// negative from the word lists of its language; the figure is (positive − negative) / comments, with
// the counts and the words that drove it. Nothing but the number of comments is shown while fewer
// than k people commented (DESIGN §3.5).
import type { AnyDb } from '../../platform/db/connect.js';
import { SENTIMENT_LANGUAGES, type Sentiment, type SentimentLanguage } from '../../../shared/conversation.js';
import { openThread, type Caller } from './comments-access.js';
import { findSentimentComments } from './comments.queries.js';
import { scoreComment } from './sentiment.js';

const TOP_WORDS = 8;

const top = (counts: Map<string, number>) =>
  [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP_WORDS)
    .map(([word, count]) => ({ word, count }));

/**
 * @example await campaignSentiment({ db, caller, campaignId: 7, k: 5 }) // { score: 0.4, positive: 6, negative: 2, top_negative: [{ word: 'nicht gut', count: 2 }], … }
 */
export async function campaignSentiment(input: { db: AnyDb; caller: Caller; campaignId: number; k: number }): Promise<Sentiment> {
  const campaign = await openThread(input);
  const rows = await findSentimentComments(input.db, campaign.id);
  const authors = new Set(rows.map((r) => r.author_id ?? -1)).size;
  const counts = { positive: 0, neutral: 0, negative: 0 };
  const words = { positive: new Map<string, number>(), negative: new Map<string, number>() };
  const languages = new Map<string, number>();
  for (const row of rows) {
    const language: SentimentLanguage = (SENTIMENT_LANGUAGES as readonly string[]).includes(row.language) ? (row.language as SentimentLanguage) : 'en';
    const scored = scoreComment(row.body, language);
    counts[scored.polarity] += 1;
    for (const side of ['positive', 'negative'] as const) for (const w of scored[side]) words[side].set(w, (words[side].get(w) ?? 0) + 1);
    languages.set(language, (languages.get(language) ?? 0) + 1);
  }
  const shown = authors >= input.k && rows.length >= input.k;
  return {
    comments: rows.length,
    authors: shown ? authors : 0,
    min_group: input.k,
    score: shown ? Math.round(((counts.positive - counts.negative) / rows.length) * 100) / 100 : null,
    positive: shown ? counts.positive : null,
    neutral: shown ? counts.neutral : null,
    negative: shown ? counts.negative : null,
    top_positive: shown ? top(words.positive) : [],
    top_negative: shown ? top(words.negative) : [],
    by_language: shown ? [...languages].sort((a, b) => b[1] - a[1]).map(([language, comments]) => ({ language, comments })) : [],
  };
}
