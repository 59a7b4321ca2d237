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
  const matches = f.text === null
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
  await sql`INSERT INTO skill_aliases (alias, tag) SELECT x, ${tag} FROM unnest(${aliases}::text[]) AS x ON CONFLICT (alias) DO UPDATE SET tag = EXCLUDED.tag`.execute(db);
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

/**
 * The `limit` skills most similar (pg_trgm) to each probe by tag, alias or label, above pg_trgm's
 * similarity threshold. The trigram indexes answer each probe; a sequential scan per probe would
 * compute similarity against every form, so this runs with sequential scans priced out.
 */
export async function findNeighbours(db: AnyDb, probes: string[], limit: number): Promise<Neighbour[]> {
  if (probes.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(trx);
    const result = await sql<Neighbour>`
      SELECT c AS probe, n.tag, n.matched, n.similarity FROM unnest(${probes}::text[]) AS c
      CROSS JOIN LATERAL (
        SELECT DISTINCT ON (m.tag) m.tag, m.form AS matched, m.similarity FROM (
          SELECT f.tag, f.form, similarity(f.key, skill_form_key(c)) AS similarity FROM skill_forms AS f WHERE f.key % skill_form_key(c)
        ) AS m ORDER BY m.tag, m.similarity DESC
      ) AS n`.execute(trx);
    const byProbe = new Map<string, Neighbour[]>();
    for (const r of result.rows) byProbe.set(r.probe, [...(byProbe.get(r.probe) ?? []), r]);
    return [...byProbe.values()].flatMap((list) => list.sort((a, b) => b.similarity - a.similarity || a.tag.localeCompare(b.tag)).slice(0, limit));
  });
}

export type AuditInput = { action: 'approve' | 'alias' | 'merge' | 'edit' | 'ignore'; tag: string; target: string | null; detail: Record<string, unknown>; actor: { kind: 'user' | 'token'; id: number; name: string } };

export async function insertAudit(db: AnyDb, e: AuditInput): Promise<void> {
  await sql`INSERT INTO skill_taxonomy_audit (action, tag, target, detail, actor_kind, actor_id, actor_name)
    VALUES (${e.action}, ${e.tag}, ${e.target}, ${JSON.stringify(e.detail)}::jsonb, ${e.actor.kind}, ${e.actor.id}, ${e.actor.name})`.execute(db);
}

export type AuditRow = { id: number; action: AuditInput['action']; tag: string; target: string | null; detail: Record<string, unknown>; actor_kind: 'user' | 'token'; actor_id: number; actor_name: string; created_at: Date };

/** The newest audit entries, those about `tag` (as subject or target) when given. */
export async function listAudit(db: AnyDb, tag: string | null, limit: number): Promise<AuditRow[]> {
  const result = await sql<AuditRow>`
    SELECT id, action, tag, target, detail, actor_kind, actor_id, actor_name, created_at FROM skill_taxonomy_audit
    WHERE ${tag}::text IS NULL OR tag = ${tag}::text OR target = ${tag}::text
    ORDER BY created_at DESC, id DESC LIMIT ${limit}`.execute(db);
  return result.rows;
}
