// Validates segment-rule JSON (DESIGN §3.2) node by node with zod and turns it into the RuleNode tree.
// Errors are 400s naming the JSON pointer of the offending node and saying, in a communicator's
// words, what is wrong and what would be right: in English for API users, and as a message code with
// parameters that the web shows in the reader's language.
import { z } from 'zod';
import {
  ACTIVITY_TYPES,
  ATTRIBUTE_FIELD_PREFIX,
  OPS_BY_TYPE,
  ORG_FIELD,
  RULE_FIELDS,
  RULE_LIMITS,
  SEGMENT_KEY_PATTERN,
  ruleDateSchema,
  type FieldType,
} from '../../../../shared/audiences.js';
import { AppError, coded, type MessageParams } from '../../../platform/http/app-error.js';
import type { ProblemCode } from '../../../../shared/problem-codes/index.js';
import type { ConditionValue, RuleNode } from './rule-ast.js';

const MAX_WITHIN_DAYS = 36_500;
const FIELD_TYPES = new Map(RULE_FIELDS.map((f) => [f.name, f.type]));
const ATTRIBUTE_KEY = /^[^\s.][^\s]{0,63}$/;

const text = z.string().max(RULE_LIMITS.textValue, `a text value has at most ${RULE_LIMITS.textValue} characters`);
const textList = z.array(text).max(RULE_LIMITS.listValue, `a list value has at most ${RULE_LIMITS.listValue} entries`);
const number = z.number().finite();
const date = ruleDateSchema;
const bool = z.boolean();

/** The value each operator takes, per field type. */
const VALUE_SCHEMAS: Record<FieldType, Record<string, z.ZodType>> = {
  text: { eq: text, neq: text, in: textList, not_in: textList, contains: text, starts_with: text, exists: bool },
  number: { eq: number, neq: number, lt: number, lte: number, gt: number, gte: number, between: z.tuple([number, number]), exists: bool },
  date: { eq: date, neq: date, lt: date, lte: date, gt: date, gte: date, between: z.tuple([date, date]), exists: bool },
  list: { has: text, has_any: textList, has_all: textList, has_none: textList, exists: bool },
  boolean: { eq: bool },
};

/** Custom attributes have no declared type: the value says which comparison is meant. */
const ATTRIBUTE_VALUE_SCHEMAS: Record<string, z.ZodType> = {
  eq: z.union([text, number, bool]),
  neq: z.union([text, number, bool]),
  in: textList,
  not_in: textList,
  contains: text,
  starts_with: text,
  lt: z.union([number, date]),
  lte: z.union([number, date]),
  gt: z.union([number, date]),
  gte: z.union([number, date]),
  between: z.union([z.tuple([number, number]), z.tuple([date, date])]),
  has: text,
  has_any: textList,
  has_all: textList,
  has_none: textList,
  exists: bool,
};

const conditionShape = z.object({ field: z.string().min(1, 'name a field'), op: z.string().min(1, 'name an operator'), value: z.unknown() }).strict();
const activityShape = z
  .object({
    activity: z
      .object({
        type: z.enum(ACTIVITY_TYPES, { message: `the activity type is one of ${ACTIVITY_TYPES.join(', ')}` }),
        // Campaign ids are numbers today; any other id simply matches no recorded event.
        campaign: z.union([z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER), z.string().trim().min(1).max(200)]).optional(),
        within_days: z.number().int().min(0).max(MAX_WITHIN_DAYS).optional(),
      })
      .strict(),
    has: z.boolean({ message: 'say whether people must have ("has": true) or must not have ("has": false) the activity' }),
  })
  .strict();

type Budget = { nodes: number };

type Coded = { messageCode: ProblemCode; params: MessageParams };

