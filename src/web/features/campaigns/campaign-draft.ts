// A campaign as form state (every text a plain string, a variant's audience as a mode) and the
// CampaignInput that saves it: languages left blank are left out, blank optional texts become null;
// follow-ups as rows with a subject per language, a must-read's acknowledge-by and the leader cascade's
// deadline as local dates and times, the cascade's talking points per language.
import type { Rule } from '../../../shared/audiences';
import { FOLLOW_UP_CONDITIONS, type Campaign, type CampaignInput, type CampaignKind, type Channel } from '../../../shared/campaigns';
import { UI_LANGUAGES } from '../../../shared/identity';
import { asRootGroup, EMPTY_RULE, parseRule } from '../audiences/rule-model';

export const CONTENT_FIELDS = ['subject', 'preheader', 'body', 'wiifm', 'cta_label', 'cta_url'] as const;
export type ContentField = (typeof CONTENT_FIELDS)[number];
export type ContentDraft = Record<ContentField, string>;

/** The default variant is for everyone else; the others find their people by a rule or a persona. */
export const AUDIENCE_MODES = ['everyone', 'rule', 'persona'] as const;
export type AudienceMode = (typeof AUDIENCE_MODES)[number];

/** The channels this deployment can send on (chat: to the chat channels an admin set up, ADR 0019). */
export const EDITABLE_CHANNELS = ['email', 'feed', 'chat'] as const satisfies readonly Channel[];
/** Channels a person preview shows: a chat post goes to a channel, not to one person. */
export const PREVIEW_CHANNELS = ['email', 'feed'] as const satisfies readonly Channel[];

export type VariantDraft = {
  /** Stable React key; the variant's own `key` can be edited. */
  uid: string;
  key: string;
  isDefault: boolean;
  audienceMode: AudienceMode;
  rule: Rule;
  persona: string | null;
  channels: Channel[];
  content: Record<string, ContentDraft>;
  /** Other subject lines tried on a share of the variant's e-mail recipients; null when not testing. */
  subjectTest: SubjectTestDraft | null;
};

/** A subject test as form state: `lines` other subject lines in every language (ADR 0021). */
export type SubjectTestDraft = {
  lines: number;
  subjects: Record<string, string[]>;
  sharePercent: number;
  decideAfterHours: number;
};

export const SUBJECT_TEST_DEFAULTS = { sharePercent: 20, decideAfterHours: 4 } as const;

export function newSubjectTest(): SubjectTestDraft {
  return { lines: 1, subjects: {}, ...SUBJECT_TEST_DEFAULTS };
}

/** The other subject lines of a language, as many as the test tries (blank where not written yet). */
export function subjectLinesOf(test: SubjectTestDraft, language: string): string[] {
  const lines = test.subjects[language] ?? [];
  return Array.from({ length: test.lines }, (_, i) => lines[i] ?? '');
}

export type FollowUpCondition = (typeof FOLLOW_UP_CONDITIONS)[number];

/** A reminder to whoever has not done something `afterHours` after the message. */
export type FollowUpDraft = {
  /** Stable React key. */
  uid: string;
  /** '' while the field is empty. */
  afterHours: number | '';
  condition: FollowUpCondition;
  /** Subject per language; blank languages are left out. */
  subject: Record<string, string>;
  maxSends: number;
  /** Not edited here: kept as loaded (absent means the variant's channels). */
  channels?: Channel[];
};

export type CampaignDraft = {
  name: string;
  kind: CampaignKind;
  defaultLanguage: string;
  audience: Rule;
  variants: VariantDraft[];
  followUps: FollowUpDraft[];
  /** A must-read's deadline as a local `YYYY-MM-DDTHH:mm` (a datetime-local field's value), or ''. */
  acknowledgeBy: string;
  /** The leader cascade: off (null on save), or a deadline and talking points per language. */
  cascade: CascadeDraft;
  /** The topic's key, or null. */
  topic: string | null;
  /** Parts this screen does not edit, kept as they are when saving. */
  rest: Pick<CampaignInput, 'tracking'>;
};

