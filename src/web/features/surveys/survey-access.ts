// Who may write surveys and read their results: the roles with surveys:write on the server.
import type { Role } from '../../../shared/identity';

export const SURVEY_ROLES = ['admin', 'communicator'] as const satisfies readonly Role[];

export function canManageSurveys(role: Role): boolean {
  return (SURVEY_ROLES as readonly Role[]).includes(role);
}
