// The labels an admin of the demo organisation would give: department and function names in German
// and Dutch (the stored names stay English keys, so one segment finds Sales in every country), the
// custom attributes and their coded values, and the city and region names that differ by language.
import type { FieldLabelInput } from '../../../../shared/field-labels.js';
import { DEPARTMENTS, EXECUTIVE_OFFICE } from './demo-departments.js';

type Labels = { en: string; de: string; nl: string };

const label = (field: string, value: string, labels: Labels): FieldLabelInput => ({ field, value, labels });

const ATTRIBUTES: Record<string, { name: Labels; values?: Record<string, Labels> }> = {
  cost_center: { name: { en: 'Cost centre', de: 'Kostenstelle', nl: 'Kostenplaats' } },
  contract: {
    name: { en: 'Contract', de: 'Vertragsart', nl: 'Contractvorm' },
    values: {
      full_time: { en: 'Full-time', de: 'Vollzeit', nl: 'Voltijd' },
      part_time: { en: 'Part-time', de: 'Teilzeit', nl: 'Deeltijd' },
    },
  },
  works_council_region: { name: { en: 'Works council', de: 'Betriebsrat', nl: 'Ondernemingsraad' } },
  work_model: {
    name: { en: 'Work model', de: 'Arbeitsmodell', nl: 'Werkvorm' },
    values: {
      hybrid: { en: 'Hybrid', de: 'Hybrid', nl: 'Hybride' },
      office: { en: 'In the office', de: 'Im Büro', nl: 'Op kantoor' },
      remote: { en: 'Remote', de: 'Mobiles Arbeiten', nl: 'Op afstand' },
      on_site: { en: 'On site', de: 'Vor Ort', nl: 'Op locatie' },
    },
  },
};

/** Places whose names differ by language; the others read the same everywhere. */
const PLACES: { field: 'location' | 'region'; value: string; labels: Labels }[] = [
  { field: 'location', value: 'München', labels: { en: 'Munich', de: 'München', nl: 'München' } },
  { field: 'location', value: 'Köln', labels: { en: 'Cologne', de: 'Köln', nl: 'Keulen' } },
  { field: 'location', value: 'Den Haag', labels: { en: 'The Hague', de: 'Den Haag', nl: 'Den Haag' } },
  { field: 'region', value: 'DACH North', labels: { en: 'DACH North', de: 'DACH Nord', nl: 'DACH Noord' } },
  { field: 'region', value: 'DACH West', labels: { en: 'DACH West', de: 'DACH West', nl: 'DACH West' } },
  { field: 'region', value: 'DACH South', labels: { en: 'DACH South', de: 'DACH Süd', nl: 'DACH Zuid' } },
  { field: 'region', value: 'UK & Ireland', labels: { en: 'UK & Ireland', de: 'Vereinigtes Königreich & Irland', nl: 'VK & Ierland' } },
];

/**
 * Every label of the demo organisation, as `PUT /api/v1/people/field-labels` takes them.
 * @example demoFieldLabels().find((l) => l.field === 'department' && l.value === 'Sales')?.labels.de // 'Vertrieb'
 */
export function demoFieldLabels(): FieldLabelInput[] {
  const units = [...DEPARTMENTS, EXECUTIVE_OFFICE];
  return [
    ...units.map((d) => label('department', d.name, { en: d.name, de: d.de, nl: d.nl })),
    ...DEPARTMENTS.flatMap((d) => d.functions.map((f) => label('function', f.name, { en: f.name, de: f.de, nl: f.nl }))),
    label('function', 'Management', { en: 'Management', de: 'Geschäftsleitung', nl: 'Directie' }),
    ...Object.entries(ATTRIBUTES).flatMap(([key, a]) => [
      label(`attributes.${key}`, '', a.name),
      ...Object.entries(a.values ?? {}).map(([value, labels]) => label(`attributes.${key}`, value, labels)),
    ]),
    ...PLACES.map((p) => label(p.field, p.value, p.labels)),
  ];
}
