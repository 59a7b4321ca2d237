// SQL of analytics (ADR 0024): the rollup job's reads of the append-only sources (tracking_events,
// events) past a watermark, the per-delivery engagement, and the per-campaign rollups; the report's
// reads of those rollups only. The rollup reads the delivery ledger and the directory as they are now
// (read-only); it is the one place that joins them with engagement.
import { sql, type RawBuilder } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';

export type Source = 'tracking_events' | 'events';

/** Identifies "rewriting a campaign's rollup" among advisory locks (with the campaign id). */
const ROLLUP_LOCK_KEY = 7_310_024;

/** Where the rollup has read `source` up to (0 the first time). */
export async function findWatermark(db: AnyDb, source: Source): Promise<number> {
  const result = await sql<{ last_id: string }>`SELECT last_id FROM analytics_watermarks WHERE source = ${source}`.execute(db);
  return Number(result.rows[0]?.last_id ?? 0);
}

/**
 * The highest id of `source` past `after` that is older than `settled`: ids are handed out before a
 * commit, so a row younger than that might still be followed by a lower id committed later.
 */
export async function findSettledId(db: AnyDb, source: Source, after: number, settled: Date): Promise<number | null> {
  const table = sql.table(source);
  const result = await sql<{ id: string | null }>`SELECT max(id) AS id FROM ${table} WHERE id > ${after} AND occurred_at < ${settled.toISOString()}`.execute(
    db,
  );
  const id = result.rows[0]?.id;
  return id === null || id === undefined ? null : Number(id);
}

/** Moves a watermark forward (never back, when two runs overlap). */
export async function saveWatermark(db: AnyDb, source: Source, lastId: number): Promise<void> {
  await sql`INSERT INTO analytics_watermarks (source, last_id) VALUES (${source}, ${lastId})
    ON CONFLICT (source) DO UPDATE SET last_id = GREATEST(analytics_watermarks.last_id, EXCLUDED.last_id), updated_at = now()`.execute(db);
}

/** The deliveries that tracking events past `after` belong to. */
export async function findTouchedDeliveries(db: AnyDb, after: number): Promise<number[]> {
  const result = await sql<{ delivery_id: string }>`SELECT DISTINCT delivery_id FROM tracking_events WHERE id > ${after}`.execute(db);
  // In id order, so two runs upserting the same deliveries take their row locks in the same order.
  return result.rows.map((r) => Number(r.delivery_id)).sort((a, b) => a - b);
}

/** The campaigns that activity events past `after` belong to. */
export async function findTouchedCampaignsByActivity(db: AnyDb, after: number): Promise<number[]> {
  const result = await sql<{ campaign_id: string }>`SELECT DISTINCT campaign_id FROM events WHERE id > ${after} AND campaign_id IS NOT NULL`.execute(db);
  return result.rows.map((r) => Number(r.campaign_id));
}

/**
 * Recomputes the engagement of these deliveries from all their events (so a click flagged machine
 * after the fact is taken out too); answers the campaigns they belong to.
 */
export async function refreshDeliveryEngagement(db: AnyDb, deliveryIds: number[]): Promise<number[]> {
  if (deliveryIds.length === 0) return [];
  const result = await sql<{ campaign_id: string }>`
    INSERT INTO delivery_engagement AS de (delivery_id, campaign_id, first_open_at, first_click_at, machine_opens, machine_clicks, dwell, downloads)
    SELECT e.delivery_id, min(e.campaign_id),
      min(e.occurred_at) FILTER (WHERE NOT e.machine AND e.kind IN ('open', 'read')),
      min(e.occurred_at) FILTER (WHERE NOT e.machine AND e.kind IN ('click', 'cta', 'download')),
      count(*) FILTER (WHERE e.machine AND e.kind = 'open'),
      count(*) FILTER (WHERE e.machine AND e.kind IN ('click', 'honeypot')),
      max(CASE e.dwell_bucket WHEN 'glanced' THEN 1 WHEN 'skimmed' THEN 2 WHEN 'read' THEN 3 END),
      count(*) FILTER (WHERE NOT e.machine AND e.kind = 'download')
    FROM tracking_events AS e
    JOIN deliveries AS d ON d.id = e.delivery_id
    WHERE e.delivery_id = ANY(${deliveryIds}::bigint[])
    GROUP BY e.delivery_id
    ON CONFLICT (delivery_id) DO UPDATE SET first_open_at = EXCLUDED.first_open_at, first_click_at = EXCLUDED.first_click_at,
      machine_opens = EXCLUDED.machine_opens, machine_clicks = EXCLUDED.machine_clicks, dwell = EXCLUDED.dwell, downloads = EXCLUDED.downloads
    RETURNING de.campaign_id`.execute(db);
  return [...new Set(result.rows.map((r) => Number(r.campaign_id)))];
}

