// A campaign's report (DESIGN §3.4, ADR 0024), read from the rollups only: the totals, by variant and
// language, by channel, the breakdown asked for, the series, each follow-up's effect and the leaders'
// participation. Every figure of a group smaller than k is null, and so is every group a margin (a
// coarser breakdown, the total) minus the shown groups would give away.
import type { AnyDb } from '../../platform/db/connect.js';
import { hiddenCells } from '../../platform/privacy/k-anonymity.js';
import type { CampaignReport, ReportDimension, ReportFigures } from '../../../shared/analytics.js';
import type { Channel } from '../../../shared/campaigns.js';
import { FOLLOW_UP_STEPS, getCampaignDefinition } from '../campaigns/index.js';
import { getCascadeReport } from '../delivery/index.js';
import { effectiveTrackingMode, type TrackingMode } from '../tracking/index.js';
import * as q from './analytics.queries.js';

type Counts = Omit<q.GroupRow, 'channel' | 'variant_key' | 'language' | 'generation' | 'department'>;
const COUNT_KEYS = [
  'recipients',
  'delivered',
  'opened',
  'clicked',
  'acknowledged',
  'quiz_passed',
  'quiz_failed',
  'glanced',
  'skimmed',
  'read',
  'machine_opens',
  'machine_clicks',
] as const satisfies readonly (keyof Counts)[];

const COLUMN: Record<ReportDimension, keyof q.GroupRow> = {
  variant: 'variant_key',
  language: 'language',
  channel: 'channel',
  generation: 'generation',
  department: 'department',
};

function sum(rows: q.GroupRow[]): Counts {
  const out = Object.fromEntries(COUNT_KEYS.map((key) => [key, 0])) as Counts;
  for (const row of rows) for (const key of COUNT_KEYS) out[key] += Number(row[key]);
  return out;
}

/** Rows summed by the values of `dims`, as [key values, counts] in a stable order. */
function groupBy(rows: q.GroupRow[], dims: readonly ReportDimension[]): [string[], Counts][] {
  const groups = new Map<string, { key: string[]; rows: q.GroupRow[] }>();
  for (const row of rows) {
    const key = dims.map((d) => String(row[COLUMN[d]]));
    const id = JSON.stringify(key);
    const group = groups.get(id) ?? { key, rows: [] };
    group.rows.push(row);
    groups.set(id, group);
  }
  return [...groups.values()].map((g) => [g.key, sum(g.rows)] as [string[], Counts]).sort(([a], [b]) => (a.join('\u0000') < b.join('\u0000') ? -1 : 1));
}

const EMPTY: ReportFigures = {
  recipients: null,
  delivered: null,
  unique_opens: null,
  unique_clicks: null,
  acknowledged: null,
  quiz_passed: null,
  quiz_failed: null,
  reads: { glanced: null, skimmed: null, read: null },
};

/** A group's figures; `engagement` false (tracking off) leaves what tracking would have counted null. */
function figures(c: Counts, engagement: boolean): ReportFigures {
  const tracked = (n: number) => (engagement ? n : null);
  return {
    recipients: c.recipients,
    delivered: c.delivered,
    unique_opens: tracked(c.opened),
    unique_clicks: tracked(c.clicked),
    acknowledged: c.acknowledged,
    quiz_passed: c.quiz_passed,
    quiz_failed: c.quiz_failed,
    reads: { glanced: tracked(c.glanced), skimmed: tracked(c.skimmed), read: tracked(c.read) },
  };
}

/** Groups by `dims` with k-anonymity applied (hidden groups keep their key, every figure null). */
function breakdown(rows: q.GroupRow[], dims: readonly ReportDimension[], k: number, engagement: boolean) {
  const groups = groupBy(rows, dims);
  const hidden = hiddenCells(
    groups.map(([key, c]) => [key, c.recipients] as const),
    k,
  );
  return groups.map(([key, c], i) => ({ key: Object.fromEntries(dims.map((d, j) => [d, key[j]!])), figures: hidden.has(i) ? EMPTY : figures(c, engagement) }));
}

/** Reports assembled from their rollup, per database (at most this many kept). */
const ASSEMBLED_MAX = 500;
type Assembled = Map<string, Omit<CampaignReport, 'leaders'>>;
const assembled = new WeakMap<object, Assembled>();

