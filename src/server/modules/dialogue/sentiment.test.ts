// The word-list sentiment of one comment, negation included, in en, de and nl.
import { describe, expect, it } from 'vitest';
import { scoreComment } from './sentiment.js';

describe('scoreComment', () => {
  it('reads plain praise and complaint', () => {
    expect(scoreComment('Great news, thanks!', 'en')).toMatchObject({ polarity: 'positive', positive: ['great', 'thanks'] });
    expect(scoreComment('This is confusing and the plan is unclear.', 'en')).toMatchObject({ polarity: 'negative', negative: ['confusing', 'unclear'] });
    expect(scoreComment('@[E1] see #excel at https://x.example/good', 'en')).toMatchObject({ polarity: 'neutral', score: 0 });
  });

  it('flips a word after a negator in English, German and Dutch', () => {
    expect(scoreComment('This is not good', 'en')).toMatchObject({ polarity: 'negative', negative: ['not good'] });
    expect(scoreComment('Das finde ich nicht gut', 'de')).toMatchObject({ polarity: 'negative', negative: ['nicht gut'] });
    expect(scoreComment('Ik vind het niet goed', 'nl')).toMatchObject({ polarity: 'negative', negative: ['niet goed'] });
    expect(scoreComment('Gar nicht schlecht!', 'de')).toMatchObject({ polarity: 'positive', positive: ['nicht schlecht'] });
  });

  it('flips a German or Dutch word before its negator, within the clause only', () => {
    expect(scoreComment('Das gefällt mir nicht', 'de')).toMatchObject({ polarity: 'negative', negative: ['gefällt nicht'] });
    expect(scoreComment('Dat bevalt me niet', 'nl')).toMatchObject({ polarity: 'negative', negative: ['bevalt niet'] });
    // "gut" ends its clause at the comma; "nicht" belongs to "schlecht".
    expect(scoreComment('Gut, nicht schlecht', 'de')).toMatchObject({ polarity: 'positive', positive: ['gut', 'nicht schlecht'] });
  });

  it('knows the common words of workplace feedback, and an intensifier is not a complaint', () => {
    expect(scoreComment('Erg goed gedaan, heel overzichtelijk', 'nl')).toMatchObject({
      polarity: 'positive',
      positive: ['goed', 'overzichtelijk'],
      negative: [],
    });
    expect(scoreComment('Leider wieder verspätet und umständlich', 'de')).toMatchObject({
      polarity: 'negative',
      negative: ['leider', 'verspätet', 'umständlich'],
    });
    expect(scoreComment('Looks like an outstanding, insightful update', 'en')).toMatchObject({ polarity: 'positive', positive: ['outstanding', 'insightful'] });
  });
});
