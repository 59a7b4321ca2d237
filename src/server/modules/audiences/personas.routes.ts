// /api/v1/personas: personas with their rule, the coverage view, and each persona's journey map.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { coverageSchema, journeyMapSchema, personaInputSchema, personaListSchema, personaSchema } from '../../../shared/audiences.js';
import { auditActorOf, recordAudit } from '../identity/index.js';
import type { ModuleContext } from '../module-context.js';
import { createPersona, deletePersona, getJourney, getPersona, listPersonas, personaCoverage, saveJourney, updatePersona } from './personas.service.js';
import { idParams } from '../../platform/http/id-params.js';

const read = { access: { permission: 'audiences:read' as const } };
const write = { access: { permission: 'audiences:write' as const } };

export function registerPersonaRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/personas',
    {
      schema: { tags: ['personas'], summary: 'All personas', response: { 200: personaListSchema } },
      config: read,
    },
    async () => ({ items: await listPersonas({ db: ctx.db }) }),
  );

  r.get(
    '/api/v1/personas/coverage',
    {
      schema: { tags: ['personas'], summary: 'People per persona, overlaps between personas, and people no persona covers', response: { 200: coverageSchema } },
      config: read,
    },
    async () => personaCoverage({ db: ctx.db, thresholds: ctx.config.experienceThresholds }),
  );

  r.post(
    '/api/v1/personas',
    {
      schema: { tags: ['personas'], summary: 'Create a persona', body: personaInputSchema, response: { 201: personaSchema } },
      config: write,
    },
    async (request, reply) => {
      const persona = await createPersona({ db: ctx.db, persona: request.body });
      await recordAudit({
        db: ctx.db,
        actor: auditActorOf(request),
        action: 'personas.created',
        target: { type: 'persona', id: persona.id },
        detail: { name: persona.name },
      });
      return reply.status(201).send(persona);
    },
  );

  r.get(
    '/api/v1/personas/:id',
    {
      schema: { tags: ['personas'], summary: 'One persona', params: idParams, response: { 200: personaSchema } },
      config: read,
    },
    async (request) => getPersona({ db: ctx.db, id: request.params.id }),
  );

  r.put(
    '/api/v1/personas/:id',
    {
      schema: { tags: ['personas'], summary: 'Change a persona', params: idParams, body: personaInputSchema, response: { 200: personaSchema } },
      config: write,
    },
    async (request) => {
      const persona = await updatePersona({ db: ctx.db, id: request.params.id, persona: request.body });
      await recordAudit({
        db: ctx.db,
        actor: auditActorOf(request),
        action: 'personas.updated',
        target: { type: 'persona', id: persona.id },
        detail: { name: persona.name },
      });
      return persona;
    },
  );

  r.delete(
    '/api/v1/personas/:id',
    {
      schema: { tags: ['personas'], summary: 'Delete a persona and its journey map', params: idParams, response: { 204: z.undefined() } },
      config: write,
    },
    async (request, reply) => {
      await deletePersona({ db: ctx.db, id: request.params.id });
      await recordAudit({ db: ctx.db, actor: auditActorOf(request), action: 'personas.deleted', target: { type: 'persona', id: request.params.id } });
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/v1/personas/:id/journey',
    {
      schema: { tags: ['personas'], summary: "The persona's journey map", params: idParams, response: { 200: journeyMapSchema } },
      config: read,
    },
    async (request) => getJourney({ db: ctx.db, id: request.params.id }),
  );

  r.put(
    '/api/v1/personas/:id/journey',
    {
      schema: {
        tags: ['personas'],
        summary: "Replace the persona's journey map",
        params: idParams,
        body: journeyMapSchema,
        response: { 200: journeyMapSchema },
      },
      config: write,
    },
    async (request) => {
      const journey = await saveJourney({ db: ctx.db, id: request.params.id, journey: request.body });
      await recordAudit({ db: ctx.db, actor: auditActorOf(request), action: 'personas.journey_updated', target: { type: 'persona', id: request.params.id } });
      return journey;
    },
  );
}
