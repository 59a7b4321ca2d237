// The only SQL over skill_tags and skill_aliases.
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

export type ResolvedSkill = { tag: string; via: string; aliases: string[] };

/** Canonical tags named by any candidate (as tag or alias), with all their aliases. */
export async function findTagsByForms(db: Executor, candidates: string[]): Promise<ResolvedSkill[]> {
  const result = await sql<ResolvedSkill>`
    WITH hits AS (
      SELECT t.tag, c AS via FROM unnest(${candidates}::text[]) AS c JOIN skill_tags AS t ON t.tag = c
      UNION
      SELECT a.tag, c FROM unnest(${candidates}::text[]) AS c JOIN skill_aliases AS a ON a.alias = c
    )
    SELECT h.tag, min(h.via) AS via, coalesce((SELECT array_agg(a.alias ORDER BY a.alias) FROM skill_aliases AS a WHERE a.tag = h.tag), '{}') AS aliases
    FROM hits AS h GROUP BY h.tag ORDER BY h.tag`.execute(db);
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
