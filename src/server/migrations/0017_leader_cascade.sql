-- 0017 leader cascade (issue 9, DESIGN §3.3): leaders in a campaign's audience are briefed first and
-- release the message to their own team, or it is released for them at the deadline. A team
-- member's delivery waits in the new state 'held', naming the leader it waits for; one row per
-- (campaign, leader) keeps what the communicator is shown: briefed (their briefing delivery, step
-- -1), viewed, released, by whom, on time, and the leader's own draft.
ALTER TABLE deliveries DROP CONSTRAINT deliveries_state_check;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_state_check
  CHECK (state IN ('held', 'queued', 'sending', 'sent', 'failed', 'bounced', 'suppressed'));
-- The nearest leader in the audience this delivery waits for (step 0 of a cascade only).
ALTER TABLE deliveries ADD COLUMN leader_person_id bigint REFERENCES people (id) ON DELETE SET NULL;
CREATE INDEX deliveries_held_idx ON deliveries (campaign_id, leader_person_id) WHERE state = 'held';
CREATE INDEX deliveries_leader_idx ON deliveries (leader_person_id) WHERE leader_person_id IS NOT NULL;

CREATE TABLE cascade_leaders (
  campaign_id bigint NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  -- People whose nearest leader in the audience this is, at the fan-out.
  team_size integer NOT NULL,
  -- The campaign's cascade deadline, copied at the fan-out (a sent campaign does not change).
  deadline timestamptz NOT NULL,
  viewed_at timestamptz,
  -- {"<variant>": {"<language>": {"subject", "body"}}}: the leader's edits; the communicator's text elsewhere.
  draft jsonb NOT NULL DEFAULT '{}',
  draft_saved_at timestamptz,
  released_at timestamptz,
  released_by text CHECK (released_by IN ('leader', 'deadline')),
  on_time boolean,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign_id, person_id),
  CHECK ((released_at IS NULL) = (released_by IS NULL))
);
CREATE INDEX cascade_leaders_person_idx ON cascade_leaders (person_id, campaign_id DESC);
CREATE INDEX cascade_leaders_open_idx ON cascade_leaders (deadline) WHERE released_at IS NULL;
