// Referrals (ADR 0034): an employee refers a potential customer or candidate with the referred
// person's consent; the owning team (the directory department named by REFERRAL_CUSTOMER_TEAM or
// REFERRAL_CANDIDATE_TEAM) works it through new → contacted → qualified → won, or lost; a win gives the
// referrer points once (in the same transaction). The referrer sees the progress, not the team's notes.
import type { AnyDb } from '../../platform/db/connect.js';
import { idCursor, pageOf } from '../../platform/http/pagination.js';
import { AppError, coded, forbidden, notFound } from '../../platform/http/app-error.js';
import type { ReferralStatus } from '../../../shared/advocacy.js';
import {
  canMoveReferral,
  type MyReferrals,
  type Referral,
  type ReferralDashboard,
  type ReferralDetail,
  type ReferralsPage,
  type referralCreateSchema,
} from '../../../shared/referrals.js';
import type { z } from 'zod';
import { awardPoints } from './points.service.js';
import * as q from './referrals.queries.js';

export type ReferralTeams = { customer: string; candidate: string };

/** Who is asking: their directory person (if any), their account, and whether they hold referrals:manage. */
export type ReferralCaller = { personId: number | null; userId: number | null; manager: boolean };

const pages = idCursor('rf');

function needPerson(personId: number | null): number {
  if (personId === null) throw forbidden('referring needs someone in the directory; this account has no profile', coded('advocacy.no_person'));
  return personId;
}

/** The owning team the person's department is (one department may own both kinds), or []. */
async function teamsOf(db: AnyDb, personId: number | null, teams: ReferralTeams): Promise<string[]> {
  if (personId === null) return [];
  const department = (await q.findPersonDepartment(db, personId))?.department ?? null;
  if (department === null) return [];
  return [...new Set([teams.customer, teams.candidate])].filter((t) => t === department);
}

/** The teams whose referrals the caller works: null = all (referrals:manage); [] = none. */
async function scopeOf(db: AnyDb, caller: ReferralCaller, teams: ReferralTeams): Promise<string[] | null> {
  if (caller.manager) return null;
  return teamsOf(db, caller.personId, teams);
}

function present(row: q.ReferralRow): Referral {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    email: row.email,
    phone: row.phone,
    company: row.company,
    note: row.note,
    consent_at: row.consent_at.toISOString(),
    consent_method: row.consent_method,
    owner_team: row.owner_team,
    status: row.status,
    referrer: row.referrer_id === null ? null : { id: row.referrer_id, display_name: row.referrer_name ?? '' },
    referrer_department: row.referrer_department,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    closed_at: row.closed_at?.toISOString() ?? null,
  };
}

/**
 * Records a referral by the caller with the referred person's consent, and its first event (`new`).
 * The same address referred again as the same kind while still open is a 409 that names no referrer.
 * @example const r = await createReferral({ db, referrerId: 7, teams, now: new Date(), input: { kind: 'customer', name: 'Ada', email: 'ada@x.example', consent: { given: true, method: 'verbal' } } });
 */
export async function createReferral(input: {
  db: AnyDb;
  referrerId: number | null;
  teams: ReferralTeams;
  now: Date;
  input: z.output<typeof referralCreateSchema>;
}): Promise<Referral> {
  const referrerId = needPerson(input.referrerId);
  const value = input.input;
  const id = await input.db.transaction().execute(async (trx) => {
    const referrer = await q.findPersonDepartment(trx, referrerId);
    if (!referrer) throw forbidden('referring needs someone in the directory', coded('advocacy.no_person'));
    if (value.email !== undefined) {
      await q.lockAddress(trx, value.email);
      if (await q.openReferralExists(trx, value.email, value.kind)) {
        throw new AppError('conflict', 'this person is already referred and being worked on', coded('referrals.duplicate', { kind: value.kind }));
      }
    }
    const id = await q.insertReferral(trx, {
      kind: value.kind,
      referrer_id: referrerId,
      referrer_department: referrer.department,
      name: value.name,
      email: value.email ?? null,
      phone: value.phone ?? null,
      company: value.company ?? null,
      note: value.note ?? '',
      consent_at: value.consent.at === undefined ? input.now : new Date(value.consent.at),
      consent_method: value.consent.method,
      owner_team: value.kind === 'customer' ? input.teams.customer : input.teams.candidate,
      now: input.now,
    });
    await q.insertEvent(trx, { referral_id: id, status: 'new', changed_by: null, note: '', at: input.now });
    return id;
  });
  return present((await q.findReferral(input.db, id))!);
}

