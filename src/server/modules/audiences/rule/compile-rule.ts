// Compiles a validated rule into one SQL predicate over the people alias `p`: every value is a bound
// parameter, every condition is two-valued (a missing field is false, except exists: false), and
// the result is ANDed with "active". This is the only evaluator: preview, members, membership checks
// and campaigns all ask it (see docs/adr/0007).
import { sql, type RawBuilder } from 'kysely';
import { activePersonSql, attributeSql, attributeTextSql, orgWithinSql, personFieldSql, type FieldContext } from '../../people/index.js';
import { activityExistsSql } from '../../tracking/index.js';
import { compileDerivedAsRange } from './compile-derived.js';
import type { ConditionValue, RuleNode } from './rule-ast.js';

export type CompileContext = {
  field: FieldContext;
  segments: ReadonlyMap<string, RuleNode>;
  /** Ids of the people named by `org within` (unknown references are absent: they match no one). */
  orgIds: ReadonlyMap<string, number>;
};

type Sql = RawBuilder<unknown>;
const TRUE = sql<boolean>`TRUE`;
const FALSE = sql<boolean>`FALSE`;

/**
 * The predicate "this active person is in the audience".
 * @example sql`SELECT count(*) FROM people AS p WHERE ${compileAudience(node, ctx)}`
 */
export function compileAudience(node: RuleNode, ctx: CompileContext): RawBuilder<boolean> {
  return sql<boolean>`(${activePersonSql} AND ${compileNode(node, ctx)})`;
}

/**
 * One bigint per person whose bit i is set when predicate i holds: counts every combination of many
 * audiences (persona coverage and overlaps) in a single pass. At most 63 predicates.
 */
export function compileMembershipMask(predicates: RawBuilder<boolean>[]): RawBuilder<unknown> {
  if (predicates.length > 63) throw new Error('a membership mask holds at most 63 audiences');
  if (predicates.length === 0) return sql`0::bigint`;
  return sql.join(
    predicates.map((pred, i) => sql`(CASE WHEN ${pred} THEN (1::bigint << ${i}::int) ELSE 0::bigint END)`),
    sql` | `,
  );
}

export function compileNode(node: RuleNode, ctx: CompileContext): RawBuilder<boolean> {
  switch (node.kind) {
    case 'all':
      return node.children.length === 0
        ? TRUE
        : sql<boolean>`(${sql.join(
            node.children.map((c) => compileNode(c, ctx)),
            sql` AND `,
          )})`;
    case 'any':
      return node.children.length === 0
        ? FALSE
        : sql<boolean>`(${sql.join(
            node.children.map((c) => compileNode(c, ctx)),
            sql` OR `,
          )})`;
    case 'not':
      return sql<boolean>`(NOT ${compileNode(node.child, ctx)})`;
    case 'segment': {
      const target = ctx.segments.get(node.key);
      if (!target) throw new Error(`segment ${node.key} was not resolved before compiling`);
      return compileNode(target, ctx);
    }
    case 'org': {
      const id = ctx.orgIds.get(node.ref);
      return id === undefined ? FALSE : orgWithinSql(id);
    }
    case 'activity':
      return compileActivity(node, ctx.field.asOf);
    case 'condition': {
      const shortcut = compileDerivedAsRange(node, ctx.field);
      if (shortcut) return shortcut;
      const predicate =
        node.type === 'attribute'
          ? compileAttribute(node.attribute!, node.op, node.value)
          : compileTyped(personFieldSql(node.field, ctx.field)!, node.type, node.op, node.value);
      return sql<boolean>`${predicate}`;
    }
  }
}

function compileActivity(node: Extract<RuleNode, { kind: 'activity' }>, asOf: string): RawBuilder<boolean> {
  // A campaign reference that is not an id matches no activity at all.
  const campaignId =
    node.campaign === null ? null : typeof node.campaign === 'number' ? node.campaign : /^\d{1,15}$/.test(node.campaign) ? Number(node.campaign) : undefined;
  const exists =
    campaignId === undefined
      ? FALSE
      : activityExistsSql({
          person: sql`p.id`,
          type: node.type,
          campaignId,
          before: sql`((${asOf}::date + 1)::timestamp AT TIME ZONE 'UTC')`,
          since: node.withinDays === null ? null : sql`((${asOf}::date - ${node.withinDays}::int)::timestamp AT TIME ZONE 'UTC')`,
        });
  return node.has ? exists : sql<boolean>`(NOT ${exists})`;
}

const lowered = (values: string[]) => sql`ARRAY(SELECT lower(x) FROM unnest(${values}::text[]) AS x)`;

function compileText(e: Sql, op: string, v: ConditionValue): Sql {
  switch (op) {
    case 'eq':
      return sql`(${e} IS NOT NULL AND lower(${e}) = lower(${v}::text))`;
    case 'neq':
      return sql`(${e} IS NOT NULL AND lower(${e}) <> lower(${v}::text))`;
    case 'in':
      return sql`(${e} IS NOT NULL AND lower(${e}) = ANY(${lowered(v as string[])}))`;
    case 'not_in':
      return sql`(${e} IS NOT NULL AND NOT (lower(${e}) = ANY(${lowered(v as string[])})))`;
    // strpos and starts_with take the value literally: %, _ and \ are ordinary characters.
    case 'contains':
      return sql`(${e} IS NOT NULL AND strpos(lower(${e}), lower(${v}::text)) > 0)`;
    case 'starts_with':
      return sql`(${e} IS NOT NULL AND starts_with(lower(${e}), lower(${v}::text)))`;
    case 'exists':
      return v ? sql`(${e} IS NOT NULL AND ${e} <> '')` : sql`(${e} IS NULL OR ${e} = '')`;
  }
  throw new Error(`text op ${op}`);
}

