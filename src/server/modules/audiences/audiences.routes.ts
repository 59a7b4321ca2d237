// /api/v1/audiences and /api/v1/segments: preview a rule, the fields a rule can use with suggested
// values, and saved segments with their members (paged and as CSV).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ACTIVITY_TYPES,
  ATTRIBUTE_FIELD_PREFIX,
  RULE_FIELDS,
  fieldValuesSchema,
  previewRequestSchema,
  previewResponseSchema,
  ruleFieldsSchema,
  segmentListSchema,
  segmentInputSchema,
  segmentKeySchema,
  segmentSchema,
} from '../../../shared/audiences.js';
import { LIMITS, peoplePageSchema } from '../../../shared/people.js';
import { coded, notFound } from '../../platform/http/app-error.js';
import { listAttributeKeys, listFieldLabels, toExportStream, topFieldValues } from '../people/index.js';
import { auditActorOf, recordAudit } from '../identity/index.js';
import type { ModuleContext } from '../module-context.js';
import { exportAudience, findAudiencePage, previewAudience } from './evaluate-audience.js';
import { deleteSegment, getSegment, listSegments, saveSegment, updateSegment } from './segments.service.js';

const read = { access: { permission: 'audiences:read' as const } };
const write = { access: { permission: 'audiences:write' as const } };
const keyParams = z.object({ key: segmentKeySchema });

export function registerAudienceRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const thresholds = ctx.config.experienceThresholds;

  r.post(
    '/api/v1/audiences/preview',
    {
      schema: {
        tags: ['audiences'],
        summary: 'Count and sample the active people a rule selects',
        body: previewRequestSchema,
        response: { 200: previewResponseSchema },
      },
      config: read,
    },
    async (request) => previewAudience({ db: ctx.db, rule: request.body.rule, asOf: request.body.as_of, thresholds }),
  );

  r.get(
    '/api/v1/audiences/fields',
    {
      schema: { tags: ['audiences'], summary: 'Fields a rule can name, with their types', response: { 200: ruleFieldsSchema } },
      config: read,
    },
    async () => {
      const [keys, labels] = await Promise.all([listAttributeKeys({ db: ctx.db }), listFieldLabels({ db: ctx.db })]);
      const labelOf = new Map(labels.items.filter((l) => l.value === '').map((l) => [l.field, l.labels]));
      const attributes = keys.map((key) => {
        const name = `${ATTRIBUTE_FIELD_PREFIX}${key}`;
        const named = labelOf.get(name);
        return { name, type: 'text' as const, derived: false, suggest: true, ...(named ? { labels: named } : {}) };
      });
      return {
        fields: [...RULE_FIELDS, ...attributes, { name: 'org', type: 'text' as const, derived: false, suggest: false }],
        activity_types: [...ACTIVITY_TYPES],
      };
    },
  );

  r.get(
    '/api/v1/audiences/fields/:name/values',
    {
      schema: {
        tags: ['audiences'],
        summary: 'The most common values of a text or list field, for suggestions',
        params: z.object({ name: z.string().max(100) }),
        querystring: z.object({ q: z.string().max(LIMITS.shortText).default(''), limit: z.coerce.number().int().min(1).max(100).default(20) }),
        response: { 200: fieldValuesSchema },
      },
      config: read,
    },
    async (request) => {
      const values = await topFieldValues({ db: ctx.db, field: request.params.name, prefix: request.query.q, limit: request.query.limit, thresholds });
      if (!values) throw notFound(`field ${request.params.name}`, coded('field.not_found', { field: request.params.name }));
      return { values };
    },
  );

  r.get(
    '/api/v1/segments',
    {
      schema: { tags: ['audiences'], summary: 'Saved segments', response: { 200: segmentListSchema } },
      config: read,
    },
    async () => ({ items: await listSegments({ db: ctx.db }) }),
  );

  r.post(
    '/api/v1/segments',
    {
      schema: { tags: ['audiences'], summary: 'Save a segment under a new key', body: segmentInputSchema, response: { 201: segmentSchema } },
      config: write,
    },
    async (request, reply) => {
      const segment = await saveSegment({ db: ctx.db, ...request.body });
      await recordAudit({
        db: ctx.db,
        actor: auditActorOf(request),
        action: 'segments.created',
        target: { type: 'segment', id: segment.key },
        detail: { name: segment.name },
      });
      return reply.status(201).send(segment);
    },
  );

  r.get(
    '/api/v1/segments/:key',
    {
      schema: { tags: ['audiences'], summary: 'One saved segment', params: keyParams, response: { 200: segmentSchema } },
      config: read,
    },
    async (request) => getSegment({ db: ctx.db, key: request.params.key }),
  );

  r.put(
    '/api/v1/segments/:key',
    {
      schema: { tags: ['audiences'], summary: 'Change a saved segment', params: keyParams, body: segmentInputSchema, response: { 200: segmentSchema } },
      config: write,
    },
    async (request) => {
      const segment = await updateSegment({ db: ctx.db, key: request.params.key, segment: request.body });
      await recordAudit({
        db: ctx.db,
        actor: auditActorOf(request),
        action: 'segments.updated',
        target: { type: 'segment', id: segment.key },
        detail: { name: segment.name },
      });
      return segment;
    },
  );

  r.delete(
    '/api/v1/segments/:key',
    {
      schema: { tags: ['audiences'], summary: 'Delete a segment no rule refers to', params: keyParams, response: { 204: z.undefined() } },
      config: write,
    },
    async (request, reply) => {
      await deleteSegment({ db: ctx.db, key: request.params.key });
      await recordAudit({ db: ctx.db, actor: auditActorOf(request), action: 'segments.deleted', target: { type: 'segment', id: request.params.key } });
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/v1/segments/:key/members',
    {
      schema: {
        tags: ['audiences'],
        summary: 'The people in a segment today, by name, in cursor pages',
        params: keyParams,
        querystring: z.object({ cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(50) }),
        response: { 200: peoplePageSchema },
      },
      config: read,
    },
    async (request) => {
      const segment = await getSegment({ db: ctx.db, key: request.params.key });
      return findAudiencePage({ db: ctx.db, rule: segment.rule, thresholds, cursor: request.query.cursor, limit: request.query.limit });
    },
  );

  r.get(
    '/api/v1/segments/:key/members.csv',
    {
      schema: { tags: ['audiences'], summary: 'The people in a segment as CSV (the people import format)', params: keyParams },
      config: read,
    },
    async (request, reply) => {
      const segment = await getSegment({ db: ctx.db, key: request.params.key });
      const keys = await listAttributeKeys({ db: ctx.db });
      await recordAudit({
        db: ctx.db,
        actor: auditActorOf(request),
        action: 'segments.exported',
        target: { type: 'segment', id: segment.key },
        detail: { format: 'csv' },
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${segment.key}.csv"`)
        .send(toExportStream(exportAudience({ db: ctx.db, rule: segment.rule, thresholds }), 'csv', keys));
    },
  );
}
