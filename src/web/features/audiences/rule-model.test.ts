// Unit tests of the rule builder's pure helpers: value shapes, completeness, pointers and parsing.
import { describe, expect, it } from 'vitest';
import { RULE_FIELDS, type Rule } from '../../../shared/audiences';
import { adaptValue, asRootGroup, conditionForField, firstIncompletePointer, nodeForPointer, parseRule, rulePointer, valueShape } from './rule-model';
import { keyFromName } from './segment-key';
import { journeyInput, moveStage, newStage } from './journey-draft';

describe('value shapes', () => {
  it('follows the field type and the operator', () => {
    expect(valueShape('text', 'eq')).toBe('text');
    expect(valueShape('text', 'in')).toBe('texts');
    expect(valueShape('list', 'has')).toBe('text');
    expect(valueShape('list', 'has_none')).toBe('texts');
    expect(valueShape('number', 'between')).toBe('numberRange');
    expect(valueShape('date', 'gte')).toBe('date');
    expect(valueShape('date', 'exists')).toBe('boolean');
    expect(valueShape('boolean', 'eq')).toBe('boolean');
    expect(valueShape('org', 'within')).toBe('person');
  });

  it('keeps what still fits when the operator changes', () => {
    expect(adaptValue('Sales', 'texts')).toEqual(['Sales']);
    expect(adaptValue(['a', 'b'], 'text')).toBe('a');
    expect(adaptValue(5, 'numberRange')).toEqual([5, null]);
    expect(adaptValue('2024-01-31', 'dateRange')).toEqual(['2024-01-31', '']);
    expect(adaptValue('x', 'boolean')).toBe(true);
  });

  it('gives a new field its first operator unless the current one applies', () => {
    expect(conditionForField('tenure_years', 'number', 'eq')).toEqual({ field: 'tenure_years', op: 'eq', value: null });
    expect(conditionForField('cohorts', 'list', 'in')).toEqual({ field: 'cohorts', op: 'has', value: '' });
    expect(conditionForField('org', 'org', 'eq')).toEqual({ field: 'org', op: 'within', value: '' });
  });
});

describe('completeness and pointers', () => {
  const rule: Rule = {
    all: [{ field: 'generation', op: 'in', value: ['millennial'] }, { not: { any: [{ field: 'tenure_years', op: 'between', value: [1, null] }] } }],
  };

  it('finds the first node still missing a value', () => {
    expect(firstIncompletePointer(rule)).toBe('/all/1/not/any/0');
    expect(firstIncompletePointer({ all: [{ field: 'is_leader', op: 'exists', value: false }, { segment: 'x' }] })).toBeNull();
    expect(firstIncompletePointer({ any: [{ field: 'skills', op: 'has_any', value: [] }] })).toBe('/any/0');
  });

  it('maps a problem pointer to the deepest node containing it', () => {
    expect(nodeForPointer(rule, '/all/1/not/any/0/value')).toBe('/all/1/not/any/0');
    expect(nodeForPointer(rule, '/all/0')).toBe('/all/0');
    expect(nodeForPointer(rule, '')).toBe('');
    expect(nodeForPointer(rule, undefined)).toBeNull();
    expect(rulePointer('/rule/all/1')).toBe('/all/1');
    expect(rulePointer('/rule')).toBe('');
    expect(rulePointer('/name')).toBeUndefined();
  });
});

describe('parsing stored rules', () => {
  it('accepts every kind of node and rejects unknown ones', () => {
    const stored = {
      any: [
        { field: 'cohorts', op: 'has', value: 'xennial' },
        { activity: { type: 'opened', campaign: 7, within_days: 30 }, has: false },
        { segment: 'new-leaders' },
        { not: { all: [] } },
      ],
    };
    expect(parseRule(stored)).toEqual(stored);
    expect(parseRule({ any: [{ field: 'x', op: 'like', value: 1 }] })).toBeNull();
    expect(parseRule([])).toBeNull();
  });

  it('wraps a single condition in a group so the builder can add to it', () => {
    expect(asRootGroup({ field: 'country', op: 'eq', value: 'DE' })).toEqual({ all: [{ field: 'country', op: 'eq', value: 'DE' }] });
    expect(asRootGroup({ not: { any: [] } })).toEqual({ not: { any: [] } });
  });

  it('knows every catalogue field by name only once', () => {
    expect(new Set(RULE_FIELDS.map((f) => f.name)).size).toBe(RULE_FIELDS.length);
  });
});

describe('segment keys and journey stages', () => {
  it('suggests a valid key from a name', () => {
    expect(keyFromName('Neue Führungskräfte 2025!')).toBe('neue-fuhrungskrafte-2025');
    expect(keyFromName('  --Straße & Co ')).toBe('strasse-co');
  });

  it('reorders stages and writes blank texts as null', () => {
    const stages = [newStage('A'), newStage('B'), newStage('C')];
    expect(moveStage(stages, 0, 1).map((s) => s.name)).toEqual(['B', 'A', 'C']);
    expect(moveStage(stages, 0, -1).map((s) => s.name)).toEqual(['A', 'B', 'C']);
    const input = journeyInput([{ ...stages[0]!, does: '  ', mood: 5, pain_points: [' x ', ''] }]);
    expect(input.stages[0]).toMatchObject({ name: 'A', does: null, mood: 2, pain_points: ['x'] });
  });
});
