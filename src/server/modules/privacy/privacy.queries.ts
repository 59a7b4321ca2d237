// SQL of the privacy module. Unlike other modules, it reads and changes the tables of every module
// that holds personal data (ADR 0023): a subject access export and an erasure must see them all in
// one statement or one transaction, and one file names them all, so a new table is added here once.
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';

const affected = (result: { numAffectedRows?: bigint }) => Number(result.numAffectedRows ?? 0n);

/** The append-only event tables that keep a person: activity events and mail opens and clicks (ADR 0022). */
export const EVENT_TABLES = ['events', 'tracking_events'] as const;

/** Up to `limit` events of `table` before `cutoff` lose their person; returns how many did (0: done). */
export async function stripEventsBefore(db: AnyDb, table: (typeof EVENT_TABLES)[number], cutoff: Date, limit: number): Promise<number> {
  const result = await sql`
    WITH batch AS (
      SELECT id, occurred_at FROM ${sql.table(table)} WHERE person_id IS NOT NULL AND occurred_at < ${cutoff}
      ORDER BY occurred_at LIMIT ${limit} FOR UPDATE SKIP LOCKED
    )
    UPDATE ${sql.table(table)} AS e SET person_id = NULL FROM batch AS b WHERE e.id = b.id AND e.occurred_at = b.occurred_at`.execute(db);
  return affected(result);
}

/**
 * Up to `limit` finished deliveries queued before `cutoff` lose their person, their leader and the
 * mail server's error text (it may quote the address), and their copy in the outbox goes; the row
 * stays, so sends per campaign, variant, channel and state are still counted. Deliveries not yet
 * finished (held, queued, sending) are left to the sender.
 */
export async function minimiseDeliveriesBefore(db: AnyDb, cutoff: Date, limit: number): Promise<number> {
  const result = await sql`
    WITH batch AS (
      SELECT id FROM deliveries
      WHERE person_id IS NOT NULL AND queued_at < ${cutoff} AND state NOT IN ('held', 'queued', 'sending')
      ORDER BY queued_at LIMIT ${limit} FOR UPDATE SKIP LOCKED
    ), outbox AS (
      DELETE FROM outbox_messages AS o USING batch AS b WHERE o.delivery_id = b.id
    )
    UPDATE deliveries AS d SET person_id = NULL, leader_person_id = NULL, error = NULL FROM batch AS b WHERE d.id = b.id`.execute(db);
  return affected(result);
}

/** Refused addresses remembered since before `cutoff` are forgotten (a later send learns again). */
export async function deleteBouncesBefore(db: AnyDb, cutoff: Date): Promise<number> {
  return affected(await sql`DELETE FROM mail_bounces WHERE bounced_at < ${cutoff}`.execute(db));
}

type Json = Record<string, unknown>;

/** Rows of a query as JSON objects, in a stable order. */
async function rows(db: AnyDb, query: ReturnType<typeof sql>): Promise<Json[]> {
  const result = await sql<{ row: Json }>`SELECT to_jsonb(t) AS row FROM (${query}) AS t`.execute(db);
  return result.rows.map((r) => r.row);
}

