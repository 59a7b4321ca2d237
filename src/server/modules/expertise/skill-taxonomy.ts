// The skill taxonomy: canonical hashtags with en/de/nl labels and aliases. Seeded from the curated
// catalogue; search resolves the words of a question to canonical skills through it, and the
// profile editor suggests from it while people type.
import type { AnyDb } from '../../platform/db/connect.js';
import { SKILL_CATALOGUE } from '../people/index.js';
import * as q from './skill-taxonomy.queries.js';

export type { ResolvedSkill, SkillSuggestion } from './skill-taxonomy.queries.js';

/**
 * Upserts the curated catalogue (idempotent); returns how many skills it holds.
 * @example await seedSkillTaxonomy({ db }); // 315
 */
export async function seedSkillTaxonomy(input: { db: AnyDb }): Promise<number> {
  const tags = SKILL_CATALOGUE.map((s) => ({ tag: s.tag, en: s.labels.en, de: s.labels.de, nl: s.labels.nl, category: s.category }));
  const aliases = SKILL_CATALOGUE.flatMap((s) => s.aliases.filter((a) => a !== s.tag).map((alias) => ({ alias, tag: s.tag })));
  await input.db.transaction().execute((trx) => q.upsertTags(trx, tags, aliases));
  return tags.length;
}

/** Seeds the curated catalogue on a fresh database (every process start asks; only the first seeds). */
export async function ensureSkillTaxonomy(input: { db: AnyDb }): Promise<void> {
  if (!(await q.hasAnyTag(input.db))) await seedSkillTaxonomy(input);
}

/**
 * The canonical skills that candidate hashtags (words and word pairs of a question) name, directly or
 * through an alias, with every alias of each, so people who wrote any form are found.
 * @example await resolveSkills({ db, candidates: ['verhandlungstechnik'] }) // [{ tag: 'negotiation', via: 'verhandlungstechnik', aliases: [...] }]
 */
export async function resolveSkills(input: { db: AnyDb; candidates: string[] }): Promise<q.ResolvedSkill[]> {
  return input.candidates.length === 0 ? [] : q.findTagsByForms(input.db, input.candidates);
}

/** Skills whose tag, alias or label (in `language`) starts with what was typed, canonical tags first. */
export async function suggestSkills(input: { db: AnyDb; prefix: string; language: 'en' | 'de' | 'nl'; limit: number }): Promise<q.SkillSuggestion[]> {
  const prefix = input.prefix.trim().replace(/^#/, '').toLowerCase();
  if (prefix === '') return [];
  const rows = await q.findTagsByPrefix(input.db, prefix, input.language);
  return rows.sort((a, b) => Number(!a.tag.startsWith(prefix)) - Number(!b.tag.startsWith(prefix)) || a.tag.localeCompare(b.tag)).slice(0, input.limit);
}
