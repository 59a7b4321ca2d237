// Onboarding waves (issue 12, ADR 0033): a default plan from the maturity grid, waves a communicator
// edits until they invite it, and the invite: one invitation campaign through the campaigns module
// (sent at once, or held as a draft for approval under CAMPAIGN_APPROVAL) and the wave's members
// recorded, each person in at most one wave. The wave's row is locked while it invites, so two
// invites at once make one campaign and the second gets a 409.
import { sql, type RawBuilder } from 'kysely';
import type { Logger } from 'pino';
import type { AnyDb } from '../../platform/db/connect.js';
import type { Config } from '../../platform/config/config.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import { AppError, coded, notFound } from '../../platform/http/app-error.js';
import type { Rule } from '../../../shared/audiences.js';
import { SUGGESTED_WAVES, waveInputSchema, type InviteResult, type SuggestedWaves, type Wave } from '../../../shared/advocacy-maturity.js';
import type { z } from 'zod';
import { activePersonSql, countPeopleWhere, findPeopleIdsWhere } from '../people/index.js';
import { checkAudienceRule, compileAudienceRule } from '../audiences/index.js';
import { createCampaign, requestSend } from '../campaigns/index.js';
import { fanOutCampaignJob } from '../delivery/index.js';
import * as q from './maturity.queries.js';

export type WaveContext = { db: AnyDb; config: Config; jobs: JobQueue; clock: () => Date; logger?: Logger };
type WaveValues = z.output<typeof waveInputSchema>;

const waveNotFound = (id: number) => notFound(`wave ${id}`, coded('advocacy.wave_not_found'));
const alreadyInvited = () => new AppError('conflict', 'the wave has invited its people and can no longer change', coded('advocacy.wave_invited'));

/** Who a wave would invite now: active people at its stages, in its audience, not yet in a wave. */
async function waveWhere(ctx: WaveContext, db: AnyDb, wave: { stages: number[]; audience: unknown }): Promise<RawBuilder<boolean>> {
  const parts = [activePersonSql, q.atStagesSql(wave.stages), sql<boolean>`NOT ${q.isWaveMemberSql}`];
  if (wave.audience) parts.push(await compileAudienceRule({ db, rule: wave.audience, thresholds: ctx.config.experienceThresholds, pointer: '/audience' }));
  return sql<boolean>`(${sql.join(parts, sql` AND `)})`;
}

export async function suggestedWaves(ctx: WaveContext): Promise<SuggestedWaves> {
  const items = [];
  for (const s of SUGGESTED_WAVES)
    items.push({ ...s, people: await countPeopleWhere({ db: ctx.db, where: await waveWhere(ctx, ctx.db, { stages: s.stages, audience: null }) }) });
  return { items };
}

async function present(ctx: WaveContext, rows: q.WaveRow[]): Promise<Wave[]> {
  const counts = await q.countWaveMembers(
    ctx.db,
    rows.map((r) => r.id),
  );
  const out: Wave[] = [];
  for (const r of rows) {
    const c = counts.get(r.id) ?? { members: 0, adopters: 0 };
    const people = r.invited_at ? c.members : await countPeopleWhere({ db: ctx.db, where: await waveWhere(ctx, ctx.db, r) });
    out.push({
      id: r.id,
      number: r.number,
      name: r.name,
      stages: r.stages,
      audience: r.audience,
      content_ids: r.content_ids.map(Number),
      coaching: r.coaching,
      planned_for: r.planned_for,
      invited_at: r.invited_at?.toISOString() ?? null,
      campaign_id: r.campaign_id,
      people,
      adopters: c.adopters,
      created_at: r.created_at.toISOString(),
    });
  }
  return out;
}