/** Everything held about one person, table by table; null when there is no such person. */
export async function findPersonData(db: AnyDb, personId: number): Promise<Record<string, Json | Json[] | null> | null> {
  const person = await rows(db, sql`SELECT * FROM people WHERE id = ${personId}`);
  if (person.length === 0) return null;
  return {
    person: person[0]!,
    // The account, without its password hash.
    account:
      (
        await rows(db, sql`SELECT id, email, display_name, role, ui_language, disabled_at, last_login_at, created_at FROM users WHERE person_id = ${personId}`)
      )[0] ?? null,
    deliveries: await rows(
      db,
      sql`SELECT d.id, d.campaign_id, c.name AS campaign_name, d.step, d.channel, d.variant_key, d.language, d.state, d.reason,
            d.message_id, d.queued_at, d.sent_at, d.read_at
          FROM deliveries AS d JOIN campaigns AS c ON c.id = d.campaign_id WHERE d.person_id = ${personId} ORDER BY d.id`,
    ),
    acknowledgements: await rows(db, sql`SELECT * FROM campaign_acknowledgements WHERE person_id = ${personId} ORDER BY acknowledged_at`),
    events: await rows(db, sql`SELECT id, type, campaign_id, occurred_at FROM events WHERE person_id = ${personId} ORDER BY occurred_at, id`),
    // E-mail opens and clicks, and feed reads (with their dwell), CTA clicks and downloads (ADR 0025).
    mail_opens_and_clicks: await rows(
      db,
      sql`SELECT id, delivery_id, campaign_id, kind, link_index, machine, machine_reason, user_agent_class, dwell_ms, dwell_bucket, occurred_at
          FROM tracking_events WHERE person_id = ${personId} ORDER BY occurred_at, id`,
    ),
    preferences: (await rows(db, sql`SELECT * FROM person_preferences WHERE person_id = ${personId}`))[0] ?? null,
    topic_subscriptions: await rows(
      db,
      sql`SELECT t.key AS topic, s.* FROM topic_subscriptions AS s JOIN topics AS t ON t.id = s.topic_id WHERE s.person_id = ${personId} ORDER BY t.key`,
    ),
    cascade_leader: await rows(db, sql`SELECT * FROM cascade_leaders WHERE person_id = ${personId} ORDER BY campaign_id`),
    contributions: await rows(
      db,
      sql`SELECT id, external_id, kind, title, body, tags, language, url, visibility, created_at FROM contributions WHERE person_id = ${personId} ORDER BY id`,
    ),
    endorsements_received: await rows(db, sql`SELECT * FROM endorsements WHERE person_id = ${personId}`),
    endorsements_given: await rows(db, sql`SELECT * FROM endorsements WHERE endorser_id = ${personId}`),
    availability: (await rows(db, sql`SELECT * FROM expert_availability WHERE person_id = ${personId}`))[0] ?? null,
    help_requests_asked: await rows(db, sql`SELECT * FROM help_requests WHERE asker_id = ${personId} ORDER BY id`),
    help_requests_answered: await rows(db, sql`SELECT * FROM help_requests WHERE expert_id = ${personId} ORDER BY id`),
    help_invitations: await rows(db, sql`SELECT * FROM help_invitations WHERE expert_id = ${personId} ORDER BY invited_at`),
    help_messages: await rows(db, sql`SELECT * FROM help_messages WHERE author_id = ${personId} ORDER BY id`),
    kudos_given: await rows(db, sql`SELECT * FROM kudos WHERE from_id = ${personId} ORDER BY id`),
    kudos_received: await rows(db, sql`SELECT * FROM kudos WHERE to_id = ${personId} ORDER BY id`),
    // Conversation (ADR 0028): their comments with the campaign, reactions, reports, mentions and notifications.
    comments: await rows(
      db,
      sql`SELECT m.id, m.campaign_id, c.name AS campaign_name, m.parent_id, m.body, m.language, m.hashtags, m.created_at, m.edited_at, m.deleted_at, m.hidden_at
          FROM comments AS m JOIN campaigns AS c ON c.id = m.campaign_id WHERE m.author_id = ${personId} ORDER BY m.id`,
    ),
    comment_reactions: await rows(db, sql`SELECT campaign_id, comment_id, kind, created_at FROM reactions WHERE person_id = ${personId} ORDER BY id`),
    comment_reports: await rows(db, sql`SELECT comment_id, reason, created_at FROM comment_reports WHERE reporter_id = ${personId} ORDER BY created_at`),
    comment_mentions_of_them: await rows(db, sql`SELECT comment_id FROM comment_mentions WHERE person_id = ${personId} ORDER BY comment_id`),
    notifications: await rows(
      db,
      sql`SELECT id, kind, campaign_id, comment_id, created_at, read_at FROM notifications WHERE person_id = ${personId} ORDER BY id`,
    ),
    // Surveys (ADR 0027): the rounds they answered, and their answers to surveys that are not
    // anonymous. Anonymous answers hold nothing that leads to the person, so no export can hold them.
    surveys_answered: await rows(
      db,
      sql`SELECT r.survey_id, s.title AS survey_title, s.anonymous, r.round FROM survey_respondents AS r JOIN surveys AS s ON s.id = r.survey_id
          WHERE r.person_id = ${personId} ORDER BY r.survey_id, r.round`,
    ),
    survey_answers: await rows(
      db,
      sql`SELECT r.survey_id, s.title AS survey_title, r.round, r.answers, r.segment, r.correct, r.questions, r.passed, r.attempts, r.submitted_at
          FROM survey_responses AS r JOIN surveys AS s ON s.id = r.survey_id WHERE r.person_id = ${personId} ORDER BY r.survey_id, r.round`,
    ),
    // Advocacy sharing (ADR 0030): their short links, every share with the text they wrote, and the
    // engagement reported for their links. Outside clicks name no one (a salted daily hash) and are not theirs.
    advocacy_participation:
      (await rows(db, sql`SELECT joined_at, leaderboard_opt_out, wave_id FROM advocacy_participants WHERE person_id = ${personId}`))[0] ?? null,
    advocacy_links: await rows(
      db,
      sql`SELECT l.code, l.content_id, c.title AS content_title, l.network, l.department, l.created_at
          FROM advocacy_links AS l JOIN advocacy_content AS c ON c.id = l.content_id WHERE l.person_id = ${personId} ORDER BY l.created_at, l.code`,
    ),
    advocacy_shares: await rows(
      db,
      sql`SELECT s.id, s.code, l.network, s.text, s.adapted, s.shared_at FROM advocacy_shares AS s JOIN advocacy_links AS l ON l.code = s.code
          WHERE l.person_id = ${personId} ORDER BY s.id`,
    ),
    advocacy_engagement_reports: await rows(
      db,
      sql`SELECT e.code, e.reactions, e.comments, e.reshares, e.source, e.reported_at FROM advocacy_engagement AS e JOIN advocacy_links AS l ON l.code = e.code
          WHERE l.person_id = ${personId} ORDER BY e.id`,
    ),
    // Advocacy points (ADR 0031, 0032): the points ledger, badges, and what their influence score is
    // computed from (per shared link: first share, unique clicks, latest report).
    advocacy_points: await rows(db, sql`SELECT action, source, points, capped, occurred_at FROM advocacy_points WHERE person_id = ${personId} ORDER BY id`),
    advocacy_badges: await rows(db, sql`SELECT badge, awarded_at FROM advocacy_badges WHERE person_id = ${personId} ORDER BY awarded_at, badge`),
    advocacy_score_inputs: await rows(
      db,
      sql`SELECT l.code, l.network, (SELECT min(s.shared_at) FROM advocacy_shares AS s WHERE s.code = l.code) AS first_shared_at,
            (SELECT count(*)::int FROM advocacy_clicks AS c WHERE c.code = l.code AND c.is_unique AND c.machine_reason IS NULL) AS unique_clicks,
            (SELECT to_jsonb(e) - 'id' - 'code' FROM advocacy_engagement AS e WHERE e.code = l.code ORDER BY e.reported_at DESC, e.id DESC LIMIT 1) AS latest_engagement
          FROM advocacy_links AS l WHERE l.person_id = ${personId} AND EXISTS (SELECT 1 FROM advocacy_shares AS s WHERE s.code = l.code) ORDER BY l.created_at, l.code`,
    ),
    // Advocacy maturity (ADR 0033): their self-assessments and the onboarding wave that invited them.
    advocacy_maturity_assessments: await rows(
      db,
      sql`SELECT id, network_size, activity, stage, answers, assessed_at FROM advocacy_maturity_assessments WHERE person_id = ${personId} ORDER BY assessed_at, id`,
    ),
    advocacy_wave_membership: await rows(
      db,
      sql`SELECT m.wave_id, w.number, w.name, m.invited_at FROM advocacy_wave_members AS m JOIN advocacy_waves AS w ON w.id = m.wave_id WHERE m.person_id = ${personId}`,
    ),
    // Referrals they made (ADR 0034), as they entered them, with the status (the team's notes are the team's).
    referrals_made: await rows(
      db,
      sql`SELECT id, kind, name, email, phone, company, note, consent_at, consent_method, owner_team, status, created_at, closed_at
          FROM referrals WHERE referrer_id = ${personId} ORDER BY id`,
    ),
  };
}

