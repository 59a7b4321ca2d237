// Who runs the advocacy programme (content library, analytics, waves, every referral pipeline): the
// roles with advocacy:manage on the server. Points settings are the admins' advocacy:settings.
import type { Role } from '../../../shared/identity';

export const ADVOCACY_MANAGER_ROLES = ['admin', 'communicator'] as const satisfies readonly Role[];

export function canManageAdvocacy(role: Role): boolean {
  return (ADVOCACY_MANAGER_ROLES as readonly Role[]).includes(role);
}

export function canChangeAdvocacySettings(role: Role): boolean {
  return role === 'admin';
}
