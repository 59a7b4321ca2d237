// SQL of campaigns: the campaign row with its variants, list pages, delivery counts, and the
// set-based resolution of who gets which variant, in which language, on which channel.
import { sql, type RawBuilder } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { CampaignKind, CampaignStatus, Channel, SubjectTest, VariantContent } from '../../../shared/campaigns.js';
import { selectAudienceRows } from '../people/index.js';

export type CampaignRow = {
  id: number;
  name: string;
  kind: CampaignKind;
  status: CampaignStatus;
  audience: Record<string, unknown>;
  default_language: string;
  tracking: 'individual' | 'aggregate' | 'off' | null;
  acknowledge_by: Date | null;
  follow_ups: unknown[];
  cascade: { deadline: string; talking_points: Record<string, string> } | null;
  topic_key: string | null;
  approved_by_user_id: number | null;
  approved_at: Date | null;
  created_at: Date;
  updated_at: Date;
};

export type VariantRow = {
  campaign_id: number;
  position: number;
  key: string;
  is_default: boolean;
  audience: Record<string, unknown> | null;
  channels: Channel[];
  content: Record<string, VariantContent>;
  subject_test: SubjectTest | null;
};

export type CampaignValues = Omit<CampaignRow, 'id' | 'status' | 'created_at' | 'updated_at' | 'approved_by_user_id' | 'approved_at'> & {
  created_by_user_id: number | null;
};
export type VariantValues = Omit<VariantRow, 'campaign_id'>;

const CAMPAIGN_COLUMNS = sql`id, name, kind, status, audience, default_language, tracking, acknowledge_by, follow_ups, cascade, topic_key, approved_by_user_id, approved_at, created_at, updated_at`;

export async function insertCampaign(trx: AnyDb, values: CampaignValues): Promise<CampaignRow> {
  const result = await sql<CampaignRow>`
    INSERT INTO campaigns (name, kind, audience, default_language, tracking, acknowledge_by, follow_ups, cascade, topic_key, created_by_user_id, updated_by_user_id)
    VALUES (${values.name}, ${values.kind}, ${JSON.stringify(values.audience)}::jsonb, ${values.default_language}, ${values.tracking},
      ${values.acknowledge_by}, ${JSON.stringify(values.follow_ups)}::jsonb, ${values.cascade === null ? null : JSON.stringify(values.cascade)}::jsonb,
      ${values.topic_key}, ${values.created_by_user_id}, ${values.created_by_user_id})
    RETURNING ${CAMPAIGN_COLUMNS}`.execute(trx);
  return result.rows[0]!;
}

/** Changes a draft; null when there is no such campaign or it is no longer a draft (locked until commit). */
export async function updateDraft(
  trx: AnyDb,
  id: number,
  values: Omit<CampaignValues, 'created_by_user_id'>,
  userId: number | null,
): Promise<CampaignRow | null> {
  const result = await sql<CampaignRow>`
    UPDATE campaigns SET name = ${values.name}, kind = ${values.kind}, audience = ${JSON.stringify(values.audience)}::jsonb,
      default_language = ${values.default_language}, tracking = ${values.tracking}, acknowledge_by = ${values.acknowledge_by},
      follow_ups = ${JSON.stringify(values.follow_ups)}::jsonb,
      cascade = ${values.cascade === null ? null : JSON.stringify(values.cascade)}::jsonb, topic_key = ${values.topic_key}, updated_at = now(),
      updated_by_user_id = ${userId}, approved_by_user_id = NULL, approved_at = NULL
    WHERE id = ${id} AND status = 'draft'
    RETURNING ${CAMPAIGN_COLUMNS}`.execute(trx);
  return result.rows[0] ?? null;
}