/**
 * Conversation (ADR 0028): their comments that others answered become tombstones without author, text
 * or mentions (the replies keep their place), the rest of their comments go, and their @[external_id]
 * in others' comments becomes a bare "@…"; reactions, reports, mentions and notifications of theirs
 * follow the foreign keys when the person row goes.
 */
async function eraseConversation(trx: AnyDb, personId: number): Promise<ErasureCounts> {
  const tombstoned = await sql<{ id: number }>`
    UPDATE comments AS c SET author_id = NULL, body = '', hashtags = '[]', deleted_at = coalesce(c.deleted_at, now())
    WHERE c.author_id = ${personId} AND EXISTS (SELECT 1 FROM comments AS r WHERE r.parent_id = c.id AND r.author_id IS DISTINCT FROM ${personId})
    RETURNING c.id`.execute(trx);
  const ids = tombstoned.rows.map((r) => r.id);
  await sql`DELETE FROM comment_mentions WHERE comment_id = ANY(${ids}::bigint[])`.execute(trx);
  await sql`DELETE FROM notifications WHERE comment_id = ANY(${ids}::bigint[])`.execute(trx);
  const deleted = affected(await sql`DELETE FROM comments WHERE author_id = ${personId}`.execute(trx));
  const mentioned = affected(
    await sql`
      UPDATE comments AS c SET body = replace(c.body, '@[' || p.external_id || ']', '@…')
      FROM people AS p WHERE p.id = ${personId} AND c.id IN (SELECT comment_id FROM comment_mentions WHERE person_id = ${personId})`.execute(trx),
  );
  return { comments_tombstoned: ids.length, comments_deleted: deleted, comment_mentions_removed: mentioned };
}

