// Who may build audiences, segments and personas: the roles that plan communication.
import type { Role } from '../../../shared/identity';

export const AUDIENCE_ROLES = ['admin', 'communicator'] as const satisfies readonly Role[];

export function canManageAudiences(role: Role): boolean {
  return (AUDIENCE_ROLES as readonly Role[]).includes(role);
}

/** Member lists as CSV: everyone who may build audiences (they already see HR fields). */
export function canExportMembers(role: Role): boolean {
  return canManageAudiences(role);
}
