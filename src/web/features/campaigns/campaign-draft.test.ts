// Unit tests of the campaign form's pure helpers: draft to input and back, complaints by pointer, and
// the Idempotency-Key where randomUUID is missing.
import { describe, expect, it, vi } from 'vitest';
import { campaignSchema } from '../../../shared/campaigns';
import { ApiError } from '../../app/api-client';
import { translatorFor } from '../../i18n/test-i18n';
import { errorMessage } from '../../ui/error-message';
import { campaignInputFromDraft, draftFromCampaign, emptyCampaignDraft, localDateTime, newFollowUp, newVariant } from './campaign-draft';
import { hasProblemWithin, problemAt } from './campaign-problems';
import { newIdempotencyKey } from './idempotency-key';

// Parsed rather than typed, so a field the contract gains later (e.g. approval) is dropped, not a type error.
const campaign = campaignSchema.parse({
  id: 7,
  name: 'Q3',
  kind: 'must_read',
  topic: 'safety',
  status: 'draft',
  audience: { field: 'department', op: 'eq', value: 'Ops' },
  default_language: 'de',
  tracking: 'aggregate',
  acknowledge_by: null,
  variants: [
    {
      key: 'novices',
      default: false,
      audience: { persona: 3 },
      channels: ['email', 'feed'],
      content: { de: { subject: 'Hallo {{ person.given_name }}', body: 'Text', preheader: null, wiifm: 'Mehr Zeit', cta_label: null, cta_url: null } },
    },
    {
      key: 'all',
      default: true,
      audience: null,
      channels: ['email'],
      content: { 'de-at': { subject: 'Servus', body: 'Text' } },
      subject_test: { subjects: { 'de-at': ['Grüß Gott', 'Hallo'] }, share_percent: 10, decide_after_hours: 6 },
    },
  ],
  follow_ups: [{ after_hours: 48, condition: 'not_opened', subject: { de: 'Erinnerung' }, max_sends: 1 }],
  cascade: null,
  counts: { queued: 0, sent: 0, failed: 0, suppressed: 0 },
  approval: null,
  created_at: '2026-11-30T10:00:00Z',
  updated_at: '2026-11-30T10:00:00Z',
});

describe('the campaign draft', () => {
  it('saves what it loaded, leaving out blank languages and keeping the parts it does not edit', () => {
    const input = campaignInputFromDraft(draftFromCampaign(campaign));
    expect(input).toEqual({
      name: 'Q3',
      kind: 'must_read',
      topic: 'safety',
      // The builder edits a group at the top.
      audience: { all: [{ field: 'department', op: 'eq', value: 'Ops' }] },
      default_language: 'de',
      tracking: 'aggregate',
      acknowledge_by: null,
      follow_ups: campaign.follow_ups,
      cascade: null,
      variants: [
        {
          key: 'novices',
          default: false,
          audience: { persona: 3 },
          channels: ['email', 'feed'],
          content: { de: { subject: 'Hallo {{ person.given_name }}', body: 'Text', preheader: null, wiifm: 'Mehr Zeit', cta_label: null, cta_url: null } },
          subject_test: null,
        },
        {
          key: 'all',
          default: true,
          audience: null,
          channels: ['email'],
          content: { 'de-at': { subject: 'Servus', body: 'Text', preheader: null, wiifm: null, cta_label: null, cta_url: null } },
          subject_test: { subjects: { 'de-at': ['Grüß Gott', 'Hallo'] }, share_percent: 10, decide_after_hours: 6 },
        },
      ],
    });
  });

  it('starts a new campaign with one default variant for everyone and a rule for the next', () => {
    const draft = emptyCampaignDraft();
    expect(draft.variants.map((v) => [v.key, v.isDefault, v.audienceMode])).toEqual([['default', true, 'everyone']]);
    expect(newVariant('x', false).audienceMode).toBe('rule');
    expect(campaignInputFromDraft(draft).variants[0]).toMatchObject({ audience: null, content: {} });
  });
});

