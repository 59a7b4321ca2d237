// The networks' own share intents (ADR 0030): the page a network offers for posting a link, with our
// short link as the shared URL (and, where the network takes one, the person's text).
import type { Network } from '../../../shared/advocacy.js';

/**
 * The share-intent URL of `network` for `url`; every value is URL-encoded.
 * @example shareIntentUrl('linkedin', 'https://r.example/s/abc') // 'https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fr.example%2Fs%2Fabc'
 */
export function shareIntentUrl(network: Network, url: string, text = ''): string {
  const u = encodeURIComponent(url);
  switch (network) {
    case 'linkedin':
      return `https://www.linkedin.com/sharing/share-offsite/?url=${u}`;
    case 'xing':
      return `https://www.xing.com/spi/shares/new?url=${u}`;
    case 'x':
      return `https://x.com/intent/post?text=${encodeURIComponent(text)}&url=${u}`;
    case 'facebook':
      return `https://www.facebook.com/sharer/sharer.php?u=${u}`;
  }
}

/** Whitespace-normalised text, for telling an adapted post from a suggested one. */
export const normaliseText = (text: string) => text.trim().replace(/\s+/gu, ' ');

/** Whether the person's text differs from every suggested one (an empty text is not adapted). */
export function isAdapted(text: string, suggested: string[]): boolean {
  const own = normaliseText(text);
  if (own === '') return false;
  return suggested.every((s) => normaliseText(s) !== own);
}