/**
 * Campaigns whose report is due: sent (or sending, paused, cancelled after sending began) with no report
 * yet, still sending, finished since the last report, or named in `touched` (new events).
 */
export async function findDueCampaigns(db: AnyDb, touched: number[]): Promise<number[]> {
  const result = await sql<{ id: string }>`
    SELECT c.id FROM campaigns AS c
    LEFT JOIN campaign_reports AS r ON r.campaign_id = c.id
    WHERE c.status IN ('sending', 'sent', 'paused', 'cancelled')
      AND (r.campaign_id IS NULL OR c.status = 'sending' OR c.finished_at >= r.computed_at OR c.id = ANY(${touched}::bigint[]))
      AND EXISTS (SELECT 1 FROM deliveries AS d WHERE d.campaign_id = c.id)
    ORDER BY c.id`.execute(db);
  return result.rows.map((r) => Number(r.id));
}

/**
 * One row per recipient and channel of the campaign (the message's step 0; follow-ups add engagement,
 * not recipients), in a temporary table the rest of the rollup reads: who (a person, or a rank among
 * the erased), variant, language, whether delivered, when first sent, first open
 * (mail open, feed read or feed view when `feedViews`), first click, machine events, deepest dwell.
 */
async function collectRecipients(db: AnyDb, campaignId: number, feedViews: boolean): Promise<void> {
  await sql`CREATE TEMPORARY TABLE report_recipients ON COMMIT DROP AS
    WITH d AS (
      SELECT d.step, d.channel, d.state, d.sent_at, d.person_id, d.variant_key, d.language,
        -- An erased person's deliveries have no person any more: the n-th of a channel (in the order the
        -- fan-out wrote them) is taken for the same recipient as the n-th of every other channel, so
        -- people reached on two channels are still counted once.
        COALESCE(d.person_id::text, 'e' || row_number() OVER (PARTITION BY d.person_id IS NULL, d.step, d.channel ORDER BY d.id)) AS who,
        LEAST(e.first_open_at, CASE WHEN d.channel = 'feed' AND ${feedViews}::boolean THEN d.read_at END) AS first_open,
        e.first_click_at, e.machine_opens, e.machine_clicks, e.dwell
      FROM deliveries AS d
      LEFT JOIN delivery_engagement AS e ON e.delivery_id = d.id
      WHERE d.campaign_id = ${campaignId} AND d.step >= 0
    )
    SELECT who, channel, min(person_id) AS person_id,
      min(variant_key) FILTER (WHERE step = 0) AS variant_key,
      min(language) FILTER (WHERE step = 0) AS language,
      bool_or(step = 0 AND state = 'sent') AS delivered,
      min(sent_at) FILTER (WHERE step = 0) AS sent_at,
      min(first_open) AS first_open,
      min(first_click_at) AS first_click,
      COALESCE(sum(machine_opens), 0)::int AS machine_opens,
      COALESCE(sum(machine_clicks), 0)::int AS machine_clicks,
      max(dwell) AS dwell
    FROM d
    GROUP BY who, channel
    HAVING bool_or(step = 0)`.execute(db);
}

/**
 * Rewrites the campaign's rollups (its groups and its report row) from the ledger, the engagement,
 * acknowledgements, quiz results and the directory; in the caller's transaction.
 */
