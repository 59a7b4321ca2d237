// Guesses whether a text is English, German or Dutch from its most common function words: enough to
// pick the stemmer for a contribution that does not say its language. Hand-written because the three
// languages are all Resonance serves, and a stopword vote is exact enough to choose a stemmer.

const STOPWORDS: Record<'en' | 'de' | 'nl', ReadonlySet<string>> = {
  en: new Set('the and is are was were to of in that it for on with as this be have not you what how can do does which when there'.split(' ')),
  de: new Set('der die das und ist sind war nicht zu von mit den dem ein eine einen ich sie es auf für wie kann wird auch bei oder aber'.split(' ')),
  nl: new Set('de het een en is zijn was niet van met op te dat die voor ik je hoe kan wordt ook bij maar naar als er om'.split(' ')),
};

/**
 * The language whose function words the text uses most, or `fallback` when none stands out.
 * @example detectLanguage('Wie kann ich die Tabelle filtern?') // 'de'
 */
export function detectLanguage(text: string, fallback = 'en'): string {
  const words =
    text
      .toLowerCase()
      .match(/[\p{L}]+/gu)
      ?.slice(0, 400) ?? [];
  let best = fallback;
  let bestHits = 0;
  for (const [language, stopwords] of Object.entries(STOPWORDS)) {
    const hits = words.reduce((n, w) => n + (stopwords.has(w) ? 1 : 0), 0);
    if (hits > bestHits) {
      best = language;
      bestHits = hits;
    }
  }
  return bestHits >= 2 ? best : fallback;
}
