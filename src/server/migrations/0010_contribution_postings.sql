-- 0010 contribution postings: an inverted index of contributions kept as rows (lexeme, newest first,
-- term frequency), so expert search reads a bounded slice of each query term's postings by index range
-- instead of fetching matching contributions and unnesting their search vectors (ADR 0009). Statement
-- triggers keep it in step with `contributions.search` whatever writes a contribution (import, posts,
-- resolved help requests); deleting a contribution deletes its postings.
CREATE TABLE contribution_postings (
  lexeme text NOT NULL,
  created_at timestamptz NOT NULL,
  contribution_id bigint NOT NULL REFERENCES contributions (id) ON DELETE CASCADE,
  -- Occurrences in the contribution; title and tag occurrences (weight A) count twice.
  tf real NOT NULL,
  -- The contribution's length in lexemes, for BM25's length normalisation without a join.
  doc_length integer NOT NULL,
  PRIMARY KEY (lexeme, created_at, contribution_id)
);
CREATE INDEX contribution_postings_contribution_idx ON contribution_postings (contribution_id);

CREATE FUNCTION contribution_postings_of(c_id bigint, c_created_at timestamptz, c_search tsvector)
RETURNS TABLE (lexeme text, created_at timestamptz, contribution_id bigint, tf real, doc_length integer)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT x.lexeme, c_created_at, c_id,
    (SELECT count(*) + count(*) FILTER (WHERE w = 'A') FROM unnest(x.weights) AS w)::real, length(c_search)
  FROM unnest(c_search) AS x
$$;

CREATE FUNCTION contribution_postings_after_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO contribution_postings (lexeme, created_at, contribution_id, tf, doc_length)
  SELECT p.* FROM inserted AS c CROSS JOIN LATERAL contribution_postings_of(c.id, c.created_at, c.search) AS p;
  RETURN NULL;
END
$$;

CREATE FUNCTION contribution_postings_after_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM contribution_postings AS p USING updated AS c WHERE p.contribution_id = c.id;
  INSERT INTO contribution_postings (lexeme, created_at, contribution_id, tf, doc_length)
  SELECT p.* FROM updated AS c CROSS JOIN LATERAL contribution_postings_of(c.id, c.created_at, c.search) AS p;
  RETURN NULL;
END
$$;

CREATE TRIGGER contribution_postings_insert AFTER INSERT ON contributions
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION contribution_postings_after_insert();
CREATE TRIGGER contribution_postings_update AFTER UPDATE ON contributions
  REFERENCING NEW TABLE AS updated FOR EACH STATEMENT EXECUTE FUNCTION contribution_postings_after_update();

INSERT INTO contribution_postings (lexeme, created_at, contribution_id, tf, doc_length)
SELECT p.* FROM contributions AS c CROSS JOIN LATERAL contribution_postings_of(c.id, c.created_at, c.search) AS p;
