-- Advocacy (issue 12, ADR 0030–0032): employees share curated content on their own networks through
-- personal short links whose outside clicks are counted without storing who clicked; points with caps,
-- badges and leaderboards; the social-media maturity model with onboarding waves; referrals of
-- customers and candidates. Everything that names a person is personal data: the privacy module
-- exports it and erasure keeps the counts (person columns become NULL) where others' figures need them.

-- Taking part is a choice: a person joins the programme (their shares and the clicks on them are then
-- counted for them) and may keep off the leaderboards while still seeing their own figures.
CREATE TABLE advocacy_participants (
  person_id bigint PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
  joined_at timestamptz NOT NULL DEFAULT now(),
  leaderboard_opt_out boolean NOT NULL DEFAULT false,
  -- The onboarding wave that invited them, if any.
  wave_id bigint
);

-- The curated library: what communicators offer employees to share.
CREATE TABLE advocacy_content (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  -- The content's own URL: the only place a short link ever redirects to (http or https).
  url text NOT NULL CHECK (length(url) <= 2000),
  summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 2000),
  image_url text CHECK (length(image_url) <= 2000),
  tags text[] NOT NULL DEFAULT '{}',
  -- A segment rule (DESIGN §3.2); NULL = everyone.
  audience jsonb,
  -- Suggested post texts: [{"network", "language", "text"}].
  suggested_posts jsonb NOT NULL DEFAULT '[]',
  -- The campaign it belongs to, if any: a share records the `shared` activity for it.
  campaign_id bigint REFERENCES campaigns (id) ON DELETE SET NULL,
  expires_at timestamptz,
  archived_at timestamptz,
  created_by bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX advocacy_content_live_idx ON advocacy_content (created_at DESC) WHERE archived_at IS NULL;

-- One short link per person, content and network (DESIGN §3.9). The code is random, not derived.
CREATE TABLE advocacy_links (
  code text PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9_-]{6,32}$'),
  content_id bigint NOT NULL REFERENCES advocacy_content (id) ON DELETE CASCADE,
  -- NULL once the person is erased: the link keeps redirecting and its clicks stay counted.
  person_id bigint REFERENCES people (id) ON DELETE SET NULL,
  network text NOT NULL CHECK (network IN ('linkedin', 'xing', 'x', 'facebook')),
  -- The person's department when the link was minted: reach by department without joining people later.
  department text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX advocacy_links_once_idx ON advocacy_links (content_id, person_id, network);
CREATE INDEX advocacy_links_person_idx ON advocacy_links (person_id);