/** Leaders are briefed first and release to their teams by `deadline` (a local `YYYY-MM-DDTHH:mm`). */
export type CascadeDraft = { enabled: boolean; deadline: string; talkingPoints: Record<string, string> };

export function emptyCascade(): CascadeDraft {
  return { enabled: false, deadline: '', talkingPoints: Object.fromEntries(UI_LANGUAGES.map((language) => [language, ''])) };
}

let nextUid = 1;
const uid = () => `variant-${nextUid++}`;

export function emptyContent(): ContentDraft {
  return { subject: '', preheader: '', body: '', wiifm: '', cta_label: '', cta_url: '' };
}

export function newVariant(key: string, isDefault: boolean): VariantDraft {
  return {
    uid: uid(),
    key,
    isDefault,
    audienceMode: isDefault ? 'everyone' : 'rule',
    rule: EMPTY_RULE,
    persona: null,
    channels: ['email'],
    content: Object.fromEntries(UI_LANGUAGES.map((language) => [language, emptyContent()])),
    subjectTest: null,
  };
}

export function emptyCampaignDraft(): CampaignDraft {
  return {
    name: '',
    kind: 'announcement',
    defaultLanguage: 'en',
    audience: EMPTY_RULE,
    variants: [newVariant('default', true)],
    followUps: [],
    acknowledgeBy: '',
    cascade: emptyCascade(),
    topic: null,
    rest: { tracking: null },
  };
}

/** The content languages a variant shows as tabs: the interface languages and any other it has. */
export function languagesOf(variant: VariantDraft): string[] {
  return [...UI_LANGUAGES, ...Object.keys(variant.content).filter((language) => !(UI_LANGUAGES as readonly string[]).includes(language))];
}

export function isBlankContent(content: ContentDraft | undefined): boolean {
  return content === undefined || CONTENT_FIELDS.every((field) => content[field].trim() === '');
}

export function draftFromCampaign(campaign: Campaign): CampaignDraft {
  return {
    name: campaign.name,
    kind: campaign.kind,
    defaultLanguage: campaign.default_language,
    audience: asRootGroup(parseRule(campaign.audience) ?? EMPTY_RULE),
    variants: campaign.variants.map((variant) => {
      const audience = variant.audience;
      const persona = audience !== null && typeof audience.persona === 'number' ? String(audience.persona) : null;
      const content: Record<string, ContentDraft> = Object.fromEntries(UI_LANGUAGES.map((language) => [language, emptyContent()]));
      for (const [language, c] of Object.entries(variant.content)) {
        content[language] = {
          subject: c.subject,
          preheader: c.preheader ?? '',
          body: c.body,
          wiifm: c.wiifm ?? '',
          cta_label: c.cta_label ?? '',
          cta_url: c.cta_url ?? '',
        };
      }
      return {
        uid: uid(),
        key: variant.key,
        isDefault: variant.default,
        audienceMode: audience === null ? 'everyone' : persona !== null ? 'persona' : 'rule',
        rule: persona === null && audience !== null ? asRootGroup(parseRule(audience) ?? EMPTY_RULE) : EMPTY_RULE,
        persona,
        channels: variant.channels,
        content,
        subjectTest: variant.subject_test
          ? {
              lines: Math.max(1, ...Object.values(variant.subject_test.subjects).map((lines) => lines.length)),
              subjects: variant.subject_test.subjects,
              sharePercent: variant.subject_test.share_percent,
              decideAfterHours: variant.subject_test.decide_after_hours,
            }
          : null,
      };
    }),
    followUps: campaign.follow_ups.map((followUp) => ({
      uid: uid(),
      afterHours: followUp.after_hours,
      condition: followUp.condition,
      subject: { ...Object.fromEntries(UI_LANGUAGES.map((language) => [language, ''])), ...followUp.subject },
      maxSends: followUp.max_sends,
      ...(followUp.channels ? { channels: followUp.channels } : {}),
    })),
    acknowledgeBy: campaign.acknowledge_by ? localDateTime(campaign.acknowledge_by) : '',
    cascade: campaign.cascade
      ? {
          enabled: true,
          deadline: localDateTime(campaign.cascade.deadline),
          talkingPoints: { ...emptyCascade().talkingPoints, ...campaign.cascade.talking_points },
        }
      : emptyCascade(),
    topic: campaign.topic,
    rest: { tracking: campaign.tracking },
  };
}

