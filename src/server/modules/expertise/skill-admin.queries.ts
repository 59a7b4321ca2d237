// Admin SQL over the skill taxonomy: listing and editing skills, moving aliases in a merge, the
// endorsements a merge rewrites, ignored new tags, trigram neighbours for review, and the audit.
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';

export type SkillRow = { tag: string; label_en: string; label_de: string; label_nl: string; category: string | null; aliases: string[] };

const selectSkill = sql`
  SELECT t.tag, t.label_en, t.label_de, t.label_nl, t.category,
    coalesce((SELECT array_agg(a.alias ORDER BY a.alias) FROM skill_aliases AS a WHERE a.tag = t.tag), '{}') AS aliases
  FROM skill_tags AS t`;

/** A page of skills by tag after `after`, those whose tag, an alias or a label contains `text`. */
export async function listSkills(db: AnyDb, f: { text: string | null; after: string | null; limit: number }): Promise<SkillRow[]> {
  const matches =
    f.text === null
      ? sql`true`
      : sql`(strpos(t.tag, ${f.text}) > 0 OR strpos(lower(t.label_en || ' ' || t.label_de || ' ' || t.label_nl), ${f.text}) > 0
        OR EXISTS (SELECT 1 FROM skill_aliases AS a WHERE a.tag = t.tag AND strpos(a.alias, ${f.text}) > 0))`;
  const result = await sql<SkillRow>`${selectSkill}
    WHERE ${matches} AND (${f.after}::text IS NULL OR t.tag > ${f.after}::text)
    ORDER BY t.tag LIMIT ${f.limit}`.execute(db);
  return result.rows;
}

/** One skill; `lock` takes a row lock so concurrent merges and edits of it queue. */
export async function findSkill(db: AnyDb, tag: string, lock = false): Promise<SkillRow | undefined> {
  const result = await sql<SkillRow>`${selectSkill} WHERE t.tag = ${tag} ${lock ? sql`FOR UPDATE` : sql``}`.execute(db);
  return result.rows[0];
}

/** Which skill already owns each of `forms` as its tag or an alias. */
export async function findFormOwners(db: AnyDb, forms: string[]): Promise<{ form: string; tag: string; kind: 'tag' | 'alias' }[]> {
  if (forms.length === 0) return [];
  const result = await sql<{ form: string; tag: string; kind: 'tag' | 'alias' }>`
    SELECT t.tag AS form, t.tag, 'tag' AS kind FROM skill_tags AS t WHERE t.tag = ANY(${forms}::text[])
    UNION ALL
    SELECT a.alias, a.tag, 'alias' FROM skill_aliases AS a WHERE a.alias = ANY(${forms}::text[])`.execute(db);
  return result.rows;
}

export async function insertSkill(db: AnyDb, s: { tag: string; en: string; de: string; nl: string; category: string | null }): Promise<void> {
  await sql`INSERT INTO skill_tags (tag, label_en, label_de, label_nl, category) VALUES (${s.tag}, ${s.en}, ${s.de}, ${s.nl}, ${s.category})`.execute(db);
}

export async function updateSkill(db: AnyDb, tag: string, s: { en: string; de: string; nl: string; category: string | null }): Promise<void> {
  await sql`UPDATE skill_tags SET label_en = ${s.en}, label_de = ${s.de}, label_nl = ${s.nl}, category = ${s.category} WHERE tag = ${tag}`.execute(db);
}

/** Makes `aliases` the skill's complete alias list. */
export async function replaceAliases(db: AnyDb, tag: string, aliases: string[]): Promise<void> {
  await sql`DELETE FROM skill_aliases WHERE tag = ${tag} AND NOT (alias = ANY(${aliases}::text[]))`.execute(db);
  await addAliases(db, tag, aliases);
}

export async function addAliases(db: AnyDb, tag: string, aliases: string[]): Promise<void> {
  if (aliases.length === 0) return;
  await sql`INSERT INTO skill_aliases (alias, tag) SELECT x, ${tag} FROM unnest(${aliases}::text[]) AS x ON CONFLICT (alias) DO UPDATE SET tag = EXCLUDED.tag`.execute(
    db,
  );
}

/** `from`'s aliases move to `into`, `from` itself becomes an alias of it, and the skill `from` goes. */
export async function mergeSkillInto(db: AnyDb, from: string, into: string): Promise<void> {
  await sql`UPDATE skill_aliases SET tag = ${into} WHERE tag = ${from}`.execute(db);
  await addAliases(db, into, [from]);
  await sql`DELETE FROM skill_tags WHERE tag = ${from}`.execute(db);
}

