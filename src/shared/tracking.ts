// Tracking contracts (DESIGN §3.4, ADR 0022): the flagged machine events of a campaign.
import { z } from 'zod';

/** Why an open or click counts as a machine's, never a person's. */
export const MACHINE_REASONS = ['head_request', 'bot_user_agent', 'scanner_network', 'honeypot', 'honeypot_window', 'all_links'] as const;
export type MachineReason = (typeof MACHINE_REASONS)[number];

export const machineEventsSchema = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      delivery_id: z.number(),
      kind: z.enum(['open', 'click', 'honeypot']),
      /** The link's index in the message (clicks). */
      link_index: z.number().nullable(),
      reason: z.enum(MACHINE_REASONS),
      user_agent_class: z.enum(['none', 'bot', 'browser']),
      /** The scanner network (e.g. `microsoft_eop`) when the reason is `scanner_network`. */
      network: z.string().nullable(),
      occurred_at: z.string(),
    }),
  ),
});
export type MachineEvents = z.infer<typeof machineEventsSchema>;
