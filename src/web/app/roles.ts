// What each role may see in the UI; the server enforces the same rules, this only avoids dead ends.
import type { Role } from '../../shared/identity';

/** Age and tenure are sensitive: only admins and communicators filter or read them. */
export function canSeeHrFields(role: Role): boolean {
  return role === 'admin' || role === 'communicator';
}

export function canSeeApiDocs(role: Role): boolean {
  return role === 'admin' || role === 'communicator';
}

export function canImportPeople(role: Role): boolean {
  return role === 'admin';
}

/** Naming custom attributes and directory values (people:manage on the server). */
export function canManageFieldLabels(role: Role): boolean {
  return role === 'admin';
}

/** Curating the skill taxonomy (merges, new tags) is the admins' `skills:manage` permission. */
export function canManageSkills(role: Role): boolean {
  return role === 'admin';
}

/** Accounts (roles, disabling, password resets) are the admins' `users:manage` permission. */
export function canManageUsers(role: Role): boolean {
  return role === 'admin';
}

/** The audit log is the admins' `audit:read` permission. */
export function canReadAudit(role: Role): boolean {
  return role === 'admin';
}

/** Chat channels hold webhook secrets: the admins' `chat:manage` permission. */
export function canManageChatChannels(role: Role): boolean {
  return role === 'admin';
}

/** The moderator queue of reported comments is the `comments:moderate` permission (communicators, admins). */
export function canModerateComments(role: Role): boolean {
  return role === 'admin' || role === 'communicator';
}
