// A campaign as form state (every text a plain string, a variant's audience as a mode) and the
// CampaignInput that saves it: languages left blank are left out, blank optional texts become null.
import type { Rule } from '../../../shared/audiences';
import type { Campaign, CampaignInput, CampaignKind, Channel } from '../../../shared/campaigns';
import { UI_LANGUAGES } from '../../../shared/identity';
import { asRootGroup, EMPTY_RULE, parseRule } from '../audiences/rule-model';

export const CONTENT_FIELDS = ['subject', 'preheader', 'body', 'wiifm', 'cta_label', 'cta_url'] as const;
export type ContentField = (typeof CONTENT_FIELDS)[number];
export type ContentDraft = Record<ContentField, string>;

/** The default variant is for everyone else; the others find their people by a rule or a persona. */
export const AUDIENCE_MODES = ['everyone', 'rule', 'persona'] as const;
export type AudienceMode = (typeof AUDIENCE_MODES)[number];

/** The channels this deployment can send on; chat is not offered yet (the server refuses it). */
export const EDITABLE_CHANNELS = ['email', 'feed'] as const satisfies readonly Channel[];

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
};

export type CampaignDraft = {
  name: string;
  kind: CampaignKind;
  defaultLanguage: string;
  audience: Rule;
  variants: VariantDraft[];
  /** Parts this screen does not edit, kept as they are when saving. */
  rest: Pick<CampaignInput, 'tracking' | 'acknowledge_by' | 'follow_ups' | 'cascade'>;
};

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
  };
}

export function emptyCampaignDraft(): CampaignDraft {
  return {
    name: '',
    kind: 'announcement',
    defaultLanguage: 'en',
    audience: EMPTY_RULE,
    variants: [newVariant('default', true)],
    rest: { tracking: null, acknowledge_by: null, follow_ups: [], cascade: null },
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
      };
    }),
    rest: { tracking: campaign.tracking, acknowledge_by: campaign.acknowledge_by, follow_ups: campaign.follow_ups, cascade: campaign.cascade },
  };
}

const nullIfBlank = (text: string) => (text.trim() === '' ? null : text.trim());

function variantAudience(variant: VariantDraft): Record<string, unknown> | null {
  if (variant.audienceMode === 'rule') return variant.rule;
  if (variant.audienceMode === 'persona') return variant.persona === null ? null : { persona: Number(variant.persona) };
  return null;
}

/** Variants keep their order, so the server's pointers (`/variants/1/...`) name the tab shown. */
export function campaignInputFromDraft(draft: CampaignDraft): CampaignInput {
  return {
    name: draft.name.trim(),
    kind: draft.kind,
    audience: draft.audience,
    default_language: draft.defaultLanguage,
    ...draft.rest,
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
    })),
  };
}
