// Short first-person profile texts ("about", "can help with") for demo people, written in the
// person's own language from a handful of templates. German templates only use cases in which a bare
// skill label reads correctly (nominative and accusative).
import type { DemoLanguage } from './demo-locations.js';
import type { Rng } from './demo-random.js';

export type ProfileTextContext = {
  language: DemoLanguage;
  /** The department's name in the person's language. */
  department: string;
  jobTitle: string;
  city: string;
  hireYear: number;
  /** Skill labels in the person's language, at least one. */
  skills: readonly string[];
  /** A learning goal's label in the person's language. */
  goal: string;
};

type Template = (c: ProfileTextContext, a: string, b: string) => string;

const ABOUT: Record<DemoLanguage, readonly Template[]> = {
  de: [
    (c, a) => `Ich bin seit ${c.hireYear} im Bereich ${c.department}, mein Lieblingsthema ist ${a}.`,
    (c, a, b) => `Als ${c.jobTitle} in ${c.city} kümmere ich mich vor allem um ${a} und ${b}.`,
    (c, a) => `In meinem Team in ${c.city} bin ich oft die Ansprechperson für ${a}.`,
    (c) => `Ich arbeite als ${c.jobTitle} und lerne gerade mehr über ${c.goal}.`,
    (c, a) => `Mein Herz schlägt für ${a} – und für gute Zusammenarbeit über Standorte hinweg.`,
  ],
  nl: [
    (c, a) => `Sinds ${c.hireYear} werk ik bij de afdeling ${c.department} en houd ik me het liefst bezig met ${a}.`,
    (c, a, b) => `Als ${c.jobTitle} in ${c.city} richt ik me vooral op ${a} en ${b}.`,
    (c, a) => `In mijn team in ${c.city} ben ik vaak het aanspreekpunt voor ${a}.`,
    (c) => `Ik werk als ${c.jobTitle} en leer op dit moment meer over ${c.goal}.`,
    (_c, a) => `Ik word blij van ${a} en van goede samenwerking tussen vestigingen.`,
  ],
  en: [
    (c, a) => `I joined the ${c.department} team in ${c.hireYear} and enjoy working on ${a} most.`,
    (c, a, b) => `As ${c.jobTitle} in ${c.city}, I mainly look after ${a} and ${b}.`,
    (c, a) => `In my team in ${c.city}, I am often the go-to person for ${a}.`,
    (c) => `I work as ${c.jobTitle} and am currently learning more about ${c.goal}.`,
    (_c, a) => `I love ${a} and good collaboration across our offices.`,
  ],
};

const CAN_HELP_WITH: Record<DemoLanguage, readonly Template[]> = {
  de: [
    (_c, a, b) => `Fragen rund um ${a} und ${b}`,
    (_c, a) => `Einstieg in ${a}`,
    (_c, a) => `Tipps und Tricks für ${a}, gern auch kurz per Teams-Call`,
    (_c, a) => `Eine zweite Meinung zu allem rund um ${a}`,
  ],
  nl: [
    (_c, a, b) => `Vragen over ${a} en ${b}`,
    (_c, a) => `Op weg helpen met ${a}`,
    (_c, a) => `Tips over ${a}, ook graag even via een Teams-call`,
    (_c, a) => `Een second opinion over alles rond ${a}`,
  ],
  en: [
    (_c, a, b) => `Questions about ${a} and ${b}`,
    (_c, a) => `Getting started with ${a}`,
    (_c, a) => `Tips on ${a}, happy to jump on a quick call`,
    (_c, a) => `A second opinion on anything to do with ${a}`,
  ],
};

function fill(templates: readonly Template[], c: ProfileTextContext, rng: Rng): string {
  const a = rng.pick(c.skills);
  const others = c.skills.filter((s) => s !== a);
  const b = others.length > 0 ? rng.pick(others) : c.goal;
  return rng.pick(templates)(c, a, b);
}

/** One first-person sentence about the person's work. */
export function writeAbout(c: ProfileTextContext, rng: Rng): string {
  return fill(ABOUT[c.language], c, rng);
}

/** A short phrase on what colleagues may ask the person about. */
export function writeCanHelpWith(c: ProfileTextContext, rng: Rng): string {
  return fill(CAN_HELP_WITH[c.language], c, rng);
}
