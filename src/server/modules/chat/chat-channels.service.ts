// Chat channels (ADR 0019): an admin names an incoming webhook of Slack or Teams Workflows, binds it
// to an audience rule and can test, disable or delete it. The URL is checked (https, public address)
// and kept secret: it is never returned, logged or written to the audit log; the API shows a hint.
import type { AnyDb } from '../../platform/db/connect.js';
import { AppError, coded, fieldProblem, notFound } from '../../platform/http/app-error.js';
import type { ChatChannel, ChatKind, ChatTestResult } from '../../../shared/chat.js';
import { checkAudienceRule } from '../audiences/index.js';
import { chatPayload } from './chat-payloads.js';
import { checkWebhookUrl, webhookHint } from './webhook-address.js';
import { postWebhook } from './webhook-client.js';
import * as q from './chat-channels.queries.js';

export type ChatChannelContext = { db: AnyDb; allowPrivate: boolean };

const notFoundChannel = (id: number) => notFound(`chat channel ${id}`, coded('chat.channel_not_found', { id }));
const nameTaken = (name: string) =>
  new AppError('conflict', `a chat channel is already called ${name}`, {
    ...coded('chat.channel_name_taken', { name }),
    problems: [fieldProblem('/name', 'taken', coded('chat.channel_name_taken', { name }))],
  });

function present(row: q.ChatChannelRow): ChatChannel {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    webhook: row.webhook_hint,
    audience: row.audience,
    enabled: row.enabled,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

/**
 * Adds a channel after checking its URL and audience.
 * @example await createChatChannel({ db, allowPrivate: false, input: { name: '#ops', kind: 'slack', webhook_url, audience: { segment: 'ops' }, enabled: true }, userId: 1 });
 */
export async function createChatChannel(
  input: ChatChannelContext & { input: { name: string; kind: ChatKind; webhook_url: string; audience: unknown; enabled: boolean }; userId: number | null },
): Promise<ChatChannel> {
  const v = input.input;
  const url = await checkWebhookUrl(v.webhook_url, { allowPrivate: input.allowPrivate, pointer: '/webhook_url' });
  await checkAudienceRule({ db: input.db, rule: v.audience, pointer: '/audience' });
  const row = await q.insertChannel(input.db, {
    name: v.name,
    kind: v.kind,
    url: url.toString(),
    hint: webhookHint(url),
    audience: v.audience,
    enabled: v.enabled,
    userId: input.userId,
  });
  if (!row) throw nameTaken(v.name);
  return present(row);
}

export async function listChatChannels(input: { db: AnyDb }): Promise<ChatChannel[]> {
  return (await q.listChannels(input.db)).map(present);
}

export async function getChatChannel(input: { db: AnyDb; id: number }): Promise<ChatChannel> {
  const row = await q.findChannel(input.db, input.id);
  if (!row) throw notFoundChannel(input.id);
  return present(row);
}

/** Changes a channel; only the fields given. */
export async function updateChatChannel(
  input: ChatChannelContext & { id: number; patch: { name?: string; webhook_url?: string; audience?: unknown; enabled?: boolean } },
): Promise<ChatChannel> {
  const { patch } = input;
  const url =
    patch.webhook_url === undefined ? undefined : await checkWebhookUrl(patch.webhook_url, { allowPrivate: input.allowPrivate, pointer: '/webhook_url' });
  if (patch.audience !== undefined) await checkAudienceRule({ db: input.db, rule: patch.audience, pointer: '/audience' });
  const row = await q.updateChannel(input.db, input.id, {
    name: patch.name,
    url: url?.toString(),
    hint: url ? webhookHint(url) : undefined,
    audience: patch.audience,
    enabled: patch.enabled,
  });
  if (row === 'taken') throw nameTaken(patch.name!);
  if (!row) throw notFoundChannel(input.id);
  return present(row);
}

/** Deletes a channel; the posts it got stay in their campaigns' logs under its name. */
export async function deleteChatChannel(input: { db: AnyDb; id: number }): Promise<void> {
  if (!(await q.deleteChannel(input.db, input.id))) throw notFoundChannel(input.id);
}

/**
 * Posts a short test message to the channel now (disabled or not) and says whether the webhook took it.
 * @example const { ok, http_status } = await testChatChannel({ db, allowPrivate: false, id: 3, brand: 'Acme' });
 */
export async function testChatChannel(input: ChatChannelContext & { id: number; brand: string }): Promise<ChatTestResult> {
  const [channel, webhook] = await Promise.all([q.findChannel(input.db, input.id), q.findWebhook(input.db, input.id)]);
  if (!channel || !webhook) throw notFoundChannel(input.id);
  const message = {
    subject: `${input.brand}: test message`,
    wiifm: null,
    body: `This is a test of the chat channel **${channel.name}**. Campaigns sent to its audience will be posted here.`,
    cta: null,
    footer: input.brand,
  };
  const outcome = await postWebhook(webhook.url, chatPayload(webhook.kind, message, 'en'), { allowPrivate: input.allowPrivate });
  if (outcome.kind === 'ok') return { ok: true, http_status: outcome.status, reason: null };
  return {
    ok: false,
    http_status: outcome.status,
    reason: outcome.kind === 'retry' ? (outcome.status === 429 ? 'throttled' : 'unreachable') : outcome.reason,
  };
}
