// Who may plan, write and send campaigns and read the outbox: the roles with campaigns:read/write/send.
import type { Role } from '../../../shared/identity';

export const CAMPAIGN_ROLES = ['admin', 'communicator'] as const satisfies readonly Role[];

export function canManageCampaigns(role: Role): boolean {
  return (CAMPAIGN_ROLES as readonly Role[]).includes(role);
}
