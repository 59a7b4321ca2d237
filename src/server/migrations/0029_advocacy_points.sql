-- Advocacy points (ADR 0031): the points job reads kudos and resolved help requests by time from a
-- watermark; these indexes keep that read small as the tables grow.
CREATE INDEX kudos_created_idx ON kudos (created_at);
CREATE INDEX help_requests_resolved_idx ON help_requests (resolved_at) WHERE status = 'resolved';
