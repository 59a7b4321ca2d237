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
export type RenderedMessage = { subject: string; preheader: string; html: string; feedHtml: string; text: string };

/** Raw HTML in the Markdown is shown as text (no sanitiser needed); links are http(s) and mailto only. */
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: false });
const html = createTemplateEngine('html');
const plain = createTemplateEngine('plain');

/** A variant's content in one language, compiled; render it with `renderMessage`. */
export type CompiledMessage = { subject: Template[]; preheader: Template[]; html: Template[]; feedHtml: Template[]; text: Template[] };

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

function callToAction(content: VariantContent, brand: Brand, saved: string[], nonce: string): { mjml: string; html: string; text: string } | null {
  if (!content.cta_label || !content.cta_url) return null;
  const label = escapeHtml(protect(content.cta_label, saved, nonce));
  const href = escapeHtml(content.cta_url);
  return {
    mjml: `<mj-button href="${href}" background-color="${brand.color}" color="#ffffff" font-size="16px" border-radius="4px">${label}</mj-button>`,
    html: `<p><a class="cta" href="${href}">${label}</a></p>`,
    text: `${content.cta_label}: ${content.cta_url}`,
  };
}

/**
 * Compiles one variant's content in one language (Markdown, MJML and Liquid parsing happen here, once).
 * @example const compiled = await compileMessage(variant.content.de, config.brand, 'de');
 */
export async function compileMessage(content: VariantContent, brand: Brand, language: string, footer: MailFooter | null = null): Promise<CompiledMessage> {
  const nonce = randomBytes(6).toString('hex');
  const saved: string[] = [];
  const bodyHtml = markdown.render(protect(content.body, saved, nonce));
  const wiifm = content.wiifm ? `<p class="wiifm"><em>${escapeHtml(protect(content.wiifm, saved, nonce))}</em></p>` : '';
  const subject = escapeHtml(protect(content.subject, saved, nonce));
  const preheader = content.preheader ? escapeHtml(protect(content.preheader, saved, nonce)) : '';
  const cta = callToAction(content, brand, saved, nonce);
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
      <mj-text>${bodyHtml}</mj-text>
      ${cta?.mjml ?? ''}
      ${protect(mailFooter.acknowledgeMjml, saved, nonce)}
    </mj-column></mj-section>
    <mj-section padding="8px 0"><mj-column><mj-text font-size="12px" color="#6b7280">${escapeHtml(brand.name)}${protect(mailFooter.linksHtml, saved, nonce)}</mj-text></mj-column></mj-section>
  </mj-body>
</mjml>`;
  const result = await mjml2html(source, { validationLevel: 'strict' });
  if (result.errors.length > 0) throw new Error(`the mail layout did not compile: ${result.errors.map((e) => e.formattedMessage).join('; ')}`);
  const text = [content.wiifm, content.body, cta?.text, ...mailFooter.text].filter(Boolean).join('\n\n');
  return {
    subject: plain.parse(content.subject),
    preheader: plain.parse(content.preheader ?? ''),
    html: html.parse(restore(result.html, saved, nonce)),
    feedHtml: html.parse(restore(`${wiifm}${bodyHtml}${cta?.html ?? ''}`, saved, nonce)),
    text: plain.parse(text),
  };
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
export function templateContext(person: TemplatePerson, campaign: { name: string }, links: MailLinks = NO_LINKS): Record<string, unknown> {
  return { person: { ...allowedFields(person), manager: allowedFields(person.manager) }, campaign: { name: campaign.name }, links };
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
