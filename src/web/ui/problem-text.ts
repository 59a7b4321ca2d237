// Says what a server message code means in the reader's language: `problems.<code>` filled with its
// parameters, rule fields, operators and channels named as the screens name them; `expected` and
// `format` pick a more precise wording where one exists (i18next context).
import type { TFunction } from 'i18next';
import { isProblemCode } from '../../shared/problem-codes';
import { ATTRIBUTE_FIELD_PREFIX } from '../../shared/audiences';
import type { ProblemParams } from '../app/api-client';
import en from '../i18n/en.json';

const has = <T extends object>(table: T, key: unknown): key is Extract<keyof T, string> => typeof key === 'string' && Object.hasOwn(table, key);

/** A rule field as the builder shows it: "Generation", "Attribute: cost_center". */
function fieldName(t: TFunction, field: unknown): unknown {
  if (has(en.audiences.fields, field)) return t(`audiences.fields.${field}`);
  if (typeof field === 'string' && field.startsWith(ATTRIBUTE_FIELD_PREFIX)) {
    return t('audiences.builder.attributeField', { key: field.slice(ATTRIBUTE_FIELD_PREFIX.length) });
  }
  return field;
}

/**
 * The translated text of a message code, or null when the code is unknown to this version of the web
 * app (callers then fall back to a text by status; the server's English is never shown).
 * @example problemText(t, 'rule.unknown_field', { field: 'departmnt' }) // 'Es gibt kein Feld „departmnt“.'
 */
export function problemText(t: TFunction, code: string | null, params: ProblemParams): string | null {
  if (!isProblemCode(code)) return null;
  const context = typeof params.expected === 'string' ? params.expected : typeof params.format === 'string' ? params.format : undefined;
  return t(`problems.${code}`, {
    ...params,
    field: fieldName(t, params.field),
    op: has(en.audiences.ops, params.op) ? t(`audiences.ops.${params.op}`) : params.op,
    channel: has(en.channels, params.channel) ? t(`channels.${params.channel}`) : params.channel,
    context,
  });
}
