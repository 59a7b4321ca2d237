-- 0011 profile text search: "about" and "can help with" are searchable in the person's own
-- language's stemming (Snowball english/german/dutch, else unstemmed), can-help-with above about,
-- so expert search finds people by what they say they know, not only by hashtags. Stored, so
-- ranking thousands of matching profiles reads vectors instead of re-parsing their text.
CREATE FUNCTION people_profile_vector(language text, about text, can_help_with text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector(c.config, coalesce(can_help_with, '')), 'A') || setweight(to_tsvector(c.config, coalesce(about, '')), 'B')
  FROM (SELECT CASE split_part(lower(coalesce(language, '')), '-', 1)
    WHEN 'en' THEN 'english'::regconfig
    WHEN 'de' THEN 'german'::regconfig
    WHEN 'nl' THEN 'dutch'::regconfig
    ELSE 'simple'::regconfig
  END AS config) AS c
$$;
ALTER TABLE people ADD COLUMN profile_search tsvector GENERATED ALWAYS AS (people_profile_vector(language, about, can_help_with)) STORED;
CREATE INDEX people_profile_search_idx ON people USING gin (profile_search);
