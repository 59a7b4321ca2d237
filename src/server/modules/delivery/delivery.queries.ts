// SQL of delivery: writing a campaign's deliveries from its resolved recipients in one statement,
// claiming due e-mail deliveries with a lease, recording what happened to each, the delivery log,
// the outbox and the addresses that bounced.
import { sql, type RawBuilder } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { Channel } from '../../../shared/campaigns.js';
import type { OutgoingMail } from './mail-transport.js';
import type { PreferenceColumns } from '../preferences/index.js';

/** What the fan-out applies besides addresses and bounces: each recipient's preferences, and whether they count. */
export type FanOutRules = {
  /** The preference layers for `r.person_id` (from the preferences module). */
  prefs: PreferenceColumns;
  /** Announcements honour opt-outs (topic and channel); must-reads reach everyone on every channel. */
  honourOptOuts: boolean;
  /** E-mail due in the recipient's quiet hours waits for their end. */
  quietHours: boolean;
  /** The time the campaign goes out (the caller's clock). */
  now: Date;
  defaultZone: string;
};

/** The zone a recipient's times are read in: theirs if PostgreSQL knows it, else the default. */
const zoneOf = (timeZone: RawBuilder<unknown>, defaultZone: string) =>
  sql`CASE WHEN ${timeZone} IN (SELECT name FROM pg_timezone_names) THEN ${timeZone} ELSE ${defaultZone}::text END`;

/**
 * When mail due at `row.due` may go: then, or the end of the quiet hours (`row.quiet_start` to
 * `row.quiet_end`, wall-clock times in `row.zone`) it falls in. Null quiet hours: `row.due`.
 */
function afterQuietHours(row: RawBuilder<unknown>): RawBuilder<Date> {
  const local = sql`(${row}.due AT TIME ZONE ${row}.zone)`;
  const inQuiet = sql`(CASE WHEN ${row}.quiet_start < ${row}.quiet_end THEN ${local}::time >= ${row}.quiet_start AND ${local}::time < ${row}.quiet_end
                            ELSE ${local}::time >= ${row}.quiet_start OR ${local}::time < ${row}.quiet_end END)`;
  const end = sql`((${local}::date + CASE WHEN ${local}::time < ${row}.quiet_end THEN 0 ELSE 1 END) + ${row}.quiet_end) AT TIME ZONE ${row}.zone`;
  return sql<Date>`CASE WHEN ${row}.quiet_start IS NOT NULL AND ${inQuiet} THEN ${end} ELSE ${row}.due END`;
}

/** No preferences (every channel, no quiet hours): what a fan-out without rules applies. */
const NO_RULES: FanOutRules = {
  prefs: {
    joins: sql``,
    unsubscribed: sql<boolean>`false`,
    channels: sql<string[]>`ARRAY['email', 'feed', 'chat']::text[]`,
    quietStart: sql<string | null>`NULL::time`,
    quietEnd: sql<string | null>`NULL::time`,
  },
  honourOptOuts: false,
  quietHours: false,
  get now() {
    return new Date();
  },
  defaultZone: 'UTC',
};

/**
 * One delivery per recipient and channel of step 0, written from the resolution statement: a
 * recipient who unsubscribed from the campaign's topic, or chose not to get it on this channel, is
 * suppressed with the reason (announcements only); e-mail without an address, or to an address that
 * bounced before, is suppressed with the reason; e-mail due in the person's quiet hours waits for their
 * end; the feed is delivered at once (the person's feed shows it from now on). Existing rows stay (a
 * fan-out run again after a crash adds only what is missing). With a leader cascade (`cascade`),
 * whoever has a leader in the audience among their ancestors is held for the nearest one
 * (`leader_person_id`), feed and e-mail alike, until that leader releases it or the deadline does.
 * Chat is posted once per channel, not per person: the chat module's posts (ADR 0019).
 */