export async function rewriteCampaignRollup(db: AnyDb, input: { campaignId: number; now: Date; feedViews: boolean }): Promise<void> {
  const { campaignId } = input;
  // One rewrite of a campaign at a time (the job and an "update now" may meet): the second waits for
  // the first to commit instead of inserting the same group keys beside it.
  await sql`SELECT pg_advisory_xact_lock(${ROLLUP_LOCK_KEY}::int, ${campaignId}::int)`.execute(db);
  await collectRecipients(db, campaignId, input.feedViews);
  await sql`DELETE FROM campaign_report_groups WHERE campaign_id = ${campaignId}`.execute(db);
  // Each person once (channel 'all'), then each person per channel; an acknowledgement is a read too.
  await sql`
    WITH people_level AS (
      SELECT who, 'all'::text AS channel, min(person_id) AS person_id, min(variant_key) AS variant_key, min(language) AS language,
        bool_or(delivered) AS delivered, min(first_open) AS first_open, min(first_click) AS first_click,
        sum(machine_opens)::int AS machine_opens, sum(machine_clicks)::int AS machine_clicks, max(dwell) AS dwell
      FROM report_recipients GROUP BY who
    ),
    channel_level AS (
      SELECT who, channel, person_id, variant_key, language, delivered, first_open, first_click, machine_opens, machine_clicks, dwell
      FROM report_recipients
    ),
    quiz AS (
      SELECT person_id, bool_or(type = 'quiz_passed') AS passed, bool_or(type = 'quiz_failed') AS failed
      FROM events WHERE campaign_id = ${campaignId} AND type IN ('quiz_passed', 'quiz_failed') AND person_id IS NOT NULL
      GROUP BY person_id
    ),
    rows AS (SELECT * FROM people_level UNION ALL SELECT * FROM channel_level)
    INSERT INTO campaign_report_groups (campaign_id, channel, variant_key, language, generation, department, recipients, delivered, opened,
      clicked, acknowledged, quiz_passed, quiz_failed, glanced, skimmed, read, machine_opens, machine_clicks)
    SELECT ${campaignId}, r.channel, COALESCE(r.variant_key, ''), COALESCE(r.language, ''),
      COALESCE(people_generation(p.birth_year), ''), COALESCE(p.department, ''),
      count(*), count(*) FILTER (WHERE r.delivered),
      count(*) FILTER (WHERE r.first_open IS NOT NULL OR (a.person_id IS NOT NULL AND (r.channel = 'all' OR a.channel = r.channel))),
      count(*) FILTER (WHERE r.first_click IS NOT NULL),
      count(*) FILTER (WHERE a.person_id IS NOT NULL AND (r.channel = 'all' OR a.channel = r.channel)),
      count(*) FILTER (WHERE q.passed), count(*) FILTER (WHERE q.failed AND NOT q.passed),
      count(*) FILTER (WHERE r.dwell = 1), count(*) FILTER (WHERE r.dwell = 2), count(*) FILTER (WHERE r.dwell = 3),
      COALESCE(sum(r.machine_opens), 0), COALESCE(sum(r.machine_clicks), 0)
    FROM rows AS r
    LEFT JOIN people AS p ON p.id = r.person_id
    LEFT JOIN campaign_acknowledgements AS a ON a.campaign_id = ${campaignId} AND a.person_id = r.person_id
    LEFT JOIN quiz AS q ON q.person_id = r.person_id
    GROUP BY 2, 3, 4, 5, 6`.execute(db);
  // Per person: first sent, first open (an acknowledgement counts), first click; then the median time to
  // open, the series (hourly for seven days after the first send, daily after) and each follow-up's effect.
  await sql`
    WITH people_level AS (
      SELECT r.who, min(r.person_id) AS person_id, min(r.sent_at) AS sent_at,
        LEAST(min(r.first_open), min(a.acknowledged_at)) AS first_open, min(r.first_click) AS first_click,
        min(a.acknowledged_at) AS acknowledged_at
      FROM report_recipients AS r
      LEFT JOIN campaign_acknowledgements AS a ON a.campaign_id = ${campaignId} AND a.person_id = r.person_id
      GROUP BY r.who
    ),
    first_sent AS (SELECT min(sent_at) AS at FROM people_level),
    moments AS (
      SELECT first_open AS at, 1 AS opens, 0 AS clicks FROM people_level WHERE first_open IS NOT NULL
      UNION ALL SELECT first_click, 0, 1 FROM people_level WHERE first_click IS NOT NULL
    ),
    buckets AS (
      SELECT CASE WHEN m.at < f.at + interval '7 days' THEN date_trunc('hour', m.at AT TIME ZONE 'UTC') ELSE date_trunc('day', m.at AT TIME ZONE 'UTC') END AS at,
        CASE WHEN m.at < f.at + interval '7 days' THEN 1 ELSE 24 END AS hours, sum(m.opens)::int AS opens, sum(m.clicks)::int AS clicks
      FROM moments AS m CROSS JOIN first_sent AS f
      WHERE f.at IS NOT NULL
      GROUP BY 1, 2
    ),
    follow_ups AS (
      SELECT d.step, count(*)::int AS sent,
        count(*) FILTER (WHERE pl.first_open > d.sent_at)::int AS opened_after,
        count(*) FILTER (WHERE pl.first_click > d.sent_at)::int AS clicked_after,
        count(*) FILTER (WHERE pl.acknowledged_at > d.sent_at)::int AS acknowledged_after
      FROM deliveries AS d
      JOIN people_level AS pl ON pl.person_id = d.person_id
      WHERE d.campaign_id = ${campaignId} AND d.step > 0 AND d.state = 'sent'
      GROUP BY d.step
    )
    INSERT INTO campaign_reports (campaign_id, computed_at, first_sent_at, median_open_seconds, series, follow_ups)
    SELECT ${campaignId}, ${input.now.toISOString()}::timestamptz, (SELECT at FROM first_sent),
      (SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_open - sent_at)))::int
         FROM people_level WHERE first_open IS NOT NULL AND sent_at IS NOT NULL AND first_open >= sent_at),
      COALESCE((SELECT jsonb_agg(jsonb_build_object('at', to_char(at, 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'hours', hours, 'opens', opens, 'clicks', clicks) ORDER BY at) FROM buckets), '[]'),
      COALESCE((SELECT jsonb_agg(jsonb_build_object('step', step, 'sent', sent, 'opened_after', opened_after, 'clicked_after', clicked_after,
        'acknowledged_after', acknowledged_after) ORDER BY step) FROM follow_ups), '[]')
    ON CONFLICT (campaign_id) DO UPDATE SET computed_at = EXCLUDED.computed_at, first_sent_at = EXCLUDED.first_sent_at,
      median_open_seconds = EXCLUDED.median_open_seconds, series = EXCLUDED.series, follow_ups = EXCLUDED.follow_ups`.execute(db);
  await sql`DROP TABLE report_recipients`.execute(db);
}