/**
 * The caller's referrals with the date each stage was reached, and the owning team they belong to.
 * @example const { items, owning_team } = await listMyReferrals({ db, personId: 7, teams });
 */
export async function listMyReferrals(input: { db: AnyDb; personId: number | null; teams: ReferralTeams }): Promise<MyReferrals> {
  const personId = needPerson(input.personId);
  const rows = await q.findReferralsOf(input.db, personId);
  const events = await q.findEvents(
    input.db,
    rows.map((r) => r.id),
  );
  const owning = await teamsOf(input.db, personId, input.teams);
  return {
    owning_team: owning[0] ?? null,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      name: r.name,
      email: r.email,
      phone: r.phone,
      company: r.company,
      note: r.note,
      status: r.status,
      created_at: r.created_at.toISOString(),
      closed_at: r.closed_at?.toISOString() ?? null,
      stages: events.filter((e) => e.referral_id === r.id).map((e) => ({ status: e.status, at: e.changed_at.toISOString() })),
    })),
  };
}

function notTeam(): AppError {
  return forbidden('the referral pipeline is for the owning teams and referrals:manage', coded('referrals.not_team'));
}

/**
 * A page of the pipeline the caller works (their team's, or all with referrals:manage), newest first.
 * @example const page = await listPipeline({ db, caller, teams, limit: 50, kind: 'customer' });
 */
export async function listPipeline(input: {
  db: AnyDb;
  caller: ReferralCaller;
  teams: ReferralTeams;
  kind?: string;
  status?: string;
  cursor?: string;
  limit: number;
}): Promise<ReferralsPage> {
  const scope = await scopeOf(input.db, input.caller, input.teams);
  if (scope !== null && scope.length === 0) throw notTeam();
  const rows = await q.findPipeline(input.db, {
    teams: scope,
    kind: input.kind,
    status: input.status,
    before: pages.decode(input.cursor),
    limit: input.limit + 1,
  });
  const { page, next_cursor } = pageOf(rows, input.limit, pages, (r) => r.id);
  return { items: page.map(present), next_cursor };
}

async function findInScope(db: AnyDb, id: number, scope: string[] | null, forUpdate = false): Promise<q.ReferralRow> {
  const row = await q.findReferral(db, id, forUpdate);
  if (!row || (scope !== null && !scope.includes(row.owner_team))) throw notFound(`referral ${id}`, coded('referrals.not_found', { id }));
  return row;
}

/**
 * One referral with its event history, for its team or referrals:manage (404 otherwise).
 * @example const detail = await getReferral({ db, caller, teams, id: 3 });
 */
export async function getReferral(input: { db: AnyDb; caller: ReferralCaller; teams: ReferralTeams; id: number }): Promise<ReferralDetail> {
  const scope = await scopeOf(input.db, input.caller, input.teams);
  if (scope !== null && scope.length === 0) throw notTeam();
  const row = await findInScope(input.db, input.id, scope);
  const events = await q.findEvents(input.db, [row.id]);
  return {
    ...present(row),
    events: events.map((e) => ({ status: e.status, note: e.note, changed_by: e.changed_by, changed_at: e.changed_at.toISOString() })),
  };
}

/**
 * Moves a referral in the pipeline (ADR 0034), with an event; a win gives the referrer (if still in
 * the directory) the `referral_converted` points once, in the same transaction. Concurrent moves take
 * turns on the referral's row, so only one of two identical moves succeeds.
 * @example const { referral, points } = await moveReferral({ db, caller, teams, id: 3, status: 'won', now: new Date() });
 */
export async function moveReferral(input: {
  db: AnyDb;
  caller: ReferralCaller;
  teams: ReferralTeams;
  id: number;
  status: ReferralStatus;
  note?: string;
  now: Date;
  /** Runs inside the transaction after the move (the audit record), so both commit together. */
  onMoved?: (trx: AnyDb, from: ReferralStatus, points: number | null) => Promise<void>;
}): Promise<Referral> {
  const scope = await scopeOf(input.db, input.caller, input.teams);
  if (scope !== null && scope.length === 0) throw notTeam();
  await input.db.transaction().execute(async (trx) => {
    const row = await findInScope(trx, input.id, scope, true);
    if (!canMoveReferral(row.status, input.status, input.caller.manager)) {
      throw new AppError(
        'conflict',
        `a referral cannot move from ${row.status} to ${input.status}`,
        coded('referrals.bad_move', { from: row.status, to: input.status }),
      );
    }
    const closed = input.status === 'won' || input.status === 'lost';
    await q.updateStatus(trx, row.id, input.status, closed ? input.now : null, input.now);
    await q.insertEvent(trx, { referral_id: row.id, status: input.status, changed_by: input.caller.userId, note: input.note ?? '', at: input.now });
    let points: number | null = null;
    if (input.status === 'won' && row.referrer_id !== null) {
      const award = await awardPoints({ db: trx, personId: row.referrer_id, action: 'referral_converted', source: `referral:${row.id}`, at: input.now });
      points = award?.points ?? null;
    }
    await input.onMoved?.(trx, row.status, points);
  });
  return present((await q.findReferral(input.db, input.id))!);
}

