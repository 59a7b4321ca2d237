// Referrals (issue 12, ADR 0034): the shapes of /api/v1/advocacy/referrals. An employee refers a
// potential customer or candidate with the referred person's consent; the owning team (a directory
// department) works the pipeline; the referrer sees the progress, never the team's notes.
import { z } from 'zod';
import { CONSENT_METHODS, REFERRAL_KINDS, REFERRAL_STATUSES, type ReferralStatus } from './advocacy.js';

export const REFERRAL_LIMITS = { name: 200, email: 320, phone: 50, company: 200, note: 2000 } as const;
/** The statuses still being worked; won and lost are closed. */
export const OPEN_REFERRAL_STATUSES = ['new', 'contacted', 'qualified'] as const satisfies readonly ReferralStatus[];
/** The forward path a referral takes; lost can be reached from any open status. */
export const REFERRAL_PATH = ['new', 'contacted', 'qualified', 'won'] as const satisfies readonly ReferralStatus[];

/**
 * Whether a pipeline may move a referral from one status to another (ADR 0034): one step forward,
 * any open status to lost; a closed referral is reopened (to contacted) only with referrals:manage.
 * @example canMoveReferral('new', 'contacted', false) // true
 */
export function canMoveReferral(from: ReferralStatus, to: ReferralStatus, manager: boolean): boolean {
  if (from === 'won' || from === 'lost') return manager && to === 'contacted';
  if (to === 'lost') return true;
  const i = (REFERRAL_PATH as readonly string[]).indexOf(from);
  return REFERRAL_PATH[i + 1] === to;
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v === '' ? undefined : v));

export const referralCreateSchema = z
  .object({
    kind: z.enum(REFERRAL_KINDS),
    name: z.string().trim().min(1).max(REFERRAL_LIMITS.name),
    email: z
      .union([z.literal(''), z.email().max(REFERRAL_LIMITS.email)])
      .optional()
      .transform((v) => (v === '' || v === undefined ? undefined : v.toLowerCase())),
    phone: optionalText(REFERRAL_LIMITS.phone),
    company: optionalText(REFERRAL_LIMITS.company),
    note: optionalText(REFERRAL_LIMITS.note),
    /** The referred person agreed to be contacted: how, and when (now when absent). */
    consent: z.object({
      given: z.literal(true),
      method: z.enum(CONSENT_METHODS),
      at: z.iso.datetime({ offset: true }).optional(),
    }),
  })
  .superRefine((value, ctx) => {
    if (value.email === undefined && value.phone === undefined) {
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'an e-mail address or a phone number', params: { code: 'referrals.contact_required' } });
    }
  });
export type ReferralDraft = z.input<typeof referralCreateSchema>;

const stageSchema = z.object({ status: z.enum(REFERRAL_STATUSES), at: z.string() });

/** What the referrer sees of their referral: what they entered and its progress, no team notes. */
export const myReferralSchema = z.object({
  id: z.number().int(),
  kind: z.enum(REFERRAL_KINDS),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  company: z.string().nullable(),
  /** The referrer's own note (the team's notes stay with the team). */
  note: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  created_at: z.string(),
  closed_at: z.string().nullable(),
  /** When it reached each status, in order. */
  stages: z.array(stageSchema),
});
export type MyReferral = z.infer<typeof myReferralSchema>;

export const myReferralsSchema = z.object({
  items: z.array(myReferralSchema),
  /** The owning team the caller belongs to (a pipeline they work), or null. */
  owning_team: z.string().nullable(),
});
export type MyReferrals = z.infer<typeof myReferralsSchema>;

export const referralSchema = z.object({
  id: z.number().int(),
  kind: z.enum(REFERRAL_KINDS),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  company: z.string().nullable(),
  note: z.string(),
  consent_at: z.string(),
  consent_method: z.enum(CONSENT_METHODS),
  owner_team: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  /** The referrer's name; null once erased. */
  referrer: z.object({ id: z.number().int(), display_name: z.string() }).nullable(),
  referrer_department: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  closed_at: z.string().nullable(),
});
export type Referral = z.infer<typeof referralSchema>;

export const referralEventSchema = z.object({
  status: z.enum(REFERRAL_STATUSES),
  note: z.string(),
  changed_by: z.string().nullable(),
  changed_at: z.string(),
});
export const referralDetailSchema = referralSchema.extend({ events: z.array(referralEventSchema) });
export type ReferralDetail = z.infer<typeof referralDetailSchema>;

export const referralsPageSchema = z.object({ items: z.array(referralSchema), next_cursor: z.string().nullable() });
export type ReferralsPage = z.infer<typeof referralsPageSchema>;

export const referralsQuerySchema = z.object({
  kind: z.enum(REFERRAL_KINDS).optional(),
  status: z.enum(REFERRAL_STATUSES).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const referralUpdateSchema = z.object({
  status: z.enum(REFERRAL_STATUSES),
  note: z.string().trim().max(REFERRAL_LIMITS.note).optional(),
});

const countsSchema = z.record(z.string(), z.number().int());
/** The dashboard (referrals:manage): departments with fewer than k referrers fold into "other". */
export const referralDashboardSchema = z.object({
  total: z.number().int(),
  by_status: countsSchema,
  by_kind: countsSchema,
  /** won / (won + lost); null when nothing is closed. */
  conversion_rate: z.number().nullable(),
  /** Median days from referral to won; null without a win. */
  median_days_to_win: z.number().nullable(),
  by_department: z.array(z.object({ department: z.string(), other: z.boolean(), referrals: z.number().int(), won: z.number().int() })),
  by_month: z.array(z.object({ month: z.string(), referrals: z.number().int(), won: z.number().int() })),
  min_group: z.number().int(),
});
export type ReferralDashboard = z.infer<typeof referralDashboardSchema>;