/** A 400 naming the bad node of the audience or the unknown content. */
async function check(ctx: WaveContext, v: WaveValues): Promise<q.WaveValues> {
  if (v.audience) await checkAudienceRule({ db: ctx.db, rule: v.audience, pointer: '/audience' });
  const known = await q.findExistingContentIds(ctx.db, v.content_ids);
  const unknown = v.content_ids.map((id, i) => ({ id, i })).filter((x) => !known.has(x.id));
  if (unknown.length > 0) {
    throw new AppError('validation', 'a wave names library content that does not exist', {
      ...coded('advocacy.unknown_content', { id: unknown[0]!.id }),
      problems: unknown.map((x) => ({
        pointer: `/content_ids/${x.i}`,
        message: `no content ${x.id}`,
        code: 'advocacy.unknown_content' as const,
        params: { id: x.id },
      })),
    });
  }
  return {
    number: v.number,
    name: v.name,
    stages: [...v.stages].sort((a, b) => b - a),
    audience: v.audience ?? null,
    content_ids: [...new Set(v.content_ids)],
    coaching: v.coaching,
    planned_for: v.planned_for ?? null,
  };
}

export async function createWave(ctx: WaveContext, input: WaveValues): Promise<Wave> {
  const values = await check(ctx, input);
  return (await present(ctx, [await q.insertWave(ctx.db, values)]))[0]!;
}

export async function updateWave(ctx: WaveContext, id: number, input: WaveValues): Promise<Wave> {
  const values = await check(ctx, input);
  const row = await q.updateWave(ctx.db, id, values);
  if (!row) throw (await q.findWave(ctx.db, id)) ? alreadyInvited() : waveNotFound(id);
  return (await present(ctx, [row]))[0]!;
}

export async function deleteWave(ctx: WaveContext, id: number): Promise<void> {
  if (await q.deleteWave(ctx.db, id)) return;
  throw (await q.findWave(ctx.db, id)) ? alreadyInvited() : waveNotFound(id);
}

export async function getWave(ctx: WaveContext, id: number): Promise<Wave> {
  const row = await q.findWave(ctx.db, id);
  if (!row) throw waveNotFound(id);
  return (await present(ctx, [row]))[0]!;
}

export async function listWaves(ctx: WaveContext): Promise<{ items: Wave[] }> {
  return { items: await present(ctx, await q.listWaves(ctx.db)) };
}

/**
 * Invites a wave: its people become members (someone already in another wave stays there), and one
 * invitation campaign goes to the wave's stages ∧ its audience, without whoever received an earlier
 * wave's invitation. A second invite is a 409.
 */
export async function inviteWave(ctx: WaveContext, id: number, userId: number | null): Promise<InviteResult> {
  const now = ctx.clock();
  const { campaignId, members } = await ctx.db.transaction().execute(async (trx) => {
    const wave = await q.findWave(trx, id, true);
    if (!wave) throw waveNotFound(id);
    if (wave.invited_at) throw alreadyInvited();
    const ids = await findPeopleIdsWhere({ db: trx, where: await waveWhere(ctx, trx, wave) });
    const earlier = await q.findOtherWaveCampaigns(trx, id);
    const content = await q.findContentForInvite(trx, wave.content_ids.map(Number));
    const audience: Rule = {
      all: [
        { any: wave.stages.map((stage) => ({ field: 'social_maturity_stage', op: 'eq' as const, value: stage })) },
        ...(wave.audience ? [wave.audience as Rule] : []),
        ...earlier.map((campaign) => ({ activity: { type: 'delivered' as const, campaign }, has: false })),
      ],
    };
    const campaign = await createCampaign({
      db: trx,
      thresholds: ctx.config.experienceThresholds,
      clock: ctx.clock,
      userId,
      campaign: {
        name: `${wave.name}`.slice(0, 200),
        kind: 'announcement',
        audience: audience,
        default_language: 'en',
        tracking: null,
        acknowledge_by: null,
        variants: [
          {
            key: 'invitation',
            default: true,
            audience: null,
            channels: ['email', 'feed'],
            content: invitation(ctx.config.publicUrl, wave.coaching, content),
            subject_test: null,
          },
        ],
        follow_ups: [],
        cascade: null,
        topic: null,
      },
    });
    const added = await q.insertMembers(trx, id, ids, now);
    await q.markInvited(trx, id, campaign.id, now);
    return { campaignId: campaign.id, members: added };
  });
  let status = 'draft';
  try {
    const sent = await requestSend({
      db: ctx.db,
      thresholds: ctx.config.experienceThresholds,
      clock: ctx.clock,
      id: campaignId,
      key: `advocacy-wave-${id}`,
      at: null,
      userId,
      needsApproval: ctx.config.CAMPAIGN_APPROVAL,
      enqueue: async (trx, startAfter) => {
        await ctx.jobs.enqueue(trx, fanOutCampaignJob, { campaignId }, { startAfter });
      },
    });
    status = sent.status;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // Under CAMPAIGN_APPROVAL the invitation waits as a draft until a second person approves it.
    if (error.messageCode !== 'campaign.approval_required') ctx.logger?.warn({ waveId: id, campaignId, code: error.messageCode }, 'wave invitation not sent');
  }
  return { wave: await getWave(ctx, id), campaign_id: campaignId, campaign_status: status, members };
}