/**
 * Erases a referral on the referred person's request (referrals:manage): the referral and its events go.
 * @example await eraseReferral({ db, id: 3 });
 */
export async function eraseReferral(input: { db: AnyDb; id: number; onErased?: (trx: AnyDb) => Promise<void> }): Promise<void> {
  await input.db.transaction().execute(async (trx) => {
    if (!(await q.deleteReferral(trx, input.id))) throw notFound(`referral ${input.id}`, coded('referrals.not_found', { id: input.id }));
    await input.onErased?.(trx);
  });
}

/**
 * The referral dashboard: counts by status and kind, conversion, median days to a win, by month, and
 * by the referrer's department where departments with fewer than `minGroup` referrers fold into "other".
 * @example const d = await referralDashboard({ db, minGroup: 5 });
 */
export async function referralDashboard(input: { db: AnyDb; minGroup: number }): Promise<ReferralDashboard> {
  const rows = await q.findDashboardRows(input.db);
  const count = (key: (r: q.DashboardRow) => string) => {
    const out: Record<string, number> = {};
    for (const r of rows) out[key(r)] = (out[key(r)] ?? 0) + 1;
    return out;
  };
  const byStatus = count((r) => r.status);
  const won = byStatus.won ?? 0;
  const lost = byStatus.lost ?? 0;
  const days = rows.flatMap((r) => (r.days_to_win === null ? [] : [r.days_to_win])).sort((a, b) => a - b);
  const median = days.length === 0 ? null : days.length % 2 ? days[(days.length - 1) / 2]! : (days[days.length / 2 - 1]! + days[days.length / 2]!) / 2;

  const departments = new Map<string, { referrers: Set<number>; referrals: number; won: number }>();
  for (const r of rows) {
    const key = r.referrer_department ?? '';
    const d = departments.get(key) ?? { referrers: new Set<number>(), referrals: 0, won: 0 };
    if (r.referrer_id !== null) d.referrers.add(r.referrer_id);
    d.referrals += 1;
    if (r.status === 'won') d.won += 1;
    departments.set(key, d);
  }
  const byDepartment: ReferralDashboard['by_department'] = [];
  const other = { department: 'other', other: true, referrals: 0, won: 0 };
  for (const [department, d] of [...departments].sort(([a], [b]) => a.localeCompare(b))) {
    if (department !== '' && d.referrers.size >= input.minGroup) byDepartment.push({ department, other: false, referrals: d.referrals, won: d.won });
    else {
      other.referrals += d.referrals;
      other.won += d.won;
    }
  }
  if (other.referrals > 0) byDepartment.push(other);

  const months = new Map<string, { referrals: number; won: number }>();
  for (const r of rows) {
    const m = months.get(r.month) ?? { referrals: 0, won: 0 };
    m.referrals += 1;
    if (r.status === 'won') m.won += 1;
    months.set(r.month, m);
  }
  return {
    total: rows.length,
    by_status: byStatus,
    by_kind: count((r) => r.kind),
    conversion_rate: won + lost === 0 ? null : won / (won + lost),
    median_days_to_win: median === null ? null : Math.round(median * 10) / 10,
    by_department: byDepartment,
    by_month: [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, m]) => ({ month, ...m })),
    min_group: input.minGroup,
  };
}

/**
 * Retention (hooked into privacy's applyRetention): referrals closed before `cutoff` lose the referred
 * person's e-mail, phone and the notes.
 * @example const cleared = await clearClosedReferralContacts({ db, cutoff });
 */
export async function clearClosedReferralContacts(input: { db: AnyDb; cutoff: Date }): Promise<number> {
  return q.clearClosedContactsBefore(input.db, input.cutoff);
}
