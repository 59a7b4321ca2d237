// Reasons worded in the interface language; skill suggestions merge server matches with known hashtags.
import { describe, expect, it } from 'vitest';
import { hashtagOfReason, reasonText } from './reason-text';
import { translatorFor } from '../../i18n/test-i18n';
import { expertsPath } from './expert-queries';
import { skillSuggestionFilter, skillSuggestionOptions } from './skill-suggestion-options';

describe('reasons in the interface language', () => {
  const de = translatorFor('de');
  const nl = translatorFor('nl');

  it('words each reason code, picking the verb by the kind of contribution and the plural by the count', () => {
    expect(reasonText(de, { code: 'contribution', params: { kind: 'answer', title: 'Pivot nach Monat' } })).toBe('Hat „Pivot nach Monat“ beantwortet');
    expect(reasonText(nl, { code: 'contribution', params: { kind: 'post', title: 'Draaitabellen' } })).toBe('Plaatste ‘Draaitabellen’');
    expect(reasonText(de, { code: 'related_contributions_accepted', params: { count: 3, accepted: 1 } })).toBe('3 passende Beiträge, 1 davon angenommen');
    expect(reasonText(nl, { code: 'contributions', params: { count: 1 } })).toBe('1 bijdrage');
    expect(reasonText(de, { code: 'profile_text', params: {} })).toBe('Kennt sich laut eigenem Profil damit aus');
  });

  it('shows hashtags as a chip with the endorsements as a remark, and skips codes it does not know', () => {
    expect(hashtagOfReason(nl, { code: 'skill_endorsed', params: { tag: 'excel', count: 2 } })).toEqual({
      tag: 'excel',
      rest: "onderschreven door 2 collega's",
    });
    expect(hashtagOfReason(de, { code: 'skill', params: { tag: 'excel' } })).toEqual({ tag: 'excel', rest: '' });
    expect(hashtagOfReason(de, { code: 'profile_text', params: {} })).toBeNull();
    expect(reasonText(de, { code: 'from_a_newer_server', params: {} })).toBeNull();
  });
});

describe('expertsPath', () => {
  it('sends only the filters that are set', () => {
    expect(expertsPath({ q: ' excel ' })).toBe('/api/v1/experts?q=excel&limit=20');
    expect(expertsPath({ q: 'excel', department: 'Finance', language: 'de', mentor: true })).toBe(
      '/api/v1/experts?q=excel&limit=20&department=Finance&language=de&mentor=true',
    );
  });
});

describe('skill suggestions', () => {
  const curated = [{ tag: 'negotiation', label: 'Verhandlung', matched: 'verhandlungstechnik' }];

  it('labels curated skills and does not repeat them among known hashtags', () => {
    expect(skillSuggestionOptions(curated, ['negotiation', 'excel'])).toEqual([
      { value: 'negotiation', label: 'Verhandlung (#negotiation)' },
      { value: 'excel', label: 'excel' },
    ]);
  });

  it('keeps curated matches although their label does not contain the typed text', () => {
    const options = skillSuggestionOptions(curated, ['excel', 'verhandlungsfuehrung']);
    const shown = skillSuggestionFilter(new Set(['negotiation']))({ options, search: 'verhandlungst', limit: 20 });
    expect(shown.map((option) => ('value' in option ? option.value : ''))).toEqual(['negotiation']);
  });
});