/** Counts of what an erasure changed, by table. */
export type ErasureCounts = Record<string, number>;

/**
 * Erases one person inside the caller's transaction; null when there is no such person (erased
 * before). Their reports move to their manager; unsent deliveries go; sent ones and events stay
 * without the person (the foreign keys set NULL); everything else of theirs is deleted.
 */
export async function erasePerson(trx: AnyDb, personId: number): Promise<ErasureCounts | null> {
  const found = await sql<{ email: string; manager_id: number | null }>`
    SELECT email, manager_id FROM people WHERE id = ${personId} FOR UPDATE`.execute(trx);
  const person = found.rows[0];
  if (!person) return null;
  const counts: ErasureCounts = {};
  counts.reports_moved = affected(
    await sql`UPDATE people SET manager_id = ${person.manager_id}, updated_at = now() WHERE manager_id = ${personId}`.execute(trx),
  );
  await sql`UPDATE people SET org_path = array_remove(org_path, ${personId}::bigint) WHERE org_path @> ARRAY[${personId}]::bigint[] AND id <> ${personId}`.execute(
    trx,
  );
  if (person.manager_id !== null) {
    await sql`UPDATE people SET direct_reports = (SELECT count(*) FROM people WHERE manager_id = ${person.manager_id} AND id <> ${personId})
      WHERE id = ${person.manager_id}`.execute(trx);
  }
  counts.unsent_deliveries_deleted = affected(
    await sql`DELETE FROM deliveries WHERE person_id = ${personId} AND state IN ('held', 'queued', 'sending')`.execute(trx),
  );
  counts.outbox_messages_deleted = affected(
    await sql`DELETE FROM outbox_messages AS o USING deliveries AS d WHERE o.delivery_id = d.id AND d.person_id = ${personId}`.execute(trx),
  );
  counts.deliveries_anonymised = affected(await sql`UPDATE deliveries SET error = NULL WHERE person_id = ${personId}`.execute(trx));
  counts.events_anonymised = affected(await sql`UPDATE events SET person_id = NULL WHERE person_id = ${personId}`.execute(trx));
  counts.tracking_events_anonymised = affected(await sql`UPDATE tracking_events SET person_id = NULL WHERE person_id = ${personId}`.execute(trx));
  counts.bounces_deleted = affected(await sql`DELETE FROM mail_bounces WHERE lower(email) = lower(${person.email})`.execute(trx));
  counts.accounts_deleted = affected(await sql`DELETE FROM users WHERE person_id = ${personId}`.execute(trx));
  Object.assign(counts, await eraseConversation(trx, personId));
  // Advocacy sharing (ADR 0030): the texts they wrote go; their links stay without them (the foreign key
  // sets NULL) so the links keep redirecting and the programme's counts hold.
  counts.advocacy_share_texts_blanked = affected(
    await sql`UPDATE advocacy_shares SET text = '' WHERE code IN (SELECT code FROM advocacy_links WHERE person_id = ${personId})`.execute(trx),
  );
  // Advocacy points (ADR 0031): participation, ledger and badges go with the person (foreign keys cascade).
  counts.advocacy_points_deleted = affected(await sql`DELETE FROM advocacy_points WHERE person_id = ${personId}`.execute(trx));
  // The rest follows the foreign keys: deliveries' person becomes NULL (0022), acknowledgements,
  // preferences, subscriptions, contributions, endorsements, help and kudos of theirs are deleted, and
  // so are the survey rounds they answered and their identified answers; anonymous answers stay (no
  // column of theirs names a person, ADR 0027).
  counts.people_deleted = affected(await sql`DELETE FROM people WHERE id = ${personId}`.execute(trx));
  return counts;
}
