// /api/v1/topics (communicators and admins change them; whoever reads campaigns lists them) and
// /api/v1/me/preferences (each person's own choices: topics, channels, quiet hours).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { preferencesInputSchema, preferencesSchema, topicInputSchema, topicListSchema, topicSchema } from '../../../shared/preferences.js';
import { idParams } from '../../platform/http/id-params.js';
import { auditActorOf, principalOf, recordAudit } from '../identity/index.js';
import type { ModuleContext } from '../module-context.js';
import { readPreferences, savePreferences } from './preferences.service.js';
import { createTopic, listTopics, updateTopic } from './topics.service.js';

const manage = { access: { permission: 'topics:manage' as const } };
const read = { access: { permission: 'campaigns:read' as const } };
/** Every signed-in user has preferences (a 409 without a person in the directory). */
const own = { access: { permission: 'profile:edit-own' as const } };

const listQuery = z.strictObject({ enabled: z.enum(['true', 'false']).optional() });

export function registerPreferenceRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/topics',
    { schema: { tags: ['topics'], summary: 'Topics, by key', querystring: listQuery, response: { 200: topicListSchema } }, config: read },
    async (request) => ({ items: await listTopics({ db: ctx.db, enabledOnly: request.query.enabled === 'true' }) }),
  );

  r.post(
    '/api/v1/topics',
    { schema: { tags: ['topics'], summary: 'Create a topic', body: topicInputSchema, response: { 201: topicSchema } }, config: manage },
    async (request, reply) => {
      const topic = await createTopic({ db: ctx.db, topic: request.body });
      await recordAudit({ db: ctx.db, actor: auditActorOf(request), action: 'topics.created', target: { type: 'topic', id: topic.key } });
      return reply.status(201).send(topic);
    },
  );

  r.put(
    '/api/v1/topics/:id',
    {
      schema: { tags: ['topics'], summary: 'Change a topic (its key stays)', params: idParams, body: topicInputSchema, response: { 200: topicSchema } },
      config: manage,
    },
    async (request) => {
      const topic = await updateTopic({ db: ctx.db, id: request.params.id, topic: request.body });
      await recordAudit({ db: ctx.db, actor: auditActorOf(request), action: 'topics.updated', target: { type: 'topic', id: topic.key } });
      return topic;
    },
  );

  const me = (request: Parameters<typeof principalOf>[0]) => {
    const principal = principalOf(request);
    return principal.kind === 'user' ? principal.personId : null;
  };

  r.get(
    '/api/v1/me/preferences',
    { schema: { tags: ['preferences'], summary: 'My topics, channels and quiet hours', response: { 200: preferencesSchema } }, config: own },
    async (request) => readPreferences({ db: ctx.db, config: ctx.config, personId: me(request) }),
  );

  r.put(
    '/api/v1/me/preferences',
    {
      schema: {
        tags: ['preferences'],
        summary: 'Save my topics, channels and quiet hours',
        body: preferencesInputSchema,
        response: { 200: preferencesSchema },
      },
      config: own,
    },
    async (request) => savePreferences({ db: ctx.db, config: ctx.config, personId: me(request), values: request.body }),
  );
}