describe('a subject test in the draft', () => {
  it('sends as many lines as the test tries for each language the variant has text in, blank ones included for the server to name', () => {
    const draft = draftFromCampaign(campaign);
    const all = draft.variants[1]!;
    expect(all.subjectTest).toMatchObject({ lines: 2, sharePercent: 10, decideAfterHours: 6 });
    const de = { subject: 'Hallo', preheader: '', body: 'Text', wiifm: '', cta_label: '', cta_url: '' };
    const widened = { ...all, content: { ...all.content, de }, subjectTest: { ...all.subjectTest!, lines: 3 } };
    const input = campaignInputFromDraft({ ...draft, variants: [draft.variants[0]!, widened] });
    expect(input.variants[1]!.subject_test).toEqual({
      subjects: { 'de-at': ['Grüß Gott', 'Hallo', ''], de: ['', '', ''] },
      share_percent: 10,
      decide_after_hours: 6,
    });
    expect(campaignInputFromDraft({ ...draft, variants: [draft.variants[0]!, { ...all, subjectTest: null }] }).variants[1]!.subject_test).toBeNull();
  });
});

describe('follow-ups and acknowledge-by in the draft', () => {
  it('saves follow-ups in order with their non-blank subjects, and acknowledge-by only for must-reads', () => {
    const draft = draftFromCampaign(campaign);
    expect(draft.followUps.map((f) => f.subject)).toEqual([{ en: '', de: 'Erinnerung', nl: '' }]);
    const added = { ...newFollowUp(), afterHours: 24, condition: 'not_acknowledged' as const, maxSends: 3, subject: { en: ' Reminder ', de: '', nl: '' } };
    const withDeadline = { ...draft, followUps: [...draft.followUps, added], acknowledgeBy: localDateTime('2027-03-01T12:00:00Z') };
    const input = campaignInputFromDraft(withDeadline);
    expect(input.follow_ups).toEqual([
      { after_hours: 48, condition: 'not_opened', subject: { de: 'Erinnerung' }, max_sends: 1 },
      { after_hours: 24, condition: 'not_acknowledged', subject: { en: 'Reminder' }, max_sends: 3 },
    ]);
    expect(input.acknowledge_by).toBe('2027-03-01T12:00:00.000Z');
    expect(campaignInputFromDraft({ ...withDeadline, kind: 'announcement' }).acknowledge_by).toBeNull();
  });
});

describe('complaints by pointer', () => {
  const error = new ApiError(
    {
      type: 'about:blank',
      title: 'Bad',
      status: 400,
      detail: 'english',
      code: 'request.invalid',
      params: {},
      errors: [
        { pointer: '/variants/1/content/de/body', message: 'x', code: 'campaign.unknown_variable', params: { variable: 'person.birth_year' } },
        { pointer: '/variants/1/audience/persona', message: 'x', code: 'campaign.persona_unknown', params: { id: 9 } },
      ],
    },
    'problem',
  );

  it('finds the German text at a field, nested ones only when asked', () => {
    const t = translatorFor('de');
    expect(problemAt(error, t, '/variants/1/content/de/body')).toBe(
      '„person.birth_year“ ist kein Platzhalter, den Sie hier verwenden können. Wählen Sie einen aus der Liste der Platzhalter.',
    );
    expect(problemAt(error, t, '/variants/1/audience')).toBeUndefined();
    expect(problemAt(error, t, '/variants/1/audience', true)).toBeDefined();
    expect(hasProblemWithin(error, '/variants/1')).toBe(true);
    expect(hasProblemWithin(error, '/variants/0')).toBe(false);
    expect(hasProblemWithin(error, '/variants/1/content/en')).toBe(false);
    expect(problemAt(new Error('x'), t, '/name')).toBeUndefined();
  });
});

describe('campaign messages', () => {
  it('names a channel as the screens do', () => {
    const error = new ApiError(
      { type: 'about:blank', title: 'Conflict', status: 409, detail: 'english', code: 'campaign.channel_unavailable', params: { channel: 'chat' }, errors: [] },
      'problem',
    );
    expect(errorMessage(error, translatorFor('de'))).toBe(
      'Über Chat kann diese Kampagne noch nicht versendet werden: Entfernen Sie den Kanal aus den Varianten.',
    );
    expect(errorMessage(error, translatorFor('nl'))).toContain('Via Chat kan');
  });
});

describe('the Idempotency-Key', () => {
  it('is a version 4 UUID, also outside a secure context', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    vi.stubGlobal('isSecureContext', false);
    try {
      const keys = new Set(Array.from({ length: 50 }, newIdempotencyKey));
      expect(keys.size).toBe(50);
      for (const key of keys) expect(key).toMatch(uuid);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
