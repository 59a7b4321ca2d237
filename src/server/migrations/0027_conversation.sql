-- Conversation on campaigns (issue 11, ADR 0028): one thread of comments per campaign, shared by its
-- recipients (a feed item is a campaign delivery), replies one level deep, reactions on a campaign or
-- a comment, @mentions of people, reports and moderation, and the notifications of replies and
-- mentions shown in the feed. Comments are personal data: the privacy module exports and erases them.

CREATE TABLE comments (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  campaign_id bigint NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  -- A reply names its top-level comment (one level of nesting).
  parent_id bigint REFERENCES comments (id) ON DELETE CASCADE,
  -- NULL once the author is erased (the comment is then a tombstone, ADR 0028).
  author_id bigint REFERENCES people (id) ON DELETE SET NULL,
  -- Plain text with Markdown-lite and @[external_id] mention tokens; '' for a deleted comment.
  body text NOT NULL CHECK (length(body) <= 2000),
  -- en, de or nl: what sentiment reads it with (the author's language or the text's).
  language text NOT NULL,
  -- The #hashtags as written with the canonical skill each names, or null: [{"tag", "skill"}].
  hashtags jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  edited_at timestamptz,
  -- Deleted by its author while it had replies: kept as a tombstone without body.
  deleted_at timestamptz,
  hidden_at timestamptz,
  -- When a moderator last decided on its reports (hid, unhid or dismissed): later reports reopen it.
  reviewed_at timestamptz
);
CREATE INDEX comments_campaign_idx ON comments (campaign_id, id);
CREATE INDEX comments_parent_idx ON comments (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX comments_author_idx ON comments (author_id);

CREATE TABLE comment_mentions (
  comment_id bigint NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
  person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  PRIMARY KEY (comment_id, person_id)
);
CREATE INDEX comment_mentions_person_idx ON comment_mentions (person_id);

-- One reaction of each kind per person on a campaign (comment_id NULL) or on a comment.
CREATE TABLE reactions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  campaign_id bigint NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  comment_id bigint REFERENCES comments (id) ON DELETE CASCADE,
  person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('like', 'celebrate', 'insightful', 'curious')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX reactions_once_idx ON reactions (campaign_id, coalesce(comment_id, 0), person_id, kind);
CREATE INDEX reactions_person_idx ON reactions (person_id);

CREATE TABLE comment_reports (
  comment_id bigint NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
  reporter_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  reason text NOT NULL CHECK (reason IN ('spam', 'abuse', 'off_topic', 'other')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (comment_id, reporter_id)
);
CREATE INDEX comment_reports_reporter_idx ON comment_reports (reporter_id);

-- What the feed lists: a reply to my comment, a mention of me. The web words it from kind and names.
CREATE TABLE notifications (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('reply', 'mention')),
  campaign_id bigint NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  comment_id bigint NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
  actor_id bigint REFERENCES people (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  UNIQUE (person_id, comment_id, kind)
);
CREATE INDEX notifications_person_idx ON notifications (person_id, id DESC);
CREATE INDEX notifications_actor_idx ON notifications (actor_id);
