// /api/v1/chat-channels (ADR 0019): admins add, list, change, test, disable and delete chat channels
// (webhook URLs never come back out); and /api/v1/campaigns/:id/chat-posts, the chat channels a
// campaign posts to (planned before it is sent, the ledger after).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  chatChannelInputSchema,
  chatChannelListSchema,
  chatChannelPatchSchema,
  chatChannelSchema,
  chatPostListSchema,
  chatTestResultSchema,
} from '../../../shared/chat.js';
import { idParams } from '../../platform/http/id-params.js';
import { auditActorOf, principalOf, recordAudit } from '../identity/index.js';
import type { ModuleContext } from '../module-context.js';
import { createChatChannel, deleteChatChannel, getChatChannel, listChatChannels, testChatChannel, updateChatChannel } from './chat-channels.service.js';
import { listCampaignChatPosts } from './chat-posts.service.js';

const manage = { access: { permission: 'chat:manage' as const } };
const readCampaigns = { access: { permission: 'campaigns:read' as const } };

export function registerChatRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const allowPrivate = ctx.config.CHAT_WEBHOOK_ALLOW_PRIVATE;
  const target = (id: number) => ({ type: 'chat_channel', id });

  r.get(
    '/api/v1/chat-channels',
    { schema: { tags: ['chat'], summary: 'Chat channels by name (webhooks shown as a hint only)', response: { 200: chatChannelListSchema } }, config: manage },
    async () => ({ items: await listChatChannels({ db: ctx.db }) }),
  );

  r.post(
    '/api/v1/chat-channels',
    {
      schema: {
        tags: ['chat'],
        summary: 'Add a Slack or Teams Workflows webhook bound to an audience',
        body: chatChannelInputSchema,
        response: { 201: chatChannelSchema },
      },
      config: manage,
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const channel = await createChatChannel({
        db: ctx.db,
        allowPrivate,
        input: request.body,
        userId: principal.kind === 'user' ? principal.userId : null,
      });
      await recordAudit({
        db: ctx.db,
        actor: auditActorOf(request),
        action: 'chat.channel_created',
        target: target(channel.id),
        detail: { name: channel.name, kind: channel.kind },
      });
      return reply.status(201).send(channel);
    },
  );

  r.get(
    '/api/v1/chat-channels/:id',
    { schema: { tags: ['chat'], summary: 'One chat channel', params: idParams, response: { 200: chatChannelSchema } }, config: manage },
    async (request) => getChatChannel({ db: ctx.db, id: request.params.id }),
  );

  r.patch(
    '/api/v1/chat-channels/:id',
    {
      schema: {
        tags: ['chat'],
        summary: 'Change a chat channel: name, webhook, audience, enabled',
        params: idParams,
        body: chatChannelPatchSchema,
        response: { 200: chatChannelSchema },
      },
      config: manage,
    },
    async (request) => {
      const channel = await updateChatChannel({ db: ctx.db, allowPrivate, id: request.params.id, patch: request.body });
      const changed = Object.keys(request.body);
      await recordAudit({ db: ctx.db, actor: auditActorOf(request), action: 'chat.channel_updated', target: target(channel.id), detail: { changed } });
      return channel;
    },
  );

  r.delete(
    '/api/v1/chat-channels/:id',
    {
      schema: { tags: ['chat'], summary: 'Delete a chat channel (its posts stay in the logs)', params: idParams, response: { 204: z.undefined() } },
      config: manage,
    },
    async (request, reply) => {
      const channel = await getChatChannel({ db: ctx.db, id: request.params.id });
      await deleteChatChannel({ db: ctx.db, id: channel.id });
      await recordAudit({
        db: ctx.db,
        actor: auditActorOf(request),
        action: 'chat.channel_deleted',
        target: target(channel.id),
        detail: { name: channel.name },
      });
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/v1/chat-channels/:id/test',
    {
      schema: { tags: ['chat'], summary: 'Post a test message to the channel now', params: idParams, response: { 200: chatTestResultSchema } },
      config: manage,
    },
    async (request) => testChatChannel({ db: ctx.db, allowPrivate, id: request.params.id, brand: ctx.config.brand.name }),
  );

  r.get(
    '/api/v1/campaigns/:id/chat-posts',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'The chat channels a campaign posts to: planned before it is sent, each post with its state after',
        params: idParams,
        response: { 200: chatPostListSchema },
      },
      config: readCampaigns,
    },
    async (request) => listCampaignChatPosts({ db: ctx.db, thresholds: ctx.config.experienceThresholds, clock: ctx.clock, campaignId: request.params.id }),
  );
}
