// Reasons split into hashtag and remark; skill suggestions merge server matches with known hashtags.
import { describe, expect, it } from 'vitest';
import { splitHashtagReason } from './expert-reasons';
import { expertsPath } from './expert-queries';
import { skillSuggestionFilter, skillSuggestionOptions } from './skill-suggestion-options';

describe('splitHashtagReason', () => {
  it('reads a bare hashtag and one with a remark', () => {
    expect(splitHashtagReason('#excel')).toEqual({ tag: 'excel', rest: '' });
    expect(splitHashtagReason('#pivot-tables, endorsed by 2')).toEqual({ tag: 'pivot-tables', rest: 'endorsed by 2' });
  });

  it('leaves plain sentences alone', () => {
    expect(splitHashtagReason('answered "How do I pivot?"')).toBeNull();
    expect(splitHashtagReason('3 contributions')).toBeNull();
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
