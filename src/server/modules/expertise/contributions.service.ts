// Contributions written in the product: a signed-in person shares a post or document, which becomes
// evidence for expert search exactly like an imported one (same table, same upsert, same search
// vector); a person's evidence list; deleting one's own written contributions, and withdrawing the
// evidence of a help request by either party.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AnyDb } from '../../platform/db/connect.js';
import { AppError, coded, invalidCursor, notFound } from '../../platform/http/app-error.js';
import type { Contribution, ContributionDraft } from '../../../shared/community.js';
import { findPeopleCardsByIds, type Thresholds } from '../people/index.js';
import * as q from './contributions.queries.js';
import { detectLanguage } from './detect-language.js';
import * as evidence from './expertise.queries.js';

/** external_id prefix of contributions written here; imports use their source system's ids. */
const WRITTEN_PREFIX = 'resonance:';
/** Resolved help requests become evidence under this prefix (see resolveHelpRequest). */
const HELP_PREFIX = 'help-request-';
export const EXCERPT_LENGTH = 600;

function needPerson(personId: number | null): number {
  if (personId === null) {
    throw new AppError('forbidden', 'only people in the directory can share or remove contributions; this account has no profile', coded('profile.none'));
  }
  return personId;
}

function sourceOf(externalId: string): Contribution['source'] {
  if (externalId.startsWith(WRITTEN_PREFIX)) return 'written';
  if (externalId.startsWith(HELP_PREFIX)) return 'help';
  return 'imported';
}

/**
 * Stores a post or document by the signed-in person and counts it into the search statistics.
 * @example const c = await createContribution({ db, authorId: 7, input: { kind: 'post', title: 'Pivot tables', body: '…', tags: [] } });
 */
export async function createContribution(input: { db: AnyDb; authorId: number | null; input: ContributionDraft }): Promise<Contribution> {
  const authorId = needPerson(input.authorId);
  const value = input.input;
  const row: evidence.ContributionRow = {
    external_id: `${WRITTEN_PREFIX}${value.kind}:${randomUUID()}`,
    person_id: authorId,
    kind: value.kind,
    title: value.title,
    body: value.body,
    tags: value.tags,
    language: (value.language ?? detectLanguage(`${value.title} ${value.body}`)).toLowerCase(),
    created_at: new Date().toISOString(),
    score: null,
    accepted: null,
    url: null,
  };
  const id = await input.db.transaction().execute(async (trx) => {
    await q.lockLexemeStatistics(trx);
    await evidence.upsertContributions(trx, [row]);
    const inserted = (await q.findContributionIdByExternalId(trx, row.external_id))!;
    await q.addToStatistics(trx, inserted);
    return inserted;
  });
  return {
    id,
    person_id: authorId,
    kind: row.kind,
    title: row.title,
    excerpt: row.body.slice(0, EXCERPT_LENGTH),
    truncated: row.body.length > EXCERPT_LENGTH,
    tags: row.tags,
    language: row.language,
    url: null,
    accepted: null,
    source: 'written',
    deletable: true,
    created_at: row.created_at,
  };
}

const cursorSchema = z.tuple([z.literal('c'), z.string(), z.number().int().positive()]);

function decodeCursor(cursor: string | undefined): { created_at: string; id: number } | null {
  if (cursor === undefined) return null;
  try {
    const [, createdAt, id] = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (Number.isNaN(Date.parse(createdAt))) throw new Error('not a time');
    return { created_at: createdAt, id };
  } catch {
    throw invalidCursor();
  }
}

/**
 * A person's evidence, newest first, in cursor pages; `deletable` marks what the viewer may remove.
 * @example const { items, next_cursor } = await listContributions({ db, personId: 7, viewerId: 7, limit: 20, thresholds });
 */
export async function listContributions(input: {
  db: AnyDb;
  personId: number;
  viewerId: number | null;
  cursor?: string;
  limit: number;
  thresholds: Thresholds;
}) {
  const after = decodeCursor(input.cursor);
  if (!(await findPeopleCardsByIds({ db: input.db, ids: [input.personId], thresholds: input.thresholds })).has(input.personId))
    throw notFound(`person ${input.personId}`, coded('person.not_found', { id: input.personId }));
  const rows = await q.findContributionsOf(input.db, input.personId, after, input.limit + 1, EXCERPT_LENGTH);
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r): Contribution => {
      const source = sourceOf(r.external_id);
      return {
        id: r.id,
        person_id: r.person_id,
        kind: r.kind,
        title: r.title,
        excerpt: r.excerpt,
        truncated: r.body_length > r.excerpt.length,
        tags: r.tags,
        language: r.language,
        url: r.url,
        accepted: r.accepted,
        source,
        deletable: mayDelete({ source, personId: r.person_id, helpAskerId: r.help_asker_id }, input.viewerId),
        created_at: r.created_at.toISOString(),
      };
    }),
    next_cursor: rows.length > input.limit && last ? Buffer.from(JSON.stringify(['c', last.cursor_at, last.id])).toString('base64url') : null,
  };
}

/** Who may delete: the author of something written here; for help evidence the expert and the asker. */
function mayDelete(c: { source: Contribution['source']; personId: number; helpAskerId: number | null }, viewerId: number | null): boolean {
  if (viewerId === null) return false;
  if (c.source === 'written') return c.personId === viewerId;
  if (c.source === 'help') return c.personId === viewerId || c.helpAskerId === viewerId;
  return false;
}

/**
 * Deletes one of my written contributions, or withdraws the evidence of a help request I asked or
 * answered (public or private: it leaves search at once, statistics included). Imported evidence stays.
 */
export async function deleteContribution(input: { db: AnyDb; id: number; personId: number | null }): Promise<void> {
  const personId = needPerson(input.personId);
  const found = await q.findContributionOwner(input.db, input.id);
  if (!found) throw notFound(`contribution ${input.id}`, coded('contributions.not_found', { id: input.id }));
  const source = sourceOf(found.external_id);
  if (source === 'imported') {
    if (found.person_id !== personId) throw new AppError('forbidden', 'only its author can delete a contribution', coded('contributions.not_author'));
    throw new AppError(
      'conflict',
      'only contributions written in Resonance can be deleted here; imported ones come back with the next import',
      coded('contributions.imported_read_only'),
    );
  }
  if (!mayDelete({ source, personId: found.person_id, helpAskerId: found.help_asker_id }, personId)) {
    throw source === 'help'
      ? new AppError('forbidden', 'only the person who asked and the expert who helped can withdraw this', coded('contributions.withdraw_not_party'))
      : new AppError('forbidden', 'only its author can delete a contribution', coded('contributions.not_author'));
  }
  await input.db.transaction().execute(async (trx) => {
    await q.lockLexemeStatistics(trx);
    if (!(await q.deleteContribution(trx, input.id))) throw notFound(`contribution ${input.id}`, coded('contributions.not_found', { id: input.id }));
  });
}
