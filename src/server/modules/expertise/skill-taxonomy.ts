// The skill taxonomy: canonical hashtags with en/de/nl labels and aliases. Seeded from the curated
// catalogue; search resolves the words of a question to canonical skills through it, and the
// profile editor suggests from it while people type.
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import { SKILL_CATALOGUE } from '../people/index.js';

/**
 * Upserts the curated catalogue (idempotent); returns how many skills it holds.
 * @example await seedSkillTaxonomy({ db }); // 315
 */
export async function seedSkillTaxonomy(input: { db: AnyDb }): Promise<number> {
  const tags = SKILL_CATALOGUE.map((s) => ({ tag: s.tag, en: s.labels.en, de: s.labels.de, nl: s.labels.nl, category: s.category }));
  const aliases = SKILL_CATALOGUE.flatMap((s) => s.aliases.filter((a) => a !== s.tag).map((alias) => ({ alias, tag: s.tag })));
  await input.db.transaction().execute(async (trx) => {
    await sql`
      INSERT INTO skill_tags (tag, label_en, label_de, label_nl, category)
      SELECT x.tag, x.en, x.de, x.nl, x.category FROM jsonb_to_recordset(${JSON.stringify(tags)}::jsonb) AS x(tag text, en text, de text, nl text, category text)
      ON CONFLICT (tag) DO UPDATE SET label_en = EXCLUDED.label_en, label_de = EXCLUDED.label_de, label_nl = EXCLUDED.label_nl,
        category = EXCLUDED.category, status = 'curated'`.execute(trx);
    await sql`
      INSERT INTO skill_aliases (alias, tag)
      SELECT x.alias, x.tag FROM jsonb_to_recordset(${JSON.stringify(aliases)}::jsonb) AS x(alias text, tag text)
      ON CONFLICT (alias) DO UPDATE SET tag = EXCLUDED.tag`.execute(trx);
  });
  return tags.length;
}

/** Seeds the curated catalogue on a fresh database (every process start asks; only the first seeds). */
export async function ensureSkillTaxonomy(input: { db: AnyDb }): Promise<void> {
  const any = await sql`SELECT 1 FROM skill_tags LIMIT 1`.execute(input.db);
  if (any.rows.length === 0) await seedSkillTaxonomy(input);
}

export type ResolvedSkill = { tag: string; via: string; aliases: string[] };

/**
 * The canonical skills that candidate hashtags (words and word pairs of a question) name, directly or
 * through an alias, with every alias of each, so people who wrote any form are found.
 * @example await resolveSkills({ db, candidates: ['verhandlungstechnik'] }) // [{ tag: 'negotiation', via: 'verhandlungstechnik', aliases: [...] }]
 */
export async function resolveSkills(input: { db: AnyDb; candidates: string[] }): Promise<ResolvedSkill[]> {
  if (input.candidates.length === 0) return [];
  const result = await sql<ResolvedSkill>`
    WITH hits AS (
      SELECT t.tag, c AS via FROM unnest(${input.candidates}::text[]) AS c JOIN skill_tags AS t ON t.tag = c
      UNION
      SELECT a.tag, c FROM unnest(${input.candidates}::text[]) AS c JOIN skill_aliases AS a ON a.alias = c
    )
    SELECT h.tag, min(h.via) AS via, coalesce((SELECT array_agg(a.alias ORDER BY a.alias) FROM skill_aliases AS a WHERE a.tag = h.tag), '{}') AS aliases
    FROM hits AS h GROUP BY h.tag ORDER BY h.tag`.execute(input.db);
  return result.rows;
}

export type SkillSuggestion = { tag: string; label: string; matched: string };

/** Skills whose tag, alias or label (in `language`) starts with what was typed, canonical tags first. */
export async function suggestSkills(input: { db: AnyDb; prefix: string; language: 'en' | 'de' | 'nl'; limit: number }): Promise<SkillSuggestion[]> {
  const prefix = input.prefix.trim().replace(/^#/, '').toLowerCase();
  if (prefix === '') return [];
  const label = sql.ref(`t.label_${input.language}`);
  const result = await sql<SkillSuggestion>`
    SELECT DISTINCT ON (t.tag) t.tag, ${label} AS label, coalesce(m.matched, t.tag) AS matched
    FROM skill_tags AS t
    LEFT JOIN LATERAL (SELECT a.alias AS matched FROM skill_aliases AS a WHERE a.tag = t.tag AND starts_with(a.alias, ${prefix}) LIMIT 1) AS m ON true
    WHERE starts_with(t.tag, ${prefix}) OR m.matched IS NOT NULL OR starts_with(lower(${label}), ${prefix})
    ORDER BY t.tag`.execute(input.db);
  return result.rows.sort((a, b) => Number(!a.tag.startsWith(prefix)) - Number(!b.tag.startsWith(prefix)) || a.tag.localeCompare(b.tag)).slice(0, input.limit);
}
