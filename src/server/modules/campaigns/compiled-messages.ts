// The compiled message of a campaign's variant in one language for one step (a follow-up is the same
// message under its own subject), kept per process: Markdown, MJML and Liquid parsing happen once per
// campaign version, whoever renders (the sender, the feed, the preview).
import type { Campaign } from '../../../shared/campaigns.js';
import { compileMessage, type Brand, type CompiledMessage } from './render-message.js';
import type { MailFooter } from './mail-footer.js';

/** Steps per follow-up: the k-th send (k < 5) of follow-up i is step 1 + 5i + k. */
export const FOLLOW_UP_STEPS = 5;

/** Compiled messages kept; the oldest goes first (a campaign does not change once sent). */
const LIMIT = 500;
const cache = new Map<string, Promise<CompiledMessage>>();

/**
 * The compiled message for a delivery of `campaign` (throws when the variant has no such language).
 * @example const compiled = await compiledMessageFor({ campaign, variantKey: 'novices', language: 'de', step: 0, brand });
 */
export function compiledMessageFor(input: {
  campaign: Campaign;
  variantKey: string;
  language: string;
  step: number;
  brand: Brand;
  /** The e-mail's footer (acknowledge, unsubscribe, preferences links); none for the feed. */
  footer?: MailFooter | null;
}): Promise<CompiledMessage> {
  const { campaign, variantKey, language, step, brand } = input;
  const footer = input.footer ?? null;
  const key = [campaign.id, campaign.updated_at, variantKey, language, step, brand.name, brand.color, brand.logoUrl, JSON.stringify(footer)].join('\u0000');
  let message = cache.get(key);
  if (!message) {
    const content = campaign.variants.find((v) => v.key === variantKey)?.content[language];
    if (!content) return Promise.reject(new Error(`campaign ${campaign.id} has no ${language} content for variant ${variantKey}`));
    const followUp = step > 0 ? campaign.follow_ups[Math.floor((step - 1) / FOLLOW_UP_STEPS)] : undefined;
    const subject = followUp ? (followUp.subject[language] ?? followUp.subject[campaign.default_language] ?? content.subject) : content.subject;
    message = compileMessage({ ...content, subject }, brand, language, footer);
    // A message that fails to compile is not kept: the next caller tries again.
    void message.catch(() => cache.delete(key));
    cache.set(key, message);
    if (cache.size > LIMIT) cache.delete(cache.keys().next().value!);
  }
  return message;
}
