// Read-side SQL over the skill taxonomy (skill_tags, skill_aliases and the skill_forms view):
// seeding, resolving the words of a question, suggestions while typing. Admin writes: skill-admin.queries.ts.
import { sql, type Kysely } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';

type Executor = Kysely<object> | AnyDb;

export type TagRow = { tag: string; en: string; de: string; nl: string; category: string };

export async function upsertTags(db: Executor, tags: TagRow[], aliases: { alias: string; tag: string }[]): Promise<void> {
  await sql`
    INSERT INTO skill_tags (tag, label_en, label_de, label_nl, category)
    SELECT x.tag, x.en, x.de, x.nl, x.category FROM jsonb_to_recordset(${JSON.stringify(tags)}::jsonb) AS x(tag text, en text, de text, nl text, category text)
    ON CONFLICT (tag) DO UPDATE SET label_en = EXCLUDED.label_en, label_de = EXCLUDED.label_de, label_nl = EXCLUDED.label_nl,
      category = EXCLUDED.category, status = 'curated'`.execute(db);
  await sql`
    INSERT INTO skill_aliases (alias, tag)
    SELECT x.alias, x.tag FROM jsonb_to_recordset(${JSON.stringify(aliases)}::jsonb) AS x(alias text, tag text)
    ON CONFLICT (alias) DO UPDATE SET tag = EXCLUDED.tag`.execute(db);
}

export async function hasAnyTag(db: Executor): Promise<boolean> {
  return (await sql`SELECT 1 FROM skill_tags LIMIT 1`.execute(db)).rows.length > 0;
}

export type ResolvedSkill = { tag: string; via: string; aliases: string[]; labels: { en: string; de: string; nl: string } };

/** How a probe met a skill form: the same key, or trigram-similar (a typo candidate to check). */
export type SkillMatchRow = {
  probe: string;
  kind: 'exact' | 'fuzzy';
  tag: string;
  key: string;
  similarity: number;
  aliases: string[];
  label_en: string;
  label_de: string;
  label_nl: string;
};

/** A word to read as a typo: its key, and a length a form it could be a typo of may have. */
export type TypoProbe = { word: string; length: number };

/**
 * In one round trip: skill forms whose key equals a probe (words and the parts of compounds), and
 * the `fuzzyLimit` most trigram-similar forms (pg_trgm `%`) of each typo probe, each with the skill's
 * aliases and labels. Keys are `skill_form_key` values (migration 0008).
 */
export async function findSkillMatches(db: Executor, probes: string[], typos: TypoProbe[], fuzzyLimit: number): Promise<SkillMatchRow[]> {
  const result = await sql<SkillMatchRow>`
    WITH hits AS (
      SELECT DISTINCT c AS probe, 'exact' AS kind, f.tag, f.key, 1::real AS similarity
      FROM unnest(${probes}::text[]) AS c JOIN skill_forms AS f ON f.key = c
      UNION ALL
      -- A typo keeps its first letter and has one of a few lengths (typo-distance.ts): joining on both
      -- compares each form with the few words it could be a typo of, in one pass over the forms,
      -- instead of computing trigram similarity for every pair.
      SELECT DISTINCT c.word, 'fuzzy', f.tag, f.key, similarity(f.key, c.word)
      FROM unnest(${typos.map((t) => t.word)}::text[], ${typos.map((t) => t.length)}::int[]) AS c(word, len)
      JOIN skill_forms AS f ON left(f.key, 1) = left(c.word, 1) AND length(f.key) = c.len
      WHERE f.key % c.word
    ), ranked AS (
      SELECT h.*, row_number() OVER (PARTITION BY h.kind, h.probe ORDER BY h.similarity DESC, h.tag, h.key) AS n FROM hits AS h
    )
    SELECT r.probe, r.kind, r.tag, r.key, r.similarity, t.label_en, t.label_de, t.label_nl,
      coalesce((SELECT array_agg(a.alias ORDER BY a.alias) FROM skill_aliases AS a WHERE a.tag = r.tag), '{}') AS aliases
    FROM ranked AS r JOIN skill_tags AS t ON t.tag = r.tag
    WHERE r.kind = 'exact' OR r.n <= ${fuzzyLimit}
    ORDER BY r.probe, r.kind, r.similarity DESC, r.tag`.execute(db);
  return result.rows;
}

export type SkillSuggestion = { tag: string; label: string; matched: string };

/** Tags whose tag, an alias, or the label in `language` starts with `prefix` (lower-case). */
export async function findTagsByPrefix(db: Executor, prefix: string, language: 'en' | 'de' | 'nl'): Promise<SkillSuggestion[]> {
  const label = sql.ref(`t.label_${language}`);
  const result = await sql<SkillSuggestion>`
    SELECT DISTINCT ON (t.tag) t.tag, ${label} AS label, coalesce(m.matched, t.tag) AS matched
    FROM skill_tags AS t
    LEFT JOIN LATERAL (SELECT a.alias AS matched FROM skill_aliases AS a WHERE a.tag = t.tag AND starts_with(a.alias, ${prefix}) LIMIT 1) AS m ON true
    WHERE starts_with(t.tag, ${prefix}) OR m.matched IS NOT NULL OR starts_with(lower(${label}), ${prefix})
    ORDER BY t.tag`.execute(db);
  return result.rows;
}
