// Conversation on campaigns (issue 11, ADR 0028): a campaign's thread of comments and replies,
// reactions, reports, the moderator queue, the notifications of the feed and the sentiment figure.
// Threads are open to any signed-in caller at the route; the service lets in only the campaign's
// recipients and whoever may read every campaign, and answers everyone else 404.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  commentCountsQuerySchema,
  commentCountsSchema,
  commentEditSchema,
  commentInputSchema,
  moderationInputSchema,
  moderationQueueSchema,
  notificationPageSchema,
  notificationsQuerySchema,
  notificationsReadSchema,
  reactionInputSchema,
  reactionSummarySchema,
  replySchema,
  reportInputSchema,
  sentimentSchema,
  threadQuerySchema,
  threadSchema,
} from '../../../shared/conversation.js';
import { idParams } from '../../platform/http/id-params.js';
import { auditActorOf, callerCan, principalOf } from '../identity/index.js';
import type { ModuleContext } from '../module-context.js';
import type { Caller } from './comments-access.js';
import { countComments, createComment, deleteComment, editComment, readThread } from './comments.service.js';
import { listModerationQueue, moderateComment, reportComment } from './moderation.service.js';
import { listNotifications, markNotificationsRead } from './notifications.service.js';
import { toggleReaction } from './reactions.service.js';
import { campaignSentiment } from './sentiment.service.js';

/** Anyone signed in; the thread itself decides (recipients, communicators, admins). */
const thread = { access: { signedIn: true as const } };
/** Notifications are a person's own, like their feed. */
const own = { access: { permission: 'profile:edit-own' as const } };
const moderate = { access: { permission: 'comments:moderate' as const } };
const read = { access: { permission: 'campaigns:read' as const } };

function callerOf(request: FastifyRequest): Caller {
  const principal = principalOf(request);
  return {
    personId: principal.kind === 'user' ? principal.personId : null,
    seesAll: callerCan(request, 'campaigns:read'),
    moderates: callerCan(request, 'comments:moderate'),
  };
}

export function registerConversationRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['conversation'];

  r.get(
    '/api/v1/campaigns/:id/comments',
    {
      schema: {
        tags,
        summary: "A campaign's comments, oldest first, each with its replies (recipients of the campaign, communicators, admins)",
        params: idParams,
        querystring: threadQuerySchema,
        response: { 200: threadSchema },
      },
      config: thread,
    },
    async (request) => readThread({ db: ctx.db, caller: callerOf(request), campaignId: request.params.id, ...request.query }),
  );

  r.get(
    '/api/v1/comment-counts',
    {
      schema: {
        tags,
        summary: 'How many comments the threads of some campaigns have (those I may see; others left out)',
        querystring: commentCountsQuerySchema,
        response: { 200: commentCountsSchema },
      },
      config: thread,
    },
    async (request) => ({ items: await countComments({ db: ctx.db, caller: callerOf(request), campaignIds: request.query.campaigns }) }),
  );

  r.post(
    '/api/v1/campaigns/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comment on a campaign or reply to a comment; mentions (@[external_id]) and the author answered are notified',
        params: idParams,
        body: commentInputSchema,
        response: { 201: replySchema },
      },
      config: thread,
    },
    async (request, reply) => {
      const comment = await createComment({
        db: ctx.db,
        caller: callerOf(request),
        campaignId: request.params.id,
        body: request.body.body,
        parentId: request.body.parent_id,
        now: ctx.clock(),
      });
      return reply.status(201).send(comment);
    },
  );

  r.patch(
    '/api/v1/comments/:id',
    { schema: { tags, summary: 'Edit my comment', params: idParams, body: commentEditSchema, response: { 200: replySchema } }, config: thread },
    async (request) => editComment({ db: ctx.db, caller: callerOf(request), id: request.params.id, body: request.body.body, now: ctx.clock() }),
  );

  r.delete(
    '/api/v1/comments/:id',
    {
      schema: { tags, summary: 'Delete my comment (kept as "deleted" while it has replies)', params: idParams, response: { 204: z.undefined() } },
      config: thread,
    },
    async (request, reply) => {
      await deleteComment({ db: ctx.db, caller: callerOf(request), id: request.params.id, now: ctx.clock() });
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/v1/campaigns/:id/reactions',
    {
      schema: { tags, summary: 'Toggle my reaction on a campaign', params: idParams, body: reactionInputSchema, response: { 200: reactionSummarySchema } },
      config: thread,
    },
    async (request) => toggleReaction({ db: ctx.db, caller: callerOf(request), campaignId: request.params.id, kind: request.body.kind, now: ctx.clock() }),
  );

  r.post(
    '/api/v1/comments/:id/reactions',
    {
      schema: { tags, summary: 'Toggle my reaction on a comment', params: idParams, body: reactionInputSchema, response: { 200: reactionSummarySchema } },
      config: thread,
    },
    async (request) => toggleReaction({ db: ctx.db, caller: callerOf(request), commentId: request.params.id, kind: request.body.kind, now: ctx.clock() }),
  );

  r.post(
    '/api/v1/comments/:id/reports',
    {
      schema: { tags, summary: 'Report a comment to the moderators (once)', params: idParams, body: reportInputSchema, response: { 204: z.undefined() } },
      config: thread,
    },
    async (request, reply) => {
      await reportComment({ db: ctx.db, caller: callerOf(request), id: request.params.id, reason: request.body.reason, now: ctx.clock() });
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/v1/moderation/comments',
    {
      schema: { tags, summary: 'Comments reported since a moderator last decided, most reported first', response: { 200: moderationQueueSchema } },
      config: moderate,
    },
    async (request) => listModerationQueue({ db: ctx.db, caller: callerOf(request) }),
  );

  r.post(
    '/api/v1/comments/:id/moderation',
    {
      schema: {
        tags,
        summary: 'Hide a comment, show it again, or dismiss its reports (audited)',
        params: idParams,
        body: moderationInputSchema,
        response: { 200: replySchema },
      },
      config: moderate,
    },
    async (request) =>
      moderateComment({
        db: ctx.db,
        caller: callerOf(request),
        actor: auditActorOf(request),
        id: request.params.id,
        action: request.body.action,
        now: ctx.clock(),
      }),
  );

  r.get(
    '/api/v1/campaigns/:id/comment-sentiment',
    {
      schema: {
        tags,
        summary: "The campaign's comment sentiment: (positive − negative) / comments with the words behind it; null below k people",
        params: idParams,
        response: { 200: sentimentSchema },
      },
      config: read,
    },
    async (request) => campaignSentiment({ db: ctx.db, caller: callerOf(request), campaignId: request.params.id, k: ctx.config.PRIVACY_MIN_GROUP }),
  );

  const me = (request: FastifyRequest) => callerOf(request).personId;

  r.get(
    '/api/v1/notifications',
    {
      schema: {
        tags,
        summary: 'My notifications (replies to my comments, mentions of me), newest first, with the unread count',
        querystring: notificationsQuerySchema,
        response: { 200: notificationPageSchema },
      },
      config: own,
    },
    async (request) => listNotifications({ db: ctx.db, personId: me(request), ...request.query }),
  );

  r.post(
    '/api/v1/notifications/read',
    {
      schema: { tags, summary: 'Mark my notifications read (those named, or all)', body: notificationsReadSchema, response: { 204: z.undefined() } },
      config: own,
    },
    async (request, reply) => {
      await markNotificationsRead({ db: ctx.db, personId: me(request), ids: request.body.ids, now: ctx.clock() });
      return reply.status(204).send();
    },
  );
}
