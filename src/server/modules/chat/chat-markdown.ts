// A campaign body's Markdown in the two dialects chat understands: Slack's mrkdwn (*bold*, _italic_,
// <url|text>, • lists) and the Markdown subset of an Adaptive Card TextBlock (**bold**, _italic_,
// [text](url), - and 1. lists). Both walk markdown-it's tokens, so the parse is the same one e-mail
// and feed use; what a dialect cannot show (headings, images, quotes in Teams) degrades to plain text.
import MarkdownIt, { type Token } from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: true, breaks: false });

type Dialect = {
  escape(text: string): string;
  strong: string;
  em: string;
  strike: string;
  link(href: string, text: string): string;
  code(text: string): string;
  fence(text: string): string;
  heading(text: string): string;
  bullet: string;
  quote: string;
};

const slackEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const SLACK: Dialect = {
  escape: slackEscape,
  strong: '*',
  em: '_',
  strike: '~',
  link: (href, text) => (text && text !== href ? `<${href.replace(/[|>]/g, encodeURIComponent)}|${text}>` : `<${href.replace(/[|>]/g, encodeURIComponent)}>`),
  code: (text) => `\`${text}\``,
  fence: (text) => `\`\`\`${text.replace(/\n$/, '')}\`\`\``,
  heading: (text) => `*${text}*`,
  bullet: '•',
  quote: '> ',
};

const teamsEscape = (s: string) => s.replace(/([\\*_[\]])/g, '\\$1');

export const TEAMS: Dialect = {
  escape: teamsEscape,
  strong: '**',
  em: '_',
  strike: '',
  link: (href, text) => `[${text || href}](${href.replace(/[()\s]/g, encodeURIComponent)})`,
  code: (text) => text,
  fence: (text) => text.replace(/\n$/, ''),
  heading: (text) => `**${text}**`,
  bullet: '-',
  quote: '',
};

function inline(tokens: Token[], d: Dialect): string {
  let out = '';
  const links: { href: string; start: number }[] = [];
  for (const t of tokens) {
    switch (t.type) {
      case 'text':
        out += d.escape(t.content);
        break;
      case 'strong_open':
      case 'strong_close':
        out += d.strong;
        break;
      case 'em_open':
      case 'em_close':
        out += d.em;
        break;
      case 's_open':
      case 's_close':
        out += d.strike;
        break;
      case 'code_inline':
        out += d.code(d === SLACK ? slackEscape(t.content) : t.content);
        break;
      case 'softbreak':
        out += ' ';
        break;
      case 'hardbreak':
        out += '\n';
        break;
      case 'link_open':
        links.push({ href: String(t.attrGet('href') ?? ''), start: out.length });
        break;
      case 'link_close': {
        const link = links.pop();
        if (link) out = out.slice(0, link.start) + d.link(link.href, out.slice(link.start));
        break;
      }
      case 'image':
        out += d.link(String(t.attrGet('src') ?? ''), d.escape(t.content || 'image'));
        break;
      default:
        out += d.escape(t.content);
    }
  }
  return out;
}

/**
 * The Markdown as paragraphs of the dialect (each a block of its own in the message).
 * @example toChatParagraphs('Hello **all**', SLACK) // ['Hello *all*']
 */
export function toChatParagraphs(source: string, d: Dialect): string[] {
  const tokens = markdown.parse(source, {});
  const paragraphs: string[] = [];
  const lists: { ordered: boolean; n: number }[] = [];
  let quote = 0;
  let pendingPrefix = '';
  const push = (text: string) => {
    paragraphs.push(
      quote > 0 && d.quote
        ? text
            .split('\n')
            .map((l) => `${d.quote}${l}`)
            .join('\n')
        : text,
    );
  };
  let listLines: string[] = [];
  for (const t of tokens) {
    switch (t.type) {
      case 'heading_open':
      case 'paragraph_open':
      case 'heading_close':
      case 'paragraph_close':
        break;
      case 'inline': {
        const text = inline(t.children ?? [], d);
        const heading = tokens[tokens.indexOf(t) - 1]?.type === 'heading_open';
        if (lists.length > 0) {
          listLines.push(`${pendingPrefix}${text}`);
          pendingPrefix = '  '.repeat(lists.length);
        } else push(heading ? d.heading(text) : text);
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ ordered: t.type === 'ordered_list_open', n: Number(t.attrGet('start') ?? 1) });
        break;
      case 'list_item_open': {
        const list = lists[lists.length - 1]!;
        pendingPrefix = `${'  '.repeat(lists.length - 1)}${list.ordered ? `${list.n++}.` : d.bullet} `;
        break;
      }
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        if (lists.length === 0) {
          push(listLines.join('\n'));
          listLines = [];
        }
        break;
      case 'blockquote_open':
        quote++;
        break;
      case 'blockquote_close':
        quote--;
        break;
      case 'fence':
      case 'code_block':
        if (lists.length > 0) listLines.push(d.fence(d === SLACK ? slackEscape(t.content) : t.content));
        else push(d.fence(d === SLACK ? slackEscape(t.content) : t.content));
        break;
      case 'hr':
        push(d === SLACK ? '———' : '---');
        break;
      default:
        break;
    }
  }
  return paragraphs.filter((p) => p.trim().length > 0);
}
