// Points beyond the ledger (ADR 0031) and the influence score's data (ADR 0032): collecting kudos and
// resolved help requests into points, badges and levels, taking part, the ledger's pages, leaderboards
// with k-anonymity, and each person's explained score.
import type { AnyDb } from '../../platform/db/connect.js';
import { AppError, coded } from '../../platform/http/app-error.js';
import { helpResolvedSince, kudosSince } from '../expertise/index.js';
import type { LeaderboardPeriod, Leaderboard } from '../../../shared/advocacy.js';
import { BADGE_THRESHOLDS, MAX_LEVELS, MILESTONE_BADGES, type AdvocacyMe, type InfluenceScore, type PointsPage } from '../../../shared/advocacy-points.js';
import { awardPoints } from './points.service.js';
import { intervalEnd, intervalStart } from './points.service.js';
import { getAdvocacySettings } from './settings.service.js';
import * as q from './engagement-points.queries.js';
import { components, explainScore, isActive, shareEngagement, type Components, type ScoreInputs } from './influence-score.js';

/** How far back the points job re-reads (events committed late with an earlier time). */
const OVERLAP_MS = 10 * 60_000;
/** Where the points job starts on its first run. */
const FIRST_RUN_DAYS = 30;
const DAY_MS = 86_400_000;

const noPerson = () => new AppError('forbidden', 'advocacy needs a person in the directory', coded('advocacy.no_person'));

/**
 * The level of a points total: 1-based, with where it started and where the next starts.
 * @example levelOf(160, [0, 50, 150, 400]) // { level: 3, starts_at: 150, next_at: 400 }
 */
export function levelOf(total: number, levels: readonly number[]): { level: number; starts_at: number; next_at: number | null } {
  let i = 0;
  while (i + 1 < levels.length && total >= levels[i + 1]!) i++;
  return { level: i + 1, starts_at: levels[i]!, next_at: levels[i + 1] ?? null };
}

/** The badges a person's figures have earned (milestones and `level_<n>` for each level from 2). */
export function badgesEarned(stats: q.BadgeStats, levels: readonly number[]): string[] {
  const measure: Record<(typeof MILESTONE_BADGES)[number], number> = {
    first_share: stats.shares,
    ten_shares: stats.shares,
    first_unique_click: stats.unique_clicks,
    hundred_clicks: stats.unique_clicks,
    helper: stats.help_resolved,
    kudos_magnet: stats.kudos_received,
    consistent: stats.share_weeks,
    referral_won: stats.referrals_won,
  };
  const earned: string[] = MILESTONE_BADGES.filter((b) => measure[b] >= BADGE_THRESHOLDS[b]);
  const { level } = levelOf(stats.total, levels);
  for (let l = 2; l <= Math.min(level, MAX_LEVELS); l++) earned.push(`level_${l}`);
  return earned;
}

/**
 * Awards the badges a person has earned and not yet got (once each); returns the new ones. Other parts
 * call it after their awards; the points job calls it for everyone with new points.
 * @example await awardDueBadges({ db, personId: 42, at: new Date() }) // ['first_share']
 */
export async function awardDueBadges(input: { db: AnyDb; personId: number; at: Date }): Promise<string[]> {
  const settings = await getAdvocacySettings(input.db);
  const stats = await q.findBadgeStats(input.db, input.personId);
  return q.insertBadges(input.db, input.personId, badgesEarned(stats, settings.levels), input.at);
}

/**
 * The points job: kudos received and help requests resolved (the expert's) since the watermarks become
 * points for participants, sourced `kudos:<id>` and `help:<id>` (idempotent, so a small overlap is
 * re-read); then badges for everyone with new points.
 */
