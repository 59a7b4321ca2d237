// Turns one variant's content in one language into templates compiled once, then renders them for
// each person with only their values: the e-mail (MJML layout, brand colour and logo, HTML escaped),
// the feed card (the same body without the mail frame), the text part and the subject. Liquid in the
// Markdown is set aside as inert tokens while Markdown and MJML run, and put back after, so neither
// can mangle it and the expensive layout work happens once per variant and language.
import { randomBytes } from 'node:crypto';
import type { Liquid, Template } from 'liquidjs';
import MarkdownIt from 'markdown-it';
import mjml2html from 'mjml';
import { TEMPLATE_PERSON_FIELDS, type VariantContent } from '../../../shared/campaigns.js';
import type { TemplatePerson } from '../people/index.js';
import { createTemplateEngine } from './campaign-templates.js';
import { footerTexts, NO_LINKS, type MailFooter, type MailLinks } from './mail-footer.js';

export type Brand = { name: string; color: string; logoUrl: string | null };
/** A tracked mail's addresses (ADR 0022): the pixel, one signed /t/c address per link, the honeypot. */
export type MailTracking = { open: string; links: string[]; honeypot: string };
export type RenderedMessage = { subject: string; preheader: string; html: string; feedHtml: string; text: string };

/** Raw HTML in the Markdown is shown as text (no sanitiser needed); links are http(s) and mailto only. */
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: false });

