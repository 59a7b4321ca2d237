// Directory rules: who sees which fields, search with opaque cursors, a person's profile, editing
// one's own profile (HR-owned fields stay read-only), and exporting everyone in the import format.
import { z } from 'zod';
import type { RawBuilder } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import { AppError, coded, invalidCursor, notFound } from '../../platform/http/app-error.js';
import {
  profileUpdateSchema,
  type PeopleFacets,
  type PeoplePage,
  type PeopleQuery,
  type PersonCard,
  type PersonProfile,
  type PersonRecord,
  type ProfileUpdate,
  peopleQuerySchema,
} from '../../../shared/people.js';
import * as q from './people.queries.js';
import { presentCard, presentProfile, presentRecord } from './present-person.js';
import { attributeTextSql, personFieldSql } from './person-field-sql.js';

export type DirectoryViewer = { personId: number | null; showHr: boolean };

const today = () => new Date().toISOString().slice(0, 10);

const cursorSchema = z.tuple([z.string(), z.string(), z.number().int()]);

function encodeCursor(row: q.PersonRow): string {
  return Buffer.from(JSON.stringify([row.family_name, row.given_name, row.id])).toString('base64url');
}

function decodeCursor(cursor: string): q.DirectoryFilter['after'] {
  try {
    const [family_name, given_name, id] = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { family_name, given_name, id };
  } catch {
    throw invalidCursor();
  }
}

/**
 * One page of the directory, by family name.
 * @example await searchDirectory({ db, query: { skill: 'excel' }, viewer, thresholds }) // { items, next_cursor }
 */
export async function searchDirectory(input: { db: AnyDb; query: PeopleQuery; viewer: DirectoryViewer; thresholds: q.Thresholds }): Promise<PeoplePage> {
  const query = peopleQuerySchema.parse(input.query);
  if (!input.viewer.showHr && (query.generation || query.experience_level)) {
    throw new AppError('forbidden', 'filtering by generation or experience is for communicators and admins', coded('people.hr_filter_forbidden'));
  }
  // Tokens as the 'simple' text-search parser makes them: runs of letters and digits.
  const words =
    (query.q ?? '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, 8) ?? [];
  if (query.q && query.q.trim() !== '' && words.length === 0) return { items: [], next_cursor: null };
  const rows = await q.searchPeople(
    input.db,
    {
      words,
      department: query.department,
      location: query.location,
      skill: query.skill,
      under: query.under,
      generation: query.generation,
      experienceLevel: query.experience_level,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit: query.limit + 1,
    },
    today(),
    input.thresholds,
  );
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return { items: page.map(presentCard), next_cursor: rows.length > query.limit && last ? encodeCursor(last) : null };
}

export async function getProfile(input: { db: AnyDb; personId: number; viewer: DirectoryViewer; thresholds: q.Thresholds }): Promise<PersonProfile> {
  const row = await q.findPersonById(input.db, input.personId, today(), input.thresholds);
  const isOwn = input.viewer.personId === input.personId;
  if (!row || (row.status !== 'active' && !input.viewer.showHr && !isOwn))
    throw notFound(`person ${input.personId}`, coded('person.not_found', { id: input.personId }));
  const [manager, reports] = await Promise.all([
    row.manager_id ? q.findPersonRef(input.db, row.manager_id) : Promise.resolve(undefined),
    q.findReports(input.db, row.id),
  ]);
  return presentProfile({ row, manager, reports, showHr: input.viewer.showHr, isOwn });
}

/** Changes the caller's own profile fields; HR fields are not in the schema, so they cannot be sent. */
export async function updateOwnProfile(input: {
  db: AnyDb;
  personId: number;
  update: ProfileUpdate;
  viewer: DirectoryViewer;
  thresholds: q.Thresholds;
}): Promise<PersonProfile> {
  const changes = profileUpdateSchema.parse(input.update);
  await q.updateProfileColumns(input.db, input.personId, changes);
  return getProfile({ db: input.db, personId: input.personId, viewer: input.viewer, thresholds: input.thresholds });
}

export async function getFacets(input: { db: AnyDb }): Promise<PeopleFacets> {
  return q.countFacets(input.db);
}

/**
 * Everyone (active and inactive) in the import format, in id order, a batch at a time.
 * @example for await (const record of exportPeople({ db, thresholds })) write(record);
 */
export async function* exportPeople(input: { db: AnyDb; thresholds: q.Thresholds; batchSize?: number }): AsyncGenerator<PersonRecord> {
  let afterId = 0;
  for (;;) {
    const rows = await q.findPeopleBatch(input.db, afterId, input.batchSize ?? 2000, today(), input.thresholds);
    for (const row of rows) yield presentRecord(row);
    const last = rows[rows.length - 1];
    if (!last) return;
    afterId = last.id;
  }
}

export async function listAttributeKeys(input: { db: AnyDb }): Promise<string[]> {
  return q.listAttributeKeys(input.db);
}

export async function countPeople(input: { db: AnyDb }): Promise<number> {
  return q.countPeople(input.db);
}

export async function findDemoCandidates(input: { db: AnyDb }) {
  return q.findDemoCandidates(input.db);
}

/**
 * A page of people matching a predicate over alias `p` (built with the field SQL this module exports).
 * @example await findPeoplePageWhere({ db, where: predicate, limit: 20, thresholds }) // { items, next_cursor }
 */
export async function findPeoplePageWhere(input: {
  db: AnyDb;
  where: RawBuilder<boolean>;
  limit: number;
  cursor?: string;
  thresholds: q.Thresholds;
}): Promise<PeoplePage> {
  const rows = await q.findCardsWhere(input.db, input.where, input.limit + 1, today(), input.thresholds, input.cursor ? decodeCursor(input.cursor) : undefined);
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return { items: page.map(presentCard), next_cursor: rows.length > input.limit && last ? encodeCursor(last) : null };
}

export async function countPeopleWhere(input: { db: AnyDb; where: RawBuilder<boolean> }): Promise<number> {
  return q.countWhere(input.db, input.where);
}

export async function findPeopleIdsWhere(input: { db: AnyDb; where: RawBuilder<boolean> }): Promise<number[]> {
  return q.findIdsWhere(input.db, input.where);
}

/** Every person matching the predicate in the export format, a batch at a time. */
export async function* exportPeopleWhere(input: { db: AnyDb; where: RawBuilder<boolean>; thresholds: q.Thresholds }): AsyncGenerator<PersonRecord> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await q.findCardsWhere(input.db, input.where, 2000, today(), input.thresholds, cursor ? decodeCursor(cursor) : undefined);
    for (const row of rows) yield presentRecord(row);
    const last = rows[rows.length - 1];
    if (!last || rows.length < 2000) return;
    cursor = encodeCursor(last);
  }
}

