// A sharer's own figures and the programme's share analytics (ADR 0030). Departments with fewer than
// k sharers are not shown apart (their figures go to "other", itself shown only from k sharers), and
// earned media value is unique clicks × the configured cost per click.
import type { AnyDb } from '../../platform/db/connect.js';
import { NETWORKS, type Network } from '../../../shared/advocacy.js';
import type { MyShareStats, ShareAnalytics } from '../../../shared/advocacy-sharing.js';
import { getAdvocacySettings } from './settings.service.js';
import { noPerson } from './content.service.js';
import { shortUrlOf } from './share.service.js';
import * as q from './share-stats.queries.js';

const sum = <T>(rows: T[], pick: (r: T) => number) => rows.reduce((s, r) => s + pick(r), 0);

/**
 * The caller's own share figures.
 * @example (await getMyShareStats({ db, personId: 42, publicUrl })).unique_clicks // 7
 */
export async function getMyShareStats(input: { db: AnyDb; personId: number | null; publicUrl: string }): Promise<MyShareStats> {
  if (input.personId === null) throw noPerson();
  const [links, weeks] = await Promise.all([q.findPersonLinkFigures(input.db, input.personId), q.findPersonWeeks(input.db, input.personId)]);
  const shares = sum(links, (l) => l.shares);
  const adapted = sum(links, (l) => l.adapted);
  const byContent = new Map<number, MyShareStats['by_content'][number]>();
  for (const l of links) {
    const entry = byContent.get(l.content_id) ?? {
      content_id: l.content_id,
      title: l.title,
      shares: 0,
      unique_clicks: 0,
      reactions: 0,
      comments: 0,
      links: [],
    };
    entry.shares += l.shares;
    entry.unique_clicks += l.unique_clicks;
    entry.reactions += l.reactions;
    entry.comments += l.comments;
    entry.links.push({ code: l.code, network: l.network, short_url: shortUrlOf(input.publicUrl, l.code) });
    byContent.set(l.content_id, entry);
  }
  return {
    shares,
    adapted_shares: adapted,
    adapted_percent: shares === 0 ? null : Math.round((adapted / shares) * 1000) / 10,
    unique_clicks: sum(links, (l) => l.unique_clicks),
    machine_clicks: sum(links, (l) => l.machine_clicks),
    reactions: sum(links, (l) => l.reactions),
    comments: sum(links, (l) => l.comments),
    reshares: sum(links, (l) => l.reshares),
    by_network: NETWORKS.map((network) => {
      const of = links.filter((l) => l.network === network);
      return { network, shares: sum(of, (l) => l.shares), unique_clicks: sum(of, (l) => l.unique_clicks) };
    }).filter((r) => r.shares > 0 || r.unique_clicks > 0),
    by_content: [...byContent.values()],
    by_week: weeks,
  };
}

/** The range [from, to] of whole UTC days; the last 90 days by default. */
export function rangeOf(from: string | undefined, to: string | undefined, now: Date): { from: string; to: string; range: q.Range } {
  const toDay = to ?? now.toISOString().slice(0, 10);
  const fromDay = from ?? new Date(new Date(`${toDay}T00:00:00Z`).getTime() - 89 * 86_400_000).toISOString().slice(0, 10);
  const end = new Date(`${toDay}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return { from: fromDay, to: toDay, range: { from: new Date(`${fromDay}T00:00:00Z`), to: end } };
}

/**
 * The programme's analytics for a range of days.
 * @example (await getShareAnalytics({ db, from: '2026-11-01', to: '2026-11-30', minGroup: 5, now })).earned_media_value
 */
export async function getShareAnalytics(input: { db: AnyDb; from?: string; to?: string; minGroup: number; now: Date }): Promise<ShareAnalytics> {
  const { from, to, range } = rangeOf(input.from, input.to, input.now);
  const [links, sharers, adoption, settings] = await Promise.all([
    q.findRangeLinkFigures(input.db, range),
    q.countSharers(input.db, range),
    q.findAdoption(input.db, range),
    getAdvocacySettings(input.db),
  ]);
  const uniqueClicks = sum(links, (l) => l.unique_clicks);
  const byNetwork = NETWORKS.map((network: Network) => {
    const of = links.filter((l) => l.network === network);
    return {
      network,
      shares: sum(of, (l) => l.shares),
      unique_clicks: sum(of, (l) => l.unique_clicks),
      reactions: sum(of, (l) => l.reactions),
      comments: sum(of, (l) => l.comments),
    };
  });
  const content = new Map<number, { content_id: number; title: string; shares: number; unique_clicks: number }>();
  const departments = new Map<string, { department: string; people: Set<number>; shares: number; unique_clicks: number }>();
  for (const l of links) {
    const c = content.get(l.content_id) ?? { content_id: l.content_id, title: l.title, shares: 0, unique_clicks: 0 };
    c.shares += l.shares;
    c.unique_clicks += l.unique_clicks;
    content.set(l.content_id, c);
    const key = l.department ?? '';
    const d = departments.get(key) ?? { department: key, people: new Set<number>(), shares: 0, unique_clicks: 0 };
    if (l.person_id !== null && l.shares > 0) d.people.add(l.person_id);
    d.shares += l.shares;
    d.unique_clicks += l.unique_clicks;
    departments.set(key, d);
  }
  const shown = [...departments.values()].filter((d) => d.department !== '' && d.people.size >= input.minGroup);
  const rest = [...departments.values()].filter((d) => !shown.includes(d));
  const restPeople = new Set(rest.flatMap((d) => [...d.people]));
  const other =
    restPeople.size >= input.minGroup
      ? { sharers: restPeople.size, shares: sum(rest, (d) => d.shares), unique_clicks: sum(rest, (d) => d.unique_clicks) }
      : { sharers: 0, shares: 0, unique_clicks: 0 };
  return {
    from,
    to,
    shares: sum(links, (l) => l.shares),
    sharers,
    unique_clicks: uniqueClicks,
    machine_clicks: sum(links, (l) => l.machine_clicks),
    reactions: sum(links, (l) => l.reactions),
    comments: sum(links, (l) => l.comments),
    earned_media_value: Math.round(uniqueClicks * settings.cost_per_click * 100) / 100,
    currency: settings.currency,
    cost_per_click: settings.cost_per_click,
    by_network: byNetwork,
    top_content: [...content.values()].sort((a, b) => b.unique_clicks - a.unique_clicks || b.shares - a.shares || a.content_id - b.content_id).slice(0, 10),
    by_department: shown
      .map((d) => ({ department: d.department, sharers: d.people.size, shares: d.shares, unique_clicks: d.unique_clicks }))
      .sort((a, b) => b.shares - a.shares || a.department.localeCompare(b.department)),
    other_departments: other,
    min_group: input.minGroup,
    adoption,
  };
}
