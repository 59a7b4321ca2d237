// Message codes of the expertise module: skills and their taxonomy, endorsements, contributions,
// help requests and kudos.
import type { ProblemCodeTable } from './problem-code-table.js';

export const EXPERTISE_PROBLEM_CODES = {
  'skills.not_found': ['tag'],
  'skills.merge_into_itself': [],
  'skills.alias_of_itself': [],
  /** The tag is a curated skill already (so it cannot become an alias or a new tag). */
  'skills.tag_is_skill': ['tag'],
  'skills.tag_is_alias': ['tag', 'skill'],
  /** Several labels or aliases belong to other skills; `errors[]` names each. */
  'skills.forms_taken': [],
  'endorsements.skill_not_listed': ['name', 'tag'],
  'endorsements.own_skill': [],
  'endorsements.not_found': ['tag'],
  'contributions.not_found': ['id'],
  'contributions.not_author': [],
  'contributions.imported_read_only': [],
  /** Help evidence may be withdrawn by the person who asked and the expert who helped only. */
  'contributions.withdraw_not_party': [],
  'help.not_found': ['id'],
  'help.not_open_for_you': [],
  'help.no_open_invitation': [],
  'help.messages_closed': [],
  'help.only_asker_resolves': [],
  'help.not_accepted': [],
  'help.only_asker_thanks': [],
  'kudos.to_yourself': [],
} as const satisfies ProblemCodeTable;