export async function collectPoints(input: { db: AnyDb; now: Date }): Promise<{ kudos: number; help: number; badges: number }> {
  const { db, now } = input;
  const since = async (source: string) => {
    const mark = await q.readWatermark(db, source);
    return new Date((mark?.getTime() ?? now.getTime() - FIRST_RUN_DAYS * DAY_MS) - OVERLAP_MS);
  };
  const awarded = { kudos: 0, help: 0, badges: 0 };

  const kudosFrom = await since('kudos');
  const kudos = (await kudosSince({ db, since: kudosFrom })).filter((k) => new Date(k.created_at) <= now);
  const kudosPeople = await q.findParticipantIds(db, [...new Set(kudos.map((k) => Number(k.to)))]);
  for (const k of kudos) {
    if (!kudosPeople.has(Number(k.to))) continue;
    const award = await awardPoints({ db, personId: Number(k.to), action: 'kudos_received', source: `kudos:${k.id}`, at: new Date(k.created_at) });
    if (award) awarded.kudos++;
  }
  const lastKudos = kudos.at(-1);
  if (lastKudos) await q.writeWatermark(db, 'kudos', new Date(lastKudos.created_at));

  const helpFrom = await since('help');
  const help = (await helpResolvedSince({ db, since: helpFrom })).filter((h) => h.resolved_at <= now);
  const helpPeople = await q.findParticipantIds(db, [...new Set(help.map((h) => h.expert_id))]);
  for (const h of help) {
    if (!helpPeople.has(h.expert_id)) continue;
    const award = await awardPoints({ db, personId: h.expert_id, action: 'help_resolved', source: `help:${h.id}`, at: h.resolved_at });
    if (award) awarded.help++;
  }
  const lastHelp = help.at(-1);
  if (lastHelp) await q.writeWatermark(db, 'help', lastHelp.resolved_at);

  const badgesFrom = await since('badges');
  for (const personId of await q.findPeopleWithPointsSince(db, badgesFrom)) {
    awarded.badges += (await awardDueBadges({ db, personId, at: now })).length;
  }
  await q.writeWatermark(db, 'badges', now);
  return awarded;
}

/** The caller's participation, points, level and badges. */
export async function getMe(input: { db: AnyDb; personId: number | null; now: Date }): Promise<AdvocacyMe> {
  if (input.personId === null) throw noPerson();
  const { db, personId, now } = input;
  const [participant, sums, badges, settings] = await Promise.all([
    q.findParticipant(db, personId),
    q.sumPoints(db, personId, intervalStart(now, 'week'), intervalStart(now, 'month')),
    q.findBadges(db, personId),
    getAdvocacySettings(db),
  ]);
  return {
    person_id: personId,
    joined: participant !== null,
    joined_at: participant?.joined_at.toISOString() ?? null,
    leaderboard_opt_out: participant?.leaderboard_opt_out ?? false,
    points: sums,
    level: levelOf(sums.total, settings.levels),
    badges: badges.map((b) => ({ badge: b.badge, awarded_at: b.awarded_at.toISOString() })),
  };
}

/** Joins or leaves the programme, or changes the leaderboard opt-out (which also joins). */
export async function setParticipation(input: {
  db: AnyDb;
  personId: number | null;
  joined?: boolean;
  leaderboardOptOut?: boolean;
  now: Date;
}): Promise<AdvocacyMe> {
  if (input.personId === null) throw noPerson();
  if (input.joined === false) await q.deleteParticipant(input.db, input.personId);
  else if (input.joined === true || input.leaderboardOptOut !== undefined) {
    await q.upsertParticipant(input.db, input.personId, input.leaderboardOptOut ?? null, input.now);
  }
  return getMe(input);
}

