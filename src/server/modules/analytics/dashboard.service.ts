// The organisation dashboard (DESIGN §3.4–3.5, ADR 0024): reach and engagement across the campaigns
// first sent in a period, per campaign, per generation or department, per ISO week and per group ×
// week, with the leaders' part in cascades. It reads the report rollups only, so a page view costs a
// few hundred rows however many events there were.
//
// k-anonymity: a campaign contributes exactly what its own report shows. A campaign of fewer than k
// recipients contributes nothing (its report shows nothing either); a group's figure of a campaign
// counts only where that campaign's report by the same dimension shows it (hiddenCells there: groups
// smaller than k, and the next smallest ones a margin would give away). Every dashboard figure is
// therefore a sum of figures already shown, and no subtraction of one from another recovers a hidden
// group: the dashboard itself cannot reveal anything a campaign report hides.
import { AppError, coded, fieldProblem } from '../../platform/http/app-error.js';
import type { AnyDb } from '../../platform/db/connect.js';
import { hiddenCells } from '../../platform/privacy/k-anonymity.js';
import { getCascadeTotals } from '../delivery/index.js';
import { effectiveTrackingMode, type TrackingMode } from '../tracking/index.js';
import {
  DASHBOARD_DEFAULT_DAYS,
  DASHBOARD_MAX_DAYS,
  periodDays,
  type Dashboard,
  type DashboardFigures,
  type DashboardGrouping,
  type DashboardLeaders,
} from '../../../shared/analytics.js';
import { GENERATIONS } from '../../../shared/people.js';
import * as dq from './dashboard.queries.js';

const DAY_MS = 86_400_000;

/** Counts summed over campaigns; `tracked` the recipients of campaigns whose opens and clicks count. */
type Sums = { recipients: number; delivered: number; opened: number; clicked: number; acknowledged: number; tracked: number };

const zero = (): Sums => ({ recipients: 0, delivered: 0, opened: 0, clicked: 0, acknowledged: 0, tracked: 0 });

/** Adds a campaign's counts; opens and clicks only when the campaign is tracked. */
function add(into: Sums, row: Omit<dq.CampaignGroupRow, 'campaign_id' | 'group'>, tracked: boolean): void {
  into.recipients += row.recipients;
  into.delivered += row.delivered;
  into.acknowledged += row.acknowledged;
  if (tracked) {
    into.tracked += row.recipients;
    into.opened += row.opened;
    into.clicked += row.clicked;
  }
}

const share = (n: number, of: number) => (of > 0 ? n / of : null);

const HIDDEN: DashboardFigures = {
  recipients: null,
  delivered: null,
  unique_opens: null,
  unique_clicks: null,
  acknowledged: null,
  open_rate: null,
  click_rate: null,
  acknowledged_rate: null,
};

/** The figures of some sums; `null` sums (nothing shown) are hidden. */
function figures(s: Sums | null): DashboardFigures {
  if (s === null) return HIDDEN;
  const tracked = s.tracked > 0;
  return {
    recipients: s.recipients,
    delivered: s.delivered,
    unique_opens: tracked ? s.opened : null,
    unique_clicks: tracked ? s.clicked : null,
    acknowledged: s.acknowledged,
    open_rate: share(s.opened, s.tracked),
    click_rate: share(s.clicked, s.tracked),
    acknowledged_rate: share(s.acknowledged, s.recipients),
  };
}

/**
 * The ISO 8601 week of a moment (UTC): `2026-W49` and the Monday it starts on.
 * @example isoWeek(new Date('2027-01-01T12:00:00Z')) // { week: '2026-W53', starts: '2026-12-28' }
 */
export function isoWeek(at: Date): { week: string; starts: string } {
  const monday = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() - ((at.getUTCDay() + 6) % 7));
  const thursday = new Date(monday + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return { week: `${year}-W${String(week).padStart(2, '0')}`, starts: new Date(monday).toISOString().slice(0, 10) };
}

const dateOf = (at: Date) => at.toISOString().slice(0, 10);

/** The period asked for with its defaults filled in (the last 90 days up to today, UTC). */
function resolvePeriod(query: { from?: string; to?: string }, now: Date): { from: string; to: string } {
  const to = query.to ?? (query.from !== undefined && query.from > dateOf(now) ? query.from : dateOf(now));
  const from = query.from ?? dateOf(new Date(Date.parse(`${to}T00:00:00Z`) - (DASHBOARD_DEFAULT_DAYS - 1) * DAY_MS));
  if (periodDays(from, to) > DASHBOARD_MAX_DAYS)
    throw new AppError('validation', `a period of at most ${DASHBOARD_MAX_DAYS} days`, {
      problems: [fieldProblem('/from', `a period of at most ${DASHBOARD_MAX_DAYS} days`, coded('dashboard.period_too_long', { maximum: DASHBOARD_MAX_DAYS }))],
    });
  return { from, to };
}

