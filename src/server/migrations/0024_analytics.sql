-- 0024 analytics (issue 10, ADR 0024): rollups kept by a job so that a report never reads raw events.
-- delivery_engagement sums one delivery's events (kept up to date for the deliveries new events touch);
-- campaign_report_groups counts people per campaign × channel × variant × language × generation ×
-- department (channel 'all': each person once, whichever channels reached them); campaign_reports holds
-- what is not a count by group: the median time to open, the series and the effect of each follow-up.
-- The report and the dashboard read these three tables and nothing else.
CREATE TABLE delivery_engagement (
  delivery_id bigint PRIMARY KEY REFERENCES deliveries (id) ON DELETE CASCADE,
  campaign_id bigint NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  -- The first open or feed read by a person (machine events never count).
  first_open_at timestamptz,
  -- The first click, feed call to action or download by a person.
  first_click_at timestamptz,
  machine_opens integer NOT NULL DEFAULT 0,
  machine_clicks integer NOT NULL DEFAULT 0,
  -- The deepest feed read: 1 glanced (< 4 s), 2 skimmed (< 10 s), 3 read.
  dwell smallint CHECK (dwell BETWEEN 1 AND 3),
  downloads integer NOT NULL DEFAULT 0
);
CREATE INDEX delivery_engagement_campaign_idx ON delivery_engagement (campaign_id);

CREATE TABLE campaign_report_groups (
  campaign_id bigint NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  channel text NOT NULL CHECK (channel IN ('all', 'email', 'feed', 'chat')),
  variant_key text NOT NULL,
  language text NOT NULL,
  -- '' when unknown (no birth year; a person erased since).
  generation text NOT NULL,
  department text NOT NULL,
  recipients integer NOT NULL,
  delivered integer NOT NULL,
  opened integer NOT NULL,
  clicked integer NOT NULL,
  acknowledged integer NOT NULL,
  quiz_passed integer NOT NULL,
  quiz_failed integer NOT NULL,
  glanced integer NOT NULL,
  skimmed integer NOT NULL,
  read integer NOT NULL,
  machine_opens integer NOT NULL,
  machine_clicks integer NOT NULL,
  PRIMARY KEY (campaign_id, channel, variant_key, language, generation, department)
);

CREATE TABLE campaign_reports (
  campaign_id bigint PRIMARY KEY REFERENCES campaigns (id) ON DELETE CASCADE,
  computed_at timestamptz NOT NULL,
  first_sent_at timestamptz,
  median_open_seconds integer,
  -- [{"at", "hours", "opens", "clicks"}]: people's first opens and clicks, hourly for seven days after
  -- the first send, then daily.
  series jsonb NOT NULL DEFAULT '[]',
  -- [{"step", "sent", "opened_after", "clicked_after", "acknowledged_after"}]
  follow_ups jsonb NOT NULL DEFAULT '[]'
);

-- How far the rollup job has read each append-only source (by id), so it reads only what is new.
CREATE TABLE analytics_watermarks (
  source text PRIMARY KEY,
  last_id bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
