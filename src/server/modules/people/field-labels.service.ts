// Labels that admins give custom attributes and directory values in en/de/nl, read by every screen
// that shows those keys and by the audiences field catalogue.
import type { AnyDb } from '../../platform/db/connect.js';
import { AppError, coded } from '../../platform/http/app-error.js';
import { type FieldLabel, type FieldLabelInput, fieldLabelInputSchema, isAttributeField, LABELLED_VALUE_FIELDS } from '../../../shared/field-labels.js';
import * as q from './field-labels.queries.js';

const present = (r: q.FieldLabelRow): FieldLabel => ({ field: r.field, value: r.value, labels: { en: r.label_en, de: r.label_de, nl: r.label_nl } });

export async function listFieldLabels(input: { db: AnyDb }): Promise<{ items: FieldLabel[] }> {
  return { items: (await q.listFieldLabels(input.db)).map(present) };
}

/** Refuses labels for what the web translates itself (built-in fields) or what has no fixed values. */
function assertLabelable(field: string, value: string): void {
  if (isAttributeField(field)) return;
  if (value === '') {
    throw new AppError('validation', `only custom attributes (attributes.<key>) take a label of their own; "${field}" is named by the app`, {
      ...coded('labels.field_not_labelable', { field }),
      problems: [{ pointer: '/field', message: 'not a custom attribute', code: 'labels.field_not_labelable', params: { field } }],
    });
  }
  if (!(LABELLED_VALUE_FIELDS as readonly string[]).includes(field)) {
    throw new AppError('validation', `the values of "${field}" cannot be labelled; label those of ${LABELLED_VALUE_FIELDS.join(', ')} or attributes.<key>`, {
      ...coded('labels.value_not_labelable', { field }),
      problems: [{ pointer: '/field', message: 'values cannot be labelled', code: 'labels.value_not_labelable', params: { field } }],
    });
  }
}

/**
 * Sets the labels of a custom attribute (empty `value`) or of one value of a field; a label with no
 * text in any language is removed. Answers the whole list, as the screens show it.
 * @example await saveFieldLabel({ db, label: { field: 'attributes.cost_center', labels: { en: 'Cost centre', de: 'Kostenstelle', nl: 'Kostenplaats' } } });
 */
export async function saveFieldLabel(input: { db: AnyDb; label: FieldLabelInput }): Promise<{ items: FieldLabel[] }> {
  const { field, value, labels } = fieldLabelInputSchema.parse(input.label);
  assertLabelable(field, value);
  if (labels.en === null && labels.de === null && labels.nl === null) await q.deleteFieldLabel(input.db, field, value);
  else await q.upsertFieldLabels(input.db, [{ field, value, label_en: labels.en, label_de: labels.de, label_nl: labels.nl }]);
  return listFieldLabels(input);
}

/** Many labels at once (the demo seed); each is checked as one saved through the API would be. */
export async function saveFieldLabels(input: { db: AnyDb; labels: FieldLabelInput[] }): Promise<void> {
  const rows = new Map<string, q.FieldLabelRow>();
  for (const l of input.labels) {
    const { field, value, labels } = fieldLabelInputSchema.parse(l);
    assertLabelable(field, value);
    // One statement cannot upsert the same row twice; the last label given for a pair wins.
    rows.set(JSON.stringify([field, value]), { field, value, label_en: labels.en, label_de: labels.de, label_nl: labels.nl });
  }
  await q.upsertFieldLabels(input.db, [...rows.values()]);
}
