// Conditions on generation, cohorts, tenure_years and experience_level restated over the stored columns
// (birth_year, hire_date, career_start_year), which
// the planner can estimate and index, instead of computing the derived value for every person.
// Returns undefined when no restatement applies; the generic compiler then handles the condition.
import { sql, type RawBuilder } from 'kysely';
import { GENERATIONS } from '../../../../shared/people.js';
import { cohortSql, experienceLevelSql, hasExperienceLevelSql, hasTenureSql, tenureAtLeastSql, type FieldContext } from '../../people/index.js';
import type { RuleNode } from './rule-ast.js';

type Pred = RawBuilder<boolean>;
type Condition = Extract<RuleNode, { kind: 'condition' }>;

const TRUE = sql<boolean>`TRUE`;
const FALSE = sql<boolean>`FALSE`;
const hasBirthYear = sql<boolean>`(p.birth_year IS NOT NULL)`;
const and = (parts: Pred[]) => (parts.length === 0 ? TRUE : sql<boolean>`(${sql.join(parts, sql` AND `)})`);
const or = (parts: Pred[]) => (parts.length === 0 ? FALSE : sql<boolean>`(${sql.join(parts, sql` OR `)})`);
const not = (p: Pred) => sql<boolean>`(NOT ${p})`;

const isGeneration = (v: string) => (GENERATIONS as readonly string[]).includes(v);
const generationSql = (value: string) => (isGeneration(value.toLowerCase()) ? cohortSql(value.toLowerCase()) : FALSE);

function generation(op: string, v: unknown): Pred | undefined {
  switch (op) {
    case 'eq':
      return generationSql(v as string);
    case 'neq':
      return and([hasBirthYear, not(generationSql(v as string))]);
    case 'in':
      return or((v as string[]).map(generationSql));
    case 'not_in':
      return and([hasBirthYear, not(or((v as string[]).map(generationSql)))]);
    case 'exists':
      return v ? hasBirthYear : not(hasBirthYear);
  }
  return undefined; // contains, starts_with: rare; the generic text comparison is exact
}

function cohorts(op: string, v: unknown): Pred | undefined {
  if (op === 'exists') return v ? hasBirthYear : not(hasBirthYear);
  const list = (Array.isArray(v) ? (v as string[]) : [v as string]).map((x) => cohortSql(x.toLowerCase()));
  switch (op) {
    case 'has':
      return list[0]!;
    case 'has_any':
      return or(list);
    case 'has_all':
      return and(list);
    case 'has_none':
      return not(or(list));
  }
  return undefined;
}

/**
 * Tenure no stored hire date can reach: hire dates start in year 1, and PostgreSQL dates end about
 * 4713 BC, so "asOf minus n years" would fail (or overflow an int) long before it meant anyone.
 */
const beyondAnyTenure = (n: number, asOf: string) => n > Number(asOf.slice(0, 4)) + 4000;

/** tenure >= n for an integer n >= 1; below that, future hire dates make age() differ, so no shortcut. */
function atLeast(n: number, asOf: string): Pred | undefined {
  if (beyondAnyTenure(n, asOf)) return FALSE;
  return n >= 1 ? tenureAtLeastSql(n, asOf) : undefined;
}

function tenure(op: string, v: unknown, asOf: string): Pred | undefined {
  const gte = (x: number) => atLeast(Math.ceil(x), asOf);
  const lte = (x: number) => {
    const above = atLeast(Math.floor(x) + 1, asOf);
    return above && and([hasTenureSql, not(above)]);
  };
  const both = (...parts: (Pred | undefined)[]) => (parts.every((p) => p !== undefined) ? and(parts) : undefined);
  switch (op) {
    case 'gte':
      return gte(v as number);
    case 'gt':
      return atLeast(Math.floor(v as number) + 1, asOf);
    case 'lte':
      return lte(v as number);
    case 'lt':
      return lte(Math.ceil(v as number) - 1);
    case 'between': {
      const [low, high] = v as [number, number];
      return both(gte(low), lte(high));
    }
    case 'eq':
      if (!Number.isInteger(v)) return FALSE;
      return both(gte(v as number), lte(v as number));
    case 'neq': {
      if (!Number.isInteger(v)) return hasTenureSql;
      const equal = both(gte(v as number), lte(v as number));
      return equal && and([hasTenureSql, not(equal)]);
    }
    case 'exists':
      return v ? hasTenureSql : not(hasTenureSql);
  }
  return undefined;
}

function experience(op: string, v: unknown, ctx: FieldContext): Pred | undefined {
  const level = (x: string) => experienceLevelSql(x.toLowerCase(), ctx.asOf, ctx.thresholds);
  switch (op) {
    case 'eq':
      return level(v as string);
    case 'neq':
      return and([hasExperienceLevelSql, not(level(v as string))]);
    case 'in':
      return or((v as string[]).map(level));
    case 'not_in':
      return and([hasExperienceLevelSql, not(or((v as string[]).map(level)))]);
    case 'exists':
      return v ? hasExperienceLevelSql : not(hasExperienceLevelSql);
  }
  return undefined;
}

/**
 * A cheaper, equivalent predicate for a condition on a derived field, if there is one.
 * @example compileDerivedAsRange({ field: 'cohorts', op: 'has', value: 'xennial', ... }, { asOf, thresholds }) // birth_year 1977-1983
 */
export function compileDerivedAsRange(node: Condition, ctx: FieldContext): Pred | undefined {
  if (node.field === 'generation') return generation(node.op, node.value);
  if (node.field === 'cohorts') return cohorts(node.op, node.value);
  if (node.field === 'tenure_years') return tenure(node.op, node.value, ctx.asOf);
  if (node.field === 'experience_level') return experience(node.op, node.value, ctx);
  return undefined;
}
