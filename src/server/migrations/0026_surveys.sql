-- 0026 surveys and quizzes (issue 11, DESIGN §3.8, ADR 0027): a SurveyJS definition with an audience,
-- optional pass mark (a quiz), campaign and repeat schedule (a pulse). Who has answered is kept apart
-- from what was answered: `survey_respondents` holds (survey, round, person) and nothing else, and an
-- anonymous survey's answers sit in `anonymous_survey_responses`, a table with no column that names a
-- person, no precise time (only the day) and a random id, so neither a join nor an order leads from
-- an answer to its author. Identified answers (a survey that is not anonymous) keep the person.
CREATE TABLE surveys (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title text NOT NULL,
  kind text NOT NULL DEFAULT 'survey' CHECK (kind IN ('survey', 'quiz', 'pulse', 'enps')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('draft', 'open', 'closed')),
  definition jsonb NOT NULL,
  anonymous boolean NOT NULL,
  audience jsonb NOT NULL,
  -- The person fields kept with each answer, chosen before the survey opens (never changed after).
  segment_keys text[] NOT NULL DEFAULT '{}',
  pass_mark numeric CHECK (pass_mark >= 0 AND pass_mark <= 1),
  campaign_id bigint REFERENCES campaigns (id) ON DELETE SET NULL,
  -- {"every": "week"|"month", "starts_at", "until"?, "reminder_after_hours"?}; null for a one-off survey.
  schedule jsonb,
  closes_at timestamptz,
  created_by_user_id bigint REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX surveys_updated_idx ON surveys (updated_at DESC, id DESC);
CREATE INDEX surveys_campaign_idx ON surveys (campaign_id) WHERE campaign_id IS NOT NULL;

-- A one-off survey has round 1; a pulse opens round n+1 on its schedule. A round may have the
-- campaign that invited to it (and whose follow-up reminds those who have not answered).
CREATE TABLE survey_rounds (
  survey_id bigint NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
  round integer NOT NULL CHECK (round >= 1),
  opens_at timestamptz NOT NULL,
  closes_at timestamptz,
  campaign_id bigint REFERENCES campaigns (id) ON DELETE SET NULL,
  reminded_at timestamptz,
  PRIMARY KEY (survey_id, round)
);

-- Who has answered a round: one answer per person and round, enforced here. No time and no link to
-- the answer: this list may be read to remind, never to find what someone answered.
CREATE TABLE survey_respondents (
  survey_id bigint NOT NULL,
  round integer NOT NULL,
  person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  PRIMARY KEY (survey_id, round, person_id),
  FOREIGN KEY (survey_id, round) REFERENCES survey_rounds (survey_id, round) ON DELETE CASCADE
);
CREATE INDEX survey_respondents_person_idx ON survey_respondents (person_id);

-- What was answered in a survey that is not anonymous: the person is known (and erasure removes it).
CREATE TABLE survey_responses (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  survey_id bigint NOT NULL,
  round integer NOT NULL,
  person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  answers jsonb NOT NULL,
  -- The chosen segment keys' values when the person answered, e.g. {"generation": "gen_x"}.
  segment jsonb NOT NULL DEFAULT '{}',
  -- Quiz: right answers, quiz questions, and whether the pass mark was reached.
  correct integer,
  questions integer,
  passed boolean,
  -- A quiz that was failed may be taken again (the reminder is for that): the latest attempt is kept.
  attempts integer NOT NULL DEFAULT 1 CHECK (attempts >= 1),
  submitted_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (survey_id, round, person_id),
  FOREIGN KEY (survey_id, round) REFERENCES survey_rounds (survey_id, round) ON DELETE CASCADE
);

-- What was answered in an anonymous survey: no person, no user, no precise time, a random id.
CREATE TABLE anonymous_survey_responses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  survey_id bigint NOT NULL,
  round integer NOT NULL,
  answers jsonb NOT NULL,
  segment jsonb NOT NULL DEFAULT '{}',
  correct integer,
  questions integer,
  passed boolean,
  submitted_on date NOT NULL DEFAULT current_date,
  FOREIGN KEY (survey_id, round) REFERENCES survey_rounds (survey_id, round) ON DELETE CASCADE
);
CREATE INDEX anonymous_survey_responses_survey_idx ON anonymous_survey_responses (survey_id, round);
