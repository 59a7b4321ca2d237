// Markdown in Slack's mrkdwn and in an Adaptive Card's Markdown subset, and the payload shapes.
import { describe, expect, it } from 'vitest';
import { SLACK, TEAMS, toChatParagraphs } from './chat-markdown.js';
import { renderChatMessage, slackPayload, teamsPayload } from './chat-payloads.js';

const source = '# Title\n\nHello **all** and _you_, see [site](https://x.example/a?b=1) <b>x</b> & `code`\n\n1. one\n2. two\n   - nested\n\n> quoted\n';

describe('chat markdown', () => {
  it('speaks Slack mrkdwn, escaping what Slack reads as markup', () => {
    expect(toChatParagraphs(source, SLACK)).toEqual([
      '*Title*',
      'Hello *all* and _you_, see <https://x.example/a?b=1|site> &lt;b&gt;x&lt;/b&gt; &amp; `code`',
      '1. one\n2. two\n  • nested',
      '> quoted',
    ]);
  });

  it('speaks the Markdown subset of an Adaptive Card TextBlock', () => {
    expect(toChatParagraphs(source, TEAMS)).toEqual([
      '**Title**',
      'Hello **all** and _you_, see [site](https://x.example/a?b=1) <b>x</b> & code',
      '1. one\n2. two\n  - nested',
      'quoted',
    ]);
  });

  it('renders campaign values with Liquid and builds Block Kit and an Adaptive Card without a call to action when there is none', async () => {
    const message = await renderChatMessage({ subject: 'About {{ campaign.name }}', body: 'Body' }, { campaign: { name: 'Q3' } }, 'Acme');
    expect(message).toEqual({ subject: 'About Q3', wiifm: null, body: 'Body', cta: null, footer: 'Acme' });
    const slack = slackPayload(message);
    expect(slack.text).toBe('About Q3');
    expect((slack.blocks as { type: string }[]).map((b) => b.type)).toEqual(['header', 'section', 'context']);
    const card = (teamsPayload(message, 'de').attachments as { content: Record<string, unknown> }[])[0]!.content;
    expect(card.actions).toBeUndefined();
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.4', lang: 'de' });
  });
});
