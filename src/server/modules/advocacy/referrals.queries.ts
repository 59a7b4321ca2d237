// SQL of referrals (ADR 0034): the referral, its events (one per status it reached), the pipeline
// pages, the dashboard's counts and retention's clearing of contact details.
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';

export type ReferralRow = {
  id: number;
  kind: 'customer' | 'candidate';
  referrer_id: number | null;
  referrer_name: string | null;
  referrer_department: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  note: string;
  consent_at: Date;
  consent_method: 'verbal' | 'written' | 'email' | 'form';
  owner_team: string;
  status: 'new' | 'contacted' | 'qualified' | 'won' | 'lost';
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
};

export type ReferralEventRow = { referral_id: number; status: ReferralRow['status']; note: string; changed_by: string | null; changed_at: Date };

/** Identifies "referring one e-mail address" among advisory locks (with a hash of the address). */
const REFERRAL_LOCK_KEY = 0x0adc_0034;

const SELECT_REFERRAL = sql`SELECT r.id::int AS id, r.kind, r.referrer_id::int AS referrer_id,
    CASE WHEN p.id IS NULL THEN NULL ELSE p.given_name || ' ' || p.family_name END AS referrer_name,
    r.referrer_department, r.name, r.email, r.phone, r.company, r.note, r.consent_at, r.consent_method, r.owner_team, r.status,
    r.created_at, r.updated_at, r.closed_at
  FROM referrals AS r LEFT JOIN people AS p ON p.id = r.referrer_id`;

export async function findPersonDepartment(db: AnyDb, personId: number): Promise<{ department: string | null } | undefined> {
  return (await sql<{ department: string | null }>`SELECT department FROM people WHERE id = ${personId}`.execute(db)).rows[0];
}