export async function insertDeliveries(
  db: AnyDb,
  campaignId: number,
  recipients: RawBuilder<unknown>,
  local: { time: string } | null = null,
  rules: FanOutRules = NO_RULES,
  cascade = false,
): Promise<number> {
  const { prefs } = rules;
  const zone = zoneOf(sql`r.time_zone`, rules.defaultZone);
  const now = sql`${rules.now.toISOString()}::timestamptz`;
  // At a local time: each person's instant in their zone (one PostgreSQL knows, else the default), never before now.
  const due = local ? sql`greatest(${now}, ${local.time}::timestamp AT TIME ZONE (${zone}))` : now;
  const honour = sql`${rules.honourOptOuts}::boolean`;
  // The nearest ancestor (org_path is root first, self last) who is in the audience too.
  const leader = cascade
    ? sql`LEFT JOIN LATERAL (
        SELECT a.id AS leader_id FROM unnest(r.org_path) WITH ORDINALITY AS a(id, ord)
        WHERE a.id <> r.person_id AND a.id IN (SELECT x.person_id FROM (${recipients}) AS x)
        ORDER BY a.ord DESC LIMIT 1) AS l ON true`
    : sql`CROSS JOIN (SELECT NULL::bigint AS leader_id) AS l`;
  const result = await sql`
    INSERT INTO deliveries (campaign_id, step, person_id, channel, variant_key, language, state, reason, sent_at, next_attempt_at, leader_person_id)
    SELECT ${campaignId}, 0, x.person_id, x.channel, x.variant_key, x.language, x.state, x.reason,
      CASE WHEN x.state = 'sent' THEN x.due ELSE NULL END,
      CASE WHEN x.state = 'queued' AND x.channel = 'email' THEN ${afterQuietHours(sql`x`)} ELSE x.due END,
      x.leader_id
    FROM (
      SELECT y.*, CASE WHEN y.reason IS NOT NULL THEN 'suppressed' WHEN y.leader_id IS NOT NULL THEN 'held' WHEN y.channel = 'feed' THEN 'sent' ELSE 'queued' END AS state
      FROM (
        SELECT r.person_id, r.channel, r.variant_key, r.language, ${due} AS due, l.leader_id,
          CASE WHEN ${honour} AND ${prefs.unsubscribed} THEN 'unsubscribed'
               WHEN ${honour} AND NOT (r.channel = ANY(${prefs.channels})) THEN 'channel_opted_out'
               WHEN r.channel = 'email' AND r.email IS NULL THEN 'no_email'
               WHEN r.channel = 'email' AND EXISTS (SELECT 1 FROM mail_bounces AS b WHERE b.email = r.email) THEN 'bounced_before'
               ELSE NULL END AS reason,
          CASE WHEN ${rules.quietHours}::boolean AND r.channel = 'email' THEN ${prefs.quietStart} END AS quiet_start,
          ${prefs.quietEnd} AS quiet_end,
          CASE WHEN ${rules.quietHours}::boolean AND r.channel = 'email' AND ${prefs.quietStart} IS NOT NULL THEN ${zone} END AS zone
        FROM (${recipients}) AS r
        ${prefs.joins}
        ${leader}
        WHERE r.channel <> 'chat'
      ) AS y
    ) AS x
    ON CONFLICT (campaign_id, step, person_id, channel) DO NOTHING`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export type ClaimedDelivery = {
  id: number;
  step: number;
  person_id: number;
  variant_key: string;
  language: string;
  message_id: string;
  attempts: number;
  /** The subject-test line (ADR 0021), -1 while waiting for the winner; null outside a test. */
  subject_option: number | null;
  /** The leader whose release sent it (cascade), else null. */
  leader_person_id: number | null;
};

/**
 * Takes up to `limit` due e-mail deliveries of a campaign for this sender: queued ones whose time has
 * come, and ones a sender that died left in 'sending' past their lease, lowest step first (leaders'
 * briefings, step -1, before the message). Each keeps (or gets) its Message-ID, so a second attempt
 * is recognisably the same message.
 */
export async function claimDueEmail(db: AnyDb, input: { campaignId: number; limit: number; leaseSeconds: number; host: string }): Promise<ClaimedDelivery[]> {
  const result = await sql<ClaimedDelivery>`
    UPDATE deliveries AS d SET state = 'sending', attempts = d.attempts + 1, lease_until = now() + make_interval(secs => ${input.leaseSeconds}),
      message_id = coalesce(d.message_id, '<c' || d.campaign_id || '.d' || d.id || '@' || ${input.host}::text || '>')
    WHERE d.id IN (
      SELECT id FROM deliveries
      WHERE campaign_id = ${input.campaignId} AND channel = 'email'
        AND ((state = 'queued' AND next_attempt_at <= now()) OR (state = 'sending' AND lease_until < now()))
      ORDER BY step, id LIMIT ${input.limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING d.id, d.step, d.person_id, d.variant_key, d.language, d.message_id, d.attempts, d.subject_option, d.leader_person_id`.execute(db);
  return result.rows.sort((a, b) => a.id - b.id);
}

export async function markSent(db: AnyDb, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`
    UPDATE deliveries SET state = 'sent', sent_at = now(), lease_until = NULL, error = NULL
    WHERE id = ANY(${ids}::bigint[]) AND state = 'sending'`.execute(db);
}

/** A temporary failure: try again at `retryAt`, or give up (`failed`, with `reason`) when that is null. */
export async function markRetry(db: AnyDb, id: number, error: string, retryAt: Date | null, reason: 'gave_up' | 'no_email' = 'gave_up'): Promise<void> {
  await sql`
    UPDATE deliveries SET state = CASE WHEN ${retryAt}::timestamptz IS NULL THEN 'failed' ELSE 'queued' END,
      reason = CASE WHEN ${retryAt}::timestamptz IS NULL THEN ${reason}::text ELSE reason END,
      next_attempt_at = coalesce(${retryAt}::timestamptz, next_attempt_at), lease_until = NULL, error = ${error}
    WHERE id = ${id} AND state = 'sending'`.execute(db);
}

/** A permanent refusal: the delivery bounced and the address is suppressed from now on. */
export async function markBounced(db: AnyDb, id: number, email: string, error: string): Promise<void> {
  await sql`
    WITH d AS (
      UPDATE deliveries SET state = 'bounced', reason = 'rejected', lease_until = NULL, error = ${error}
      WHERE id = ${id} AND state = 'sending' RETURNING id
    )
    INSERT INTO mail_bounces (email, reason, delivery_id) SELECT ${email}, ${error}, id FROM d
    ON CONFLICT (email) DO UPDATE SET reason = EXCLUDED.reason, delivery_id = EXCLUDED.delivery_id, bounced_at = now()`.execute(db);
}

/**
 * Deliveries still to be sent, and when the next one is due: held ones (cascade) count as open, so the
 * campaign is sending until its leaders or the deadline release them, but are not due (their release is).
 */
export async function openDeliveries(db: AnyDb, campaignId: number): Promise<{ open: number; next_due: Date | null }> {
  const result = await sql<{ open: number; next_due: Date | null }>`
    SELECT count(*)::int AS open,
      min(CASE WHEN state = 'queued' THEN next_attempt_at WHEN state = 'sending' THEN lease_until END) AS next_due
    FROM deliveries WHERE campaign_id = ${campaignId} AND state IN ('held', 'queued', 'sending')`.execute(db);
  return result.rows[0] ?? { open: 0, next_due: null };
}

export async function insertOutboxMessage(db: AnyDb, mail: OutgoingMail): Promise<void> {
  await sql`
    INSERT INTO outbox_messages (delivery_id, message_id, mail_from, mail_to, subject, html, text, headers)
    VALUES (${mail.deliveryId}, ${mail.messageId}, ${mail.from}, ${mail.to}, ${mail.subject}, ${mail.html}, ${mail.text},
      ${JSON.stringify({ ...mail.headers, ...(mail.replyTo ? { 'Reply-To': mail.replyTo } : {}) })}::jsonb)
    ON CONFLICT (delivery_id) DO NOTHING`.execute(db);
}

export type DeliveryLogRow = {
  id: number;
  person_id: number;
  variant_key: string;
  language: string;
  channel: Channel;
  step: number;
  state: string;
  reason: string | null;
  message_id: string | null;
  sent_at: Date | null;
};

/** A campaign's deliveries in id order after `after`. */
export async function listDeliveries(db: AnyDb, input: { campaignId: number; after?: number; limit: number; state?: string }): Promise<DeliveryLogRow[]> {
  const result = await sql<DeliveryLogRow>`
    SELECT d.id, d.person_id, d.variant_key, d.language, d.channel, d.step, d.state, d.reason, d.message_id, d.sent_at
    FROM deliveries AS d
    WHERE d.campaign_id = ${input.campaignId} AND d.id > ${input.after ?? 0}
      AND (${input.state ?? null}::text IS NULL OR d.state = ${input.state ?? null}::text)
    ORDER BY d.id LIMIT ${input.limit}`.execute(db);
  return result.rows;
}

export type OutboxRow = {
  id: number;
  delivery_id: number;
  message_id: string;
  mail_from: string;
  mail_to: string;
  subject: string;
  html: string;
  text: string;
  created_at: Date;
};

export async function listOutbox(db: AnyDb, input: { before?: number; limit: number }): Promise<Omit<OutboxRow, 'html' | 'text'>[]> {
  const result = await sql<Omit<OutboxRow, 'html' | 'text'>>`
    SELECT id, delivery_id, message_id, mail_from, mail_to, subject, created_at FROM outbox_messages
    WHERE (${input.before ?? null}::bigint IS NULL OR id < ${input.before ?? null}::bigint)
    ORDER BY id DESC LIMIT ${input.limit}`.execute(db);
  return result.rows;
}

export async function findOutboxMessage(db: AnyDb, id: number): Promise<OutboxRow | null> {
  const result = await sql<OutboxRow>`
    SELECT id, delivery_id, message_id, mail_from, mail_to, subject, html, text, created_at FROM outbox_messages WHERE id = ${id}`.execute(db);
  return result.rows[0] ?? null;
}

/** Campaigns with an e-mail delivery due now (queued and due, or a lapsed lease); the sender checks their status. */
export async function findCampaignsWithDueEmail(db: AnyDb): Promise<number[]> {
  const result = await sql<{ campaign_id: number }>`
    SELECT DISTINCT d.campaign_id FROM deliveries AS d
    WHERE d.channel = 'email'
      AND ((d.state = 'queued' AND d.next_attempt_at <= now()) OR (d.state = 'sending' AND d.lease_until < now()))`.execute(db);
  return result.rows.map((r) => r.campaign_id);
}

export type FeedRow = {
  id: number;
  campaign_id: number;
  leader_person_id: number | null;
  variant_key: string;
  language: string;
  sent_at: Date;
  read_at: Date | null;
  acknowledged_at: Date | null;
};

/**
 * A person's feed deliveries, newest first, after the delivery `before` (by id); `pinned`: only the
 * must-reads not yet acknowledged (the caller passes the must-read campaign ids).
 */
export async function findFeed(db: AnyDb, input: { personId: number; before?: number; limit: number; campaignIds?: number[] }): Promise<FeedRow[]> {
  const result = await sql<FeedRow>`
    SELECT d.id, d.campaign_id, d.leader_person_id, d.variant_key, d.language, d.sent_at, d.read_at, a.acknowledged_at
    FROM deliveries AS d
    LEFT JOIN campaign_acknowledgements AS a ON a.campaign_id = d.campaign_id AND a.person_id = d.person_id
    WHERE d.person_id = ${input.personId} AND d.channel = 'feed' AND d.state = 'sent' AND d.sent_at <= now()
      AND (${input.before ?? null}::bigint IS NULL OR d.id < ${input.before ?? null}::bigint)
      AND (${input.campaignIds ?? null}::bigint[] IS NULL OR d.campaign_id = ANY(${input.campaignIds ?? null}::bigint[]))
    ORDER BY d.id DESC LIMIT ${input.limit}`.execute(db);
  return result.rows;
}

export async function countUnread(db: AnyDb, personId: number): Promise<number> {
  const result = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM deliveries
    WHERE person_id = ${personId} AND channel = 'feed' AND state = 'sent' AND read_at IS NULL AND sent_at <= now()`.execute(db);
  return result.rows[0]?.n ?? 0;
}

/** The person's own feed delivery, or null. */
export async function findOwnFeedDelivery(
  db: AnyDb,
  personId: number,
  id: number,
): Promise<{ id: number; campaign_id: number; read_at: Date | null; variant_key: string; language: string } | null> {
  const result = await sql<{ id: number; campaign_id: number; read_at: Date | null; variant_key: string; language: string }>`
    SELECT id, campaign_id, read_at, variant_key, language FROM deliveries WHERE id = ${id} AND person_id = ${personId} AND channel = 'feed' AND state = 'sent' AND sent_at <= now()`.execute(
    db,
  );
  return result.rows[0] ?? null;
}

/** Marks a feed delivery read; true the first time. */
export async function markRead(db: AnyDb, id: number): Promise<boolean> {
  const result = await sql`UPDATE deliveries SET read_at = now() WHERE id = ${id} AND read_at IS NULL`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

/** Records an acknowledgement; true the first time for this person and campaign. */
export async function acknowledge(db: AnyDb, input: { campaignId: number; personId: number; channel: string }): Promise<boolean> {
  const result = await sql`
    INSERT INTO campaign_acknowledgements (campaign_id, person_id, channel) VALUES (${input.campaignId}, ${input.personId}, ${input.channel})
    ON CONFLICT (campaign_id, person_id) DO NOTHING`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

/** A cancelled campaign's mail that has not gone out (queued, or held for a leader) stays unsent, with the reason. */
export async function suppressQueued(db: AnyDb, campaignId: number): Promise<number> {
  const result = await sql`
    UPDATE deliveries SET state = 'suppressed', reason = 'cancelled', lease_until = NULL
    WHERE campaign_id = ${campaignId} AND state IN ('queued', 'held')`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * A follow-up's deliveries: e-mail again to whoever got step 0 by e-mail and is among `people` (the
 * condition still holds; rows with `person_id` and `time_zone`), in their variant and language; with
 * `rules`, not to whoever has since unsubscribed from the topic or from e-mail (announcements), and
 * not before their quiet hours end. Existing rows stay (idempotent).
 */
export async function insertFollowUps(
  db: AnyDb,
  input: { campaignId: number; step: number; people: RawBuilder<unknown>; rules?: FanOutRules },
): Promise<number> {
  const rules = input.rules ?? NO_RULES;
  const { prefs } = rules;
  const result = await sql`
    INSERT INTO deliveries (campaign_id, step, person_id, channel, variant_key, language, state, next_attempt_at)
    SELECT y.campaign_id, ${input.step}, y.person_id, 'email', y.variant_key, y.language, 'queued', ${afterQuietHours(sql`y`)}
    FROM (
      SELECT d.campaign_id, d.person_id, d.variant_key, d.language, ${rules.now.toISOString()}::timestamptz AS due,
        CASE WHEN ${rules.quietHours}::boolean THEN ${prefs.quietStart} END AS quiet_start, ${prefs.quietEnd} AS quiet_end,
        CASE WHEN ${rules.quietHours}::boolean AND ${prefs.quietStart} IS NOT NULL THEN ${zoneOf(sql`x.time_zone`, rules.defaultZone)} END AS zone
      FROM deliveries AS d
      JOIN (${input.people}) AS x ON x.person_id = d.person_id
      ${prefs.joins}
      WHERE d.campaign_id = ${input.campaignId} AND d.step = 0 AND d.channel = 'email' AND d.state = 'sent'
        AND NOT (${rules.honourOptOuts}::boolean AND (${prefs.unsubscribed} OR NOT ('email' = ANY(${prefs.channels}))))
    ) AS y
    ON CONFLICT (campaign_id, step, person_id, channel) DO NOTHING`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** The campaign and person of a delivery (an acknowledge link names the delivery), or null. */
export async function findDeliveryOwner(db: AnyDb, id: number): Promise<{ campaign_id: number; person_id: number } | null> {
  const result = await sql<{ campaign_id: number; person_id: number }>`SELECT campaign_id, person_id FROM deliveries WHERE id = ${id}`.execute(db);
  return result.rows[0] ?? null;
}
