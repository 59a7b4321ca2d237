// Scores one comment positive, neutral or negative from the word lists of its language (ADR 0028):
// each listed word counts +1 or -1; a negator up to three words before it in the same clause flips it
// ("not good", "nicht gut", "niet goed"), and in German and Dutch also one up to two words after it
// ("das gefällt mir nicht", "dat bevalt me niet"). The words that counted are returned, so the figure
// can be explained. Mentions, hashtags and links are not words.
import { MENTION_TOKEN, type SentimentLanguage } from '../../../shared/conversation.js';
import { LEXICONS } from './sentiment-lexicon.js';

export type CommentSentiment = { polarity: 'positive' | 'neutral' | 'negative'; score: number; positive: string[]; negative: string[] };

const BEFORE = 3;
const AFTER = 2;

/** Clauses of lower-case words: punctuation ends a clause, so "gut, nicht schlecht" keeps "gut" positive. */
function clausesOf(text: string): string[][] {
  const cleaned = text
    .replace(MENTION_TOKEN, ' ')
    .replace(/https?:\/\/\S+/gu, ' ')
    .replace(/#[\p{L}\p{N}_.-]+/gu, ' ')
    .toLowerCase()
    .replace(/n['’]t\b/gu, "n't");
  return cleaned
    .split(/[.,;:!?()\n]+|\s[-–]\s/u)
    .map((clause) => clause.match(/[\p{L}']+/gu) ?? [])
    .filter((clause) => clause.length > 0);
}

/**
 * @example scoreComment('Das finde ich nicht gut', 'de') // { polarity: 'negative', score: -1, positive: [], negative: ['nicht gut'] }
 */
export function scoreComment(text: string, language: SentimentLanguage): CommentSentiment {
  const lexicon = LEXICONS[language];
  const positive: string[] = [];
  const negative: string[] = [];
  for (const clause of clausesOf(text)) {
    clause.forEach((word, i) => {
      const base = lexicon.positive.has(word) ? 1 : lexicon.negative.has(word) ? -1 : 0;
      if (base === 0) return;
      const before = clause.slice(Math.max(0, i - BEFORE), i).find((w) => lexicon.negators.has(w));
      const after = lexicon.negatesAfter && !before ? clause.slice(i + 1, i + 1 + AFTER).find((w) => lexicon.negators.has(w)) : undefined;
      const negator = before ?? after;
      const polarity = negator ? -base : base;
      const shown = before ? `${before} ${word}` : after ? `${word} ${after}` : word;
      (polarity > 0 ? positive : negative).push(shown);
    });
  }
  const score = positive.length - negative.length;
  return { polarity: score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral', score, positive, negative };
}