function compileOrdered(e: Sql, op: string, v: ConditionValue, cast: Sql): Sql {
  const value = (x: unknown) => sql`${x}::${cast}`;
  switch (op) {
    case 'eq':
      return sql`(${e} IS NOT NULL AND ${e} = ${value(v)})`;
    case 'neq':
      return sql`(${e} IS NOT NULL AND ${e} <> ${value(v)})`;
    case 'lt':
      return sql`(${e} IS NOT NULL AND ${e} < ${value(v)})`;
    case 'lte':
      return sql`(${e} IS NOT NULL AND ${e} <= ${value(v)})`;
    case 'gt':
      return sql`(${e} IS NOT NULL AND ${e} > ${value(v)})`;
    case 'gte':
      return sql`(${e} IS NOT NULL AND ${e} >= ${value(v)})`;
    case 'between': {
      const [low, high] = v as [unknown, unknown];
      return sql`(${e} IS NOT NULL AND ${e} >= ${value(low)} AND ${e} <= ${value(high)})`;
    }
    case 'exists':
      return v ? sql`(${e} IS NOT NULL)` : sql`(${e} IS NULL)`;
  }
  throw new Error(`ordered op ${op}`);
}

// List values are lower-cased here, as the import lower-cases stored hashtags, and bound as one
// array so the planner sees the values.
const lowerList = (v: ConditionValue) => (Array.isArray(v) ? (v as string[]) : [v as string]).map((x) => x.toLowerCase());

function compileList(e: Sql, op: string, v: ConditionValue): Sql {
  switch (op) {
    case 'has':
      return sql`(${e} IS NOT NULL AND ${e} @> ${lowerList(v)}::text[])`;
    case 'has_any':
      return sql`(${e} IS NOT NULL AND ${e} && ${lowerList(v)}::text[])`;
    case 'has_all':
      return sql`(${e} IS NOT NULL AND ${e} @> ${lowerList(v)}::text[])`;
    case 'has_none':
      return sql`(${e} IS NOT NULL AND NOT (${e} && ${lowerList(v)}::text[]))`;
    case 'exists':
      return v ? sql`(cardinality(${e}) > 0)` : sql`(${e} IS NULL OR cardinality(${e}) = 0)`;
  }
  throw new Error(`list op ${op}`);
}

function compileTyped(e: Sql, type: string, op: string, v: ConditionValue): Sql {
  switch (type) {
    case 'text':
      return compileText(e, op, v);
    case 'number':
      return compileOrdered(e, op, v, sql`numeric`);
    case 'date':
      return compileOrdered(e, op, v, sql`date`);
    case 'list':
      return compileList(e, op, v);
    case 'boolean':
      return sql`(${e} IS NOT NULL AND ${e} = ${v}::boolean)`;
  }
  throw new Error(`field type ${type}`);
}

const ISO_DATE = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
const DECIMAL = '^\\s*-?[0-9]+(\\.[0-9]+)?\\s*$';

/**
 * Custom attributes are untyped JSON: the value decides the comparison. Numbers compare numerically
 * (numeric text counts), ISO dates compare as dates (written as text, which orders the same), booleans
 * as true/false, lists as JSON arrays of strings, everything else as case-insensitive text.
 */
function compileAttribute(key: string, op: string, v: ConditionValue): Sql {
  const j = attributeSql(key);
  const t = attributeTextSql(key);
  if (op === 'exists') {
    const present = sql`(${j} IS NOT NULL AND ${j} NOT IN ('null'::jsonb, '""'::jsonb, '[]'::jsonb))`;
    return v ? present : sql`(NOT ${present})`;
  }
  if (['has', 'has_any', 'has_all', 'has_none'].includes(op)) {
    const list = sql`(CASE WHEN jsonb_typeof(${j}) = 'array' THEN ARRAY(SELECT lower(x) FROM jsonb_array_elements_text(${j}) AS x) END)`;
    return compileList(list, op, v);
  }
  const sample = Array.isArray(v) ? v[0] : v;
  if (typeof sample === 'number') {
    const n = sql`(CASE WHEN ${t} ~ ${DECIMAL} THEN (${t})::numeric END)`;
    return compileOrdered(n, op, v, sql`numeric`);
  }
  if (typeof sample === 'boolean') {
    const b = sql`(CASE lower(${t}) WHEN 'true' THEN TRUE WHEN 'false' THEN FALSE END)`;
    return op === 'eq' ? sql`(${b} IS NOT NULL AND ${b} = ${v}::boolean)` : sql`(${b} IS NOT NULL AND ${b} <> ${v}::boolean)`;
  }
  if (['lt', 'lte', 'gt', 'gte', 'between'].includes(op)) {
    const d = sql`(CASE WHEN ${t} ~ ${ISO_DATE} THEN ${t} COLLATE "C" END)`;
    return compileOrdered(d, op, v, sql`text`);
  }
  return compileText(t, op, v);
}
