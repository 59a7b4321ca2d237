-- 0016 campaigns (issue 9, DESIGN §3.3): a campaign with its audience, ordered variants (exactly one
-- default) carrying content per language, follow-ups and an optional leader cascade; and the
-- delivery row, one per (campaign, step, person, channel), which is both what the sender works
-- through and the per-recipient send log. Variants are rows (not JSON inside the campaign) so that
-- deliveries can name them and resolution can join them.
CREATE TABLE campaigns (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('announcement', 'must_read')),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'scheduled', 'sending', 'sent', 'cancelled', 'paused')),
  audience jsonb NOT NULL,
  default_language text NOT NULL,
  -- null: the deployment's tracking mode (DESIGN §3.5).
  tracking text CHECK (tracking IN ('individual', 'aggregate', 'off')),
  acknowledge_by timestamptz,
  follow_ups jsonb NOT NULL DEFAULT '[]',
  cascade jsonb,
  created_by_user_id bigint REFERENCES users (id) ON DELETE SET NULL,
  -- Who saved the draft last, and who approved this version (CAMPAIGN_APPROVAL): a change clears it.
  updated_by_user_id bigint REFERENCES users (id) ON DELETE SET NULL,
  approved_by_user_id bigint REFERENCES users (id) ON DELETE SET NULL,
  approved_at timestamptz,
  -- The Idempotency-Key of the send request: the same key again is the same request.
  send_key text,
  send_at timestamptz,
  -- A send at a wall-clock time in each recipient's own time zone (send_at is then the earliest instant).
  send_local_time timestamp,
  sent_by_user_id bigint REFERENCES users (id) ON DELETE SET NULL,
  finished_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX campaigns_updated_idx ON campaigns (updated_at DESC, id DESC);

CREATE TABLE campaign_variants (
  campaign_id bigint NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  -- Order decides: a recipient gets the first variant whose audience matches, else the default.
  position integer NOT NULL,
  key text NOT NULL,
  is_default boolean NOT NULL,
  -- A rule, {"persona": id}, or null on the default variant.
  audience jsonb,
  channels text[] NOT NULL,
  -- {"de": {"subject", "preheader", "body", "wiifm", "cta_label", "cta_url"}, "en": {...}}
  content jsonb NOT NULL,
  PRIMARY KEY (campaign_id, position),
  UNIQUE (campaign_id, key)
);
CREATE UNIQUE INDEX campaign_variants_one_default_idx ON campaign_variants (campaign_id) WHERE is_default;

-- Step 0 is the message itself; follow-ups are steps 1, 2, … in the order the campaign lists them.
CREATE TABLE deliveries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  campaign_id bigint NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  step integer NOT NULL DEFAULT 0,
  person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  channel text NOT NULL CHECK (channel IN ('email', 'feed', 'chat')),
  variant_key text NOT NULL,
  language text NOT NULL,
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'bounced', 'suppressed')),
  -- Why it failed, bounced or was suppressed: a code the web translates.
  reason text,
  message_id text,
  attempts integer NOT NULL DEFAULT 0,
  -- A sender holds a delivery in 'sending' until then; past it (the sender died) it is sent again,
  -- with the same Message-ID, so a receiver can tell the copy.
  lease_until timestamptz,
  -- A transient failure waits until then before the next attempt.
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  -- The last error as the mail server said it (for the delivery log; never shown as a sentence in the UI).
  error text,
  queued_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  -- Feed: when the person opened it in their feed (their unread count; reports follow the privacy mode).
  read_at timestamptz,
  UNIQUE (campaign_id, step, person_id, channel)
);
-- A person's feed, newest first.
CREATE INDEX deliveries_feed_idx ON deliveries (person_id, sent_at DESC, id DESC) WHERE channel = 'feed' AND state = 'sent';
CREATE INDEX deliveries_campaign_state_idx ON deliveries (campaign_id, state);
-- What a sender claims next: queued (or stranded in sending) deliveries of a channel, due first.
CREATE INDEX deliveries_due_idx ON deliveries (campaign_id, channel, next_attempt_at) WHERE state IN ('queued', 'sending');

-- Must-reads: one acknowledgement per person and campaign, on whichever channel, counts for all.
CREATE TABLE campaign_acknowledgements (
  campaign_id bigint NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  channel text NOT NULL,
  acknowledged_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign_id, person_id)
);

-- Mail that had nowhere to go because no SMTP_URL is set: kept whole so communicators can read each
-- message as it would have arrived (the demo's mailbox).
CREATE TABLE outbox_messages (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  delivery_id bigint NOT NULL UNIQUE REFERENCES deliveries (id) ON DELETE CASCADE,
  message_id text NOT NULL,
  mail_from text NOT NULL,
  mail_to text NOT NULL,
  subject text NOT NULL,
  html text NOT NULL,
  text text NOT NULL,
  headers jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_messages_created_idx ON outbox_messages (created_at DESC, id DESC);

-- Addresses a mail server refused for good (5xx): later campaigns suppress them.
CREATE TABLE mail_bounces (
  email text PRIMARY KEY,
  reason text NOT NULL,
  delivery_id bigint REFERENCES deliveries (id) ON DELETE SET NULL,
  bounced_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX deliveries_person_idx ON deliveries (person_id);
