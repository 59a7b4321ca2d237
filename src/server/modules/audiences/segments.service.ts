// Saved segments: a rule under a key that other rules, personas and campaigns refer to. A rule is
// checked (including its references, so no cycle is ever stored) before it is saved.
import type { AnyDb } from '../../platform/db/connect.js';
import { AppError, coded, notFound } from '../../platform/http/app-error.js';
import type { Segment, SegmentInput } from '../../../shared/audiences.js';
import { checkAudienceRule } from './evaluate-audience.js';
import * as q from './audiences.queries.js';

const present = (row: q.SegmentRow): Segment => ({
  key: row.key,
  name: row.name,
  description: row.description,
  rule: row.rule,
  created_at: row.created_at.toISOString(),
  updated_at: row.updated_at.toISOString(),
});

export async function listSegments(input: { db: AnyDb }): Promise<Segment[]> {
  return (await q.listSegments(input.db)).map(present);
}

export async function getSegment(input: { db: AnyDb; key: string }): Promise<Segment> {
  const row = await q.findSegment(input.db, input.key);
  if (!row) throw notFound(`segment ${input.key}`, coded('segment.not_found', { key: input.key }));
  return present(row);
}

/**
 * Creates a segment; 409 when the key is taken.
 * @example await saveSegment({ db, key: 'sales-novices', name: 'Sales novices', rule, thresholds });
 */
export async function saveSegment(input: { db: AnyDb; key: string; name: string; description?: string | null; rule: unknown }): Promise<Segment> {
  await checkAudienceRule({ db: input.db, rule: input.rule, selfKey: input.key });
  const row = await q.insertSegment(input.db, { key: input.key, name: input.name, description: input.description ?? null, rule: input.rule });
  if (!row) throw new AppError('conflict', `a segment with the key "${input.key}" exists already`, coded('segment.key_taken', { key: input.key }));
  return present(row);
}

export async function updateSegment(input: { db: AnyDb; key: string; segment: SegmentInput }): Promise<Segment> {
  if (input.segment.key !== input.key)
    throw new AppError('validation', 'the key in the body must match the key in the path', {
      ...coded('segment.key_mismatch'),
      problems: [{ pointer: '/key', message: 'key differs from the path', code: 'segment.key_mismatch' }],
    });
  await checkAudienceRule({ db: input.db, rule: input.segment.rule, selfKey: input.key });
  const row = await q.updateSegment(input.db, {
    key: input.key,
    name: input.segment.name,
    description: input.segment.description ?? null,
    rule: input.segment.rule,
  });
  if (!row) throw notFound(`segment ${input.key}`, coded('segment.not_found', { key: input.key }));
  return present(row);
}

/** Deletes a segment nobody refers to; 409 naming the rules that still use it. */
export async function deleteSegment(input: { db: AnyDb; key: string }): Promise<void> {
  const users = await q.findSegmentUsers(input.db, input.key);
  const names = [...users.segments.map((k) => `segment ${k}`), ...users.personas.map((n) => `persona ${n}`)];
  if (names.length > 0) {
    const list = names.join(', ');
    throw new AppError(
      'conflict',
      `the segment "${input.key}" is used by ${list}; change those first`,
      coded('segment.in_use', { key: input.key, users: list }),
    );
  }
  if (!(await q.deleteSegment(input.db, input.key))) throw notFound(`segment ${input.key}`, coded('segment.not_found', { key: input.key }));
}