/** The caller's ledger, newest first, capped awards included. */
export async function listPoints(input: { db: AnyDb; personId: number | null; cursor?: string; limit: number }): Promise<PointsPage> {
  if (input.personId === null) throw noPerson();
  let beforeId: number | null = null;
  if (input.cursor !== undefined) {
    beforeId = Number(Buffer.from(input.cursor, 'base64url').toString('utf8'));
    if (!Number.isSafeInteger(beforeId) || beforeId <= 0)
      throw new AppError('validation', 'unreadable cursor', { problems: [{ pointer: '/cursor', message: 'unreadable cursor' }] });
  }
  const rows = await q.findPoints(input.db, input.personId, beforeId, input.limit);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({ ...r, occurred_at: r.occurred_at.toISOString() })),
    next_cursor: rows.length > input.limit && last ? Buffer.from(String(last.id)).toString('base64url') : null,
  };
}

/**
 * A leaderboard: points in the period of active participants who did not opt out, in a department or
 * a leader's organisation; withheld (hidden, no items) when fewer than `minGroup` people would be on it.
 * The caller's own row comes always (rank null when hidden, opted out or not taking part).
 */
export async function leaderboard(input: {
  db: AnyDb;
  personId: number | null;
  period: LeaderboardPeriod;
  department?: string;
  team?: string;
  mine?: 'department' | 'team';
  limit: number;
  now: Date;
  minGroup: number;
}): Promise<Leaderboard> {
  const { db, now } = input;
  let leaderId: number | null = null;
  let department = input.department;
  let team = input.team;
  if (input.mine !== undefined) {
    const self = input.personId === null ? null : await q.findPersonBasics(db, input.personId);
    if (!self) throw noPerson();
    if (input.mine === 'department') department = self.department ?? undefined;
    else team = self.leader_external_id;
  }
  if (team !== undefined) {
    const leader = await q.findPersonByExternalId(db, team);
    if (!leader) throw new AppError('not_found', `no person ${team}`, { problems: [{ pointer: '/team', message: 'unknown person' }] });
    leaderId = leader.id;
  }
  const from = input.period === 'all' ? null : intervalStart(now, input.period);
  const to = input.period === 'all' ? new Date(now.getTime() + 1) : intervalEnd(now, input.period);
  const board = await q.findBoard(db, { from, to, department: department ?? null, leaderId });
  const hidden = board.length < input.minGroup;
  const settings = await getAdvocacySettings(db);
  let me: Leaderboard['me'] = null;
  if (input.personId !== null) {
    const mine = board.find((r) => r.id === input.personId);
    const participant = await q.findParticipant(db, input.personId);
    me = {
      points: mine?.points ?? (await q.sumPointsBetween(db, input.personId, from, to)),
      rank: hidden || !mine ? null : mine.rank,
      opted_out: participant?.leaderboard_opt_out ?? false,
    };
  }
  return {
    period: input.period,
    department: department ?? null,
    team: team ?? null,
    items: hidden
      ? []
      : board.slice(0, input.limit).map((r) => ({
          person: { id: r.id, external_id: r.external_id, display_name: r.display_name, department: r.department },
          points: r.points,
          rank: r.rank,
          level: levelOf(r.total, settings.levels).level,
        })),
    me,
    hidden,
    min_group: input.minGroup,
  };
}

/** How far back the score reads: beyond it an event weighs below 1/300 (eight half-lives and more). */
const SCORE_WINDOW_DAYS = 400;
const HISTORY_WEEKS = 8;

type ScoreData = {
  units: Map<number, q.ShareUnitRow[]>;
  clicks: Map<string, { at: Date; n: number }[]>;
  reports: Map<string, { reactions: number; comments: number; reshares: number; reported_at: Date }[]>;
  help: Map<number, Date[]>;
  kudos: Map<number, Date[]>;
};

