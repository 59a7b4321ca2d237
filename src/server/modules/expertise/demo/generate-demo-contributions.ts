// Contributions for the demo organisation, so expert search has evidence to rank and explain: each
// person with skills writes up to three answers, posts or documents about them, in their language,
// over the half year before `asOf`. Deterministic (derived from the position, no randomness), so a
// demo shows the same experts on every machine.
import { SKILL_CATALOGUE } from '../../people/index.js';

type Language = 'en' | 'de' | 'nl';
type Person = { external_id: string; language?: string | null; skills?: string[] | null };
export type DemoContribution = {
  external_id: string;
  person: string;
  kind: 'answer' | 'post' | 'document';
  title: string;
  body: string;
  tags: string[];
  language: Language;
  created_at: string;
  score: number;
  accepted: boolean;
};

const KINDS = ['answer', 'post', 'document'] as const;

const TEMPLATES: Record<Language, { title: (s: string) => string; body: (s: string) => string }[]> = {
  en: [
    {
      title: (s) => `How do I get started with ${s}?`,
      body: (s) =>
        `Start small: pick one real task and use ${s} for it end to end. Keep notes of what you had to look up, and share them with the team. Happy to help anyone with ${s}.`,
    },
    {
      title: (s) => `${s}: the three mistakes I see most`,
      body: (s) =>
        `Most trouble with ${s} comes from skipping the basics, copying old templates without checking them, and working alone too long. Ask early; a short review saves days.`,
    },
    {
      title: (s) => `Checklist for ${s} in our team`,
      body: (s) =>
        `Our checklist for ${s}: agree on the goal, check the inputs, do a dry run, ask a colleague to review, and write down what you learned for next time.`,
    },
  ],
  de: [
    {
      title: (s) => `Wie fange ich mit ${s} an?`,
      body: (s) =>
        `Fangen Sie klein an: Nehmen Sie eine echte Aufgabe und erledigen Sie sie komplett mit ${s}. Notieren Sie, was Sie nachschlagen mussten, und teilen Sie es mit dem Team. Ich helfe gern bei Fragen zu ${s}.`,
    },
    {
      title: (s) => `${s}: die drei häufigsten Fehler`,
      body: (s) =>
        `Die meisten Probleme mit ${s} entstehen, weil Grundlagen übersprungen, alte Vorlagen ungeprüft kopiert werden und man zu lange allein arbeitet. Fragen Sie früh; eine kurze Durchsicht spart Tage.`,
    },
    {
      title: (s) => `Checkliste für ${s} im Team`,
      body: (s) =>
        `Unsere Checkliste für ${s}: Ziel abstimmen, Eingaben prüfen, Probelauf machen, Kollegin oder Kollegen um Durchsicht bitten und festhalten, was wir gelernt haben.`,
    },
  ],
  nl: [
    {
      title: (s) => `Hoe begin ik met ${s}?`,
      body: (s) =>
        `Begin klein: kies één echte taak en doe die helemaal met ${s}. Schrijf op wat je moest opzoeken en deel het met het team. Ik help graag met vragen over ${s}.`,
    },
    {
      title: (s) => `${s}: de drie meest gemaakte fouten`,
      body: (s) =>
        `De meeste problemen met ${s} ontstaan doordat de basis wordt overgeslagen, oude sjablonen ongecontroleerd worden gekopieerd en men te lang alleen werkt. Vraag vroeg; een korte review bespaart dagen.`,
    },
    {
      title: (s) => `Checklist voor ${s} in ons team`,
      body: (s) =>
        `Onze checklist voor ${s}: doel afstemmen, invoer controleren, proefdraaien, een collega laten meekijken en vastleggen wat we geleerd hebben.`,
    },
  ],
};

const labels = new Map(SKILL_CATALOGUE.map((s) => [s.tag, s.labels]));

function languageOf(person: Person): Language {
  const base = (person.language ?? 'en').split('-')[0]!.toLowerCase();
  return base === 'de' || base === 'nl' ? base : 'en';
}

/**
 * Up to three contributions per person about their catalogue skills.
 * @example generateDemoContributions({ people, asOf: '2026-11-28' }).length // about 1.5 per person
 */
export function generateDemoContributions(input: { people: Person[]; asOf: string }): DemoContribution[] {
  const asOf = Date.parse(`${input.asOf}T12:00:00Z`);
  return input.people.flatMap((person, i) => {
    const skills = (person.skills ?? []).filter((s) => labels.has(s));
    if (skills.length === 0) return [];
    const language = languageOf(person);
    return Array.from({ length: i % 4 }, (_, k) => {
      const tag = skills[(i + k) % skills.length]!;
      const template = TEMPLATES[language][(i * 7 + k) % 3]!;
      const label = labels.get(tag)![language];
      const kind = KINDS[(i + 2 * k) % 3]!;
      return {
        external_id: `demo-${person.external_id}-${k + 1}`,
        person: person.external_id,
        kind,
        title: template.title(label),
        body: template.body(label),
        tags: [tag],
        language,
        created_at: new Date(asOf - ((i * 37 + k * 11) % 180) * 86_400_000).toISOString(),
        score: (i + k) % 6,
        accepted: kind === 'answer' && (i + k) % 3 === 0,
      };
    });
  });
}