export async function replaceVariants(trx: AnyDb, campaignId: number, variants: VariantValues[]): Promise<VariantRow[]> {
  await sql`DELETE FROM campaign_variants WHERE campaign_id = ${campaignId}`.execute(trx);
  const result = await sql<VariantRow>`
    INSERT INTO campaign_variants (campaign_id, position, key, is_default, audience, channels, content, subject_test)
    SELECT ${campaignId}, v.position, v.key, v.is_default, v.audience, v.channels, v.content, v.subject_test
    FROM jsonb_to_recordset(${JSON.stringify(variants)}::jsonb)
      AS v(position int, key text, is_default boolean, audience jsonb, channels text[], content jsonb, subject_test jsonb)
    RETURNING campaign_id, position, key, is_default, audience, channels, content, subject_test`.execute(trx);
  return result.rows.sort((a, b) => a.position - b.position);
}

export async function findCampaign(db: AnyDb, id: number): Promise<CampaignRow | null> {
  const result = await sql<CampaignRow>`SELECT ${CAMPAIGN_COLUMNS} FROM campaigns WHERE id = ${id}`.execute(db);
  return result.rows[0] ?? null;
}

export async function findStatus(db: AnyDb, id: number): Promise<CampaignStatus | null> {
  const result = await sql<{ status: CampaignStatus }>`SELECT status FROM campaigns WHERE id = ${id}`.execute(db);
  return result.rows[0]?.status ?? null;
}

export async function findVariants(db: AnyDb, campaignId: number): Promise<VariantRow[]> {
  const result = await sql<VariantRow>`
    SELECT campaign_id, position, key, is_default, audience, channels, content, subject_test
    FROM campaign_variants WHERE campaign_id = ${campaignId} ORDER BY position`.execute(db);
  return result.rows;
}

/** Campaigns newest first, after the campaign with id `before`. */
export async function listCampaigns(db: AnyDb, input: { before?: number; limit: number; status?: CampaignStatus }): Promise<CampaignRow[]> {
  const result = await sql<CampaignRow>`
    SELECT ${CAMPAIGN_COLUMNS} FROM campaigns
    WHERE (${input.before ?? null}::bigint IS NULL OR id < ${input.before ?? null}::bigint)
      AND (${input.status ?? null}::text IS NULL OR status = ${input.status ?? null}::text)
    ORDER BY id DESC LIMIT ${input.limit}`.execute(db);
  return result.rows;
}

export type DeliveryCounts = { queued: number; sent: number; failed: number; suppressed: number };

/** Deliveries by state for each campaign: queued counts those being sent and those a leader holds, failed those that bounced. */
export async function countDeliveries(db: AnyDb, campaignIds: number[]): Promise<Map<number, DeliveryCounts>> {
  const counts = new Map<number, DeliveryCounts>(campaignIds.map((id) => [id, { queued: 0, sent: 0, failed: 0, suppressed: 0 }]));
  if (campaignIds.length === 0) return counts;
  const result = await sql<{ campaign_id: number } & DeliveryCounts>`
    SELECT campaign_id,
      count(*) FILTER (WHERE state IN ('held', 'queued', 'sending'))::int AS queued,
      count(*) FILTER (WHERE state = 'sent')::int AS sent,
      count(*) FILTER (WHERE state IN ('failed', 'bounced'))::int AS failed,
      count(*) FILTER (WHERE state = 'suppressed')::int AS suppressed
    FROM deliveries WHERE campaign_id = ANY(${campaignIds}::bigint[]) GROUP BY campaign_id`.execute(db);
  for (const row of result.rows) counts.set(row.campaign_id, { queued: row.queued, sent: row.sent, failed: row.failed, suppressed: row.suppressed });
  return counts;
}

/** A variant as resolution needs it: its predicate (null: the default) and what it offers. */
export type ResolvableVariant = { key: string; where: RawBuilder<boolean> | null; languages: string[]; channels: Channel[] };

/**
 * The audience resolved in one statement: each person's variant (the first whose predicate holds,
 * else the default), language (theirs if the variant has it, else its primary tag, else the
 * campaign's) and channels. Used as a subquery by counts now and by the fan-out later.
 */