export type GroupRow = {
  channel: string;
  variant_key: string;
  language: string;
  generation: string;
  department: string;
  recipients: number;
  delivered: number;
  opened: number;
  clicked: number;
  acknowledged: number;
  quiz_passed: number;
  quiz_failed: number;
  glanced: number;
  skimmed: number;
  read: number;
  machine_opens: number;
  machine_clicks: number;
};

export type ReportRow = {
  computed_at: Date;
  first_sent_at: Date | null;
  median_open_seconds: number | null;
  series: { at: string; hours: number; opens: number; clicks: number }[];
  follow_ups: { step: number; sent: number; opened_after: number; clicked_after: number; acknowledged_after: number }[];
};

/** The campaign's rollup groups (a few hundred rows at most: the report's only read besides its row). */
export async function findGroups(db: AnyDb, campaignId: number): Promise<GroupRow[]> {
  const result = await sql<GroupRow>`SELECT channel, variant_key, language, generation, department, recipients, delivered, opened, clicked,
      acknowledged, quiz_passed, quiz_failed, glanced, skimmed, read, machine_opens, machine_clicks
    FROM campaign_report_groups WHERE campaign_id = ${campaignId}`.execute(db);
  return result.rows;
}

/** The campaign's report row, or undefined before the first rollup. */
export async function findReport(db: AnyDb, campaignId: number): Promise<ReportRow | undefined> {
  const result = await sql<ReportRow>`SELECT computed_at, first_sent_at, median_open_seconds, series, follow_ups
    FROM campaign_reports WHERE campaign_id = ${campaignId}`.execute(db);
  return result.rows[0];
}

/**
 * The campaign's recipients (sent at step 0, not erased) who are not among `done` (people with the
 * activity the condition waits for), by person id, with how many there are in all.
 */
export async function findPending(
  db: AnyDb,
  input: { campaignId: number; done: RawBuilder<{ person_id: number }>; limit: number },
): Promise<{ total: number; rows: { person_id: number; language: string }[] }> {
  const result = await sql<{ person_id: string; language: string; total: string }>`
    SELECT d.person_id, min(d.language) AS language, count(*) OVER () AS total
    FROM deliveries AS d
    WHERE d.campaign_id = ${input.campaignId} AND d.step = 0 AND d.state = 'sent' AND d.person_id IS NOT NULL
      AND d.person_id NOT IN (${input.done})
    GROUP BY d.person_id
    ORDER BY d.person_id
    LIMIT ${input.limit}`.execute(db);
  return {
    total: Number(result.rows[0]?.total ?? 0),
    rows: result.rows.map((r) => ({ person_id: Number(r.person_id), language: r.language })),
  };
}