/** What a render of the body collects: its tracked links in order, and what each href becomes (ADR 0022). */
type LinkEnv = { links: string[]; placeholder?: (index: number) => string; mark?: boolean };
const TRACKABLE = /^https?:\/\//i;
const LIQUID_TOKEN = /lqd[0-9a-z]+n\d+x/;
const defaultLinkOpen = markdown.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules.link_open = (tokens, idx, options, rawEnv, self) => {
  const env = rawEnv as Partial<LinkEnv> | undefined;
  const token = tokens[idx]!;
  const href = String(token.attrGet('href') ?? '');
  // Only fixed http(s) targets are tracked: a link with Liquid in it differs per person.
  if (env?.links && TRACKABLE.test(href) && !LIQUID_TOKEN.test(href)) {
    env.links.push(href);
    if (env.placeholder) token.attrSet('href', env.placeholder(env.links.length - 1));
    // The feed card names each link by its index, which the web reports when it is followed (ADR 0025).
    if (env.mark) token.attrSet('data-link', String(env.links.length - 1));
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/**
 * The tracked links of a message, in the order a tracked mail numbers them (body links, then the
 * call to action): what `/t/c` redirects to, taken from the campaign itself, never from the request.
 * @example messageLinks({ subject: 'S', body: 'See [it](https://a.example)', cta_label: 'Go', cta_url: 'https://b.example' }) // ['https://a.example', 'https://b.example']
 */
export function messageLinks(content: VariantContent): string[] {
  const env: LinkEnv = { links: [] };
  markdown.render(protect(content.body, [], 'feed'), env);
  const cta = ctaTarget(content);
  return cta ? [...env.links, cta] : env.links;
}

/** The call to action's target when it is tracked (a fixed http(s) address). */
function ctaTarget(content: VariantContent): string | null {
  return content.cta_label && content.cta_url && TRACKABLE.test(content.cta_url) && !/\{\{|\{%/.test(content.cta_url) ? content.cta_url : null;
}
const html = createTemplateEngine('html');
const plain = createTemplateEngine('plain');

/** A variant's content in one language, compiled; render it with `renderMessage`. */
export type CompiledMessage = {
  subject: Template[];
  preheader: Template[];
  html: Template[];
  feedHtml: Template[];
  text: Template[];
  /** The tracked links of a tracked mail, in index order (empty when untracked). */
  links: string[];
  tracked: boolean;
};

const LIQUID = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;

/** Replaces each Liquid segment by a token of letters and digits that Markdown and MJML pass through. */
function protect(source: string, saved: string[], nonce: string): string {
  return source.replace(LIQUID, (segment) => {
    saved.push(segment);
    return `lqd${nonce}n${saved.length - 1}x`;
  });
}

function restore(text: string, saved: string[], nonce: string): string {
  return text.replace(new RegExp(`lqd${nonce}n(\\d+)x`, 'g'), (_, i: string) => saved[Number(i)] ?? '');
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function callToAction(
  content: VariantContent,
  brand: Brand,
  saved: string[],
  nonce: string,
  trackedHref: string | null,
  feedIndex: number | null,
): { mjml: string; html: string; text: string } | null {
  if (!content.cta_label || !content.cta_url) return null;
  const label = escapeHtml(protect(content.cta_label, saved, nonce));
  const href = escapeHtml(content.cta_url);
  return {
    mjml: `<mj-button href="${trackedHref ?? href}" background-color="${brand.color}" color="#ffffff" font-size="16px" border-radius="4px">${label}</mj-button>`,
    html: `<p><a class="cta" href="${href}"${feedIndex === null ? '' : ` data-link="${feedIndex}"`}>${label}</a></p>`,
    text: `${content.cta_label}: ${content.cta_url}`,
  };
}

/**
 * Compiles one variant's content in one language (Markdown, MJML and Liquid parsing happen here, once).
 * @example const compiled = await compileMessage(variant.content.de, config.brand, 'de');
 */
export async function compileMessage(
  content: VariantContent,
  brand: Brand,
  language: string,
  footer: MailFooter | null = null,
  tracked = false,
  feedLinks = true,
): Promise<CompiledMessage> {
  const nonce = randomBytes(6).toString('hex');
  const saved: string[] = [];
  const body = protect(content.body, saved, nonce);
  const bodyHtml = markdown.render(body);
  // The feed card's links carry their index in the message (`messageLinks` order), unless they are not
  // the campaign's (a leader's draft).
  const feedEnv: LinkEnv = { links: [], mark: feedLinks };
  const feedBodyHtml = feedLinks ? markdown.render(body, feedEnv) : bodyHtml;
  const feedCtaIndex = feedLinks && ctaTarget(content) ? feedEnv.links.length : null;
  // A tracked mail (ADR 0022): each fixed http(s) link becomes `tracking.links[i]` (a Liquid variable
  // the sender fills per mail with a signed /t/c address), here, once per variant and language.
  const placeholder = (liquid: string) => {
    saved.push(liquid);
    return `lqd${nonce}n${saved.length - 1}x`;
  };
  const env: LinkEnv = { links: [], placeholder: (i) => placeholder(`{{ tracking.links[${i}] }}`) };
  const mailBodyHtml = tracked ? markdown.render(body, env) : bodyHtml;
  const ctaHref = tracked && ctaTarget(content) ? placeholder(`{{ tracking.links[${env.links.length}] }}`) : null;
  const wiifm = content.wiifm ? `<p class="wiifm"><em>${escapeHtml(protect(content.wiifm, saved, nonce))}</em></p>` : '';
  const subject = escapeHtml(protect(content.subject, saved, nonce));
  const preheader = content.preheader ? escapeHtml(protect(content.preheader, saved, nonce)) : '';
  const cta = callToAction(content, brand, saved, nonce, ctaHref, feedCtaIndex);
  const header = brand.logoUrl
    ? `<mj-image src="${escapeHtml(brand.logoUrl)}" alt="${escapeHtml(brand.name)}" width="140px" align="left" padding="16px 24px" />`
    : `<mj-text color="#ffffff" font-size="20px" font-weight="bold" padding="16px 24px">${escapeHtml(brand.name)}</mj-text>`;
  const mailFooter = footerParts(footer, brand, language);
  const source = `<mjml lang="${escapeHtml(language)}">
  <mj-head>
    <mj-title>${subject}</mj-title>
    ${preheader ? `<mj-preview>${preheader}</mj-preview>` : ''}
    <mj-attributes><mj-all font-family="Helvetica, Arial, sans-serif" /><mj-text font-size="16px" line-height="1.5" color="#1f2937" /></mj-attributes>
  </mj-head>
  <mj-body background-color="#f3f4f6" width="600px">
    <mj-section background-color="${brand.color}" padding="0"><mj-column>${header}</mj-column></mj-section>
    <mj-section background-color="#ffffff" padding="8px 0"><mj-column>
      ${wiifm ? `<mj-text>${wiifm}</mj-text>` : ''}
      <mj-text>${mailBodyHtml}</mj-text>
      ${cta?.mjml ?? ''}
      ${protect(mailFooter.acknowledgeMjml, saved, nonce)}
    </mj-column></mj-section>
    <mj-section padding="8px 0"><mj-column><mj-text font-size="12px" color="#6b7280">${escapeHtml(brand.name)}${protect(mailFooter.linksHtml, saved, nonce)}</mj-text></mj-column></mj-section>
    ${tracked ? trackingRaw(placeholder) : ''}
  </mj-body>
</mjml>`;
  const result = await mjml2html(source, { validationLevel: 'strict' });
  if (result.errors.length > 0) throw new Error(`the mail layout did not compile: ${result.errors.map((e) => e.formattedMessage).join('; ')}`);
  const text = [content.wiifm, content.body, cta?.text, ...mailFooter.text].filter(Boolean).join('\n\n');
  return {
    subject: plain.parse(content.subject),
    preheader: plain.parse(content.preheader ?? ''),
    html: html.parse(restore(result.html, saved, nonce)),
    feedHtml: html.parse(restore(`${wiifm}${feedBodyHtml}${cta?.html ?? ''}`, saved, nonce)),
    text: plain.parse(text),
    links: tracked ? (ctaHref ? [...env.links, content.cta_url!] : env.links) : [],
    tracked,
  };
}

/**
 * The open pixel and the honeypot (DESIGN §3.4): a link with no text, hidden from view and from
 * assistive technology and out of the tab order, so no person can see or follow it; only a machine
 * that follows every address in the mail does.
 */
function trackingRaw(placeholder: (liquid: string) => string): string {
  const open = placeholder('{{ tracking.open }}');
  const honeypot = placeholder('{{ tracking.honeypot }}');
  return `<mj-raw><img src="${open}" width="1" height="1" alt="" style="display:block;width:1px;height:1px;border:0" /><a href="${honeypot}" style="display:none;font-size:0;line-height:0;max-height:0;overflow:hidden" aria-hidden="true" tabindex="-1"></a></mj-raw>`;
}

/**
 * The footer as MJML, HTML and text lines; the links are Liquid variables (`links.*`) the sender fills
 * in per person. Written here, never by a communicator, so strict variables hold.
 */
function footerParts(footer: MailFooter | null, brand: Brand, language: string): { acknowledgeMjml: string; linksHtml: string; text: string[] } {
  if (!footer) return { acknowledgeMjml: '', linksHtml: '', text: [] };
  const t = footerTexts(language);
  // A topic's name is shown as written, never read as Liquid.
  const unsubscribe = footer.unsubscribeTopic === null ? null : t.unsubscribe.replace('{topic}', footer.unsubscribeTopic.replace(/[{}%]/g, ''));
  const acknowledgeMjml = footer.acknowledge
    ? `<mj-text>${escapeHtml(t.acknowledgeNote)}</mj-text><mj-button href="{{ links.acknowledge }}" background-color="${brand.color}" color="#ffffff" font-size="16px" border-radius="4px">${escapeHtml(t.acknowledge)}</mj-button>`
    : '';
  const links = [
    unsubscribe ? `<a href="{{ links.unsubscribe }}" style="color:#6b7280">${escapeHtml(unsubscribe)}</a>` : '',
    `<a href="{{ links.preferences }}" style="color:#6b7280">${escapeHtml(t.preferences)}</a>`,
  ].filter(Boolean);
  return {
    acknowledgeMjml,
    linksHtml: `<br>${links.join(' · ')}`,
    text: [
      footer.acknowledge ? `${t.acknowledgeNote}\n${t.acknowledge}: {{ links.acknowledge }}` : '',
      unsubscribe ? `${unsubscribe}: {{ links.unsubscribe }}` : '',
      `${t.preferences}: {{ links.preferences }}`,
    ].filter(Boolean),
  };
}

/** Only the fields templates may name; every one present (null when empty), so strict variables never fail at send time. */
function allowedFields(person: Partial<Record<(typeof TEMPLATE_PERSON_FIELDS)[number], string | null>> | null): Record<string, string | null> {
  return Object.fromEntries(TEMPLATE_PERSON_FIELDS.map((f) => [f, person?.[f] ?? null]));
}

/** What templates see: the person's allowed fields, the manager's (empty fields when there is none), the campaign's name. */
export function templateContext(
  person: TemplatePerson,
  campaign: { name: string },
  links: MailLinks = NO_LINKS,
  tracking: MailTracking | null = null,
): Record<string, unknown> {
  return {
    person: { ...allowedFields(person), manager: allowedFields(person.manager) },
    campaign: { name: campaign.name },
    links,
    ...(tracking ? { tracking } : {}),
  };
}

async function render(engine: Liquid, templates: Template[], context: Record<string, unknown>): Promise<string> {
  return (await engine.render(templates, context)) as string;
}

/**
 * Renders a compiled message for one person.
 * @example const mail = await renderMessage(compiled, templateContext(person, campaign)); // mail.subject === 'Hallo Anna'
 */
export async function renderMessage(compiled: CompiledMessage, context: Record<string, unknown>): Promise<RenderedMessage> {
  const [mail, preheader, feedHtml] = await Promise.all([
    renderMail(compiled, context),
    render(plain, compiled.preheader, context),
    render(html, compiled.feedHtml, context),
  ]);
  return { ...mail, preheader, feedHtml };
}

/**
 * Only what an e-mail needs (subject, HTML with the preheader inside, text): what a sender renders per mail.
 * @example const { subject, html, text } = await renderMail(compiled, templateContext(person, campaign));
 */
export async function renderMail(compiled: CompiledMessage, context: Record<string, unknown>): Promise<Pick<RenderedMessage, 'subject' | 'html' | 'text'>> {
  const [subject, mailHtml, text] = await Promise.all([
    render(plain, compiled.subject, context),
    render(html, compiled.html, context),
    render(plain, compiled.text, context),
  ]);
  return { subject: subject.replace(/\s+/g, ' ').trim(), html: mailHtml, text };
}
