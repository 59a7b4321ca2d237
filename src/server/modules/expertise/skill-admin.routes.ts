// /api/v1/skills (admin): the taxonomy with edits and merges, the review of free-typed new tags, and
// the audit of who changed what. Every route needs `skills:manage`.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { normaliseHashtag } from '../../../shared/people.js';
import {
  mergeResultSchema,
  newTagAliasSchema,
  newTagsQuerySchema,
  newTagsSchema,
  skillAuditSchema,
  skillCreateSchema,
  skillMergeSchema,
  skillSchema,
  skillsPageSchema,
  skillsQuerySchema,
  skillUpdateSchema,
} from '../../../shared/skills.js';
import { auditActorOf, principalOf, recordAudit } from '../identity/index.js';
import type { ModuleContext } from '../module-context.js';
import { listNewTags } from './list-new-tags.js';
import { mergeSkill } from './merge-skill.js';
import { aliasNewTag, createSkill, ignoreNewTag, listSkillAudit, listTaxonomy, updateSkill, type SkillActor } from './skill-admin.service.js';

const access = { access: { permission: 'skills:manage' as const } };
const tagParams = z.object({ tag: z.string().min(1).max(64).transform(normaliseHashtag) });

function actorOf(request: FastifyRequest): SkillActor {
  const p = principalOf(request);
  return p.kind === 'user' ? { kind: 'user', id: p.userId, name: p.email } : { kind: 'token', id: p.tokenId, name: p.name };
}

export function registerSkillAdminRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['skills'];

  r.get(
    '/api/v1/skills',
    {
      schema: {
        tags,
        summary: 'The skill taxonomy by tag, with how many people list each skill',
        querystring: skillsQuerySchema,
        response: { 200: skillsPageSchema },
      },
      config: access,
    },
    async (request) => listTaxonomy({ db: ctx.db, ...request.query }),
  );

  r.post(
    '/api/v1/skills',
    {
      schema: { tags, summary: 'Approve a tag as a skill, with labels and aliases', body: skillCreateSchema, response: { 201: skillSchema } },
      config: access,
    },
    async (request, reply) => reply.status(201).send(await createSkill({ db: ctx.db, input: request.body, actor: actorOf(request) })),
  );

  r.patch(
    '/api/v1/skills/:tag',
    {
      schema: {
        tags,
        summary: 'Edit a skill: labels, category, the whole alias list',
        params: tagParams,
        body: skillUpdateSchema,
        response: { 200: skillSchema },
      },
      config: access,
    },
    async (request) => updateSkill({ db: ctx.db, tag: request.params.tag, input: request.body, actor: actorOf(request) }),
  );

  r.post(
    '/api/v1/skills/:tag/merge',
    {
      schema: {
        tags,
        summary: 'Merge a skill into another',
        description:
          'Its tag and aliases become aliases of `into`; profiles and endorsements using its tag are rewritten to `into`, in one transaction. Repeating it is harmless.',
        params: tagParams,
        body: skillMergeSchema,
        response: { 200: mergeResultSchema },
      },
      config: access,
    },
    async (request) => {
      const result = await mergeSkill({ db: ctx.db, tag: request.params.tag, into: request.body.into, actor: actorOf(request) });
      await recordAudit({
        db: ctx.db,
        actor: auditActorOf(request),
        action: 'skills.merged',
        target: { type: 'skill', id: request.params.tag },
        detail: { into: result.skill.tag, profiles_rewritten: result.profiles_rewritten, endorsements_rewritten: result.endorsements_rewritten },
      });
      return result;
    },
  );

  r.get(
    '/api/v1/skills/new-tags',
    {
      schema: {
        tags,
        summary: 'Free-typed profile hashtags that are not in the taxonomy, most used first, with the closest skills',
        querystring: newTagsQuerySchema,
        response: { 200: newTagsSchema },
      },
      config: access,
    },
    async (request) => listNewTags({ db: ctx.db, limit: request.query.limit }),
  );

  r.post(
    '/api/v1/skills/new-tags/:tag/alias',
    {
      schema: {
        tags,
        summary: 'Make a new tag an alias of a skill (optionally replacing it on profiles)',
        params: tagParams,
        body: newTagAliasSchema,
        response: { 200: skillSchema },
      },
      config: access,
    },
    async (request) =>
      aliasNewTag({ db: ctx.db, tag: request.params.tag, skill: request.body.skill, rewriteProfiles: request.body.rewrite_profiles, actor: actorOf(request) }),
  );

  r.post(
    '/api/v1/skills/new-tags/:tag/ignore',
    {
      schema: { tags, summary: 'Take a new tag off the review list; profiles keep it', params: tagParams, response: { 204: z.undefined() } },
      config: access,
    },
    async (request, reply) => {
      await ignoreNewTag({ db: ctx.db, tag: request.params.tag, actor: actorOf(request) });
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/v1/skills/audit',
    {
      schema: {
        tags,
        summary: 'Who changed the taxonomy, newest first',
        querystring: z.object({ tag: z.string().max(64).transform(normaliseHashtag).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: skillAuditSchema },
      },
      config: access,
    },
    async (request) => listSkillAudit({ db: ctx.db, tag: request.query.tag, limit: request.query.limit }),
  );
}
