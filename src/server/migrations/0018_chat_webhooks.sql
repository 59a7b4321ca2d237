-- 0018 chat webhooks (issue 9, ADR 0019): named incoming webhooks of Slack and Microsoft Teams
-- Workflows, each bound to an audience rule; and the chat post, one per (campaign, step, variant,
-- channel), which is both what the chat sender works through and the log of what each channel got.
CREATE TABLE chat_channels (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('slack', 'teams')),
  -- The webhook URL is a secret (whoever has it can post): only the sender reads it; the API shows webhook_hint.
  webhook_url text NOT NULL,
  webhook_hint text NOT NULL,
  -- A segment rule (DESIGN §3.2), often {"segment": key}: the people this channel reaches.
  audience jsonb NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  -- The webhook's rate limit: nothing is posted to it before this (a second after the last post, or a 429's Retry-After).
  next_post_at timestamptz NOT NULL DEFAULT now(),
  created_by_user_id bigint REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE chat_posts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  campaign_id bigint NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  step integer NOT NULL DEFAULT 0,
  variant_key text NOT NULL,
  -- The language most of the channel's matched recipients of this variant read it in.
  language text NOT NULL,
  -- Null once the channel was deleted; its name and kind stay for the log.
  chat_channel_id bigint REFERENCES chat_channels (id) ON DELETE SET NULL,
  channel_name text NOT NULL,
  channel_kind text NOT NULL,
  -- Recipients of this variant the channel's audience matched.
  people integer NOT NULL,
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'suppressed')),
  reason text,
  attempts integer NOT NULL DEFAULT 0,
  lease_until timestamptz,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  -- The last refusal as the webhook answered it (status and a short body; never the URL).
  error text,
  queued_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  UNIQUE (campaign_id, step, variant_key, chat_channel_id)
);
CREATE INDEX chat_posts_due_idx ON chat_posts (campaign_id, next_attempt_at) WHERE state IN ('queued', 'sending');
CREATE INDEX chat_posts_channel_idx ON chat_posts (chat_channel_id);
