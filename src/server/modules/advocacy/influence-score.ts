// The influence score (ADR 0032): quality over quantity, explainable. Pure functions only: the inputs are
// one person's shares (with their unique outside clicks and reported reactions, comments and reshares),
// the help requests they resolved and the kudos they received, each dated; `now` is passed in.
//
// Four components, every event weighted by recency (half-life HALF_LIFE_DAYS):
// - engagement: weighted engagement per share with an additive prior of PRIOR_SHARES empty shares, so an
//   ignored share lowers it and three great shares beat thirty ignored ones;
// - reach: log(1 + weighted unique clicks);
// - consistency: the weeks of the last 12 with an ENGAGED share, each weighted by its recency;
// - inside: log(1 + weighted help resolved × 2 + weighted kudos received).
// Each component is squashed to [0, 1) and the raw score is their weighted sum; the 1–100 score is the
// raw score's percentile among active people.

export const HALF_LIFE_DAYS = 45;
export const PRIOR_SHARES = 2;
export const CONSISTENCY_WEEKS = 12;
export const ACTIVE_DAYS = 90;
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** 1970-01-05 was a Monday: weeks counted from it are ISO weeks (UTC). */
const MONDAY_EPOCH_MS = 4 * DAY_MS;

export const COMPONENTS = ['engagement', 'reach', 'consistency', 'inside'] as const;
export type Component = (typeof COMPONENTS)[number];

/** How much each squashed component weighs in the raw score (sums to 1). */
export const WEIGHTS: Record<Component, number> = { engagement: 0.4, reach: 0.25, consistency: 0.2, inside: 0.15 };
/** The component value at which its squashed form is one half. */
const HALF_AT: Record<Component, number> = { engagement: 5, reach: Math.log1p(50), consistency: 4, inside: Math.log1p(5) };

export type ShareInput = {
  at: Date;
  uniqueClicks: number;
  reactions: number;
  comments: number;
  reshares: number;
  /** Whether the person wrote their own words rather than the suggested text. */
  adapted?: boolean;
};
export type ScoreInputs = { shares: ShareInput[]; helpResolved: Date[]; kudosReceived: Date[] };
export type Components = Record<Component, number>;

/**
 * The weight of an event `ageDays` old: 1 now, one half after a half-life; 0 for future events is not
 * needed (a future event counts as now).
 * @example decay(45) // 0.5
 */
export function decay(ageDays: number): number {
  return Math.pow(0.5, Math.max(0, ageDays) / HALF_LIFE_DAYS);
}

const ageDays = (at: Date, now: Date) => (now.getTime() - at.getTime()) / DAY_MS;
const weekOf = (ms: number) => Math.floor((ms - MONDAY_EPOCH_MS) / WEEK_MS);

/** What one share earned: unique clicks, reactions, and comments and reshares counted twice. */
export function shareEngagement(s: ShareInput): number {
  return s.uniqueClicks + s.reactions + 2 * s.comments + 2 * s.reshares;
}

/**
 * The four component values of one person at `now` (events after `now` are ignored).
 * @example components({ shares: [], helpResolved: [], kudosReceived: [] }, new Date()) // all 0
 */
export function components(inputs: ScoreInputs, now: Date): Components {
  const nowMs = now.getTime();
  const shares = inputs.shares.filter((s) => s.at.getTime() <= nowMs);
  let weighted = 0;
  let weights = 0;
  let clicks = 0;
  const weeks = new Map<number, number>();
  const currentWeek = weekOf(nowMs);
  for (const s of shares) {
    const w = decay(ageDays(s.at, now));
    const e = shareEngagement(s);
    weighted += w * e;
    weights += w;
    clicks += w * s.uniqueClicks;
    const week = weekOf(s.at.getTime());
    if (e > 0 && week > currentWeek - CONSISTENCY_WEEKS) weeks.set(week, Math.max(weeks.get(week) ?? 0, w));
  }
  let inside = 0;
  for (const d of inputs.helpResolved) if (d.getTime() <= nowMs) inside += 2 * decay(ageDays(d, now));
  for (const d of inputs.kudosReceived) if (d.getTime() <= nowMs) inside += decay(ageDays(d, now));
  return {
    engagement: weighted / (weights + PRIOR_SHARES),
    reach: Math.log1p(clicks),
    consistency: [...weeks.values()].reduce((a, b) => a + b, 0),
    inside: Math.log1p(inside),
  };
}

