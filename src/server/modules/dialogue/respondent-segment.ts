// The segment kept with an answer: only the survey's chosen keys, each the person's value when they
// answered (for an anonymous survey the only thing kept about them besides the day). `persona` is the
// name of the first persona, in the personas' order, whose rule matches the person.
import type { AnyDb } from '../../platform/db/connect.js';
import type { SegmentKey } from '../../../shared/dialogue.js';
import { isInAudience, listPersonas } from '../audiences/index.js';
import { personFieldSql, type Thresholds } from '../people/index.js';
import { findPersonValues } from './responses.queries.js';

/**
 * @example await segmentOf({ db, personId: 42, keys: ['generation', 'persona'], asOf: '2026-12-01', thresholds }) // { generation: 'millennials', persona: 'Newcomer' }
 */
export async function segmentOf(input: {
  db: AnyDb;
  personId: number;
  keys: SegmentKey[];
  asOf: string;
  thresholds: Thresholds;
}): Promise<Record<string, string | null>> {
  const ctx = { asOf: input.asOf, thresholds: input.thresholds };
  const fields = input.keys.filter((key) => key !== 'persona').map((key) => ({ key, value: personFieldSql(key, ctx)! }));
  const segment = await findPersonValues(input.db, input.personId, fields);
  if (input.keys.includes('persona')) segment.persona = await firstPersona(input);
  return segment;
}

async function firstPersona(input: { db: AnyDb; personId: number; asOf: string; thresholds: Thresholds }): Promise<string | null> {
  for (const persona of await listPersonas({ db: input.db })) {
    if (await isInAudience({ db: input.db, rule: persona.rule, asOf: input.asOf, thresholds: input.thresholds, personId: input.personId })) return persona.name;
  }
  return null;
}
