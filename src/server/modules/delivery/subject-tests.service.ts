// Subject-line tests inside a variant (ADR 0021): at fan-out a share of the variant's e-mail recipients
// is split over the lines and the rest waits until the decision time; the first sender to reach a
// waiting delivery decides the winner by unique open rate (once, under a row lock) and every waiting
// delivery gets it. Nothing but the deliveries' own due time schedules the decision, so a crash or a
// lost job cannot leave anyone waiting: whoever sends next decides.
import type { AnyDb } from '../../platform/db/connect.js';
import type { CampaignDefinition, SubjectTestReport } from '../../../shared/campaigns.js';
import { peopleWithActivity } from '../tracking/index.js';
import { getCampaign } from '../campaigns/index.js';
import * as q from './subject-tests.queries.js';

export { AWAITING_WINNER } from './subject-tests.queries.js';

/**
 * Splits each testing variant's deliveries into its test share and those waiting for the winner; run
 * in the fan-out's transaction, so no sender sees a delivery before its line is set.
 * @example await startSubjectTests({ db: trx, campaign, now: new Date() });
 */
export async function startSubjectTests(input: { db: AnyDb; campaign: CampaignDefinition; now: Date }): Promise<void> {
  for (const variant of input.campaign.variants) {
    const test = variant.subject_test;
    if (!test || !variant.channels.includes('email')) continue;
    const decideAt = await q.startSubjectTest(input.db, {
      campaignId: input.campaign.id,
      variantKey: variant.key,
      sharePercent: test.share_percent,
      decideAt: new Date(input.now.getTime() + test.decide_after_hours * 3_600_000),
    });
    const options = 1 + Math.min(...Object.values(test.subjects).map((lines) => lines.length));
    await q.splitSubjectTest(input.db, { campaignId: input.campaign.id, variantKey: variant.key, sharePercent: test.share_percent, options, decideAt });
  }
}

/**
 * The winner of a line test from its figures: the highest unique open rate; on a tie the earlier line;
 * without a single open (nothing to tell the lines apart, or tracking off) the content's own line.
 * @example pickWinner([{ option: 0, sent: 10, unique_opens: 2 }, { option: 1, sent: 10, unique_opens: 5 }]) // { winner: 1, decision: 'higher_open_rate' }
 */
export function pickWinner(figures: q.OptionFigures[]): { winner: number; decision: 'higher_open_rate' | 'no_signal' | 'tie' } {
  const rated = figures.filter((f) => f.sent > 0).map((f) => ({ option: f.option, rate: f.unique_opens / f.sent }));
  if (!rated.some((f) => f.rate > 0)) return { winner: 0, decision: 'no_signal' };
  const best = Math.max(...rated.map((f) => f.rate));
  const top = rated.filter((f) => f.rate === best).sort((a, b) => a.option - b.option);
  return { winner: top[0]!.option, decision: top.length > 1 ? 'tie' : 'higher_open_rate' };
}

/**
 * The winning line of a variant's test, deciding it now if nobody has (the test's row is locked while
 * deciding, so two senders agree on one winner).
 * @example const line = await decideSubjectTest({ db, campaignId: 7, variantKey: 'novices' });
 */
export async function decideSubjectTest(input: { db: AnyDb; campaignId: number; variantKey: string }): Promise<number> {
  return input.db.transaction().execute(async (trx) => {
    const test = await q.findSubjectTest(trx, input.campaignId, input.variantKey, true);
    if (!test) return 0;
    if (test.winner !== null) return test.winner;
    const figures = await q.countOptionFigures(trx, {
      campaignId: input.campaignId,
      variantKey: input.variantKey,
      opened: peopleWithActivity({ type: 'opened', campaignId: input.campaignId }),
    });
    const { winner, decision } = pickWinner(figures);
    await q.recordWinner(trx, { campaignId: input.campaignId, variantKey: input.variantKey, winner, decision, figures });
    return winner;
  });
}

/**
 * Each variant's subject test with its lines' figures (as decided, or so far), none of a group smaller
 * than `minGroup`.
 * @example const { items } = await subjectTestReport({ db, campaignId: 7, minGroup: 5 });
 */
export async function subjectTestReport(input: { db: AnyDb; campaignId: number; minGroup: number }): Promise<SubjectTestReport> {
  const campaign = await getCampaign({ db: input.db, id: input.campaignId });
  const tests = await q.listSubjectTests(input.db, input.campaignId);
  const items: SubjectTestReport['items'] = [];
  for (const variant of campaign.variants) {
    if (!variant.subject_test) continue;
    const test = tests.find((t) => t.variant_key === variant.key);
    const figures =
      test?.figures ??
      (test
        ? await q.countOptionFigures(input.db, {
            campaignId: input.campaignId,
            variantKey: variant.key,
            opened: peopleWithActivity({ type: 'opened', campaignId: input.campaignId }),
          })
        : []);
    const lang = campaign.default_language;
    const lines = [variant.content[lang]?.subject ?? '', ...(variant.subject_test.subjects[lang] ?? [])];
    items.push({
      variant: variant.key,
      share_percent: test?.share_percent ?? variant.subject_test.share_percent,
      decide_at: test?.decide_at.toISOString() ?? null,
      decided_at: test?.decided_at?.toISOString() ?? null,
      winner: test?.winner ?? null,
      decision: test?.decision ?? null,
      options: lines.map((subject, option) => {
        const f = figures.find((x) => x.option === option);
        const shown = f !== undefined && f.sent >= input.minGroup;
        return {
          option,
          subject,
          sent: shown ? f.sent : null,
          unique_opens: shown ? f.unique_opens : null,
          open_rate: shown ? f.unique_opens / f.sent : null,
        };
      }),
    });
  }
  return { items };
}
