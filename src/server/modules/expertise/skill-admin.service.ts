// Curating the skill taxonomy: list skills with how many people use them, approve a tag as a skill,
// edit labels and aliases, and make a free-typed tag an alias. Every change is audited with who made
// it. Merging two skills is in merge-skill.ts; the review of new tags in list-new-tags.ts.
import type { AnyDb } from '../../platform/db/connect.js';
import { AppError, coded, fieldProblem, notFound } from '../../platform/http/app-error.js';
import type { FieldProblem } from '../../platform/http/app-error.js';
import type { Skill, SkillCreate, SkillsPage, SkillUpdate } from '../../../shared/skills.js';
import { skillCreateSchema, skillUpdateSchema } from '../../../shared/skills.js';
import { countProfileHashtags, replaceProfileHashtags } from '../people/index.js';
import * as q from './skill-admin.queries.js';

/** Who changed the taxonomy, as the audit keeps it. */
export type SkillActor = q.AuditInput['actor'];

/** A skill row as the API answers, with how many people list its tag. */
export function presentSkill(row: q.SkillRow, people: number): Skill {
  return { tag: row.tag, labels: { en: row.label_en, de: row.label_de, nl: row.label_nl }, aliases: row.aliases, category: row.category, people };
}

export async function presentSkills(db: AnyDb, rows: q.SkillRow[]): Promise<Skill[]> {
  const counts = await countProfileHashtags({ db, tags: rows.map((r) => r.tag) });
  return rows.map((r) => presentSkill(r, counts.get(r.tag) ?? 0));
}

/** The skill `tag` with a row lock inside a transaction, or a 404. */
export async function lockedSkill(db: AnyDb, tag: string): Promise<q.SkillRow> {
  const row = await q.findSkill(db, tag, true);
  if (!row) throw notFound(`the skill #${tag}`, coded('skills.not_found', { tag }));
  return row;
}

/** Refuses forms another skill already owns (as tag or alias), naming the input field at fault. */
async function assertFormsFree(db: AnyDb, forms: { form: string; pointer: string }[], owner: string | null): Promise<void> {
  const taken = (
    await q.findFormOwners(
      db,
      forms.map((f) => f.form),
    )
  ).filter((o) => o.tag !== owner);
  if (taken.length === 0) return;
  const problems: FieldProblem[] = taken.map((o) => {
    const pointer = forms.find((f) => f.form === o.form)!.pointer;
    return o.kind === 'tag'
      ? fieldProblem(pointer, `#${o.form} is a skill`, coded('skills.tag_is_skill', { tag: o.form }))
      : fieldProblem(pointer, `#${o.form} is already an alias of #${o.tag}`, coded('skills.tag_is_alias', { tag: o.form, skill: o.tag }));
  });
  throw new AppError('conflict', problems.map((p) => p.message).join('; '), { ...coded('skills.forms_taken'), problems });
}

/**
 * One page of the taxonomy by tag, optionally only skills whose tag, an alias or a label contains `q`.
 * @example await listTaxonomy({ db, q: 'verhandl', limit: 20 }) // { skills: [{ tag: 'negotiation', ... }], next_cursor: null }
 */
