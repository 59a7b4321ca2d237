// The authoring form writes the SurveyJS JSON and the request the API takes, and reads a saved survey
// back without losing what it does not edit; the templates come in the author's language.
import { describe, expect, it } from 'vitest';
import type { SurveyView } from '../../../shared/dialogue';
import { translatorFor } from '../../i18n/test-i18n';
import {
  definitionFromDraft,
  draftFromSurvey,
  emptySurveyDraft,
  freeQuestionName,
  localText,
  newQuestion,
  pagesFromDefinition,
  surveyInputFromDraft,
  withType,
  titleIn,
  withTitleIn,
  choiceTextIn,
  withChoiceTextIn,
  withChoiceRenamed,
  type QuestionDraft,
} from './survey-draft';
import { draftFromTemplate } from './survey-templates';

const view = (definition: Record<string, unknown>, more: Partial<SurveyView> = {}): SurveyView => ({
  id: 3,
  title: 'Quiz',
  kind: 'quiz',
  status: 'draft',
  definition,
  anonymous: false,
  audience: { all: [{ field: 'generation', op: 'in', value: ['gen_x'] }] },
  segment_keys: ['generation'],
  pass_mark: 0.75,
  campaign: 12,
  schedule: null,
  closes_at: null,
  current_round: null,
  created_at: '2026-12-01T08:00:00Z',
  updated_at: '2026-12-01T08:00:00Z',
  ...more,
});

