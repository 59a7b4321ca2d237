// Labels of what the directory holds as raw keys, per interface language: custom attributes
// (`attributes.cost_center` -> Kostenstelle) and values of directory fields (`department` `Sales` ->
// Vertrieb; `attributes.contract` `part_time` -> Teilzeit). Stored values, which segments compare,
// stay as they are; only what people read changes.
import { z } from 'zod';
import { ATTRIBUTE_FIELD_PREFIX } from './audiences.js';

export const FIELD_LABEL_LIMITS = { label: 100, value: 200, items: 5000 } as const;

/** Directory fields whose values may be labelled (besides custom attributes). */
export const LABELLED_VALUE_FIELDS = ['department', 'function', 'location', 'region'] as const;

/** `attributes.<key>` as rules name a custom attribute (the same key rule as the segment language). */
export const ATTRIBUTE_FIELD_PATTERN = /^attributes\.[^\s.][^\s]{0,63}$/;

export function isAttributeField(field: string): boolean {
  return field.startsWith(ATTRIBUTE_FIELD_PREFIX) && ATTRIBUTE_FIELD_PATTERN.test(field);
}

const label = z
  .string()
  .trim()
  .max(FIELD_LABEL_LIMITS.label)
  .nullable()
  .optional()
  .transform((v) => (v ? v : null));

export const fieldLabelsSchema = z.object({ en: label, de: label, nl: label }).strict();

/** One label: of a custom attribute (`value` empty) or of one value of a field. */
export const fieldLabelInputSchema = z
  .object({
    /** `attributes.<key>`, or one of department, function, location, region (for values only). */
    field: z.string().trim().min(1).max(100),
    /** The stored value the labels name; empty or absent for the label of the attribute itself. */
    value: z.string().max(FIELD_LABEL_LIMITS.value).default(''),
    /** At most one text per language; leaving every language empty removes the label. */
    labels: fieldLabelsSchema,
  })
  .strict();
export type FieldLabelInput = z.input<typeof fieldLabelInputSchema>;

export const fieldLabelSchema = z.object({
  field: z.string(),
  value: z.string(),
  labels: z.object({ en: z.string().nullable(), de: z.string().nullable(), nl: z.string().nullable() }),
});
export type FieldLabel = z.infer<typeof fieldLabelSchema>;

export const fieldLabelListSchema = z.object({ items: z.array(fieldLabelSchema) });
export type FieldLabelList = z.infer<typeof fieldLabelListSchema>;
