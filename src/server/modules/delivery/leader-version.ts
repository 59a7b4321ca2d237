// Which text a released team member gets: a team released by its leader gets the leader's draft for
// their variant and language (the communicator's text where the leader left that one alone), in the
// leader's name; a team released by the deadline gets the communicator's version as everyone else.
import type { LeaderDraft } from '../campaigns/index.js';
import type { Release } from './cascade.queries.js';

/**
 * The leader's version of one variant and language, or null for the communicator's.
 * @example leaderDraftOf(release, 'novices', 'de') // { key: 'leader-12-…', subject: 'Hallo Team', body: '…' }
 */
export function leaderDraftOf(release: Release | undefined, variant: string, language: string): LeaderDraft | null {
  if (!release || release.released_by !== 'leader') return null;
  const text = release.draft[variant]?.[language];
  if (!text) return null;
  // A released draft never changes: the leader and the release time name it for the compiled-message cache.
  return { key: `leader-${release.person_id}-${new Date(release.released_at).getTime()}`, subject: text.subject, body: text.body };
}

/**
 * `MAIL_FROM`'s address under the leader's name (`"Anna Berg" <comms@acme.example>`): the mail is in
 * the leader's name, but sent from the deployment's own address so SPF and DKIM still hold.
 * @example inNameOf('Comms <comms@acme.example>', 'Anna Berg') // '"Anna Berg" <comms@acme.example>'
 */
export function inNameOf(mailFrom: string, name: string): string {
  const address = /<([^>]+)>\s*$/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  return `"${name.replace(/["\\\r\n]/g, '')}" <${address}>`;
}