describe('the survey draft', () => {
  it('writes SurveyJS JSON with right answers only for a quiz, and the API request with the pass mark as a share', () => {
    const quiz = draftFromTemplate('quiz', translatorFor('en'));
    const input = surveyInputFromDraft({ ...quiz, campaign: '7' }, 'open');
    expect(input).toMatchObject({ kind: 'quiz', pass_mark: 0.8, campaign: 7, anonymous: false, status: 'open' });
    const elements = (input.definition.pages as { elements: Record<string, unknown>[] }[])[0]!.elements;
    expect(elements.map((e) => [e.type, e.name, e.isRequired])).toEqual([
      ['radiogroup', 'phishing', true],
      ['boolean', 'passwords', true],
      ['checkbox', 'personal_data', true],
    ]);
    expect(elements[0]!.correctAnswer).toBe('Report it with the “Report phishing” button');
    expect(elements[1]!.correctAnswer).toBe(false);
    expect(elements[2]!.correctAnswer).toEqual(['An email address', 'An employee number']);

    // The same questions in a survey that is not a quiz carry no right answers and no pass mark.
    const plain = surveyInputFromDraft({ ...quiz, kind: 'survey' }, 'draft');
    expect(plain.pass_mark).toBeUndefined();
    expect(JSON.stringify(plain.definition)).not.toContain('correctAnswer');
  });

  it('reads a saved survey back, keeping elements and properties it does not edit', () => {
    const definition = {
      title: 'Quiz',
      showProgressBar: 'top',
      pages: [
        {
          name: 'p1',
          elements: [
            {
              type: 'dropdown',
              name: 'city',
              title: 'City',
              choices: [{ value: 'ams', text: 'Amsterdam' }, 'Bonn'],
              correctAnswer: 'Bonn',
              visibleIf: '{x} = 1',
            },
            { type: 'html', name: 'intro', html: '<p>Hi</p>' },
            { type: 'rating', name: 'nps', title: 'Recommend?', rateMin: 0, rateMax: 10 },
          ],
        },
      ],
    };
    const draft = draftFromSurvey(view(definition));
    expect(draft).toMatchObject({ passMarkPercent: 75, campaign: '12', segmentKeys: ['generation'] });
    const [city, nps] = draft.pages[0]!.questions;
    expect(city).toMatchObject({ type: 'dropdown', choices: ['ams', 'Bonn'], correct: 'Bonn' });
    expect(nps).toMatchObject({ rateMin: 0, rateMax: 10 });
    const written = definitionFromDraft(draft);
    expect(written.showProgressBar).toBe('top');
    const elements = (written.pages as { elements: Record<string, unknown>[] }[])[0]!.elements;
    expect(elements.map((e) => e.name)).toEqual(['city', 'nps', 'intro']);
    expect(elements[0]!.visibleIf).toBe('{x} = 1');
  });

  it('writes a pulse schedule and leaves a one-off survey’s close date out when blank', () => {
    const pulse = draftFromTemplate('pulse', translatorFor('de'));
    expect(pulse.title).toBe('Wöchentlicher Puls');
    const input = surveyInputFromDraft(
      { ...pulse, schedule: { every: 'month', startsAt: '2027-01-04T09:00', until: '2027-06-30', reminderAfterHours: 48 } },
      'open',
    );
    expect(input.schedule).toMatchObject({ every: 'month', until: '2027-06-30', reminder_after_hours: 48 });
    expect(Number.isNaN(Date.parse(input.schedule!.starts_at))).toBe(false);
    expect(input.closes_at).toBeUndefined();
    expect(surveyInputFromDraft(emptySurveyDraft(), 'draft').closes_at).toBeUndefined();
  });

  it('names new questions uniquely and keeps a right answer only where the answer keeps its shape', () => {
    const draft = emptySurveyDraft();
    expect(freeQuestionName(draft.pages)).toBe('q2');
    const radio = { ...newQuestion('radiogroup', 'q1'), choices: ['a', 'b'], correct: 'a' };
    expect(withType(radio, 'dropdown').correct).toBe('a');
    expect(withType(radio, 'checkbox').correct).toBeNull();
    expect(withType(radio, 'rating')).toMatchObject({ choices: [], correct: null });
  });

  it('edits the default text of a survey written per language and keeps the other languages', () => {
    const definition = {
      elements: [
        {
          type: 'radiogroup',
          name: 'where',
          title: { default: 'Where?', de: 'Wo?', nl: 'Waar?' },
          choices: [{ value: 'here', text: { default: 'Here', de: 'Hier', nl: 'Hier' } }, 'there'],
        },
      ],
    };
    const draft = draftFromSurvey(view(definition));
    const question = draft.pages[0]!.questions[0]!;
    expect(question).toMatchObject({ title: 'Where?', choices: ['here', 'there'] });
    expect(pagesFromDefinition(definition, 'nl')[0]!.questions[0]!.title).toBe('Waar?');
    const edited = { ...draft, pages: [{ ...draft.pages[0]!, questions: [{ ...question, title: 'Where exactly?' }] }] };
    const written = definitionFromDraft(edited);
    expect(written.elements).toBeUndefined();
    const element = (written.pages as { elements: Record<string, unknown>[] }[])[0]!.elements[0]!;
    expect(element.title).toEqual({ default: 'Where exactly?', de: 'Wo?', nl: 'Waar?' });
    expect(element.choices).toEqual([{ value: 'here', text: { default: 'Here', de: 'Hier', nl: 'Hier' } }, 'there']);
    expect(localText({ default: 'Hi', de: 'Hallo' }, 'de-DE')).toBe('Hallo');
    expect(localText({ default: 'Hi', de: 'Hallo' }, 'nl')).toBe('Hi');
  });

  it('writes translations of question texts and choices as SurveyJS texts per language, and keeps them when a choice is renamed', () => {
    let question: QuestionDraft = { ...newQuestion('radiogroup', 'q1', 'Where?'), choices: ['here', 'there'] };
    question = withTitleIn(question, 'de', 'Wo?');
    question = withChoiceTextIn(question, 'here', 'de', 'Hier');
    expect(titleIn(question, 'de')).toBe('Wo?');
    expect(choiceTextIn(question, 'here', 'de')).toBe('Hier');
    const draft = { ...emptySurveyDraft(), pages: [{ ...emptySurveyDraft().pages[0]!, questions: [question] }] };
    const element = (definitionFromDraft(draft).pages as { elements: Record<string, unknown>[] }[])[0]!.elements[0]!;
    expect(element.title).toEqual({ default: 'Where?', de: 'Wo?' });
    expect(element.choices).toEqual([{ value: 'here', text: { default: 'here', de: 'Hier' } }, 'there']);
    expect(withChoiceRenamed(question, 'here', 'home')).toEqual({ home: { value: 'home', text: { default: 'home', de: 'Hier' } } });
    // A blank translation removes it, and a question without translations is a plain text again.
    const untranslated = withTitleIn(question, 'de', ' ');
    const plain = (
      definitionFromDraft({ ...draft, pages: [{ ...draft.pages[0]!, questions: [untranslated] }] }).pages as { elements: Record<string, unknown>[] }[]
    )[0]!.elements[0]!;
    expect(plain.title).toBe('Where?');
  });
});