/** Makes concurrent referrals of one address take turns (inside the caller's transaction). */
export async function lockAddress(trx: AnyDb, email: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${REFERRAL_LOCK_KEY}::int, hashtext(${email}))`.execute(trx);
}

export async function openReferralExists(db: AnyDb, email: string, kind: string): Promise<boolean> {
  const { rows } =
    await sql`SELECT 1 FROM referrals WHERE lower(email) = ${email} AND kind = ${kind} AND status IN ('new', 'contacted', 'qualified') LIMIT 1`.execute(db);
  return rows.length > 0;
}

export async function insertReferral(
  trx: AnyDb,
  value: Pick<
    ReferralRow,
    'kind' | 'referrer_id' | 'referrer_department' | 'name' | 'email' | 'phone' | 'company' | 'note' | 'consent_method' | 'owner_team'
  > & {
    consent_at: Date;
    now: Date;
  },
): Promise<number> {
  const { rows } = await sql<{ id: number }>`INSERT INTO referrals
      (kind, referrer_id, referrer_department, name, email, phone, company, note, consent_at, consent_method, owner_team, status, created_at, updated_at)
    VALUES (${value.kind}, ${value.referrer_id}, ${value.referrer_department}, ${value.name}, ${value.email}, ${value.phone}, ${value.company},
      ${value.note}, ${value.consent_at}, ${value.consent_method}, ${value.owner_team}, 'new', ${value.now}, ${value.now})
    RETURNING id::int AS id`.execute(trx);
  return rows[0]!.id;
}

export async function insertEvent(
  trx: AnyDb,
  value: { referral_id: number; status: string; changed_by: number | null; note: string; at: Date },
): Promise<void> {
  await sql`INSERT INTO referral_events (referral_id, status, changed_by, note, changed_at)
    VALUES (${value.referral_id}, ${value.status}, ${value.changed_by}, ${value.note}, ${value.at})`.execute(trx);
}

export async function findReferral(db: AnyDb, id: number, forUpdate = false): Promise<ReferralRow | undefined> {
  if (forUpdate) await sql`SELECT id FROM referrals WHERE id = ${id} FOR UPDATE`.execute(db);
  return (await sql<ReferralRow>`${SELECT_REFERRAL} WHERE r.id = ${id}`.execute(db)).rows[0];
}

export async function findReferralsOf(db: AnyDb, referrerId: number): Promise<ReferralRow[]> {
  return (await sql<ReferralRow>`${SELECT_REFERRAL} WHERE r.referrer_id = ${referrerId} ORDER BY r.created_at DESC, r.id DESC LIMIT 500`.execute(db)).rows;
}

/** A page of the pipeline, newest first; `teams` null = every team. */
export async function findPipeline(
  db: AnyDb,
  filter: { teams: string[] | null; kind?: string; status?: string; before?: number; limit: number },
): Promise<ReferralRow[]> {
  const teams = filter.teams === null ? sql`true` : sql`r.owner_team = ANY(${filter.teams}::text[])`;
  const kind = filter.kind === undefined ? sql`true` : sql`r.kind = ${filter.kind}`;
  const status = filter.status === undefined ? sql`true` : sql`r.status = ${filter.status}`;
  const before = filter.before === undefined ? sql`true` : sql`r.id < ${filter.before}`;
  return (
    await sql<ReferralRow>`${SELECT_REFERRAL} WHERE ${teams} AND ${kind} AND ${status} AND ${before} ORDER BY r.id DESC LIMIT ${filter.limit}`.execute(db)
  ).rows;
}

/** Events with who moved them (the account's name), in order. */
export async function findEvents(db: AnyDb, referralIds: number[]): Promise<ReferralEventRow[]> {
  if (referralIds.length === 0) return [];
  return (
    await sql<ReferralEventRow>`SELECT e.referral_id::int AS referral_id, e.status, e.note, u.display_name AS changed_by, e.changed_at
      FROM referral_events AS e LEFT JOIN users AS u ON u.id = e.changed_by
      WHERE e.referral_id = ANY(${referralIds}::bigint[]) ORDER BY e.changed_at, e.id`.execute(db)
  ).rows;
}

export async function updateStatus(trx: AnyDb, id: number, status: string, closedAt: Date | null, now: Date): Promise<void> {
  await sql`UPDATE referrals SET status = ${status}, closed_at = ${closedAt}, updated_at = ${now} WHERE id = ${id}`.execute(trx);
}

export async function deleteReferral(trx: AnyDb, id: number): Promise<boolean> {
  const result = await sql`DELETE FROM referrals WHERE id = ${id}`.execute(trx);
  return Number(result.numAffectedRows ?? 0) > 0;
}

export type DashboardRow = {
  kind: string;
  status: string;
  referrer_id: number | null;
  referrer_department: string | null;
  month: string;
  days_to_win: number | null;
};

/** One row per referral with what the dashboard groups by (counts are made in the service). */
export async function findDashboardRows(db: AnyDb): Promise<DashboardRow[]> {
  return (
    await sql<DashboardRow>`SELECT kind, status, referrer_id::int AS referrer_id, referrer_department,
        to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month,
        CASE WHEN status = 'won' AND closed_at IS NOT NULL THEN (extract(epoch FROM closed_at - created_at) / 86400)::float8 END AS days_to_win
      FROM referrals`.execute(db)
  ).rows;
}

/**
 * Retention: referrals closed before `cutoff` lose the referred person's contact details and the
 * team's notes (the name, company and counts stay). Returns how many referrals were cleared.
 */
export async function clearClosedContactsBefore(db: AnyDb, cutoff: Date): Promise<number> {
  const { rows } = await sql<{ id: number }>`UPDATE referrals SET email = NULL, phone = NULL, note = ''
    WHERE closed_at < ${cutoff} AND (email IS NOT NULL OR phone IS NOT NULL OR note <> '') RETURNING id::int AS id`.execute(db);
  if (rows.length > 0) {
    await sql`UPDATE referral_events SET note = '' WHERE referral_id = ANY(${rows.map((r) => r.id)}::bigint[]) AND note <> ''`.execute(db);
  }
  return rows.length;
}
