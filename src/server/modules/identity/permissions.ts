// What each role may do. Routes name a permission; this table is the only place roles are mapped.
import type { Role } from '../../../shared/identity.js';

export const PERMISSIONS = [
  'people:read',
  'people:read-hr',
  'people:import',
  'people:export',
  'profile:edit-own',
  'audiences:read',
  'audiences:write',
  'contributions:import',
  'skills:endorse',
  'help:ask',
  'contributions:write',
  /** Review free-typed hashtags, approve, alias, merge and edit skills of the taxonomy. */
  'skills:manage',
  /** List accounts, change roles, disable and enable them, reset passwords. */
  'users:manage',
  /** Create, list and revoke API tokens. */
  'tokens:manage',
  /** Read the audit log. */
  'audit:read',
  /** Label custom attributes and directory values (departments, codes) in en/de/nl. */
  'people:manage',
  /** See campaigns, who gets what, and their delivery log. */
  'campaigns:read',
  /** Create and change campaigns. */
  'campaigns:write',
  /** Send and schedule campaigns. */
  'campaigns:send',
  /** See surveys and quizzes as their authors do (definition, audience, results). */
  'surveys:read',
  /** Create, change, open, close and delete surveys and quizzes. */
  'surveys:write',
  /** Add, test, change, disable and delete chat channels (webhooks); their URLs are secrets. */
  'chat:manage',
  /** Create and change topics people may unsubscribe from. */
  'topics:manage',
  /** Read the privacy settings (the works-council page). */
  'privacy:read',
  /** Export or erase one person's data (subject access, erasure). */
  'privacy:manage',
  /** The moderator queue of reported comments; hide and show comments again (conversation). */
  'comments:moderate',
  /** The advocacy programme: the content library, share analytics, onboarding waves by maturity stage. */
  'advocacy:manage',
  /** Points, caps, levels and the cost per click of the advocacy programme. */
  'advocacy:settings',
  /** Every referral pipeline and the referral dashboard (a team's own pipeline needs no permission). */
  'referrals:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  communicator: [
    'people:read',
    'people:read-hr',
    'profile:edit-own',
    'audiences:read',
    'audiences:write',
    'campaigns:read',
    'campaigns:write',
    'campaigns:send',
    'surveys:read',
    'surveys:write',
    'topics:manage',
    'privacy:read',
    'skills:endorse',
    'help:ask',
    'contributions:write',
    'comments:moderate',
    'advocacy:manage',
    'referrals:manage',
  ],
  leader: ['people:read', 'profile:edit-own', 'skills:endorse', 'help:ask', 'contributions:write'],
  employee: ['people:read', 'profile:edit-own', 'skills:endorse', 'help:ask', 'contributions:write'],
};

/**
 * Whether `role` holds `permission`.
 * @example can('employee', 'people:import') // false
 */
export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}
