// A leader's briefing mail (leader cascade, DESIGN §3.3): the communicator's talking points, when
// the leader's team gets the message at the latest, and a button to the briefing page where the
// leader edits and releases it. The few fixed words are kept here in en, de and nl (the mail is
// read outside the app, so the web's translations cannot word it).
import type { VariantContent } from '../../../shared/campaigns.js';

const WORDS = {
  en: {
    subject: 'Briefing: {{ campaign.name }}',
    wiifm: 'Your team hears this from you first. Edit the message and release it by {deadline}; then it goes out as written by the communications team.',
    cta: 'Open your briefing',
  },
  de: {
    subject: 'Vorab-Briefing: {{ campaign.name }}',
    wiifm:
      'Ihr Team erfährt es zuerst von Ihnen. Bearbeiten Sie die Nachricht und geben Sie sie bis {deadline} frei; danach geht sie so hinaus, wie die Kommunikation sie geschrieben hat.',
    cta: 'Briefing öffnen',
  },
  nl: {
    subject: 'Briefing vooraf: {{ campaign.name }}',
    wiifm: 'Uw team hoort dit eerst van u. Bewerk het bericht en geef het vrij vóór {deadline}; daarna gaat het uit zoals communicatie het schreef.',
    cta: 'Briefing openen',
  },
} as const;

type Words = (typeof WORDS)[keyof typeof WORDS];

const wordsFor = (language: string): Words => {
  const base = language.split('-')[0] ?? 'en';
  return base in WORDS ? WORDS[base as keyof typeof WORDS] : WORDS.en;
};

/**
 * The briefing as message content (Liquid templates, Markdown body) for `compileMessage`.
 * @example briefingContent({ cascade, defaultLanguage: 'en', language: 'de', url }).cta_label // 'Briefing öffnen'
 */
export function briefingContent(input: {
  cascade: { deadline: string; talking_points: Record<string, string> };
  defaultLanguage: string;
  language: string;
  url: string;
}): VariantContent {
  const words = wordsFor(input.language);
  const deadline = new Intl.DateTimeFormat(input.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(
    new Date(input.cascade.deadline),
  );
  const points = input.cascade.talking_points[input.language] ?? input.cascade.talking_points[input.defaultLanguage] ?? '';
  return {
    subject: words.subject,
    preheader: null,
    body: points,
    wiifm: words.wiifm.replace('{deadline}', `${deadline} UTC`),
    cta_label: words.cta,
    cta_url: input.url,
  };
}
