// The demo's first campaign, left as a draft for the communicator to look at, preview and send: a
// welcome to the new intranet with one variant for newcomers and one for experienced colleagues, in
// English, German and Dutch, personalised with the reader's and their manager's names.
import type { AnyDb } from '../platform/db/connect.js';
import type { CampaignValues } from '../../shared/campaigns.js';
import { createCampaign } from '../modules/campaigns/index.js';
import { DEMO_NEWS_TOPIC } from './demo-topics.js';
import type { Thresholds } from '../modules/people/index.js';

const text = {
  en: {
    novices: {
      subject: 'Welcome aboard, {{ person.given_name }}: your first weeks with Resonance',
      wiifm: 'Find the people who can help you, from your first day.',
      body: 'Hello {{ person.given_name }},\n\nnew colleagues ask the best questions. In Resonance you find **who knows what**: search a skill and ask for help.\n\n{% if person.manager.given_name %}{{ person.manager.given_name }} is looking forward to working with you.{% endif %}',
    },
    experts: {
      subject: '{{ person.given_name }}, your experience is in demand',
      wiifm: 'Share what you know, and see who asks for it.',
      body: 'Hello {{ person.given_name }},\n\nyou have been here a while, and colleagues in {{ person.department | default: "your department" }} ask for what you know. Check your profile so they find you, and **mentor** a newcomer if you like.',
    },
    all: {
      subject: 'Resonance is here, {{ person.given_name }}',
      wiifm: 'One place for news that concerns you.',
      body: 'Hello {{ person.given_name }},\n\nfrom now on, news reaches you **tailored to you**, in your language.',
    },
    cta: 'Open my profile',
  },
  de: {
    novices: {
      subject: 'Willkommen an Bord, {{ person.given_name }}: Ihre ersten Wochen mit Resonance',
      wiifm: 'Finden Sie vom ersten Tag an die Menschen, die Ihnen helfen können.',
      body: 'Hallo {{ person.given_name }},\n\nneue Kolleginnen und Kollegen stellen die besten Fragen. In Resonance finden Sie, **wer was weiß**: Suchen Sie eine Fähigkeit und bitten Sie um Hilfe.\n\n{% if person.manager.given_name %}{{ person.manager.given_name }} freut sich auf die Zusammenarbeit mit Ihnen.{% endif %}',
    },
    experts: {
      subject: '{{ person.given_name }}, Ihre Erfahrung ist gefragt',
      wiifm: 'Teilen Sie Ihr Wissen und sehen Sie, wer danach fragt.',
      body: 'Hallo {{ person.given_name }},\n\nSie sind schon eine Weile dabei, und Ihre Kolleginnen und Kollegen in {{ person.department | default: "Ihrer Abteilung" }} fragen nach Ihrem Wissen. Prüfen Sie Ihr Profil, damit man Sie findet, und begleiten Sie gern **als Mentorin oder Mentor** jemand Neues.',
    },
    all: {
      subject: 'Resonance ist da, {{ person.given_name }}',
      wiifm: 'Ein Ort für die Nachrichten, die Sie betreffen.',
      body: 'Hallo {{ person.given_name }},\n\nab jetzt erreichen Sie Nachrichten **auf Sie zugeschnitten**, in Ihrer Sprache.',
    },
    cta: 'Mein Profil öffnen',
  },
  nl: {
    novices: {
      subject: 'Welkom aan boord, {{ person.given_name }}: uw eerste weken met Resonance',
      wiifm: 'Vind vanaf uw eerste dag de mensen die u kunnen helpen.',
      body: 'Hallo {{ person.given_name }},\n\nnieuwe collega’s stellen de beste vragen. In Resonance vindt u **wie wat weet**: zoek een vaardigheid en vraag om hulp.\n\n{% if person.manager.given_name %}{{ person.manager.given_name }} kijkt ernaar uit met u samen te werken.{% endif %}',
    },
    experts: {
      subject: '{{ person.given_name }}, uw ervaring is gevraagd',
      wiifm: 'Deel wat u weet en zie wie erom vraagt.',
      body: 'Hallo {{ person.given_name }},\n\nu werkt hier al een tijd, en collega’s in {{ person.department | default: "uw afdeling" }} vragen naar uw kennis. Controleer uw profiel zodat ze u vinden, en begeleid gerust **als mentor** een nieuwe collega.',
    },
    all: {
      subject: 'Resonance is er, {{ person.given_name }}',
      wiifm: 'Eén plek voor het nieuws dat u aangaat.',
      body: 'Hallo {{ person.given_name }},\n\nvanaf nu bereikt het nieuws u **op maat**, in uw taal.',
    },
    cta: 'Mijn profiel openen',
  },
} as const;

function contentOf(variant: 'novices' | 'experts' | 'all', publicUrl: string) {
  return Object.fromEntries(
    (['en', 'de', 'nl'] as const).map((lang) => [lang, { ...text[lang][variant], cta_label: text[lang].cta, cta_url: `${publicUrl}/me` }]),
  );
}

/**
 * Saves the demo's welcome campaign as a draft.
 * @example await createDemoCampaign({ db, thresholds, publicUrl: 'http://localhost:8080' });
 */
export async function createDemoCampaign(input: { db: AnyDb; thresholds: Thresholds; publicUrl: string }): Promise<number> {
  const campaign: CampaignValues = {
    name: 'Welcome to Resonance',
    kind: 'announcement',
    audience: { field: 'status', op: 'eq', value: 'active' },
    default_language: 'en',
    topic: DEMO_NEWS_TOPIC,
    follow_ups: [
      {
        after_hours: 72,
        condition: 'not_opened',
        subject: { en: 'Did you see it, {{ person.given_name }}?', de: 'Schon gesehen, {{ person.given_name }}?', nl: 'Al gezien, {{ person.given_name }}?' },
        max_sends: 1,
      },
    ],
    cascade: null,
    variants: [
      {
        key: 'newcomers',
        default: false,
        audience: { field: 'experience_level', op: 'eq', value: 'novice' },
        channels: ['email', 'feed'],
        content: contentOf('novices', input.publicUrl),
      },
      {
        key: 'experienced',
        default: false,
        audience: { field: 'experience_level', op: 'eq', value: 'expert' },
        channels: ['email', 'feed'],
        content: contentOf('experts', input.publicUrl),
      },
      { key: 'everyone', default: true, channels: ['email', 'feed'], content: contentOf('all', input.publicUrl) },
    ],
  };
  return (await createCampaign({ db: input.db, thresholds: input.thresholds, clock: () => new Date(), campaign, userId: null })).id;
}
