-- A/B tests of subject lines inside a variant (ADR 0021): the variant's test settings, which subject
-- line each e-mail delivery got, and each test's decision with the figures it was made on.
ALTER TABLE campaign_variants ADD COLUMN subject_test jsonb;

-- 0: the content's own subject; 1, 2, 3: the test's alternatives. Null on deliveries outside a test.
ALTER TABLE deliveries ADD COLUMN subject_option smallint;

CREATE TABLE subject_tests (
  campaign_id bigint NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  variant_key text NOT NULL,
  share_percent integer NOT NULL,
  -- The rest of the variant's recipients wait until then; the first sender to reach them decides.
  decide_at timestamptz NOT NULL,
  decided_at timestamptz,
  winner smallint,
  decision text CHECK (decision IN ('higher_open_rate', 'no_signal', 'tie')),
  -- [{option, sent, unique_opens}] as counted when deciding.
  figures jsonb,
  PRIMARY KEY (campaign_id, variant_key)
);
