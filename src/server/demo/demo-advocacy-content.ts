// The demo's advocacy library (issue 12, ADR 0030): six items with suggested posts per network in
// English, German and Dutch, and a few shares by demo people with outside clicks on their links, so the
// library, the sharer's stats and the analytics have something to show.
import { sql } from 'kysely';
import type { AnyDb } from '../platform/db/connect.js';
import type { Network } from '../../shared/advocacy.js';
import { createContent, recordClick, shareContent } from '../modules/advocacy/index.js';
import type { Thresholds } from '../modules/people/index.js';

type Texts = { en: string; de: string; nl: string };
type Item = { title: string; url: string; summary: string; image: string; tags: string[]; posts: Partial<Record<Network, Texts>> };

const ITEMS: Item[] = [
  {
    title: 'We are hiring: 40 engineers for our new Utrecht site',
    url: 'https://careers.example.com/utrecht?ref=site',
    summary: 'Our new site opens in spring. Teams for platform, data and field service are forming now.',
    image: 'https://images.example.com/utrecht-site.jpg',
    tags: ['careers', 'utrecht'],
    posts: {
      linkedin: {
        en: 'Our new Utrecht site is looking for 40 engineers. I can tell you what it is like to work here. #hiring',
        de: 'Unser neuer Standort Utrecht sucht 40 Ingenieurinnen und Ingenieure. Fragen Sie mich gern, wie es ist, hier zu arbeiten.',
        nl: 'Onze nieuwe vestiging in Utrecht zoekt 40 engineers. Vraag mij gerust hoe het is om hier te werken.',
      },
      xing: {
        en: 'Engineers wanted for our Utrecht site: 40 open roles.',
        de: 'Ingenieure gesucht für unseren Standort Utrecht: 40 offene Stellen.',
        nl: 'Engineers gezocht voor onze vestiging in Utrecht: 40 vacatures.',
      },
      x: {
        en: '40 engineering roles at our new Utrecht site.',
        de: '40 Stellen im Engineering an unserem neuen Standort Utrecht.',
        nl: '40 engineeringvacatures in Utrecht.',
      },
    },
  },
  {
    title: 'Sustainability report 2026: emissions down 31 %',
    url: 'https://www.example.com/sustainability/2026#highlights',
    summary: 'Scope 1 and 2 emissions fell by almost a third; what we changed and what comes next.',
    image: 'https://images.example.com/sustainability-2026.jpg',
    tags: ['sustainability', 'report'],
    posts: {
      linkedin: {
        en: 'Proud of this: our emissions fell by 31 % this year. The report explains how.',
        de: 'Darauf bin ich stolz: Unsere Emissionen sind dieses Jahr um 31 % gesunken.',
        nl: 'Trots op dit resultaat: onze uitstoot daalde dit jaar met 31 %.',
      },
      facebook: {
        en: 'Emissions down 31 % – read how we did it.',
        de: 'Emissionen um 31 % gesenkt – so haben wir es geschafft.',
        nl: 'Uitstoot 31 % lager – zo hebben we het gedaan.',
      },
    },
  },
  {
    title: 'Customer story: how a hospital cut waiting times in half',
    url: 'https://www.example.com/stories/hospital-waiting-times',
    summary: 'A regional hospital used our scheduling platform to halve waiting times in six months.',
    image: 'https://images.example.com/hospital.jpg',
    tags: ['customers', 'healthcare'],
    posts: {
      linkedin: {
        en: 'Half the waiting time in six months. I worked on this project and it was worth every hour.',
        de: 'Halbe Wartezeit in sechs Monaten. Ich war an diesem Projekt beteiligt.',
        nl: 'Halve wachttijd in zes maanden. Ik werkte mee aan dit project.',
      },
      xing: {
        en: 'A hospital halved its waiting times with us.',
        de: 'Ein Krankenhaus hat mit uns die Wartezeiten halbiert.',
        nl: 'Een ziekenhuis halveerde met ons de wachttijden.',
      },
    },
  },
  {
    title: 'Webinar: data privacy for works councils',
    url: 'https://events.example.com/webinars/privacy-works-councils',
    summary: 'A one-hour session on what we measure, what we never measure, and why.',
    image: 'https://images.example.com/webinar-privacy.jpg',
    tags: ['events', 'privacy'],
    posts: {
      linkedin: {
        en: 'Join our webinar on data privacy for works councils next Thursday.',
        de: 'Seien Sie dabei: unser Webinar zu Datenschutz für Betriebsräte am Donnerstag.',
        nl: 'Doe mee met ons webinar over privacy voor ondernemingsraden aanstaande donderdag.',
      },
      x: { en: 'Webinar: data privacy for works councils.', de: 'Webinar: Datenschutz für Betriebsräte.', nl: 'Webinar: privacy voor ondernemingsraden.' },
    },
  },
  {
    title: 'Our apprenticeship programme starts again in September',
    url: 'https://careers.example.com/apprenticeships',
    summary: 'Twelve trades, paid training, and a mentor from day one.',
    image: 'https://images.example.com/apprentices.jpg',
    tags: ['careers', 'apprenticeships'],
    posts: {
      facebook: {
        en: 'Know someone finishing school? Our apprenticeships start in September.',
        de: 'Sie kennen jemanden, der bald die Schule beendet? Unsere Ausbildung beginnt im September.',
        nl: 'Kent u iemand die bijna klaar is met school? Onze opleidingen starten in september.',
      },
      linkedin: {
        en: 'Twelve trades, paid training and a mentor from day one: our apprenticeships start in September.',
        de: 'Zwölf Berufe, bezahlte Ausbildung und ein Mentor ab Tag eins.',
        nl: 'Twaalf vakken, betaalde opleiding en een mentor vanaf dag één.',
      },
    },
  },
  {
    title: 'Product launch: the new field service app',
    url: 'https://www.example.com/products/field-service?utm_source=site',
    summary: 'Offline first, built with our technicians, available from today.',
    image: 'https://images.example.com/field-app.jpg',
    tags: ['product', 'launch'],
    posts: {
      linkedin: {
        en: 'Our technicians helped build this app. It is out today.',
        de: 'Unsere Technikerinnen und Techniker haben diese App mitentwickelt. Ab heute verfügbar.',
        nl: 'Onze monteurs hielpen deze app te bouwen. Vanaf vandaag beschikbaar.',
      },
      xing: { en: 'The new field service app is out.', de: 'Die neue Field-Service-App ist da.', nl: 'De nieuwe field-service-app is uit.' },
      x: {
        en: 'New: our field service app, offline first.',
        de: 'Neu: unsere Field-Service-App, offline zuerst.',
        nl: 'Nieuw: onze field-service-app, offline eerst.',
      },
    },
  },
];

const BROWSERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
];

/**
 * Adds the demo library once (nothing when there is content already) and a few shares with clicks by
 * `sharers` (demo people who are not the demo logins).
 * @example await createDemoAdvocacyContent({ db, thresholds, publicUrl: 'http://localhost:8080', sharers: [12, 34, 56] })
 */
export async function createDemoAdvocacyContent(input: { db: AnyDb; thresholds: Thresholds; publicUrl: string; sharers: number[] }): Promise<number[]> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM advocacy_content`.execute(input.db);
  if (Number(rows[0]!.n) > 0) return [];
  const ctx = { db: input.db, clock: () => new Date(), thresholds: input.thresholds };
  const ids: number[] = [];
  for (const item of ITEMS) {
    const suggested_posts = Object.entries(item.posts).flatMap(([network, texts]) =>
      (['en', 'de', 'nl'] as const).map((language) => ({ network: network as Network, language, text: texts[language] })),
    );
    const view = await createContent({
      ...ctx,
      createdBy: null,
      input: { title: item.title, url: item.url, summary: item.summary, image_url: item.image, tags: item.tags, suggested_posts },
    });
    ids.push(view.id);
  }
  let n = 0;
  for (const [i, personId] of input.sharers.entries()) {
    const contentId = ids[i % ids.length]!;
    const network: Network = i % 3 === 2 ? 'xing' : 'linkedin';
    const own = i % 2 === 0 ? `In my own words: this one matters to our team (${i + 1}).` : undefined;
    const shared = await shareContent({ ...ctx, publicUrl: input.publicUrl, id: contentId, personId, network, text: own });
    for (let c = 0; c <= i % 4; c++) {
      n++;
      await recordClick({
        db: input.db,
        mode: 'individual',
        link: { code: shared.code, person_id: personId },
        request: { method: 'GET', address: `198.51.100.${n % 250}`, userAgent: BROWSERS[c % BROWSERS.length], purpose: undefined, personId: null },
        at: new Date(),
      });
    }
    await recordClick({
      db: input.db,
      mode: 'individual',
      link: { code: shared.code, person_id: personId },
      request: {
        method: 'GET',
        address: '198.51.100.250',
        userAgent: 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient)',
        purpose: undefined,
        personId: null,
      },
      at: new Date(),
    });
  }
  return ids;
}