/** The report's figures from the campaign's rollup rows, k-anonymous. */
function assemble(input: {
  campaignId: number;
  rows: q.GroupRow[];
  report: q.ReportRow | undefined;
  computedAt: string | null;
  tracking: TrackingMode;
  k: number;
  by: readonly ReportDimension[];
}): Omit<CampaignReport, 'leaders'> {
  const { rows, report, tracking, k } = input;
  const people = rows.filter((r) => r.channel === 'all');
  const total = sum(people);
  // Engagement figures exist while tracking is on; what was recorded before a switch to off stays hidden.
  const engagement = tracking !== 'off';
  const shown = total.recipients >= k;
  const top = shown ? figures(total, engagement) : EMPTY;
  const hideSmall = (n: number) => (shown && (n === 0 || n >= k) ? n : null);
  return {
    campaign_id: input.campaignId,
    tracking,
    k,
    computed_at: input.computedAt,
    ...top,
    machine_opens: shown ? total.machine_opens : null,
    machine_clicks: shown ? total.machine_clicks : null,
    median_time_to_open_seconds: shown && engagement ? (report?.median_open_seconds ?? null) : null,
    by_variant: breakdown(people, ['variant', 'language'], k, engagement).map(({ key, figures: f }) => ({
      variant: key.variant!,
      language: key.language!,
      recipients: f.recipients,
      unique_opens: f.unique_opens,
      unique_clicks: f.unique_clicks,
    })),
    by_channel: breakdown(
      rows.filter((r) => r.channel !== 'all'),
      ['channel'],
      k,
      engagement,
    ).map(({ key, figures: f }) => ({ channel: key.channel as Channel, ...f })),
    breakdown: {
      by: [...input.by],
      groups: breakdown(input.by.includes('channel') ? rows.filter((r) => r.channel !== 'all') : people, input.by, k, engagement).map(
        ({ key, figures: f }) => ({ key, ...f }),
      ),
    },
    // A point of fewer than k people (but not none) is hidden: who opened at 3 a.m. is nobody's business.
    series: engagement ? (report?.series ?? []).map((p) => ({ ...p, opens: hideSmall(p.opens), clicks: hideSmall(p.clicks) })) : [],
    follow_ups: (report?.follow_ups ?? []).map((f) => {
      const big = shown && f.sent >= k;
      return {
        step: f.step,
        follow_up: Math.floor((f.step - 1) / FOLLOW_UP_STEPS),
        round: (f.step - 1) % FOLLOW_UP_STEPS,
        sent: big ? f.sent : null,
        opened_after: big && engagement ? f.opened_after : null,
        clicked_after: big && engagement ? f.clicked_after : null,
        acknowledged_after: big ? f.acknowledged_after : null,
      };
    }),
  };
}

/**
 * The report of campaign `id`; an unknown campaign is the campaigns module's 404.
 * @example const report = await getCampaignReport({ db, config, id: 7, by: ['variant', 'generation'] }); report.by_variant[0]?.unique_opens
 */
export async function getCampaignReport(input: {
  db: AnyDb;
  config: { TRACKING_MODE: TrackingMode; PRIVACY_MIN_GROUP: number };
  id: number;
  by: readonly ReportDimension[];
}): Promise<CampaignReport> {
  const { db, config } = input;
  const k = config.PRIVACY_MIN_GROUP;
  const campaign = await getCampaignDefinition({ db, id: input.id });
  const tracking = effectiveTrackingMode(campaign, config);
  const [report, cascade] = await Promise.all([
    q.findReport(db, campaign.id),
    campaign.cascade ? getCascadeReport({ db, campaignId: campaign.id, limit: 1 }) : Promise.resolve(null),
  ]);
  // The rollup changes once a minute: a report assembled for the same rollup, campaign version, mode,
  // k and breakdown is the same report, so views in between reuse it (the leaders are always read).
  const computedAt = report ? new Date(report.computed_at).toISOString() : null;
  const key = [campaign.id, campaign.updated_at, tracking, k, input.by.join(','), computedAt ?? ''].join('|');
  let cache = assembled.get(db);
  if (!cache) assembled.set(db, (cache = new Map() as Assembled));
  let built = cache.get(key);
  if (!built) {
    built = assemble({ campaignId: campaign.id, rows: await q.findGroups(db, campaign.id), report, computedAt, tracking, k, by: input.by });
    cache.set(key, built);
    if (cache.size > ASSEMBLED_MAX) cache.delete(cache.keys().next().value!);
  }
  return {
    ...built,
    leaders: cascade
      ? { leaders: cascade.totals.leaders, released: cascade.totals.released, on_time: cascade.totals.on_time, participation: cascade.participation }
      : null,
  };
}