const TEXTS = {
  en: {
    subject: 'You are invited: share what we do, in your own words',
    intro:
      'Our employee advocacy programme is open to you now. Pick news you care about from the library and share it on your own networks, in your own words.',
    content: 'To start with:',
    cta: 'Open advocacy',
  },
  de: {
    subject: 'Ihre Einladung: Teilen Sie, was wir tun – in Ihren eigenen Worten',
    intro:
      'Unser Programm für Mitarbeitende als Botschafter steht Ihnen jetzt offen. Wählen Sie Neuigkeiten aus der Bibliothek, die Ihnen wichtig sind, und teilen Sie sie in Ihren eigenen Netzwerken, in Ihren eigenen Worten.',
    content: 'Für den Anfang:',
    cta: 'Advocacy öffnen',
  },
  nl: {
    subject: 'U bent uitgenodigd: deel wat wij doen, in uw eigen woorden',
    intro:
      'Ons ambassadeursprogramma staat nu voor u open. Kies nieuws uit de bibliotheek dat u belangrijk vindt en deel het op uw eigen netwerken, in uw eigen woorden.',
    content: 'Om mee te beginnen:',
    cta: 'Advocacy openen',
  },
} as const;

/** Text a communicator wrote, kept literal in the Liquid template and the Markdown around it. */
function literal(text: string): string {
  return `{% raw %}${text.replaceAll('{% endraw %}', '')}{% endraw %}`;
}

function invitation(publicUrl: string, coaching: string, content: { title: string; url: string }[]) {
  return Object.fromEntries(
    Object.entries(TEXTS).map(([language, t]) => {
      const parts: string[] = [t.intro];
      if (coaching.trim()) parts.push(literal(coaching.trim()));
      if (content.length > 0) parts.push(`${t.content}\n\n${content.map((c) => `- [${literal(c.title.replace(/[[\]]/g, ''))}](${c.url})`).join('\n')}`);
      return [language, { subject: t.subject, body: parts.join('\n\n'), cta_label: t.cta, cta_url: `${publicUrl}/advocacy` }];
    }),
  );
}

/**
 * Saves wave `number` of the suggested plan as a planned wave, unless a wave with that number exists
 * (the demo's first wave). Returns the wave's id, or null when one was there already.
 */
export async function planSuggestedWave(input: {
  db: AnyDb;
  number: number;
  name: string;
  coaching: string;
  plannedFor: string | null;
}): Promise<number | null> {
  const suggestion = SUGGESTED_WAVES.find((w) => w.number === input.number);
  if (!suggestion) throw new RangeError(`no suggested wave ${input.number}`);
  if ((await q.listWaves(input.db)).some((w) => w.number === input.number)) return null;
  const row = await q.insertWave(input.db, {
    number: input.number,
    name: input.name,
    stages: suggestion.stages,
    audience: null,
    content_ids: [],
    coaching: input.coaching,
    planned_for: input.plannedFor,
  });
  return row.id;
}
