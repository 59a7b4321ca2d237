-- 0005 skill taxonomy: canonical skill hashtags with labels in en/de/nl and the aliases that mean
-- the same (German compounds, Dutch forms, synonyms), so search maps "tabellenkalkulation" to #excel
-- and free-typed hashtags can be reviewed and merged instead of decaying into near-duplicates.
CREATE TABLE skill_tags (
  tag text PRIMARY KEY,
  label_en text NOT NULL,
  label_de text NOT NULL,
  label_nl text NOT NULL,
  category text,
  status text NOT NULL DEFAULT 'curated' CHECK (status IN ('curated', 'suggested')),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE skill_aliases (
  alias text PRIMARY KEY,
  tag text NOT NULL REFERENCES skill_tags (tag) ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX skill_aliases_tag_idx ON skill_aliases (tag);