export function resolvedRecipientsSql(input: { audience: RawBuilder<boolean>; variants: ResolvableVariant[]; defaultLanguage: string }): RawBuilder<{
  person_id: number;
  email: string | null;
  time_zone: string | null;
  variant_index: number;
  variant_key: string;
  language: string;
  channel: Channel;
  org_path: number[];
}> {
  const defaultIndex = input.variants.findIndex((v) => v.where === null);
  const whens = input.variants.flatMap((v, i) => (v.where === null ? [] : [sql`WHEN ${v.where} THEN ${i}`]));
  const choice = whens.length > 0 ? sql`CASE ${sql.join(whens, sql` `)} ELSE ${defaultIndex} END` : sql`${defaultIndex}`;
  const offers = JSON.stringify(input.variants.map((v, i) => ({ idx: i, key: v.key, languages: v.languages, channels: v.channels })));
  return sql`
    SELECT r.person_id, r.email, r.time_zone, v.idx AS variant_index, v.key AS variant_key,
      CASE WHEN r.lang = ANY(v.languages) THEN r.lang
           WHEN split_part(r.lang, '-', 1) = ANY(v.languages) THEN split_part(r.lang, '-', 1)
           ELSE ${input.defaultLanguage}::text END AS language,
      ch.channel, r.org_path
    FROM (${selectAudienceRows(input.audience, sql`(${choice})::int AS idx`)}) AS r
    JOIN jsonb_to_recordset(${offers}::jsonb) AS v(idx int, key text, languages text[], channels text[]) ON v.idx = r.idx
    CROSS JOIN LATERAL unnest(v.channels) AS ch(channel)`;
}

/** Recipients by variant, language and channel, and how many people that is. */
export async function countAssignments(
  db: AnyDb,
  recipients: ReturnType<typeof resolvedRecipientsSql>,
): Promise<{ total: number; by: { variant: string; language: string; channel: Channel; count: number }[] }> {
  const [by, total] = await Promise.all([
    sql<{ variant: string; language: string; channel: Channel; count: number }>`
      SELECT variant_key AS variant, language, channel, count(*)::int AS count FROM (${recipients}) AS x
      GROUP BY variant_index, variant_key, language, channel ORDER BY variant_index, language, channel`.execute(db),
    sql<{ total: number }>`SELECT count(DISTINCT person_id)::int AS total FROM (${recipients}) AS x`.execute(db),
  ]);
  return { total: total.rows[0]?.total ?? 0, by: by.rows };
}

/** One person's assignment on one channel, if they are a recipient there. */
export async function findRecipient(
  db: AnyDb,
  recipients: ReturnType<typeof resolvedRecipientsSql>,
  personId: number,
  channel: Channel,
): Promise<{ variant_key: string; language: string } | null> {
  const result = await sql<{ variant_key: string; language: string }>`
    SELECT variant_key, language FROM (${recipients}) AS x WHERE person_id = ${personId} AND channel = ${channel}`.execute(db);
  return result.rows[0] ?? null;
}

/**
 * Marks a draft as sending (or scheduled, when `at` is later than now) under this request's key.
 * `repeat`: the campaign was already sent with this key (the same request again); `conflict`: it
 * was sent another way or is not a draft; null: there is no such campaign.
 */
export async function beginSend(
  trx: AnyDb,
  input: { id: number; key: string; at: Date; now: Date; userId: number | null; needsApproval: boolean; localTime: string | null },
): Promise<{ outcome: 'started' | 'repeat' | 'conflict' | 'unapproved'; status: CampaignStatus; send_at: Date | null } | null> {
  const current = await sql<{ status: CampaignStatus; send_key: string | null; send_at: Date | null; approved_at: Date | null }>`
    SELECT status, send_key, send_at, approved_at FROM campaigns WHERE id = ${input.id} FOR UPDATE`.execute(trx);
  const row = current.rows[0];
  if (!row) return null;
  if (row.status === 'draft' && input.needsApproval && row.approved_at === null) return { outcome: 'unapproved', status: row.status, send_at: null };
  if (row.status !== 'draft') return { outcome: row.send_key === input.key ? 'repeat' : 'conflict', status: row.status, send_at: row.send_at };
  const status: CampaignStatus = input.at > input.now ? 'scheduled' : 'sending';
  await sql`
    UPDATE campaigns SET status = ${status}, send_key = ${input.key}, send_at = ${input.at}, send_local_time = ${input.localTime}::timestamp,
      sent_by_user_id = ${input.userId}, updated_at = now()
    WHERE id = ${input.id}`.execute(trx);
  return { outcome: 'started', status, send_at: input.at };
}