/** Generations from the oldest to the youngest, departments alphabetically; unknown ('') last. */
function groupOrder(by: DashboardGrouping): (a: string, b: string) => number {
  const rank = (g: string) => (g === '' ? Number.MAX_SAFE_INTEGER : by === 'generation' ? (GENERATIONS as readonly string[]).indexOf(g) : 0);
  return (a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The dashboard of the campaigns first sent from `from` through `to` (dates in UTC, both included).
 * @example const d = await getDashboard({ db, config, now: new Date(), query: { from: '2026-09-01', to: '2026-11-30', by: 'department' } }); d.groups[0]?.open_rate
 */
export async function getDashboard(input: {
  db: AnyDb;
  config: { TRACKING_MODE: TrackingMode; PRIVACY_MIN_GROUP: number };
  now: Date;
  query: { from?: string; to?: string; by: DashboardGrouping };
}): Promise<Dashboard> {
  const { db, config } = input;
  const k = config.PRIVACY_MIN_GROUP;
  const by = input.query.by;
  const { from, to } = resolvePeriod(input.query, input.now);
  const campaigns = await dq.findPeriodCampaigns(db, { from: new Date(`${from}T00:00:00Z`), until: new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS) });
  const ids = campaigns.map((c) => c.id);
  const [groupRows, cascades] = await Promise.all([dq.findCampaignGroups(db, { campaignIds: ids, by }), getCascadeTotals({ db, campaignIds: ids })]);
  const rowsOf = new Map<number, dq.CampaignGroupRow[]>();
  for (const row of groupRows) rowsOf.set(row.campaign_id, [...(rowsOf.get(row.campaign_id) ?? []), row]);

  // Every ISO week the period touches, so the charts show quiet weeks too.
  const weeks = new Map<string, { starts: string; campaigns: number; sums: Sums; leaders: number; on_time: number }>();
  for (let day = Date.parse(`${from}T00:00:00Z`); day <= Date.parse(`${to}T00:00:00Z`); day += DAY_MS) {
    const { week, starts } = isoWeek(new Date(day));
    if (!weeks.has(week)) weeks.set(week, { starts, campaigns: 0, sums: zero(), leaders: 0, on_time: 0 });
  }
  const totals = zero();
  let hiddenCampaigns = 0;
  const groups = new Map<string, { sums: Sums | null; campaigns: number; hidden_in: number }>();
  const cells = new Map<string, { group: string; week: string; sums: Sums | null }>();
  const leaders: DashboardLeaders = { campaigns: 0, leaders: 0, briefed: 0, released: 0, on_time: 0, by_deadline: 0, participation: null };
  const order = groupOrder(by);

  const campaignRows = campaigns.map((campaign) => {
    const tracking = effectiveTrackingMode(campaign, config);
    const tracked = tracking !== 'off';
    // In the order the campaign report sorts its groups (ties in hiddenCells go by that order).
    const rows = (rowsOf.get(campaign.id) ?? []).sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
    const sums = zero();
    for (const row of rows) add(sums, row, tracked);
    const shown = sums.recipients >= k;
    const { week } = isoWeek(campaign.first_sent_at);
    const inWeek = weeks.get(week)!;
    inWeek.campaigns++;
    if (shown) {
      add(totals, sums, tracked);
      add(inWeek.sums, sums, tracked);
    } else hiddenCampaigns++;
    const hidden = hiddenCells(
      rows.map((r) => [[r.group], r.recipients] as const),
      k,
    );
    rows.forEach((row, i) => {
      const group = groups.get(row.group) ?? { sums: null, campaigns: 0, hidden_in: 0 };
      groups.set(row.group, group);
      const cellKey = JSON.stringify([row.group, week]);
      const cell = cells.get(cellKey) ?? { group: row.group, week, sums: null };
      cells.set(cellKey, cell);
      group.campaigns++;
      if (!shown || hidden.has(i)) {
        group.hidden_in++;
        return;
      }
      add((group.sums ??= zero()), row, tracked);
      add((cell.sums ??= zero()), row, tracked);
    });
    const cascade = cascades.get(campaign.id);
    if (cascade) {
      leaders.campaigns++;
      leaders.leaders += cascade.leaders;
      leaders.briefed += cascade.briefed;
      leaders.released += cascade.released;
      leaders.on_time += cascade.on_time;
      leaders.by_deadline += cascade.by_deadline;
      inWeek.leaders += cascade.leaders;
      inWeek.on_time += cascade.on_time;
    }
    return {
      id: campaign.id,
      name: campaign.name,
      tracking,
      first_sent_at: campaign.first_sent_at.toISOString(),
      week,
      ...figures(shown ? sums : null),
      leaders: cascade ? { leaders: cascade.leaders, on_time: cascade.on_time, participation: share(cascade.on_time, cascade.leaders) } : null,
    };
  });
  leaders.participation = share(leaders.on_time, leaders.leaders);

  return {
    from,
    to,
    by,
    k,
    computed_at: campaigns.length === 0 ? null : new Date(Math.min(...campaigns.map((c) => c.computed_at.getTime()))).toISOString(),
    totals: { campaigns: campaigns.length, campaigns_hidden: hiddenCampaigns, ...figures(totals) },
    campaigns: campaignRows,
    groups: [...groups.entries()]
      .sort(([a], [b]) => order(a, b))
      .map(([group, g]) => ({ group, campaigns: g.campaigns, hidden_in: g.hidden_in, ...figures(g.sums) })),
    weeks: [...weeks.entries()].map(([week, w]) => ({
      week,
      starts: w.starts,
      campaigns: w.campaigns,
      ...figures(w.sums),
      leaders: w.leaders,
      leaders_on_time: w.on_time,
      leader_participation: share(w.on_time, w.leaders),
    })),
    cells: [...cells.values()]
      .sort((a, b) => order(a.group, b.group) || (a.week < b.week ? -1 : a.week > b.week ? 1 : 0))
      .map((c) => {
        const f = figures(c.sums);
        return { group: c.group, week: c.week, recipients: f.recipients, unique_opens: f.unique_opens, open_rate: f.open_rate };
      }),
    leaders,
  };
}
