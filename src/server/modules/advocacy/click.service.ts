// Outside clicks on short links (ADR 0030). Who clicked is never stored: the visitor is an HMAC of the
// address and user agent under the UTC day's salt, and the salt is deleted after a day, so the hash can
// no longer be tied to an address by trying them all. Machine traffic (HEAD, bots and link previews, no
// user agent, prefetches, scanner networks, the sharer's own clicks) is kept with its reason and is
// never unique. The first human click of a visitor on a link per day is unique and, in individual
// tracking mode, earns the sharer `unique_click` points.
import { createHmac, randomBytes } from 'node:crypto';
import type { AnyDb } from '../../platform/db/connect.js';
import type { ClickMachineReason } from '../../../shared/advocacy-sharing.js';
import { classifyRequest, type TrackingMode } from '../tracking/index.js';
import { awardPoints } from './points.service.js';
import * as q from './click.queries.js';

export type ClickRequest = {
  method: string;
  address: string;
  userAgent: string | undefined;
  /** `Purpose` / `Sec-Purpose` headers: browsers announce prefetches and prerenders with them. */
  purpose: string | undefined;
  /** The signed-in person sending the request, if any (the sharer opening their own link). */
  personId: number | null;
};

/** Hex characters of the visitor hash kept: 128 bits, enough to tell a day's visitors apart. */
const VISITOR_HEX = 32;

const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/** Today's salt per database: once made it never changes, so only the first click of a day asks. */
const cachedSalts = new WeakMap<object, { day: string; salt: Buffer }>();

async function saltOf(db: AnyDb, day: string): Promise<Buffer> {
  const cached = cachedSalts.get(db);
  if (cached?.day === day) return cached.salt;
  const salt = await q.daySalt(db, day, randomBytes(32));
  cachedSalts.set(db, { day, salt });
  return salt;
}

/**
 * The visitor of a request on `day`: HMAC-SHA256 under the day's salt of address and user agent.
 * @example visitorHash(salt, '203.0.113.7', 'Mozilla/5.0 …') // '9f86d081884c7d659a2feaa0c55ad015'
 */
export function visitorHash(salt: Buffer, address: string, userAgent: string): string {
  return createHmac('sha256', salt).update(`${address}\n${userAgent}`).digest('hex').slice(0, VISITOR_HEX);
}

/** Why a request is machine traffic, or null for a person's click. */
export function machineReasonOf(request: ClickRequest, linkPersonId: number | null): ClickMachineReason | null {
  const ua = request.userAgent?.trim() ?? '';
  const seen = classifyRequest({ method: request.method, userAgent: ua, address: request.address });
  if (seen.reason === 'head_request') return 'head_request';
  if (ua === '') return 'no_user_agent';
  if (seen.reason === 'bot_user_agent') return 'bot_user_agent';
  if (/prefetch|prerender/iu.test(request.purpose ?? '')) return 'prefetch';
  if (seen.reason === 'scanner_network') return 'scanner_network';
  if (linkPersonId !== null && request.personId === linkPersonId) return 'self';
  return null;
}

/**
 * Records one click on a link (nothing when tracking is off).
 * @example await recordClick({ db, mode: 'individual', link: { code: 'Ab3dE5fG7h', person_id: 42 }, request, at: new Date() })
 */
export async function recordClick(input: {
  db: AnyDb;
  mode: TrackingMode;
  link: { code: string; person_id: number | null };
  request: ClickRequest;
  at: Date;
}): Promise<{ id: number; unique: boolean; reason: ClickMachineReason | null } | null> {
  if (input.mode === 'off') return null;
  const day = dayOf(input.at);
  const salt = await saltOf(input.db, day);
  const visitor = visitorHash(salt, input.request.address, input.request.userAgent ?? '');
  const personId = input.link.person_id === null ? null : Number(input.link.person_id);
  const reason = machineReasonOf(input.request, personId);
  return input.db.transaction().execute(async (trx) => {
    const click = await q.insertClick(trx, { code: input.link.code, day, visitor, machineReason: reason, at: input.at });
    if (click.unique && input.mode === 'individual' && personId !== null) {
      await awardPoints({ db: trx, personId, action: 'unique_click', source: `click:${click.id}`, at: input.at });
    }
    return { ...click, reason };
  });
}

/** Forgets the salts of days before yesterday (the daily job). */
export async function forgetOldSalts(db: AnyDb, now: Date): Promise<number> {
  const yesterday = new Date(now.getTime() - 86_400_000);
  return q.deleteSaltsBefore(db, dayOf(yesterday));
}

/**
 * The content URL with our UTM parameters: the stored http(s) URL's own query (minus any utm_ values
 * we set) and fragment kept. Null when the stored URL is not http(s), so nothing else is ever a target.
 * @example redirectTarget('https://x.example/a?b=1#c', 'linkedin', 'Ab3dE5fG7h') // 'https://x.example/a?b=1&utm_source=linkedin&utm_medium=social&utm_campaign=advocacy&utm_content=Ab3dE5fG7h#c'
 */
export function redirectTarget(stored: string, network: string, code: string): string | null {
  let url: URL;
  try {
    url = new URL(stored);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const ours = { utm_source: network, utm_medium: 'social', utm_campaign: 'advocacy', utm_content: code };
  const kept = url.search
    .replace(/^\?/u, '')
    .split('&')
    .filter((part) => part !== '' && !Object.hasOwn(ours, part.split('=')[0]!));
  const added = Object.entries(ours).map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  url.search = `?${[...kept, ...added].join('&')}`;
  return url.toString();
}
