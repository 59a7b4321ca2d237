// Pure helpers for editing a segment rule (DESIGN §3.2) as a tree: node kinds, value shapes per field
// type and operator, completeness before a preview, parsing stored rules, and JSON-pointer matching.
import {
  ACTIVITY_TYPES,
  ALL_OPS,
  ATTRIBUTE_FIELD_PREFIX,
  OPS_BY_TYPE,
  ORG_FIELD,
  type ActivityType,
  type FieldSpec,
  type FieldType,
  type Rule,
  type RuleOp,
} from '../../../shared/audiences';

export type GroupMode = 'all' | 'any';
export type GroupRule = Extract<Rule, { all: Rule[] }> | Extract<Rule, { any: Rule[] }>;
export type ConditionRule = Extract<Rule, { field: string }>;
export type ActivityRule = Extract<Rule, { has: boolean }>;
export type SegmentRefRule = Extract<Rule, { segment: string }>;

/** A field's type as the builder sees it; `org` is the special "person and everyone below" field. */
export type BuilderFieldType = FieldType | 'org';

/** How a condition's value is edited and stored. */
export type ValueShape = 'text' | 'texts' | 'number' | 'numberRange' | 'date' | 'dateRange' | 'boolean' | 'person';

export const EMPTY_RULE: Rule = { all: [] };

export function isGroup(rule: Rule): rule is GroupRule {
  return 'all' in rule || 'any' in rule;
}

export function groupMode(rule: GroupRule): GroupMode {
  return 'all' in rule ? 'all' : 'any';
}

export function groupChildren(rule: GroupRule): Rule[] {
  return 'all' in rule ? rule.all : rule.any;
}

export function makeGroup(mode: GroupMode, children: Rule[]): GroupRule {
  return mode === 'all' ? { all: children } : { any: children };
}

/** The builder always edits a group at the top, so there is somewhere to add conditions. */
export function asRootGroup(rule: Rule): Rule {
  if (isGroup(rule)) return rule;
  if ('not' in rule && isGroup(rule.not)) return rule;
  return { all: [rule] };
}

export function newCondition(): ConditionRule {
  return { field: '', op: 'eq', value: '' };
}

export function newActivity(): ActivityRule {
  return { activity: { type: 'opened' }, has: true };
}

/** The type of a field name, or null when the catalogue does not know it. */
export function fieldTypeOf(name: string, fields: readonly FieldSpec[]): BuilderFieldType | null {
  if (name === ORG_FIELD) return 'org';
  const spec = fields.find((field) => field.name === name);
  if (spec) return spec.type;
  return name.startsWith(ATTRIBUTE_FIELD_PREFIX) ? 'text' : null;
}

export function opsFor(type: BuilderFieldType): readonly RuleOp[] {
  return type === 'org' ? ['within'] : OPS_BY_TYPE[type];
}

const MULTI_VALUE_OPS: readonly RuleOp[] = ['in', 'not_in', 'has_any', 'has_all', 'has_none'];

export function valueShape(type: BuilderFieldType, op: RuleOp): ValueShape {
  if (op === 'exists') return 'boolean';
  if (type === 'org' || op === 'within') return 'person';
  if (type === 'boolean') return 'boolean';
  if (MULTI_VALUE_OPS.includes(op)) return 'texts';
  if (type === 'number') return op === 'between' ? 'numberRange' : 'number';
  if (type === 'date') return op === 'between' ? 'dateRange' : 'date';
  return 'text';
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE.test(value);
}

const asNumber = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const asText = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

/** Keeps what still fits when the operator changes ("eq Sales" -> "in [Sales]"), else a blank value. */
export function adaptValue(value: unknown, shape: ValueShape): unknown {
  const list = Array.isArray(value) ? (value as unknown[]) : value === undefined || value === '' || value === null ? [] : [value];
  switch (shape) {
    case 'text':
    case 'person':
      return asText(list[0]);
    case 'texts':
      return list.map(asText).filter((text) => text !== '');
    case 'number':
      return asNumber(list[0]);
    case 'numberRange':
      return [asNumber(list[0]), asNumber(list[1])];
    case 'date':
      return isIsoDate(list[0]) ? list[0] : '';
    case 'dateRange':
      return [isIsoDate(list[0]) ? list[0] : '', isIsoDate(list[1]) ? list[1] : ''];
    case 'boolean':
      return typeof value === 'boolean' ? value : true;
  }
}