/** A component squashed to [0, 1): x / (x + its half point). */
export function squash(component: Component, value: number): number {
  return value <= 0 ? 0 : value / (value + HALF_AT[component]);
}

/** The raw score in [0, 1): the weighted sum of the squashed components. */
export function rawScore(c: Components): number {
  return COMPONENTS.reduce((sum, k) => sum + WEIGHTS[k] * squash(k, c[k]), 0);
}

/**
 * A value's place among others, 1–100: the share of others below it plus half of those equal (itself
 * counted once), rounded up. Nothing earned (0) is always 1; with nobody else to compare with, an
 * earning person is at the middle, 50.
 * @example percentileScore(0.3, [0.1, 0.2, 0.4]) // 63
 */
export function percentileScore(value: number, others: readonly number[]): number {
  if (!(value > 0)) return 1;
  let below = 0;
  let equal = 1;
  for (const o of others) {
    if (o < value) below++;
    else if (o === value) equal++;
  }
  const p = (below + 0.5 * equal) / (others.length + 1);
  return Math.min(100, Math.max(1, Math.ceil(100 * p)));
}

/** Whether a person counts among the active (any share, help or kudos in the last ACTIVE_DAYS). */
export function isActive(inputs: ScoreInputs, now: Date): boolean {
  const within = (d: Date) => d.getTime() <= now.getTime() && ageDays(d, now) <= ACTIVE_DAYS;
  return inputs.shares.some((s) => within(s.at)) || inputs.helpResolved.some(within) || inputs.kudosReceived.some(within);
}

export const SUGGESTIONS = ['share_every_week', 'add_own_words', 'share_fitting_content', 'share_on_more_networks', 'help_colleagues', 'keep_going'] as const;
export type Suggestion = (typeof SUGGESTIONS)[number];

export type ScoreExplained = {
  score: number;
  raw: number;
  active: boolean;
  components: { key: Component; value: number; weight: number; percentile: number }[];
  weakest: Component | null;
  suggestions: Suggestion[];
};

/**
 * One person's score explained: the 1–100 score among `population` (the other active people's
 * component values), each component with its value and percentile, the weakest, and what would raise it.
 */
export function explainScore(input: { inputs: ScoreInputs; now: Date; population: readonly Components[] }): ScoreExplained {
  const mine = components(input.inputs, input.now);
  const raw = rawScore(mine);
  const comps = COMPONENTS.map((key) => ({
    key,
    value: round(mine[key]),
    weight: WEIGHTS[key],
    percentile: percentileScore(
      mine[key],
      input.population.map((p) => p[key]),
    ),
  }));
  const weakest = [...comps].sort((a, b) => a.percentile - b.percentile || WEIGHTS[b.key] - WEIGHTS[a.key])[0]!;
  const suggestions: Suggestion[] = [];
  const recent = input.inputs.shares.filter((s) => ageDays(s.at, input.now) <= ACTIVE_DAYS);
  if (recent.length > 0 && recent.filter((s) => s.adapted === false).length * 2 > recent.length) suggestions.push('add_own_words');
  const byComponent: Record<Component, Suggestion> = {
    engagement: 'share_fitting_content',
    reach: 'share_on_more_networks',
    consistency: 'share_every_week',
    inside: 'help_colleagues',
  };
  const ordered = [...comps].sort((a, b) => a.percentile - b.percentile);
  for (const c of ordered) if (c.percentile < 50 && !suggestions.includes(byComponent[c.key])) suggestions.push(byComponent[c.key]);
  if (suggestions.length === 0) suggestions.push('keep_going');
  return {
    score: percentileScore(
      raw,
      input.population.map((p) => rawScore(p)),
    ),
    raw: round(raw),
    active: isActive(input.inputs, input.now),
    components: comps,
    weakest: weakest.percentile >= 100 ? null : weakest.key,
    suggestions: suggestions.slice(0, 3),
  };
}

const round = (x: number) => Math.round(x * 10000) / 10000;