export async function listTaxonomy(input: { db: AnyDb; q?: string; limit: number; cursor?: string }): Promise<SkillsPage> {
  const text = input.q?.trim().replace(/^#/, '').toLowerCase() || null;
  const rows = await q.listSkills(input.db, { text, after: input.cursor ?? null, limit: input.limit + 1 });
  const page = rows.slice(0, input.limit);
  return { skills: await presentSkills(input.db, page), next_cursor: rows.length > input.limit ? page.at(-1)!.tag : null };
}

/**
 * Approves a tag as a curated skill with labels and aliases; a tag or alias another skill owns is a 409.
 * @example await createSkill({ db, input: { tag: 'okr', labels: { en: 'OKRs', de: 'OKR', nl: 'OKR' }, aliases: ['objectives-and-key-results'] }, actor });
 */
export async function createSkill(input: { db: AnyDb; input: SkillCreate; actor: SkillActor }): Promise<Skill> {
  const s = skillCreateSchema.parse(input.input);
  const aliases = s.aliases.filter((a) => a !== s.tag);
  return input.db.transaction().execute(async (trx) => {
    await assertFormsFree(trx, [{ form: s.tag, pointer: '/tag' }, ...aliases.map((a) => ({ form: a, pointer: `/aliases/${s.aliases.indexOf(a)}` }))], null);
    await q.insertSkill(trx, { tag: s.tag, en: s.labels.en, de: s.labels.de, nl: s.labels.nl, category: s.category ?? null });
    await q.addAliases(trx, s.tag, aliases);
    await q.deleteIgnored(trx, [s.tag, ...aliases]);
    await q.insertAudit(trx, { action: 'approve', tag: s.tag, target: null, detail: { labels: s.labels, aliases }, actor: input.actor });
    return (await presentSkills(trx, [(await q.findSkill(trx, s.tag))!]))[0]!;
  });
}

/**
 * Replaces what is sent of a skill: labels, category, the whole alias list.
 * @example await updateSkill({ db, tag: 'excel', input: { aliases: ['tabellenkalkulation', 'exel'] }, actor });
 */
export async function updateSkill(input: { db: AnyDb; tag: string; input: SkillUpdate; actor: SkillActor }): Promise<Skill> {
  const s = skillUpdateSchema.parse(input.input);
  return input.db.transaction().execute(async (trx) => {
    const before = await lockedSkill(trx, input.tag);
    const labels = s.labels ?? { en: before.label_en, de: before.label_de, nl: before.label_nl };
    const category = s.category === undefined ? before.category : s.category;
    await q.updateSkill(trx, before.tag, { ...labels, category });
    const detail: Record<string, unknown> = {};
    if (s.labels) detail.labels = { before: { en: before.label_en, de: before.label_de, nl: before.label_nl }, after: s.labels };
    if (s.category !== undefined) detail.category = { before: before.category, after: category };
    if (s.aliases) {
      const aliases = s.aliases.filter((a) => a !== before.tag);
      await assertFormsFree(
        trx,
        aliases.map((a) => ({ form: a, pointer: `/aliases/${s.aliases!.indexOf(a)}` })),
        before.tag,
      );
      await q.replaceAliases(trx, before.tag, aliases);
      await q.deleteIgnored(trx, aliases);
      detail.aliases = { added: aliases.filter((a) => !before.aliases.includes(a)), removed: before.aliases.filter((a) => !aliases.includes(a)) };
    }
    await q.insertAudit(trx, { action: 'edit', tag: before.tag, target: null, detail, actor: input.actor });
    return (await presentSkills(trx, [(await q.findSkill(trx, before.tag))!]))[0]!;
  });
}

/**
 * Makes a free-typed tag an alias of a skill, so search finds people who wrote it; with
 * `rewriteProfiles` the tag is also replaced on profiles and endorsements. Repeating it is harmless.
 * @example await aliasNewTag({ db, tag: 'exel', skill: 'excel', rewriteProfiles: true, actor });
 */
export async function aliasNewTag(input: { db: AnyDb; tag: string; skill: string; rewriteProfiles: boolean; actor: SkillActor }): Promise<Skill> {
  return input.db.transaction().execute(async (trx) => {
    const skill = await lockedSkill(trx, input.skill);
    if (input.tag === skill.tag)
      throw new AppError('validation', 'a tag cannot be an alias of itself', {
        ...coded('skills.alias_of_itself'),
        problems: [{ pointer: '/skill', message: 'the same tag', code: 'skills.alias_of_itself' }],
      });
    const owner = (await q.findFormOwners(trx, [input.tag]))[0];
    if (owner?.kind === 'tag')
      throw new AppError('conflict', `#${input.tag} is a skill; merge it instead`, {
        ...coded('skills.tag_is_skill', { tag: input.tag }),
        problems: [{ pointer: '/skill', message: `#${input.tag} is a skill`, code: 'skills.tag_is_skill', params: { tag: input.tag } }],
      });
    if (owner && owner.tag !== skill.tag)
      throw new AppError('conflict', `#${input.tag} is already an alias of #${owner.tag}`, {
        ...coded('skills.tag_is_alias', { tag: input.tag, skill: owner.tag }),
        problems: [
          { pointer: '/skill', message: `already an alias of #${owner.tag}`, code: 'skills.tag_is_alias', params: { tag: input.tag, skill: owner.tag } },
        ],
      });
    let profiles = 0;
    let endorsements = 0;
    if (input.rewriteProfiles) {
      profiles = await replaceProfileHashtags({ db: trx, from: [input.tag], to: skill.tag });
      endorsements = await q.rewriteEndorsements(trx, input.tag, skill.tag);
    }
    if (!owner || profiles + endorsements > 0) {
      await q.addAliases(trx, skill.tag, [input.tag]);
      await q.deleteIgnored(trx, [input.tag]);
      await q.insertAudit(trx, {
        action: 'alias',
        tag: input.tag,
        target: skill.tag,
        detail: { rewrite_profiles: input.rewriteProfiles, profiles_rewritten: profiles, endorsements_rewritten: endorsements },
        actor: input.actor,
      });
    }
    return (await presentSkills(trx, [(await q.findSkill(trx, skill.tag))!]))[0]!;
  });
}

/**
 * Takes a free-typed tag off the review list (profiles keep it). A skill or alias cannot be ignored.
 * @example await ignoreNewTag({ db, tag: 'stuff', actor });
 */
export async function ignoreNewTag(input: { db: AnyDb; tag: string; actor: SkillActor }): Promise<void> {
  await input.db.transaction().execute(async (trx) => {
    const owner = (await q.findFormOwners(trx, [input.tag]))[0];
    if (owner) {
      const why = owner.kind === 'tag' ? coded('skills.tag_is_skill', { tag: input.tag }) : coded('skills.tag_is_alias', { tag: input.tag, skill: owner.tag });
      throw new AppError('conflict', `#${input.tag} is ${owner.kind === 'tag' ? 'a skill' : `an alias of #${owner.tag}`}, not a new tag`, why);
    }
    if (await q.insertIgnored(trx, input.tag)) await q.insertAudit(trx, { action: 'ignore', tag: input.tag, target: null, detail: {}, actor: input.actor });
  });
}

/** The newest taxonomy changes, those about `tag` when given. */
export async function listSkillAudit(input: { db: AnyDb; tag?: string; limit: number }) {
  const rows = await q.listAudit(input.db, input.tag ?? null, input.limit);
  return {
    entries: rows.map((r) => ({
      id: r.id,
      action: r.action,
      tag: r.tag,
      target: r.target,
      detail: r.detail,
      actor: { kind: r.actor_kind, id: r.actor_id, name: r.actor_name },
      created_at: r.created_at.toISOString(),
    })),
  };
}