/** The most common values of a text or list field (Person, derived, or `attributes.<key>`) starting with `prefix`. */
export async function topFieldValues(input: {
  db: AnyDb;
  field: string;
  prefix: string;
  limit: number;
  thresholds: q.Thresholds;
}): Promise<q.Facet[] | undefined> {
  const ctx = { asOf: today(), thresholds: input.thresholds };
  const isAttribute = input.field.startsWith('attributes.');
  const value = isAttribute ? attributeTextSql(input.field.slice('attributes.'.length)) : personFieldSql(input.field, ctx);
  if (!value) return undefined;
  const isList = !isAttribute && ['skills', 'interests', 'mentor_topics', 'learning_goals', 'languages', 'cohorts'].includes(input.field);
  return q.topFieldValues(input.db, value, isList, input.prefix, input.limit);
}

/** Counts people matching `where` per value of the expression `group` (e.g. a bit mask of predicates). */
export async function countPeopleGroupedWhere(input: { db: AnyDb; where: RawBuilder<boolean>; group: RawBuilder<unknown> }) {
  return q.countGroupedWhere(input.db, input.where, input.group);
}

/** Resolves person references (external_id or e-mail) to ids; unknown references are left out. */
export async function resolvePersonRefs(input: { db: AnyDb; refs: string[] }): Promise<Map<string, number>> {
  return new Map((await q.findIdsByRefs(input.db, [...new Set(input.refs)])).map((r) => [r.ref, r.id]));
}

/**
 * Cards of active people by id (missing and inactive ids are left out). Cards carry no derived fields,
 * so `thresholds` is not needed; it is accepted for callers that pass their context along.
 */
export async function findPeopleCardsByIds(input: { db: AnyDb; ids: number[]; thresholds?: q.Thresholds }): Promise<Map<number, PersonCard>> {
  const rows = await q.findCardsByIds(input.db, input.ids);
  return new Map(rows.map((r) => [r.id, presentCard(r)]));
}

/** Ids of active people who list any of the hashtags as a skill. */
export async function findPeopleIdsByTags(input: { db: AnyDb; tags: string[]; limit: number }): Promise<number[]> {
  return q.findIdsByTags(input.db, input.tags, input.limit);
}

/** Active people whose profile text ("about", "can help with") contains any of the stemmed `lexemes`, best first. */
export async function findPeopleByProfileText(input: { db: AnyDb; lexemes: string[]; limit: number }): Promise<{ id: number; rank: number }[]> {
  return q.findIdsByProfileText(input.db, input.lexemes, input.limit, 500);
}

/** Cards of people available to mentor any of the topics. */
export async function findMentorCards(input: {
  db: AnyDb;
  topics: string[];
  excludeId: number;
  limit: number;
  thresholds: q.Thresholds;
}): Promise<PersonCard[]> {
  return (await q.findMentorRows(input.db, input.topics, input.excludeId, input.limit, today(), input.thresholds)).map(presentCard);
}

/** Ambassadors, those at `location` first: first contacts for newcomers. */
export async function findAmbassadorCards(input: { db: AnyDb; location: string | null; limit: number; thresholds: q.Thresholds }): Promise<PersonCard[]> {
  return (await q.findAmbassadorRows(input.db, input.location, input.limit, today(), input.thresholds)).map(presentCard);
}

/**
 * Sets (or clears) a person's social-media maturity stage (1–9), for the advocacy self-assessment; HR
 * import sets the same field, and the later write wins (ADR 0033).
 * @example await setSocialMaturityStage({ db: trx, personId: 42, stage: 5 })
 */
export async function setSocialMaturityStage(input: { db: AnyDb; personId: number; stage: number | null }): Promise<void> {
  if (input.stage !== null && !(Number.isInteger(input.stage) && input.stage >= 1 && input.stage <= 9)) throw new RangeError('a stage is 1 to 9');
  await q.updateProfileColumns(input.db, input.personId, { social_maturity_stage: input.stage });
}
