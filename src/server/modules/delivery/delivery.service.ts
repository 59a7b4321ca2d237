// Reading what was sent: a campaign's delivery log in cursor pages (the per-recipient send log), and
// the outbox of mail kept when no SMTP server is configured.
import { withoutTrackingPixel } from '../tracking/index.js';
import type { AnyDb } from '../../platform/db/connect.js';
import { coded, notFound } from '../../platform/http/app-error.js';
import { idCursor, pageOf } from '../../platform/http/pagination.js';
import type { Delivery, OutboxMessage } from '../../../shared/delivery.js';
import { getCampaignDefinition } from '../campaigns/index.js';
import { findTemplatePeople } from '../people/index.js';
import * as q from './delivery.queries.js';

const deliveryPages = idCursor('d');
const outboxPages = idCursor('o');

/**
 * A campaign's deliveries in the order they were written, optionally of one state.
 * @example const { items, next_cursor } = await listCampaignDeliveries({ db, campaignId: 7, limit: 100 });
 */
export async function listCampaignDeliveries(input: {
  db: AnyDb;
  campaignId: number;
  cursor?: string;
  limit: number;
  state?: Delivery['state'];
}): Promise<{ items: Delivery[]; next_cursor: string | null }> {
  await getCampaignDefinition({ db: input.db, id: input.campaignId });
  const rows = await q.listDeliveries(input.db, {
    campaignId: input.campaignId,
    after: deliveryPages.decode(input.cursor),
    limit: input.limit + 1,
    state: input.state,
  });
  const { page, next_cursor } = pageOf(rows, input.limit, deliveryPages, (r) => r.id);
  const people = await findTemplatePeople({ db: input.db, ids: [...new Set(page.map((r) => r.person_id))] });
  return {
    items: page.map((r) => {
      const person = people.get(r.person_id);
      return {
        person: { external_id: person?.external_id ?? null, email: person?.email ?? null },
        variant: r.variant_key,
        language: r.language,
        channel: r.channel,
        step: r.step,
        state: r.state as Delivery['state'],
        reason: r.reason,
        message_id: r.message_id,
        sent_at: r.sent_at?.toISOString() ?? null,
      };
    }),
    next_cursor,
  };
}

export async function listOutbox(input: { db: AnyDb; cursor?: string; limit: number }) {
  const rows = await q.listOutbox(input.db, { before: outboxPages.decode(input.cursor), limit: input.limit + 1 });
  const { page, next_cursor } = pageOf(rows, input.limit, outboxPages, (r) => r.id);
  return {
    items: page.map((r) => ({
      id: r.id,
      message_id: r.message_id,
      from: r.mail_from,
      to: r.mail_to,
      subject: r.subject,
      created_at: r.created_at.toISOString(),
    })),
    next_cursor,
  };
}

export async function getOutboxMessage(input: { db: AnyDb; id: number }): Promise<OutboxMessage> {
  const r = await q.findOutboxMessage(input.db, input.id);
  if (!r) throw notFound(`outbox message ${input.id}`, coded('outbox.not_found', { id: input.id }));
  return {
    id: r.id,
    message_id: r.message_id,
    from: r.mail_from,
    to: r.mail_to,
    subject: r.subject,
    // A look at the copy is nobody's open (ADR 0022).
    html: r.html === null ? r.html : withoutTrackingPixel(r.html),
    text: r.text,
    created_at: r.created_at.toISOString(),
  };
}