function fail(pointer: string, message: string, why: Coded): never {
  throw new AppError('validation', `${message} (at ${pointer || '/'})`, {
    ...why,
    problems: [{ pointer, message, code: why.messageCode, params: why.params }],
  });
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

/** Why an activity object was refused, from the first zod issue. */
function activityProblem(error: z.ZodError): Coded {
  const issue = error.issues[0]!;
  const at = issue.path[issue.path.length - 1];
  if (issue.code === 'unrecognized_keys') return coded('rule.unknown_keys', { keys: issue.keys.join(', ') });
  if (at === 'has') return coded('rule.activity_has_missing');
  if (at === 'type') return coded('rule.activity_type_unknown', { types: ACTIVITY_TYPES.join(', ') });
  if (at === 'within_days') return coded('rule.activity_within_days', { min: 0, max: MAX_WITHIN_DAYS });
  if (at === 'campaign') return coded('rule.activity_campaign_invalid');
  return coded('rule.activity_invalid');
}

/** Why a condition's field/op/value object was refused, from the first zod issue. */
function conditionProblem(error: z.ZodError, node: Record<string, unknown>): Coded {
  const issue = error.issues[0]!;
  if (issue.code === 'unrecognized_keys') return coded('rule.unknown_keys', { keys: issue.keys.join(', ') });
  if (issue.path[0] === 'op') return coded('rule.op_missing');
  if (issue.path[0] === 'value' && typeof node.field === 'string') return coded('rule.value_missing', { field: node.field });
  return coded('rule.field_missing');
}

/** Why a value does not fit its operator: too long, too many entries, or the wrong kind of value. */
function valueProblem(error: z.ZodError, field: string, op: string, expected: string): Coded {
  const issue = error.issues[0]!;
  if (issue.code === 'too_big' && issue.origin === 'string') return coded('rule.value_too_long', { field, op, maximum: RULE_LIMITS.textValue });
  if (issue.code === 'too_big' && issue.origin === 'array' && issue.path.length === 0 && !op.includes('between')) {
    return coded('rule.value_too_many', { field, op, maximum: RULE_LIMITS.listValue });
  }
  return coded('rule.value_invalid', { field, op, expected });
}

/** The kind of value an operator takes on a field type, as the web names it (`rule.value_invalid`). */
function expectedValue(type: FieldType | 'attribute', op: string): string {
  if (op === 'exists') return 'boolean';
  if (type === 'attribute') {
    if (op === 'eq' || op === 'neq') return 'attribute_value';
    if (op === 'between') return 'pair';
    if (['lt', 'lte', 'gt', 'gte'].includes(op)) return 'number_or_date';
    return ['in', 'not_in', 'has_any', 'has_all', 'has_none'].includes(op) ? 'texts' : 'text';
  }
  if (type === 'list') return op === 'has' ? 'text' : 'texts';
  if (type === 'text') return op === 'in' || op === 'not_in' ? 'texts' : 'text';
  if (op === 'between') return `${type}_pair`;
  return type;
}

/**
 * Parses rule JSON found at `pointer` of the request body.
 * @example parseRule({ all: [{ field: 'generation', op: 'eq', value: 'millennial' }] }, '/rule')
 */
export function parseRule(json: unknown, pointer = '/rule'): RuleNode {
  return parseNode(json, pointer, 1, { nodes: 0 });
}

function parseNode(json: unknown, pointer: string, depth: number, budget: Budget): RuleNode {
  if (depth > RULE_LIMITS.depth)
    fail(pointer, `the rule is nested more than ${RULE_LIMITS.depth} levels deep`, coded('rule.too_deep', { max: RULE_LIMITS.depth }));
  budget.nodes += 1;
  if (budget.nodes > RULE_LIMITS.nodes)
    fail(pointer, `the rule has more than ${RULE_LIMITS.nodes} parts`, coded('rule.too_many_parts', { max: RULE_LIMITS.nodes }));
  if (typeof json !== 'object' || json === null || Array.isArray(json)) fail(pointer, 'each part of a rule is a JSON object', coded('rule.part_not_object'));
  const node = json as Record<string, unknown>;
  const keys = Object.keys(node);
  if (keys.length === 1 && (keys[0] === 'all' || keys[0] === 'any')) {
    const kind = keys[0];
    const list = node[kind];
    if (!Array.isArray(list)) fail(pointer, `"${kind}" takes a list of rules`, coded('rule.group_needs_list', { kind }));
    return { kind, pointer, children: list.map((child, i) => parseNode(child, `${pointer}/${kind}/${i}`, depth + 1, budget)) };
  }
  if (keys.length === 1 && keys[0] === 'not') return { kind: 'not', pointer, child: parseNode(node.not, `${pointer}/not`, depth + 1, budget) };
  if (keys.length === 1 && keys[0] === 'segment') {
    if (typeof node.segment !== 'string' || !SEGMENT_KEY_PATTERN.test(node.segment))
      fail(pointer, '"segment" takes the key of a saved segment', coded('rule.segment_key_invalid'));
    return { kind: 'segment', pointer, key: node.segment };
  }
  if ('activity' in node) {
    const parsed = activityShape.safeParse(node);
    if (!parsed.success) fail(pointer, firstIssue(parsed.error), activityProblem(parsed.error));
    const a = parsed.data.activity;
    return { kind: 'activity', pointer, type: a.type, campaign: a.campaign ?? null, withinDays: a.within_days ?? null, has: parsed.data.has };
  }
  if ('field' in node || 'op' in node) return parseCondition(node, pointer);
  fail(
    pointer,
    `a rule part is {"all": [...]}, {"any": [...]}, {"not": ...}, {"field", "op", "value"}, {"activity", "has"} or {"segment"}; found keys ${keys.map((k) => `"${k}"`).join(', ') || 'none'}`,
    coded('rule.unknown_part', { keys: keys.join(', ') }),
  );
}

function parseCondition(node: Record<string, unknown>, pointer: string): RuleNode {
  const shape = conditionShape.safeParse(node);
  if (!shape.success) fail(pointer, firstIssue(shape.error), conditionProblem(shape.error, node));
  const { field, op, value } = shape.data;
  if (!('value' in node)) fail(pointer, `the condition on ${field} needs a "value"`, coded('rule.value_missing', { field }));
  if (field === ORG_FIELD) {
    if (op !== 'within') fail(pointer, 'the org field takes the operator "within"', coded('rule.org_needs_within'));
    const ref = z.string().trim().min(1).max(320).safeParse(value);
    if (!ref.success) fail(pointer, '"org within" takes the external_id or e-mail of a person', coded('rule.org_needs_person'));
    return { kind: 'org', pointer, ref: ref.data };
  }
  if (field.startsWith(ATTRIBUTE_FIELD_PREFIX)) {
    const key = field.slice(ATTRIBUTE_FIELD_PREFIX.length);
    if (!ATTRIBUTE_KEY.test(key)) fail(pointer, `"${field}" is not a valid custom attribute name`, coded('rule.attribute_name_invalid', { field }));
    // Operators are looked up as own keys only: "__proto__" or "toString" must not find Object.prototype.
    const schema = Object.hasOwn(ATTRIBUTE_VALUE_SCHEMAS, op) ? ATTRIBUTE_VALUE_SCHEMAS[op] : undefined;
    if (!schema) {
      const ops = Object.keys(ATTRIBUTE_VALUE_SCHEMAS).join(', ');
      fail(pointer, `"${op}" is not an operator; custom attributes take ${ops}`, coded('rule.op_not_for_field', { op, field, type: 'attribute', ops }));
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      fail(
        pointer,
        `the value for ${op} on ${field} does not fit: ${firstIssue(parsed.error)}`,
        valueProblem(parsed.error, field, op, expectedValue('attribute', op)),
      );
    }
    return { kind: 'condition', pointer, field, attribute: key, type: 'attribute', op, value: parsed.data as ConditionValue };
  }
  const type = FIELD_TYPES.get(field);
  if (!type)
    fail(pointer, `there is no field "${field}"; use a Person field, a derived field, attributes.<key> or org`, coded('rule.unknown_field', { field }));
  const schema = Object.hasOwn(VALUE_SCHEMAS[type], op) ? VALUE_SCHEMAS[type][op] : undefined;
  if (!schema) {
    const ops = OPS_BY_TYPE[type].join(', ');
    fail(pointer, `"${op}" does not work on the ${type} field ${field}; use one of ${ops}`, coded('rule.op_not_for_field', { op, field, type, ops }));
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    fail(pointer, `the value for ${op} on ${field} does not fit: ${firstIssue(parsed.error)}`, valueProblem(parsed.error, field, op, expectedValue(type, op)));
  }
  return { kind: 'condition', pointer, field, attribute: null, type, op, value: parsed.data as ConditionValue };
}
