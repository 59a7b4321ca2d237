// Merging a near-duplicate skill into another: its tag and aliases become aliases of the target, and
// every profile hashtag and endorsement that used its tag is rewritten to the target, de-duplicated,
// all in one transaction. Repeating a merge rewrites whatever was added since and changes nothing else.
import type { AnyDb } from '../../platform/db/connect.js';
import { AppError, coded, notFound } from '../../platform/http/app-error.js';
import type { MergeResult } from '../../../shared/skills.js';
import { replaceProfileHashtags } from '../people/index.js';
import * as q from './skill-admin.queries.js';
import { lockedSkill, presentSkills, type SkillActor } from './skill-admin.service.js';

/**
 * Merges the skill `tag` into the skill `into`.
 * @example await mergeSkill({ db, tag: 'ms-excel', into: 'excel', actor }) // { skill: { tag: 'excel', aliases: [..., 'ms-excel'] }, profiles_rewritten: 12, endorsements_rewritten: 3 }
 */
export async function mergeSkill(input: { db: AnyDb; tag: string; into: string; actor: SkillActor }): Promise<MergeResult> {
  if (input.tag === input.into) {
    throw new AppError('validation', 'a skill cannot be merged into itself', {
      ...coded('skills.merge_into_itself'),
      problems: [{ pointer: '/into', message: 'the same skill', code: 'skills.merge_into_itself' }],
    });
  }
  return input.db.transaction().execute(async (trx) => {
    // Lock in tag order, so two merges of the same pair in opposite directions cannot deadlock.
    const [first, second] = [input.tag, input.into].sort();
    const rows = new Map<string, q.SkillRow | undefined>();
    for (const tag of [first!, second!]) rows.set(tag, await q.findSkill(trx, tag, true));
    const target = rows.get(input.into);
    if (!target) {
      const why = coded('skills.not_found', { tag: input.into });
      throw new AppError('not_found', `the skill #${input.into} was not found`, {
        ...why,
        problems: [{ pointer: '/into', message: 'no such skill', code: why.messageCode, params: why.params }],
      });
    }
    const source = rows.get(input.tag);
    if (!source) {
      // Merged before: the old tag is an alias of the target now. Anything else is unknown.
      const owner = (await q.findFormOwners(trx, [input.tag]))[0];
      if (owner?.tag !== target.tag) throw notFound(`the skill #${input.tag}`, coded('skills.not_found', { tag: input.tag }));
    } else {
      await q.mergeSkillInto(trx, source.tag, target.tag);
      await q.deleteIgnored(trx, [source.tag, ...source.aliases]);
    }
    const profiles = await replaceProfileHashtags({ db: trx, from: [input.tag], to: target.tag });
    const endorsements = await q.rewriteEndorsements(trx, input.tag, target.tag);
    if (source || profiles + endorsements > 0) {
      await q.insertAudit(trx, {
        action: 'merge',
        tag: input.tag,
        target: target.tag,
        detail: {
          aliases_moved: source?.aliases ?? [],
          labels: source ? { en: source.label_en, de: source.label_de, nl: source.label_nl } : null,
          profiles_rewritten: profiles,
          endorsements_rewritten: endorsements,
        },
        actor: input.actor,
      });
    }
    const [skill] = await presentSkills(trx, [await lockedSkill(trx, target.tag)]);
    return { skill: skill!, profiles_rewritten: profiles, endorsements_rewritten: endorsements };
  });
}
