// Subject access export and erasure of one person (ADR 0023), and the live settings the
// works-council page is generated from. Each export and erasure is audited by the route.
import type { AnyDb } from '../../platform/db/connect.js';
import type { Config } from '../../platform/config/config.js';
import { coded, notFound } from '../../platform/http/app-error.js';
import { ACTIVITY_TYPES } from '../../../shared/audiences.js';
import { ROLES } from '../../../shared/identity.js';
import type { Erasure, PrivacySummary } from '../../../shared/privacy.js';
import { can } from '../identity/index.js';
import * as q from './privacy.queries.js';

const personNotFound = (id: number) => notFound(`person ${id}`, coded('privacy.person_not_found', { id }));

/**
 * Everything Resonance holds about one person, table by table; a 404 when there is none.
 * @example const { data } = await exportPersonData({ db, personId: 42, now: new Date() });
 */
export async function exportPersonData(input: { db: AnyDb; personId: number; now: Date }) {
  const data = await input.db.transaction().execute((trx) => q.findPersonData(trx, input.personId));
  if (!data) throw personNotFound(input.personId);
  return { person_id: input.personId, exported_at: input.now.toISOString(), data };
}

/**
 * Erases one person in one transaction, leaving every count they were part of (ADR 0023); a 404
 * when there is none, so a second erasure changes nothing.
 * @example await erasePersonData({ db, personId: 42 });
 */
export async function erasePersonData(input: { db: AnyDb; personId: number }): Promise<Erasure> {
  const counts = await input.db.transaction().execute((trx) => q.erasePerson(trx, input.personId));
  if (!counts) throw personNotFound(input.personId);
  return { person_id: input.personId, counts };
}

/** The live settings behind the works-council page: codes and values, no sentences. */
export function privacySummary(config: Config): PrivacySummary {
  return {
    tracking_mode: config.TRACKING_MODE,
    min_group: config.PRIVACY_MIN_GROUP,
    retention_days: config.RETENTION_DAYS,
    recorded_events: [...ACTIVITY_TYPES],
    individual_data_roles: ROLES.filter((role) => can(role, 'campaigns:read')),
    privacy_admin_roles: ROLES.filter((role) => can(role, 'privacy:manage')),
    quiet_hours: config.quietHours,
    must_read_ignores_quiet_hours: config.MUST_READ_IGNORES_QUIET_HOURS,
    storage: config.DATABASE_URL ? 'postgres' : 'embedded',
  };
}
