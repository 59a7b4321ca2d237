// What a campaign's e-mail carries below its message, in the mail's language: the Acknowledge button
// of a must-read, and the links to unsubscribe from the campaign's topic and to manage preferences.
// The links differ per person; the layout names them as Liquid variables (`links.*`) that only the
// sender and the preview fill in, never a communicator's template.

export type MailFooter = {
  /** The topic's name in the mail's language when the mail offers to unsubscribe from it (announcements with a topic). */
  unsubscribeTopic: string | null;
  /** A must-read: an Acknowledge button. */
  acknowledge: boolean;
};

type FooterTexts = { acknowledgeNote: string; acknowledge: string; unsubscribe: string; preferences: string };

const TEXTS: Record<'en' | 'de' | 'nl', FooterTexts> = {
  en: {
    acknowledgeNote: 'Please confirm that you have read this message.',
    acknowledge: 'Acknowledge',
    unsubscribe: 'Unsubscribe from “{topic}”',
    preferences: 'Manage preferences',
  },
  de: {
    acknowledgeNote: 'Bitte bestätigen Sie, dass Sie diese Nachricht gelesen haben.',
    acknowledge: 'Gelesen und verstanden',
    unsubscribe: 'Vom Thema „{topic}“ abmelden',
    preferences: 'Einstellungen verwalten',
  },
  nl: {
    acknowledgeNote: 'Bevestig dat u dit bericht hebt gelezen.',
    acknowledge: 'Gelezen en begrepen',
    unsubscribe: 'Afmelden voor ‘{topic}’',
    preferences: 'Voorkeuren beheren',
  },
};

/** The footer's texts in a mail language (its primary tag; English when not en, de or nl). */
export function footerTexts(language: string): FooterTexts {
  const primary = language.split('-')[0];
  return primary === 'de' || primary === 'nl' ? TEXTS[primary] : TEXTS.en;
}

/** Links a sender fills in per person (empty when the mail does not show them). */
export type MailLinks = { unsubscribe: string; acknowledge: string; preferences: string };
export const NO_LINKS: MailLinks = { unsubscribe: '', acknowledge: '', preferences: '' };
