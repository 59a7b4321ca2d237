// The skill taxonomy: canonical hashtags with en/de/nl labels and aliases. Seeded from the curated
// catalogue; search resolves the words of a question to canonical skills through it, and the
// profile editor suggests from it while people type. Words resolve exactly, as parts of compounds, or
// as typos (docs/adr/0010-fuzzy-and-compound-skill-resolution.md).
import type { AnyDb } from '../../platform/db/connect.js';
import { SKILL_CATALOGUE } from '../people/index.js';
import * as q from './skill-taxonomy.queries.js';
import { compoundProbes, findCompoundParts } from './split-compound.js';
import { typoDistance, typoLengths } from './typo-distance.js';

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

/** The key the database compares (`skill_form_key` of migration 0008): lower-case, no spaces, hyphens or underscores. */
export const formKey = (form: string): string => form.toLowerCase().replace(/[\s_-]+/g, '');

/** Upper bounds that keep resolution one cheap statement however long the question is. */
const MAX_FUZZY_WORDS = 40;
const MAX_PROBES = 4000;
const FUZZY_PER_WORD = 5;

export type SkillWordMatch = {
  tag: string;
  via: string;
  aliases: string[];
  labels: { en: string; de: string; nl: string };
  form: string;
  kind: 'exact' | 'compound' | 'typo';
};

/**
 * Skills each candidate names, in one statement: exactly (tag, alias or label, ignoring case, spaces
 * and hyphens), else as parts of a German or Dutch compound, else as a typo (trigram candidates,
 * checked by edit distance). A candidate that names a skill exactly is never also read as a typo.
 */
export async function matchSkillWords(db: AnyDb, candidates: string[], maxTypoWords = MAX_FUZZY_WORDS): Promise<SkillWordMatch[]> {
  const keys = [...new Set(candidates.map(formKey).filter((k) => k !== ''))];
  const viaOf = new Map<string, string>();
  for (const c of [...candidates].sort()) if (!viaOf.has(formKey(c))) viaOf.set(formKey(c), c);
  const splittable = keys.filter((k) => /^[\p{L}\p{N}]+$/u.test(k) && !/[-_\s]/.test(viaOf.get(k) ?? ''));
  const probes = new Set(keys);
  for (const k of splittable) for (const p of compoundProbes(k)) if (probes.size < MAX_PROBES) probes.add(p);
  const typos = keys.slice(0, maxTypoWords).flatMap((word) => typoLengths(word).map((length) => ({ word, length })));
  const rows = await q.findSkillMatches(db, [...probes], typos, FUZZY_PER_WORD);

  const exact = new Map<string, q.SkillMatchRow[]>();
  const similar = new Map<string, q.SkillMatchRow[]>();
  for (const r of rows) {
    const into = r.kind === 'exact' ? exact : similar;
    into.set(r.probe, [...(into.get(r.probe) ?? []), r]);
  }
  const present = (r: q.SkillMatchRow, via: string, kind: SkillWordMatch['kind']): SkillWordMatch => ({
    tag: r.tag,
    via,
    aliases: r.aliases,
    labels: { en: r.label_en, de: r.label_de, nl: r.label_nl },
    form: r.key,
    kind,
  });
  const matches: SkillWordMatch[] = [];
  const known = new Set(exact.keys());
  for (const key of keys) {
    const via = viaOf.get(key)!;
    const direct = exact.get(key);
    if (direct) {
      matches.push(...direct.map((r) => present(r, via, 'exact')));
      continue;
    }
    const parts = splittable.includes(key) ? findCompoundParts(key, known) : [];
    if (parts.length > 0) {
      matches.push(...parts.flatMap((part) => exact.get(part)!.map((r) => present(r, via, 'compound'))));
      continue;
    }
    const close = (similar.get(key) ?? []).map((r) => ({ r, d: typoDistance(key, r.key) })).filter((x): x is { r: q.SkillMatchRow; d: number } => x.d !== null);
    const best = Math.min(...close.map((x) => x.d));
    matches.push(...close.filter((x) => x.d === best).map((x) => present(x.r, via, 'typo')));
  }
  return matches;
}

/**
 * The canonical skills that candidate hashtags (words and word pairs of a question) name, directly,
 * through an alias or label, as part of a compound ("verhandlungstechniken") or misspelt ("exel"),
 * with every alias of each, so people who wrote any form are found. One round trip.
 * @example await resolveSkills({ db, candidates: ['verhandlungstechniken'] }) // [{ tag: 'negotiation', via: 'verhandlungstechniken', aliases: [...] }]
 */
export async function resolveSkills(input: { db: AnyDb; candidates: string[] }): Promise<q.ResolvedSkill[]> {
  if (input.candidates.length === 0) return [];
  const byTag = new Map<string, q.ResolvedSkill>();
  for (const m of await matchSkillWords(input.db, input.candidates)) {
    const seen = byTag.get(m.tag);
    if (!seen || m.via < seen.via) byTag.set(m.tag, { tag: m.tag, via: m.via, aliases: m.aliases, labels: m.labels });
  }
  return [...byTag.values()].sort((a, b) => a.tag.localeCompare(b.tag));
}

/**
 * Skills whose tag, alias or label (in `language`) starts with what was typed, canonical tags first;
 * then, when that leaves room, the skills what was typed names otherwise (label without spaces, compound, typo).
 * @example await suggestSkills({ db, prefix: 'exel', language: 'de', limit: 5 }) // [{ tag: 'excel', label: 'Excel', matched: 'excel' }]
 */
export async function suggestSkills(input: { db: AnyDb; prefix: string; language: 'en' | 'de' | 'nl'; limit: number }): Promise<q.SkillSuggestion[]> {
  const prefix = input.prefix.trim().replace(/^#/, '').toLowerCase();
  if (prefix === '') return [];
  const [rows, fuzzy] = await Promise.all([
    q.findTagsByPrefix(input.db, prefix, input.language),
    formKey(prefix).length >= 4 ? matchSkillWords(input.db, [prefix]) : Promise.resolve([]),
  ]);
  const byPrefix = rows.sort((a, b) => Number(!a.tag.startsWith(prefix)) - Number(!b.tag.startsWith(prefix)) || a.tag.localeCompare(b.tag));
  const seen = new Set(byPrefix.map((r) => r.tag));
  const more = fuzzy.filter((m) => !seen.has(m.tag) && seen.add(m.tag)).map((m) => ({ tag: m.tag, label: m.labels[input.language], matched: m.form }));
  return [...byPrefix, ...more].slice(0, input.limit);
}