-- Each time a person shares (opens the network's share intent) with the text they wrote.
CREATE TABLE advocacy_shares (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL REFERENCES advocacy_links (code) ON DELETE CASCADE,
  text text NOT NULL DEFAULT '' CHECK (length(text) <= 3000),
  -- Whether the text was the suggested one unchanged (identical reposts look fake).
  adapted boolean NOT NULL DEFAULT false,
  shared_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX advocacy_shares_code_idx ON advocacy_shares (code, shared_at);
CREATE INDEX advocacy_shares_time_idx ON advocacy_shares (shared_at);

-- The salt of each day's visitor hashes; deleted after two days, so a hash can no longer be tied to
-- an address by trying all of them (ADR 0030).
CREATE TABLE advocacy_click_salts (
  day date PRIMARY KEY,
  salt bytea NOT NULL
);

-- Outside clicks on short links. No address and no user agent is kept: only the salted hash of the
-- day's visitor and, for machine traffic, why it counts as machine.
CREATE TABLE advocacy_clicks (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL REFERENCES advocacy_links (code) ON DELETE CASCADE,
  day date NOT NULL,
  visitor text NOT NULL,
  machine_reason text,
  -- The first human click of this visitor on this link this day: what "unique clicks" count.
  is_unique boolean NOT NULL DEFAULT false,
  occurred_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX advocacy_clicks_unique_idx ON advocacy_clicks (code, day, visitor) WHERE is_unique;
CREATE INDEX advocacy_clicks_code_idx ON advocacy_clicks (code, occurred_at);
CREATE INDEX advocacy_clicks_time_idx ON advocacy_clicks (occurred_at);

-- Reactions, comments and reshares a network does not tell us: reported by the employee or imported.
CREATE TABLE advocacy_engagement (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL REFERENCES advocacy_links (code) ON DELETE CASCADE,
  reactions integer NOT NULL DEFAULT 0 CHECK (reactions BETWEEN 0 AND 1000000),
  comments integer NOT NULL DEFAULT 0 CHECK (comments BETWEEN 0 AND 1000000),
  reshares integer NOT NULL DEFAULT 0 CHECK (reshares BETWEEN 0 AND 1000000),
  source text NOT NULL CHECK (source IN ('self', 'import')),
  reported_at timestamptz NOT NULL DEFAULT now()
);
-- The latest report of a link counts (numbers on a post only grow; a report replaces the last).
CREATE INDEX advocacy_engagement_code_idx ON advocacy_engagement (code, reported_at DESC);

-- Points and caps per action, badges' thresholds and the cost per click: one row, defaults in code.
CREATE TABLE advocacy_settings (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  settings jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The points ledger. `source` names what earned them, once: a second award for the same action and
-- source is a no-op (jobs and retries may try again). Points over the action's cap are recorded
-- with 0 points and `capped`, so a person can see why.
CREATE TABLE advocacy_points (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  action text NOT NULL,
  source text NOT NULL,
  points integer NOT NULL,
  capped boolean NOT NULL DEFAULT false,
  occurred_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX advocacy_points_once_idx ON advocacy_points (action, source, person_id);
CREATE INDEX advocacy_points_person_idx ON advocacy_points (person_id, action, occurred_at);
CREATE INDEX advocacy_points_time_idx ON advocacy_points (occurred_at);

CREATE TABLE advocacy_badges (
  person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  badge text NOT NULL,
  awarded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, badge)
);

-- How far the points job has read other modules' events (kudos, resolved help requests).
CREATE TABLE advocacy_watermarks (
  source text PRIMARY KEY,
  read_until timestamptz NOT NULL
);

-- The social-media maturity self-assessment (the 3×3 grid; the stage itself is the person's
-- `social_maturity_stage`, which HR import may also set).
CREATE TABLE advocacy_maturity_assessments (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  network_size text NOT NULL CHECK (network_size IN ('small', 'medium', 'large')),
  activity text NOT NULL CHECK (activity IN ('passive', 'engages', 'creates')),
  stage smallint NOT NULL CHECK (stage BETWEEN 1 AND 9),
  answers jsonb NOT NULL DEFAULT '{}',
  assessed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX advocacy_maturity_person_idx ON advocacy_maturity_assessments (person_id, assessed_at DESC);

-- Each day, how many active people are at each stage and how many of them take part: adoption by
-- stage over time (the stage is whatever the directory says that day).
CREATE TABLE advocacy_stage_snapshots (
  day date NOT NULL,
  stage smallint NOT NULL CHECK (stage BETWEEN 0 AND 9),
  people integer NOT NULL,
  participants integer NOT NULL,
  sharers integer NOT NULL,
  PRIMARY KEY (day, stage)
);

-- Onboarding waves: 1 the active and well-connected, then 2 and 3; each invites the people of its
-- stages with a campaign that fits them.
CREATE TABLE advocacy_waves (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  number smallint NOT NULL CHECK (number BETWEEN 1 AND 9),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  stages smallint[] NOT NULL,
  -- An extra rule narrowing the wave (DESIGN §3.2), NULL = everyone at its stages.
  audience jsonb,
  -- The invitation campaign, created when the wave is invited.
  campaign_id bigint REFERENCES campaigns (id) ON DELETE SET NULL,
  -- Content suggested to this wave first, and coaching notes for its stage.
  content_ids bigint[] NOT NULL DEFAULT '{}',
  coaching text NOT NULL DEFAULT '' CHECK (length(coaching) <= 5000),
  planned_for date,
  invited_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE advocacy_participants ADD CONSTRAINT advocacy_participants_wave_fkey FOREIGN KEY (wave_id) REFERENCES advocacy_waves (id) ON DELETE SET NULL;

CREATE TABLE advocacy_wave_members (
  wave_id bigint NOT NULL REFERENCES advocacy_waves (id) ON DELETE CASCADE,
  person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  invited_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (wave_id, person_id)
);
CREATE UNIQUE INDEX advocacy_wave_members_once_idx ON advocacy_wave_members (person_id);

-- Referrals of potential customers or candidates. The referred person's details are kept only with
-- their consent (when and how it was given is recorded); a lost or won referral's contact details
-- are cleared by retention.
CREATE TABLE referrals (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('customer', 'candidate')),
  -- NULL once the referrer is erased (the pipeline's counts stay).
  referrer_id bigint REFERENCES people (id) ON DELETE SET NULL,
  -- The referrer's department at the time, for the dashboard.
  referrer_department text,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  email text CHECK (length(email) <= 320),
  phone text CHECK (length(phone) <= 50),
  company text CHECK (length(company) <= 200),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  consent_at timestamptz NOT NULL,
  consent_method text NOT NULL CHECK (consent_method IN ('verbal', 'written', 'email', 'form')),
  -- The team that works the referral: sales for customers, recruiting for candidates (a department name).
  owner_team text NOT NULL,
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'contacted', 'qualified', 'won', 'lost')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz
);
CREATE INDEX referrals_referrer_idx ON referrals (referrer_id, created_at DESC);
CREATE INDEX referrals_pipeline_idx ON referrals (owner_team, status);

CREATE TABLE referral_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  referral_id bigint NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
  status text NOT NULL,
  -- The account that moved it (NULL for the referrer's own submission or an erased account).
  changed_by bigint,
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX referral_events_referral_idx ON referral_events (referral_id, changed_at);