const nullIfBlank = (text: string) => (text.trim() === '' ? null : text.trim());

function variantAudience(variant: VariantDraft): Record<string, unknown> | null {
  if (variant.audienceMode === 'rule') return variant.rule;
  if (variant.audienceMode === 'persona') return variant.persona === null ? null : { persona: Number(variant.persona) };
  return null;
}

/** An ISO instant as the browser's local `YYYY-MM-DDTHH:mm`; '' when it does not parse. */
export function localDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** A local `YYYY-MM-DDTHH:mm` as an ISO instant; null when blank or not a date. */
function isoFromLocal(local: string): string | null {
  if (local.trim() === '') return null;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function newFollowUp(): FollowUpDraft {
  return { uid: uid(), afterHours: 72, condition: 'not_opened', subject: Object.fromEntries(UI_LANGUAGES.map((language) => [language, ''])), maxSends: 1 };
}

/** Variants keep their order, so the server's pointers (`/variants/1/...`) name the tab shown. */
export function campaignInputFromDraft(draft: CampaignDraft): CampaignInput {
  return {
    name: draft.name.trim(),
    kind: draft.kind,
    audience: draft.audience,
    default_language: draft.defaultLanguage,
    ...draft.rest,
    acknowledge_by: draft.kind === 'must_read' ? isoFromLocal(draft.acknowledgeBy) : null,
    cascade: draft.cascade.enabled
      ? {
          // An unreadable date is sent as it is, so the server names the field.
          deadline: isoFromLocal(draft.cascade.deadline) ?? draft.cascade.deadline,
          talking_points: Object.fromEntries(
            Object.entries(draft.cascade.talkingPoints)
              .filter(([, points]) => points.trim() !== '')
              .map(([language, points]) => [language, points.trim()]),
          ),
        }
      : null,
    topic: draft.topic,
    // Rows keep their order too, so `/follow_ups/0/subject` names the first row.
    follow_ups: draft.followUps.map((followUp) => ({
      after_hours: followUp.afterHours === '' ? 0 : followUp.afterHours,
      condition: followUp.condition,
      subject: Object.fromEntries(
        Object.entries(followUp.subject)
          .filter(([, subject]) => subject.trim() !== '')
          .map(([language, subject]) => [language, subject.trim()]),
      ),
      max_sends: followUp.maxSends,
      ...(followUp.channels ? { channels: followUp.channels } : {}),
    })),
    variants: draft.variants.map((variant) => ({
      key: variant.key.trim(),
      default: variant.isDefault,
      audience: variantAudience(variant),
      channels: variant.channels,
      content: Object.fromEntries(
        Object.entries(variant.content)
          .filter(([, content]) => !isBlankContent(content))
          .map(([language, content]) => [
            language,
            {
              subject: content.subject.trim(),
              body: content.body.trim(),
              preheader: nullIfBlank(content.preheader),
              wiifm: nullIfBlank(content.wiifm),
              cta_label: nullIfBlank(content.cta_label),
              cta_url: nullIfBlank(content.cta_url),
            },
          ]),
      ),
      subject_test: variant.subjectTest ? subjectTestInput(variant, variant.subjectTest) : null,
    })),
  };
}

/** The lines of every language the variant has text in (a blank line goes to the server, which names its field). */
function subjectTestInput(variant: VariantDraft, test: SubjectTestDraft): NonNullable<CampaignInput['variants'][number]['subject_test']> {
  const languages = Object.keys(variant.content).filter((language) => !isBlankContent(variant.content[language]));
  return {
    subjects: Object.fromEntries(languages.map((language) => [language, subjectLinesOf(test, language).map((line) => line.trim())])),
    share_percent: test.sharePercent,
    decide_after_hours: test.decideAfterHours,
  };
}