/** Moves a campaign from one status to another; false when it was not in `from` any more. */
export async function moveStatus(db: AnyDb, id: number, from: CampaignStatus[], to: CampaignStatus): Promise<boolean> {
  return (await moveStatusReturning(db, id, from, to)) !== null;
}

/** Must-read campaigns that have gone out (their feed items are pinned until acknowledged). */
export async function findMustReadIds(db: AnyDb): Promise<number[]> {
  const result = await sql<{ id: number }>`SELECT id FROM campaigns WHERE kind = 'must_read' AND status IN ('sending', 'sent', 'paused')`.execute(db);
  return result.rows.map((r) => r.id);
}

/** Like moveStatus, in a transaction, answering the campaign's send time (null when it was not moved). */
export async function moveStatusReturning(trx: AnyDb, id: number, from: CampaignStatus[], to: CampaignStatus): Promise<{ send_at: Date | null } | null> {
  const result = await sql<{ send_at: Date | null }>`
    UPDATE campaigns SET status = ${to}, updated_at = now(), finished_at = CASE WHEN ${to} IN ('sent', 'cancelled') THEN now() ELSE finished_at END
    WHERE id = ${id} AND status = ANY(${from}::text[]) RETURNING send_at`.execute(trx);
  return result.rows[0] ?? null;
}

/**
 * Approves a draft in the name of `userId`, who must not be its last editor; the outcome says why not.
 */
export async function approveDraft(trx: AnyDb, id: number, userId: number): Promise<'approved' | 'own' | 'not_draft' | null> {
  const current = await sql<{ status: CampaignStatus; updated_by_user_id: number | null }>`
    SELECT status, updated_by_user_id FROM campaigns WHERE id = ${id} FOR UPDATE`.execute(trx);
  const row = current.rows[0];
  if (!row) return null;
  if (row.status !== 'draft') return 'not_draft';
  if (row.updated_by_user_id === userId) return 'own';
  await sql`UPDATE campaigns SET approved_by_user_id = ${userId}, approved_at = now() WHERE id = ${id}`.execute(trx);
  return 'approved';
}

/** The wall-clock time a campaign is sent at in each recipient's zone, or null (one instant for all). */
export async function findSendLocalTime(db: AnyDb, id: number): Promise<string | null> {
  const result = await sql<{ t: string | null }>`SELECT to_char(send_local_time, 'YYYY-MM-DD"T"HH24:MI:SS') AS t FROM campaigns WHERE id = ${id}`.execute(db);
  return result.rows[0]?.t ?? null;
}

/**
 * Appends a follow-up to a campaign that has gone out (a reminder sent from its report); answers its
 * index, or null when the campaign is not sending, sent or paused, or already has `max` follow-ups.
 */
export async function appendFollowUp(trx: AnyDb, id: number, followUp: unknown, max: number): Promise<number | null> {
  const result = await sql<{ index: number }>`
    UPDATE campaigns SET follow_ups = follow_ups || jsonb_build_array(${JSON.stringify(followUp)}::jsonb), updated_at = now()
    WHERE id = ${id} AND status IN ('sending', 'sent', 'paused') AND jsonb_array_length(follow_ups) < ${max}
    RETURNING jsonb_array_length(follow_ups) - 1 AS index`.execute(trx);
  const row = result.rows[0];
  return row ? Number(row.index) : null;
}
