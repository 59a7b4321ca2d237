// The compiled message of a campaign's variant in one language for one step (a follow-up is the same
// message under its own subject), kept per process: Markdown, MJML and Liquid parsing happen once per
// campaign version, whoever renders (the sender, the feed, the preview). A leader's draft (cascade)
// is the same message with the leader's subject and body.
import type { CampaignDefinition } from '../../../shared/campaigns.js';
import { briefingContent } from './briefing-message.js';
import { compileMessage, type Brand, type CompiledMessage } from './render-message.js';
import type { MailFooter } from './mail-footer.js';

/** Steps per follow-up: the k-th send (k < 5) of follow-up i is step 1 + 5i + k. */
export const FOLLOW_UP_STEPS = 5;

/** Compiled messages kept; the oldest goes first (a campaign does not change once sent). */
const LIMIT = 500;
const cache = new Map<string, Promise<CompiledMessage>>();

/** A leader's own subject and body for one variant and language; `key` names the leader's (released, so final) version. */
export type LeaderDraft = { key: string; subject: string; body: string };

/** The step of a leader's briefing delivery (before the message itself, step 0). */
export const BRIEFING_STEP = -1;

function cached(key: string, compile: () => Promise<CompiledMessage>): Promise<CompiledMessage> {
  let message = cache.get(key);
  if (!message) {
    message = compile();
    // A message that fails to compile is not kept: the next caller tries again.
    void message.catch(() => cache.delete(key));
    cache.set(key, message);
    if (cache.size > LIMIT) cache.delete(cache.keys().next().value!);
  }
  return message;
}

/**
 * The compiled message for a delivery of `campaign` (throws when the variant has no such language).
 * @example const compiled = await compiledMessageFor({ campaign, variantKey: 'novices', language: 'de', step: 0, brand });
 */
export function compiledMessageFor(input: {
  campaign: CampaignDefinition;
  variantKey: string;
  language: string;
  step: number;
  brand: Brand;
  /** A leader's version (step 0 of a team the leader released). */
  draft?: LeaderDraft | null;
  /** A subject test's line (ADR 0021): 0 or absent, the content's own; 1, 2, 3 the alternatives. A leader's draft keeps its own subject. */
  subjectOption?: number | null;
  /** The e-mail's footer (acknowledge, unsubscribe, preferences links); none for the feed. */
  footer?: MailFooter | null;
  /** A tracked e-mail (ADR 0022): pixel, rewritten links, honeypot. Never with a leader's draft. */
  tracked?: boolean;
}): Promise<CompiledMessage> {
  const { campaign, variantKey, language, step, brand } = input;
  const draft = step === 0 ? (input.draft ?? null) : null;
  const option = step === 0 && !draft ? (input.subjectOption ?? 0) : 0;
  const footer = input.footer ?? null;
  const tracked = (input.tracked ?? false) && !draft;
  const key = [
    campaign.id,
    campaign.updated_at,
    variantKey,
    language,
    step,
    brand.name,
    brand.color,
    brand.logoUrl,
    draft?.key ?? '',
    option,
    JSON.stringify(footer),
    tracked,
  ].join('\u0000');
  const variant = campaign.variants.find((v) => v.key === variantKey);
  const content = variant?.content[language];
  if (!content) return Promise.reject(new Error(`campaign ${campaign.id} has no ${language} content for variant ${variantKey}`));
  const followUp = step > 0 ? campaign.follow_ups[Math.floor((step - 1) / FOLLOW_UP_STEPS)] : undefined;
  const tested = option > 0 ? variant?.subject_test?.subjects[language]?.[option - 1] : undefined;
  const subject = followUp ? (followUp.subject[language] ?? followUp.subject[campaign.default_language] ?? content.subject) : (tested ?? content.subject);
  const text = draft ? { subject: draft.subject, body: draft.body } : { subject };
  return cached(key, () => compileMessage({ ...content, ...text }, brand, language, footer, tracked, !draft));
}

/**
 * A leader's briefing mail in `language` (the talking points in that language, else the campaign's
 * default), with a button to the briefing page at `url`.
 * @example const compiled = await compiledBriefingFor({ campaign, language: 'de', brand, url: 'https://…/briefings/7' });
 */
export function compiledBriefingFor(input: { campaign: CampaignDefinition; language: string; brand: Brand; url: string }): Promise<CompiledMessage> {
  const { campaign, language, brand, url } = input;
  if (!campaign.cascade) return Promise.reject(new Error(`campaign ${campaign.id} has no cascade`));
  const cascade = campaign.cascade;
  const key = [campaign.id, campaign.updated_at, 'briefing', language, brand.name, brand.color, brand.logoUrl, url].join('\u0000');
  return cached(key, () => compileMessage(briefingContent({ cascade, defaultLanguage: campaign.default_language, language, url }), brand, language));
}

/**
 * A campaign's talking points in `language` (else its default language) as a message body, for the
 * leader's briefing page.
 * @example const compiled = await compiledTalkingPointsFor({ campaign, language: 'nl', brand });
 */
export function compiledTalkingPointsFor(input: { campaign: CampaignDefinition; language: string; brand: Brand }): Promise<CompiledMessage> {
  const { campaign, language, brand } = input;
  const points = campaign.cascade?.talking_points[language] ?? campaign.cascade?.talking_points[campaign.default_language] ?? '-';
  const key = [campaign.id, campaign.updated_at, 'talking-points', language, brand.name, brand.color, brand.logoUrl].join('\u0000');
  return cached(key, () => compileMessage({ subject: campaign.name, body: points }, brand, language));
}