/** A condition for a newly picked field: its first operator and a blank value. */
export function conditionForField(field: string, type: BuilderFieldType, currentOp: RuleOp): ConditionRule {
  const ops = opsFor(type);
  const op = ops.includes(currentOp) ? currentOp : (ops[0] ?? 'eq');
  return { field, op, value: adaptValue(undefined, valueShape(type, op)) };
}

function isFilled(value: unknown): boolean {
  if (typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && value.trim() !== '';
}

/** True when a condition's value is complete enough to send (independent of the field catalogue). */
export function isConditionComplete(rule: ConditionRule): boolean {
  if (rule.field === '') return false;
  if (rule.op === 'exists') return typeof rule.value === 'boolean';
  if (rule.op === 'between') return Array.isArray(rule.value) && rule.value.length === 2 && rule.value.every(isFilled);
  if (MULTI_VALUE_OPS.includes(rule.op)) return Array.isArray(rule.value) && rule.value.length > 0;
  return isFilled(rule.value);
}

/** The JSON pointer (relative to the rule) of the first node still missing a value, or null. */
export function firstIncompletePointer(rule: Rule, pointer = ''): string | null {
  if ('not' in rule) return firstIncompletePointer(rule.not, `${pointer}/not`);
  if (isGroup(rule)) {
    const mode = groupMode(rule);
    for (const [index, child] of groupChildren(rule).entries()) {
      const found = firstIncompletePointer(child, `${pointer}/${mode}/${index}`);
      if (found !== null) return found;
    }
    return null;
  }
  if ('field' in rule) return isConditionComplete(rule) ? null : pointer;
  if ('segment' in rule) return rule.segment === '' ? pointer : null;
  return null;
}

/** Every node's pointer, so a problem's pointer can be matched to the deepest node it falls in. */
function nodePointers(rule: Rule, pointer: string, into: string[]): string[] {
  into.push(pointer);
  if ('not' in rule) nodePointers(rule.not, `${pointer}/not`, into);
  else if (isGroup(rule)) {
    const mode = groupMode(rule);
    groupChildren(rule).forEach((child, index) => nodePointers(child, `${pointer}/${mode}/${index}`, into));
  }
  return into;
}

/** "/all/1/value" in `{all: [a, b]}` -> "/all/1": the node to outline for an error pointer. */
export function nodeForPointer(rule: Rule, errorPointer: string | undefined): string | null {
  if (errorPointer === undefined) return null;
  let best: string | null = null;
  for (const pointer of nodePointers(rule, '', [])) {
    const inside = errorPointer === pointer || errorPointer.startsWith(`${pointer}/`);
    if (inside && (best === null || pointer.length > best.length)) best = pointer;
  }
  return best;
}

/** A problem pointer into a request body ("/rule/all/1") made relative to the rule ("/all/1"). */
export function rulePointer(pointer: string | undefined, base = '/rule'): string | undefined {
  if (pointer === undefined) return undefined;
  if (pointer === base) return '';
  return pointer.startsWith(`${base}/`) ? pointer.slice(base.length) : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRuleOp(op: unknown): op is RuleOp {
  return typeof op === 'string' && (ALL_OPS as readonly string[]).includes(op);
}

function isActivityType(type: unknown): type is ActivityType {
  return typeof type === 'string' && (ACTIVITY_TYPES as readonly string[]).includes(type);
}

/** A stored rule as typed JSON, or null when some node is not a rule this builder understands. */
export function parseRule(value: unknown): Rule | null {
  if (!isRecord(value)) return null;
  const childrenOf = (list: unknown[]) => {
    const children = list.map(parseRule);
    return children.every((child): child is Rule => child !== null) ? children : null;
  };
  if (Array.isArray(value.all)) {
    const children = childrenOf(value.all);
    return children && { all: children };
  }
  if (Array.isArray(value.any)) {
    const children = childrenOf(value.any);
    return children && { any: children };
  }
  if ('not' in value) {
    const inner = parseRule(value.not);
    return inner && { not: inner };
  }
  if (typeof value.field === 'string' && isRuleOp(value.op)) return { field: value.field, op: value.op, value: value.value };
  if (typeof value.segment === 'string') return { segment: value.segment };
  const activity = value.activity;
  if (isRecord(activity) && isActivityType(activity.type) && typeof value.has === 'boolean') {
    const result: ActivityRule = { activity: { type: activity.type }, has: value.has };
    if (typeof activity.campaign === 'number' || typeof activity.campaign === 'string') result.activity.campaign = activity.campaign;
    if (typeof activity.within_days === 'number') result.activity.within_days = activity.within_days;
    return result;
  }
  return null;
}