/** Endorsements of `from` become endorsements of `to` (one per endorser, the earliest date kept). */
export async function rewriteEndorsements(db: AnyDb, from: string, to: string): Promise<number> {
  await sql`
    INSERT INTO endorsements (person_id, skill, endorser_id, created_at)
    SELECT person_id, ${to}, endorser_id, min(created_at) FROM endorsements WHERE skill = ${from} GROUP BY person_id, endorser_id
    ON CONFLICT (person_id, skill, endorser_id) DO UPDATE SET created_at = least(endorsements.created_at, EXCLUDED.created_at)`.execute(db);
  const result = await sql`DELETE FROM endorsements WHERE skill = ${from}`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

export async function listIgnored(db: AnyDb): Promise<Set<string>> {
  return new Set((await sql<{ tag: string }>`SELECT tag FROM skill_tags_ignored`.execute(db)).rows.map((r) => r.tag));
}

export async function insertIgnored(db: AnyDb, tag: string): Promise<boolean> {
  const result = await sql`INSERT INTO skill_tags_ignored (tag) VALUES (${tag}) ON CONFLICT DO NOTHING`.execute(db);
  return (result.numAffectedRows ?? 0n) > 0n;
}

export async function deleteIgnored(db: AnyDb, tags: string[]): Promise<void> {
  await sql`DELETE FROM skill_tags_ignored WHERE tag = ANY(${tags}::text[])`.execute(db);
}

/** Of `tags`, those that are neither the tag nor an alias of a skill. */
export async function findUnknownTags(db: AnyDb, tags: string[]): Promise<string[]> {
  if (tags.length === 0) return [];
  const result = await sql<{ tag: string }>`
    SELECT c AS tag FROM unnest(${tags}::text[]) AS c
    WHERE NOT EXISTS (SELECT 1 FROM skill_tags AS t WHERE t.tag = c) AND NOT EXISTS (SELECT 1 FROM skill_aliases AS a WHERE a.alias = c)`.execute(db);
  return result.rows.map((r) => r.tag);
}

export type Neighbour = { probe: string; tag: string; matched: string; similarity: number };

/** pg_trgm's default `%` threshold: below it, a form is not a neighbour. */
const NEIGHBOUR_SIMILARITY = 0.3;

/**
 * The `limit` skills most similar to each probe by tag, alias or label: pg_trgm similarity (shared
 * distinct trigrams over all distinct trigrams of both keys), computed set-wise from `show_trgm` by
 * joining the probes' trigrams with the forms' trigrams, so only pairs that share a trigram are
 * counted at all. Probing the trigram index once per probe was ten times slower for a page of 100.
 */
export async function findNeighbours(db: AnyDb, probes: string[], limit: number): Promise<Neighbour[]> {
  if (probes.length === 0) return [];
  const result = await sql<Neighbour>`
    WITH p AS MATERIALIZED (SELECT c AS probe, show_trgm(skill_form_key(c)) AS g FROM unnest(${probes}::text[]) AS c),
    pt AS MATERIALIZED (SELECT p.probe, cardinality(p.g) AS n, t FROM p CROSS JOIN LATERAL unnest(p.g) AS t),
    f AS MATERIALIZED (SELECT DISTINCT tag, form, show_trgm(key) AS g FROM skill_forms),
    ft AS MATERIALIZED (SELECT f.tag, f.form, cardinality(f.g) AS n, t FROM f CROSS JOIN LATERAL unnest(f.g) AS t),
    pairs AS (
      SELECT pt.probe, ft.tag, ft.form, count(*) AS shared, min(pt.n) AS np, min(ft.n) AS nf
      FROM pt JOIN ft ON ft.t = pt.t GROUP BY pt.probe, ft.tag, ft.form
    ), scored AS (
      SELECT probe, tag, form AS matched, (shared::real / (np + nf - shared)) AS similarity FROM pairs
    ), best AS (
      SELECT DISTINCT ON (probe, tag) probe, tag, matched, similarity FROM scored
      WHERE similarity >= ${NEIGHBOUR_SIMILARITY} ORDER BY probe, tag, similarity DESC, matched
    )
    SELECT probe, tag, matched, similarity FROM (
      SELECT b.*, row_number() OVER (PARTITION BY probe ORDER BY similarity DESC, tag) AS n FROM best AS b
    ) AS ranked WHERE n <= ${limit} ORDER BY probe, similarity DESC, tag`.execute(db);
  return result.rows;
}

export type AuditInput = {
  action: 'approve' | 'alias' | 'merge' | 'edit' | 'ignore';
  tag: string;
  target: string | null;
  detail: Record<string, unknown>;
  actor: { kind: 'user' | 'token'; id: number; name: string };
};

export async function insertAudit(db: AnyDb, e: AuditInput): Promise<void> {
  await sql`INSERT INTO skill_taxonomy_audit (action, tag, target, detail, actor_kind, actor_id, actor_name)
    VALUES (${e.action}, ${e.tag}, ${e.target}, ${JSON.stringify(e.detail)}::jsonb, ${e.actor.kind}, ${e.actor.id}, ${e.actor.name})`.execute(db);
}

export type AuditRow = {
  id: number;
  action: AuditInput['action'];
  tag: string;
  target: string | null;
  detail: Record<string, unknown>;
  actor_kind: 'user' | 'token';
  actor_id: number;
  actor_name: string;
  created_at: Date;
};

/** The newest audit entries, those about `tag` (as subject or target) when given. */
export async function listAudit(db: AnyDb, tag: string | null, limit: number): Promise<AuditRow[]> {
  const result = await sql<AuditRow>`
    SELECT id, action, tag, target, detail, actor_kind, actor_id, actor_name, created_at FROM skill_taxonomy_audit
    WHERE ${tag}::text IS NULL OR tag = ${tag}::text OR target = ${tag}::text
    ORDER BY created_at DESC, id DESC LIMIT ${limit}`.execute(db);
  return result.rows;
}
