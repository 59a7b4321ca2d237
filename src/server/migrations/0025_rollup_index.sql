-- 0025 (ADR 0024): the rollup job recomputes a delivery's engagement from all its events; with the
-- flag, dwell bucket and campaign in the delivery index it reads them from the index alone (an
-- index-only scan once the visibility map is set) instead of one heap page per event. The same index
-- still serves the tracking look-backs (delivery, kind, time).
DROP INDEX tracking_events_delivery_idx;
CREATE INDEX tracking_events_delivery_idx ON tracking_events (delivery_id, kind, occurred_at) INCLUDE (machine, dwell_bucket, campaign_id);
