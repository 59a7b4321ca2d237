// Parses a comment's text into pieces the web renders as React text and elements, never as HTML
// (ADR 0028): **bold**, *italic*, `code`, http(s) links, @[external_id] mentions and #hashtags.
// Anything else, tags included, stays text.
import { HASHTAG_TOKEN, MENTION_TOKEN } from '../../../shared/conversation';

export type Piece =
  | { kind: 'text'; text: string }
  | { kind: 'bold' | 'italic' | 'code'; text: string }
  | { kind: 'link'; href: string }
  | { kind: 'mention'; externalId: string }
  | { kind: 'hashtag'; tag: string };

/** One alternation, first match wins: code before emphasis, so `**` inside code stays literal. */
const TOKENS = new RegExp(
  [
    '`([^`\\n]{1,200})`',
    '\\*\\*([^*\\n]{1,500})\\*\\*',
    '(?<![\\p{L}\\p{N}*])\\*([^*\\s](?:[^*\\n]{0,498}[^*\\s])?)\\*(?![\\p{L}\\p{N}*])',
    '(https?://[^\\s<>"]+[^\\s<>".,;:!?)\\]])',
    MENTION_TOKEN.source,
    HASHTAG_TOKEN.source,
  ].join('|'),
  'gu',
);

/**
 * @example parseComment('Hi @[E1], **see** #excel') // [text 'Hi ', mention E1, text ', ', bold 'see', text ' ', hashtag 'excel']
 */
export function parseComment(body: string): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  const text = (t: string) => {
    if (t === '') return;
    const prev = pieces[pieces.length - 1];
    if (prev?.kind === 'text') prev.text += t;
    else pieces.push({ kind: 'text', text: t });
  };
  for (const m of body.matchAll(TOKENS)) {
    const [whole, code, bold, italic, link, mention, hashPrefix, hashtag] = m;
    text(body.slice(last, m.index));
    if (code !== undefined) pieces.push({ kind: 'code', text: code });
    else if (bold !== undefined) pieces.push({ kind: 'bold', text: bold });
    else if (italic !== undefined) pieces.push({ kind: 'italic', text: italic });
    else if (link !== undefined) pieces.push({ kind: 'link', href: link });
    else if (mention !== undefined) pieces.push({ kind: 'mention', externalId: mention });
    else if (hashtag !== undefined) {
      text(hashPrefix ?? '');
      pieces.push({ kind: 'hashtag', tag: hashtag.toLowerCase() });
    } else text(whole);
    last = m.index + whole.length;
  }
  text(body.slice(last));
  return pieces;
}

/** The text a person edits: mention tokens shown as `@Name` for the names known. */
export function toEditable(body: string, names: ReadonlyMap<string, string>): string {
  return body.replace(MENTION_TOKEN, (whole, id: string) => {
    const name = names.get(id);
    return name ? `@${name}` : whole;
  });
}

/** The text sent: each `@Name` of a person picked (longest names first) as an `@[external_id]` token. */
export function toTokens(text: string, picked: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [name, id] of [...picked].sort((a, b) => b[0].length - a[0].length)) out = out.split(`@${name}`).join(`@[${id}]`);
  return out;
}

/** The `@…` or `#…` being typed just before the caret, if any. */
export function tokenAtCaret(text: string, caret: number): { trigger: '@' | '#'; query: string; start: number } | null {
  const m = /(^|\s)([@#])([^\s@#[\]]{0,40})$/u.exec(text.slice(0, caret));
  if (!m) return null;
  return { trigger: m[2] as '@' | '#', query: m[3]!, start: caret - m[3]!.length - 1 };
}