async function loadScoreData(db: AnyDb, personIds: number[], now: Date): Promise<ScoreData> {
  const since = new Date(now.getTime() - SCORE_WINDOW_DAYS * DAY_MS);
  const units = await q.findShareUnits(db, personIds, since);
  const codes = units.map((u) => u.code);
  const [clickRows, reportRows, kudos, help] = await Promise.all([
    q.findClicksByDay(db, codes),
    q.findEngagementReports(db, codes),
    kudosSince({ db, since }),
    helpResolvedSince({ db, since }),
  ]);
  const group = <T, K>(rows: T[], key: (r: T) => K) => {
    const m = new Map<K, T[]>();
    for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
    return m;
  };
  const wanted = new Set(personIds);
  const helpBy = new Map<number, Date[]>();
  for (const h of help) if (wanted.has(h.expert_id)) helpBy.set(h.expert_id, [...(helpBy.get(h.expert_id) ?? []), h.resolved_at]);
  const kudosBy = new Map<number, Date[]>();
  for (const k of kudos) {
    const to = Number(k.to);
    if (wanted.has(to)) kudosBy.set(to, [...(kudosBy.get(to) ?? []), new Date(k.created_at)]);
  }
  return {
    units: group(units, (u) => u.person_id),
    clicks: group(clickRows, (r) => r.code),
    reports: group(reportRows, (r) => r.code),
    help: helpBy,
    kudos: kudosBy,
  };
}

/** A person's score inputs as they stood at `at`: clicks up to then, the latest report by then. */
function inputsAt(data: ScoreData, personId: number, at: Date): ScoreInputs {
  const t = at.getTime();
  const shares = (data.units.get(personId) ?? [])
    .filter((u) => u.shared_at.getTime() <= t)
    .map((u) => {
      const report = (data.reports.get(u.code) ?? []).filter((r) => r.reported_at.getTime() <= t).at(-1);
      return {
        at: u.shared_at,
        uniqueClicks: (data.clicks.get(u.code) ?? []).filter((c) => c.at.getTime() <= t).reduce((s, c) => s + c.n, 0),
        reactions: report?.reactions ?? 0,
        comments: report?.comments ?? 0,
        reshares: report?.reshares ?? 0,
        adapted: u.adapted,
      };
    });
  return { shares, helpResolved: data.help.get(personId) ?? [], kudosReceived: data.kudos.get(personId) ?? [] };
}

/**
 * A person's influence score explained (ADR 0032) among the active participants, with the score at the
 * end of each of the last weeks.
 */
export async function influenceScore(input: { db: AnyDb; personId: number | null; now: Date }): Promise<InfluenceScore> {
  if (input.personId === null) throw noPerson();
  const { db, now, personId } = input;
  const person = await q.findPersonBasics(db, personId);
  if (!person) throw new AppError('not_found', `no person ${personId}`);
  const participants = (await q.findActiveParticipantIds(db)).filter((id) => id !== personId);
  const data = await loadScoreData(db, [...participants, personId], now);
  const explainAt = (at: Date) => {
    const population: Components[] = [];
    for (const id of participants) {
      const inputs = inputsAt(data, id, at);
      if (isActive(inputs, at)) population.push(components(inputs, at));
    }
    return { explained: explainScore({ inputs: inputsAt(data, personId, at), now: at, population }), activePeople: population.length };
  };
  const { explained, activePeople } = explainAt(now);
  const history = [];
  for (let w = HISTORY_WEEKS - 1; w >= 1; w--) {
    const at = new Date(now.getTime() - w * 7 * DAY_MS);
    history.push({ at: at.toISOString(), score: explainAt(at).explained.score });
  }
  history.push({ at: now.toISOString(), score: explained.score });
  const mine = inputsAt(data, personId, now);
  return {
    person_id: personId,
    score: explained.score,
    raw: explained.raw,
    active: explained.active,
    active_people: activePeople + (explained.active ? 1 : 0),
    components: explained.components,
    weakest: explained.weakest,
    suggestions: explained.suggestions,
    history,
    inputs: {
      shares: mine.shares.length,
      unique_clicks: mine.shares.reduce((s, x) => s + x.uniqueClicks, 0),
      engaged_shares: mine.shares.filter((s) => shareEngagement(s) > 0).length,
      help_resolved: mine.helpResolved.length,
      kudos_received: mine.kudosReceived.length,
    },
  };
}
