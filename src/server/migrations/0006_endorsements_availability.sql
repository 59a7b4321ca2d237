-- 0006 expertise signals: colleagues endorse each other's skills (one endorsement per endorser,
-- person and skill), and people say whether they are available to be asked for help right now.
CREATE TABLE endorsements (
  person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  skill text NOT NULL,
  endorser_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, skill, endorser_id),
  CHECK (person_id <> endorser_id)
);

CREATE TABLE expert_availability (
  person_id bigint PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
  available boolean NOT NULL,
  note text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
