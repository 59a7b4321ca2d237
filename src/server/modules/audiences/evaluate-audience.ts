// Who is in an audience: the single path from rule JSON to people. Parses, resolves saved segments,
// compiles to one predicate, and asks the people module for counts, pages, ids or exports with it.
import { sql, type RawBuilder } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { PeoplePage, PersonRecord } from '../../../shared/people.js';
import type { PreviewResponse } from '../../../shared/audiences.js';
import {
  countPeopleWhere,
  exportPeopleWhere,
  findPeopleIdsWhere,
  findPeoplePageWhere,
  isPersonSql,
  resolvePersonRefs,
  type Thresholds,
} from '../people/index.js';
import type { RuleNode } from './rule/rule-ast.js';
import { compileAudience } from './rule/compile-rule.js';
import { parseRule } from './rule/parse-rule.js';
import { resolveSegments } from './rule/resolve-segments.js';
import * as q from './audiences.queries.js';

export type AudienceInput = {
  db: AnyDb;
  rule: unknown;
  /** Evaluation date (UTC, YYYY-MM-DD); today when absent. */
  asOf?: string;
  thresholds: Thresholds;
  /** Where the rule sits in the request body, for error pointers. */
  pointer?: string;
};

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The predicate for a rule, or a 400 naming the bad node.
 * @example const where = await compileAudienceRule({ db, rule, thresholds }); // sql`(p.status = 'active' AND ...)`
 */
export async function compileAudienceRule(input: AudienceInput): Promise<RawBuilder<boolean>> {
  const { root, segments } = await checkAudienceRule(input);
  const refs = [root, ...segments.values()].flatMap(orgRefs);
  const orgIds = await resolvePersonRefs({ db: input.db, refs });
  return compileAudience(root, { field: { asOf: input.asOf ?? today(), thresholds: input.thresholds }, segments, orgIds });
}

function orgRefs(node: RuleNode): string[] {
  if (node.kind === 'org') return [node.ref];
  if (node.kind === 'all' || node.kind === 'any') return node.children.flatMap(orgRefs);
  if (node.kind === 'not') return orgRefs(node.child);
  return [];
}

/**
 * Validates a rule and the saved segments it refers to; `selfKey` names the segment being saved,
 * so a reference back to it is a cycle.
 */
export async function checkAudienceRule(input: { db: AnyDb; rule: unknown; pointer?: string; selfKey?: string }) {
  const root = parseRule(input.rule, input.pointer ?? '/rule');
  const segments = await resolveSegments(root, async (key) => (await q.findSegment(input.db, key))?.rule, input.selfKey);
  return { root, segments };
}

/** Count and up to 20 sample people, by name (DESIGN §3.2 preview). */
export async function previewAudience(input: AudienceInput): Promise<PreviewResponse> {
  const where = await compileAudienceRule(input);
  const [count, sample] = await Promise.all([
    countPeopleWhere({ db: input.db, where }),
    findPeoplePageWhere({ db: input.db, where, limit: 20, thresholds: input.thresholds }),
  ]);
  return { count, sample: sample.items };
}

/** Ids of every person in the audience, ascending. */
export async function findAudienceIds(input: AudienceInput): Promise<number[]> {
  return findPeopleIdsWhere({ db: input.db, where: await compileAudienceRule(input) });
}

/** Whether one person is in the audience, by the same compiled predicate. */
export async function isInAudience(input: AudienceInput & { personId: number }): Promise<boolean> {
  const where = await compileAudienceRule(input);
  return (await countPeopleWhere({ db: input.db, where: sql<boolean>`(${isPersonSql(input.personId)} AND ${where})` })) > 0;
}

export async function findAudiencePage(input: AudienceInput & { cursor?: string; limit: number }): Promise<PeoplePage> {
  const where = await compileAudienceRule(input);
  return findPeoplePageWhere({ db: input.db, where, limit: input.limit, cursor: input.cursor, thresholds: input.thresholds });
}

export async function* exportAudience(input: AudienceInput): AsyncGenerator<PersonRecord> {
  yield* exportPeopleWhere({ db: input.db, where: await compileAudienceRule(input), thresholds: input.thresholds });
}
