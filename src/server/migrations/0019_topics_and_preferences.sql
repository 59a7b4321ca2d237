-- 0019 topics and preferences (issue 9): optional topics people may unsubscribe from, a campaign's
-- topic, each person's choice per topic (following or not, on which channels), their general channel
-- choice and quiet hours, and the secret that signs links in mail when LINK_SECRET is not set.
CREATE TABLE topics (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- Stable: campaigns and signed unsubscribe links name it.
  key text NOT NULL UNIQUE,
  -- {"en": "Safety news", "de": "…"}; the default language's name is required by the API.
  names jsonb NOT NULL,
  descriptions jsonb NOT NULL DEFAULT '{}',
  -- Whether someone who never chose follows the topic.
  default_subscribed boolean NOT NULL DEFAULT true,
  -- The topic's channel layer: null inherits the organisation's default channels.
  default_channels text[] CHECK (default_channels <@ ARRAY['email', 'feed', 'chat']),
  -- A disabled topic cannot be chosen for a new campaign; choices people made are kept.
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE campaigns ADD COLUMN topic_key text REFERENCES topics (key) ON UPDATE CASCADE ON DELETE RESTRICT;

-- A person's own choice for one topic; no row: the topic's defaults.
CREATE TABLE topic_subscriptions (
  person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  topic_id bigint NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
  subscribed boolean NOT NULL,
  -- The person's channels for this topic; null inherits their general choice, then the topic's.
  channels text[] CHECK (channels <@ ARRAY['email', 'feed', 'chat']),
  -- Where the choice was made: the preferences page, or a one-click unsubscribe from a mail.
  source text NOT NULL CHECK (source IN ('preferences', 'one_click')),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, topic_id)
);

-- A person's general choices; no row: the organisation's defaults.
CREATE TABLE person_preferences (
  person_id bigint PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
  -- Channels for every topic (and campaigns without one); null inherits the organisation's.
  channels text[] CHECK (channels <@ ARRAY['email', 'feed', 'chat']),
  -- default: the organisation's quiet hours (QUIET_HOURS); off: none; custom: quiet_start to quiet_end.
  quiet_mode text NOT NULL DEFAULT 'default' CHECK (quiet_mode IN ('default', 'off', 'custom')),
  quiet_start time,
  quiet_end time,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (quiet_mode <> 'custom' OR (quiet_start IS NOT NULL AND quiet_end IS NOT NULL AND quiet_start <> quiet_end))
);

-- Secrets a deployment generates for itself when none is configured (the embedded demo, tests):
-- shared by every process on this database, never logged.
CREATE TABLE app_secrets (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
