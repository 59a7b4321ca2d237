-- Feed engagement in tracking_events (issue 10, ADR 0025): a feed item's reads with their dwell, and
-- its CTA clicks and downloads, beside the e-mail opens and clicks. On a partitioned table the new
-- column and the replaced CHECK apply to every partition (existing and future).
ALTER TABLE tracking_events DROP CONSTRAINT tracking_events_kind_check;
ALTER TABLE tracking_events ADD CONSTRAINT tracking_events_kind_check CHECK (kind IN ('open', 'click', 'honeypot', 'read', 'cta', 'download'));
-- How long the item was visible (at least half of it, the tab visible), for kind = 'read' only, and
-- its bucket computed by the server: glanced < 4 s, skimmed < 10 s, read otherwise.
ALTER TABLE tracking_events ADD COLUMN dwell_ms integer CHECK (dwell_ms >= 0);
ALTER TABLE tracking_events ADD COLUMN dwell_bucket text CHECK (dwell_bucket IN ('glanced', 'skimmed', 'read'));
ALTER TABLE tracking_events ADD CONSTRAINT tracking_events_dwell_check CHECK ((kind = 'read') = (dwell_bucket IS NOT NULL) AND (dwell_ms IS NULL OR kind = 'read'));
