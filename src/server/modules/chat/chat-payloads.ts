// The message a chat channel gets for one campaign variant in one language: Slack Block Kit (header,
// sections in mrkdwn, an actions button for the call to action, and a `text` fallback for
// notifications) or a Teams Workflows message carrying an Adaptive Card 1.4 (TextBlocks and an
// Action.OpenUrl). Liquid is rendered first with campaign-level values only: a post goes to many
// people, so it cannot name one (the campaign is refused on save if it tries).
import type { VariantContent } from '../../../shared/campaigns.js';
import type { ChatKind } from '../../../shared/chat.js';
import { createTemplateEngine } from '../campaigns/index.js';
import { SLACK, TEAMS, toChatParagraphs } from './chat-markdown.js';

const plain = createTemplateEngine('plain');

/** Slack limits: header text 150, section text 3,000 characters, 50 blocks; button text 75. */
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export type ChatMessage = { subject: string; wiifm: string | null; body: string; cta: { label: string; url: string } | null; footer: string };

/**
 * Renders a variant's content with campaign values (Liquid) into the parts a chat message shows.
 * @example const message = await renderChatMessage(content, { campaign: { name: 'Q3' } }, 'Acme');
 */
export async function renderChatMessage(content: VariantContent, context: { campaign: { name: string } }, footer: string): Promise<ChatMessage> {
  const render = async (source: string | null | undefined) => (source ? String(await plain.parseAndRender(source, context)) : null);
  const [subject, wiifm, body, label] = await Promise.all([render(content.subject), render(content.wiifm), render(content.body), render(content.cta_label)]);
  return {
    subject: (subject ?? '').replace(/\s+/g, ' ').trim(),
    wiifm: wiifm?.trim() || null,
    body: body ?? '',
    cta: label && content.cta_url ? { label: label.trim(), url: content.cta_url } : null,
    footer,
  };
}

/** Slack Block Kit for an incoming webhook. */
export function slackPayload(message: ChatMessage): Record<string, unknown> {
  const sections = toChatParagraphs(message.body, SLACK).map((text) => ({ type: 'section', text: { type: 'mrkdwn', text: cut(text, 3000) } }));
  const blocks: Record<string, unknown>[] = [
    { type: 'header', text: { type: 'plain_text', text: cut(message.subject, 150), emoji: true } },
    ...(message.wiifm ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: cut(`_${SLACK.escape(message.wiifm)}_`, 3000) }] }] : []),
    ...sections.slice(0, 45),
    ...(message.cta
      ? [
          {
            type: 'actions',
            elements: [{ type: 'button', style: 'primary', text: { type: 'plain_text', text: cut(message.cta.label, 75), emoji: true }, url: message.cta.url }],
          },
        ]
      : []),
    { type: 'context', elements: [{ type: 'mrkdwn', text: cut(SLACK.escape(message.footer), 3000) }] },
  ];
  return { text: message.subject, blocks };
}

/** A Teams Workflows ("When a Teams webhook request is received") message with an Adaptive Card 1.4. */
export function teamsPayload(message: ChatMessage, language: string): Record<string, unknown> {
  const body: Record<string, unknown>[] = [
    { type: 'TextBlock', text: message.subject, weight: 'Bolder', size: 'Large', wrap: true, style: 'heading' },
    ...(message.wiifm ? [{ type: 'TextBlock', text: `_${TEAMS.escape(message.wiifm)}_`, isSubtle: true, wrap: true }] : []),
    ...toChatParagraphs(message.body, TEAMS).map((text) => ({ type: 'TextBlock', text, wrap: true })),
    { type: 'TextBlock', text: TEAMS.escape(message.footer), isSubtle: true, size: 'Small', wrap: true },
  ];
  const card = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    lang: language,
    body,
    ...(message.cta ? { actions: [{ type: 'Action.OpenUrl', title: message.cta.label, url: message.cta.url }] } : {}),
  };
  return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }] };
}

/** The payload for a channel of `kind`. */
export function chatPayload(kind: ChatKind, message: ChatMessage, language: string): Record<string, unknown> {
  return kind === 'slack' ? slackPayload(message) : teamsPayload(message, language);
}
