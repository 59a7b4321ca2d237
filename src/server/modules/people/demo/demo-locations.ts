// Offices of the demo organisation: roughly 45% Germany, 35% the Netherlands, 20% UK and Ireland,
// each with its region, IANA time zone, working language and the employee body that represents it.

export type DemoLanguage = 'de' | 'nl' | 'en';

export type DemoLocation = {
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: 'DE' | 'NL' | 'GB' | 'IE';
  region: string;
  timeZone: string;
  language: DemoLanguage;
  /** Relative head count; the weights add up to 100. */
  weight: number;
  worksCouncil: string;
};

const de = (name: string, region: 'North' | 'West' | 'South', weight: number): DemoLocation => ({
  name,
  country: 'DE',
  region: `DACH ${region}`,
  timeZone: 'Europe/Berlin',
  language: 'de',
  weight,
  worksCouncil: `Betriebsrat ${region === 'North' ? 'Nord' : region === 'West' ? 'West' : 'Süd'}`,
});

const nl = (name: string, weight: number): DemoLocation => ({
  name,
  country: 'NL',
  region: 'Benelux',
  timeZone: 'Europe/Amsterdam',
  language: 'nl',
  weight,
  worksCouncil: 'Ondernemingsraad Nederland',
});

/** The first entry is headquarters, where the CEO sits. */
export const LOCATIONS: readonly DemoLocation[] = [
  de('Berlin', 'North', 11),
  de('München', 'South', 9),
  de('Hamburg', 'North', 8),
  de('Frankfurt am Main', 'West', 7),
  de('Köln', 'West', 4),
  de('Stuttgart', 'South', 3),
  de('Düsseldorf', 'West', 3),
  nl('Amsterdam', 14),
  nl('Rotterdam', 7),
  nl('Utrecht', 6),
  nl('Eindhoven', 5),
  nl('Den Haag', 3),
  {
    name: 'London',
    country: 'GB',
    region: 'UK & Ireland',
    timeZone: 'Europe/London',
    language: 'en',
    weight: 9,
    worksCouncil: 'Employee Forum UK & Ireland',
  },
  {
    name: 'Manchester',
    country: 'GB',
    region: 'UK & Ireland',
    timeZone: 'Europe/London',
    language: 'en',
    weight: 4,
    worksCouncil: 'Employee Forum UK & Ireland',
  },
  {
    name: 'Dublin',
    country: 'IE',
    region: 'UK & Ireland',
    timeZone: 'Europe/Dublin',
    language: 'en',
    weight: 7,
    worksCouncil: 'Employee Forum UK & Ireland',
  },
];
