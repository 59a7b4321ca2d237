// Personas: who a group of employees is, what they need and how to speak to them, the rule that finds
// them, their journey map, and how well the personas together cover the workforce.
import type { AnyDb } from '../../platform/db/connect.js';
import { coded, notFound } from '../../platform/http/app-error.js';
import {
  journeyMapSchema,
  personaInputSchema,
  type Coverage,
  type JourneyMap,
  type JourneyMapInput,
  type Persona,
  type PersonaInput,
} from '../../../shared/audiences.js';
import { activePersonSql, countPeopleGroupedWhere, type Thresholds } from '../people/index.js';
import { checkAudienceRule, compileAudienceRule } from './evaluate-audience.js';
import * as q from './audiences.queries.js';
import { compileMembershipMask } from './rule/compile-rule.js';

/** Coverage counts personas with a 63-bit mask in one pass over the people. */
export const COVERAGE_PERSONA_LIMIT = 63;

const present = (row: q.PersonaRow): Persona => ({
  id: row.id,
  name: row.name,
  avatar: row.avatar,
  description: row.description,
  motivations: row.motivations,
  pain_points: row.pain_points,
  information_needs: row.information_needs,
  preferred_channels: row.preferred_channels,
  tone_of_voice: row.tone_of_voice,
  wiifm: row.wiifm,
  rule: row.rule,
  updated_at: row.updated_at.toISOString(),
});

async function toValues(db: AnyDb, input: PersonaInput): Promise<q.PersonaValues> {
  const p = personaInputSchema.parse(input);
  await checkAudienceRule({ db, rule: p.rule });
  return {
    name: p.name,
    avatar: p.avatar ?? null,
    description: p.description ?? null,
    motivations: p.motivations,
    pain_points: p.pain_points,
    information_needs: p.information_needs,
    preferred_channels: p.preferred_channels,
    tone_of_voice: p.tone_of_voice ?? null,
    wiifm: p.wiifm ?? null,
    rule: p.rule,
  };
}

export async function listPersonas(input: { db: AnyDb }): Promise<Persona[]> {
  return (await q.listPersonas(input.db)).map(present);
}

export async function getPersona(input: { db: AnyDb; id: number }): Promise<Persona> {
  const row = await q.findPersona(input.db, input.id);
  if (!row) throw notFound(`persona ${input.id}`, coded('persona.not_found', { id: input.id }));
  return present(row);
}

export async function createPersona(input: { db: AnyDb; persona: PersonaInput }): Promise<Persona> {
  return present(await q.insertPersona(input.db, await toValues(input.db, input.persona)));
}

export async function updatePersona(input: { db: AnyDb; id: number; persona: PersonaInput }): Promise<Persona> {
  const row = await q.updatePersona(input.db, input.id, await toValues(input.db, input.persona));
  if (!row) throw notFound(`persona ${input.id}`, coded('persona.not_found', { id: input.id }));
  return present(row);
}

export async function deletePersona(input: { db: AnyDb; id: number }): Promise<void> {
  if (!(await q.deletePersona(input.db, input.id))) throw notFound(`persona ${input.id}`, coded('persona.not_found', { id: input.id }));
}

export async function getJourney(input: { db: AnyDb; id: number }): Promise<JourneyMap> {
  const row = await q.findPersona(input.db, input.id);
  if (!row) throw notFound(`persona ${input.id}`, coded('persona.not_found', { id: input.id }));
  return journeyMapSchema.parse(row.journey);
}

export async function saveJourney(input: { db: AnyDb; id: number; journey: JourneyMapInput }): Promise<JourneyMap> {
  const saved = await q.updateJourney(input.db, input.id, journeyMapSchema.parse(input.journey));
  if (!saved) throw notFound(`persona ${input.id}`, coded('persona.not_found', { id: input.id }));
  return saved;
}

/**
 * How many active people each persona covers, how they overlap pairwise, and who none covers.
 * @example (await personaCoverage({ db, thresholds })).uncovered // 412
 */
export async function personaCoverage(input: { db: AnyDb; thresholds: Thresholds; asOf?: string }): Promise<Coverage> {
  const personas = (await q.listPersonas(input.db)).slice(0, COVERAGE_PERSONA_LIMIT);
  const predicates = await Promise.all(
    personas.map((p, i) => compileAudienceRule({ db: input.db, rule: p.rule, thresholds: input.thresholds, asOf: input.asOf, pointer: `/personas/${i}/rule` })),
  );
  const groups = await countPeopleGroupedWhere({ db: input.db, where: activePersonSql, group: compileMembershipMask(predicates) });
  const counts = personas.map(() => 0);
  const pairs = new Map<string, number>();
  let total = 0;
  let uncovered = 0;
  for (const { value, count } of groups) {
    const bits = BigInt(value ?? '0');
    total += count;
    if (bits === 0n) uncovered += count;
    const members = personas.map((_, i) => i).filter((i) => (bits >> BigInt(i)) & 1n);
    for (const i of members) counts[i]! += count;
    for (let a = 0; a < members.length; a++) {
      for (let b = a + 1; b < members.length; b++) {
        const key = `${members[a]}:${members[b]}`;
        pairs.set(key, (pairs.get(key) ?? 0) + count);
      }
    }
  }
  return {
    total,
    uncovered,
    personas: personas.map((p, i) => ({ id: p.id, name: p.name, count: counts[i]! })),
    overlaps: [...pairs].map(([key, count]) => {
      const [a, b] = key.split(':').map(Number) as [number, number];
      return { a: personas[a]!.id, b: personas[b]!.id, count };
    }),
  };
}
