// Stored keys read as names in the interface language: admin labels with English as the fallback,
// countries and languages through Intl, and the raw value when nothing names it.
import { describe, expect, it } from 'vitest';
import type { FieldLabel } from '../../../shared/field-labels';
import { valueLabelsFor } from './use-value-labels';

const items: FieldLabel[] = [
  { field: 'department', value: 'Sales', labels: { en: 'Sales', de: 'Vertrieb', nl: 'Verkoop' } },
  { field: 'attributes.contract', value: 'part_time', labels: { en: 'Part-time', de: 'Teilzeit', nl: null } },
  { field: 'attributes.cost_center', value: '', labels: { en: 'Cost centre', de: 'Kostenstelle', nl: 'Kostenplaats' } },
];

describe('valueLabelsFor', () => {
  it('names labelled values in the interface language, falling back to English, then to the value', () => {
    expect(valueLabelsFor(items, 'de').value('department', 'Sales')).toBe('Vertrieb');
    expect(valueLabelsFor(items, 'nl').value('attributes.contract', 'part_time')).toBe('Part-time');
    expect(valueLabelsFor(items, 'nl').value('department', 'Marketing')).toBe('Marketing');
    // A label equal to the value adds nothing, so pickers show the value alone.
    expect(valueLabelsFor(items, 'en').label('department', 'Sales')).toBeNull();
  });

  it('names custom attributes and lists the labelled values of a field', () => {
    expect(valueLabelsFor(items, 'nl').attribute('attributes.cost_center')).toBe('Kostenplaats');
    expect(valueLabelsFor(items, 'nl').attribute('attributes.work_model')).toBeNull();
    expect(valueLabelsFor(items, 'de').labelled('attributes.contract')).toEqual(['part_time']);
  });

  it('names countries and languages the way the browser does, and leaves unknown codes alone', () => {
    expect(valueLabelsFor([], 'de').value('country', 'NL')).toBe('Niederlande');
    expect(valueLabelsFor([], 'nl').value('language', 'de')).toBe('Duits');
    expect(valueLabelsFor([], 'en').value('country', 'not a code')).toBe('not a code');
  });
});
