// The authoring screen's model of a survey and its translation to and from what the API takes: pages
// of questions of the common SurveyJS types written out as SurveyJS JSON (the form keeps whatever
// else an element carries, so a definition made elsewhere survives an edit), quiz answers and pass
// mark, anonymity, audience, segment keys, campaign, repeat schedule and close date.
import type { Rule } from '../../../shared/audiences';
import type { CreateSurvey, RepeatEvery, SegmentKey, SurveyKind, SurveyView, UpdateSurvey } from '../../../shared/dialogue';
import { asRootGroup, EMPTY_RULE, parseRule } from '../audiences/rule-model';

export const QUESTION_TYPES = ['radiogroup', 'checkbox', 'dropdown', 'rating', 'boolean', 'text', 'comment'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Types whose answer is one of the listed choices (or several, for checkbox). */
export const CHOICE_TYPES: readonly QuestionType[] = ['radiogroup', 'checkbox', 'dropdown'];

export type QuestionDraft = {
  uid: string;
  type: QuestionType;
  /** The answer's key in `answers` and in the results; unique in the survey. */
  name: string;
  title: string;
  required: boolean;
  choices: string[];
  /** Quiz: the right answer (a choice, several for checkbox, true/false, or a text); null if none. */
  correct: string | string[] | boolean | null;
  rateMin: number;
  rateMax: number;
  /** The element's other SurveyJS properties, kept as they were. */
  extra: Record<string, unknown>;
  /**
   * A title written per language (SurveyJS `{"default", "de", "nl"}`): the form edits `title` as
   * the default text and keeps the other languages' texts.
   */
  titleLocales?: Record<string, string>;
  /** Choices written as objects (value with a text per language), by value, kept when the value stays. */
  choiceObjects?: Record<string, unknown>;
};

export type PageDraft = { uid: string; name: string; title: string; questions: QuestionDraft[]; extra: Record<string, unknown> };

export type ScheduleDraft = { every: RepeatEvery; startsAt: string; until: string; reminderAfterHours: number | '' };

export type SurveyDraft = {
  title: string;
  kind: SurveyKind;
  pages: PageDraft[];
  /** Percent of quiz questions to answer right (a quiz only). */
  passMarkPercent: number | '';
  anonymous: boolean;
  audience: Rule;
  segmentKeys: SegmentKey[];
  /** The campaign's id as text (a Select's value), or null. */
  campaign: string | null;
  /** Repeats as a pulse when set. */
  schedule: ScheduleDraft | null;
  /** Local `YYYY-MM-DDTHH:mm`, or ''. */
  closesAt: string;
  /** The rest of the definition's top level, kept as it was. */
  extra: Record<string, unknown>;
};

let counter = 0;
const uid = () => `s${Date.now().toString(36)}${(counter++).toString(36)}`;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isQuestionType = (value: unknown): value is QuestionType => typeof value === 'string' && (QUESTION_TYPES as readonly string[]).includes(value);

/** A name not yet used by any question of the survey: q1, q2, … */
export function freeQuestionName(pages: readonly PageDraft[]): string {
  const used = new Set(pages.flatMap((page) => page.questions.map((q) => q.name)));
  let n = used.size + 1;
  while (used.has(`q${n}`)) n += 1;
  return `q${n}`;
}

export function newQuestion(type: QuestionType, name: string, title = ''): QuestionDraft {
  return {
    uid: uid(),
    type,
    name,
    title,
    required: false,
    choices: CHOICE_TYPES.includes(type) ? ['', ''] : [],
    correct: null,
    rateMin: 1,
    rateMax: 5,
    extra: {},
  };
}

export function newPage(index: number): PageDraft {
  return { uid: uid(), name: `page${index + 1}`, title: '', questions: [], extra: {} };
}

export function emptySurveyDraft(): SurveyDraft {
  return {
    title: '',
    kind: 'survey',
    pages: [{ ...newPage(0), questions: [newQuestion('radiogroup', 'q1')] }],
    passMarkPercent: '',
    anonymous: true,
    audience: EMPTY_RULE,
    segmentKeys: [],
    campaign: null,
    schedule: null,
    closesAt: '',
    extra: {},
  };
}

/** Whether the survey is scored: a quiz has right answers and a pass mark. */
export const isQuizDraft = (draft: SurveyDraft) => draft.kind === 'quiz';

/** Changes a question's type, keeping what still makes sense (choices between choice types). */
export function withType(question: QuestionDraft, type: QuestionType): QuestionDraft {
  const choices = CHOICE_TYPES.includes(type) ? (question.choices.length > 0 ? question.choices : ['', '']) : [];
  const single: readonly QuestionType[] = ['radiogroup', 'dropdown'];
  const sameShape = type === question.type || (single.includes(type) && single.includes(question.type));
  return { ...question, type, choices, correct: sameShape ? question.correct : null };
}

function choiceText(choice: unknown): string | null {
  if (typeof choice === 'string' || typeof choice === 'number') return String(choice);
  if (isRecord(choice) && (typeof choice.value === 'string' || typeof choice.value === 'number')) return String(choice.value);
  return null;
}

/** A SurveyJS text in `language`: a string as it is, a per-language object's text for it, else its default. */
export function localText(value: unknown, language?: string): string {
  if (typeof value === 'string') return value;
  if (!isRecord(value)) return '';
  const texts = Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string');
  const of = (key: string | undefined) => (key === undefined ? undefined : texts.find(([k]) => k === key)?.[1]);
  return of(language?.split('-')[0]) ?? of('default') ?? of('en') ?? texts[0]?.[1] ?? '';
}

/** The languages a survey's texts can be translated into, beside the text written first (`default`). */
export const TRANSLATION_LANGUAGES = ['en', 'de', 'nl'] as const;
export type TranslationLanguage = (typeof TRANSLATION_LANGUAGES)[number];

/** A question's text in a translation language ('' when not translated yet). */
export const titleIn = (question: QuestionDraft, language: TranslationLanguage): string => question.titleLocales?.[language] ?? '';

/** The question with its text in `language` set (a blank text removes the translation). */
export function withTitleIn(question: QuestionDraft, language: TranslationLanguage, text: string): QuestionDraft {
  const { [language]: _old, ...others } = question.titleLocales ?? {};
  return { ...question, titleLocales: text.trim() === '' ? others : { ...others, [language]: text } };
}

/** A choice's text in a translation language ('' when not translated yet). */
export function choiceTextIn(question: QuestionDraft, choice: string, language: TranslationLanguage): string {
  const object = question.choiceObjects?.[choice];
  return isRecord(object) && isRecord(object.text) && typeof object.text[language] === 'string' ? object.text[language] : '';
}

/** The question with `choice` shown as `text` in `language` (SurveyJS `{value, text: {default, de…}}`). */
export function withChoiceTextIn(question: QuestionDraft, choice: string, language: TranslationLanguage, text: string): QuestionDraft {
  const object = question.choiceObjects?.[choice];
  const texts = isRecord(object) ? (isRecord(object.text) ? object.text : typeof object.text === 'string' ? { default: object.text } : {}) : {};
  const { [language]: _old, ...others } = texts;
  const next = text.trim() === '' ? others : { ...others, [language]: text };
  const base = isRecord(object) ? object : {};
  return { ...question, choiceObjects: { ...question.choiceObjects, [choice]: { ...base, value: choice, text: { default: choice, ...next } } } };
}

/** The question with choice `from` renamed to `to`, its translations kept. */
export function withChoiceRenamed(question: QuestionDraft, from: string, to: string): QuestionDraft['choiceObjects'] {
  const object = question.choiceObjects?.[from];
  if (!isRecord(object)) return question.choiceObjects;
  const { [from]: _old, ...others } = question.choiceObjects ?? {};
  const text = isRecord(object.text) ? { ...object.text, default: to } : object.text;
  return { ...others, [to]: { ...object, value: to, text } };
}

function localisedTexts(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

function questionFromElement(element: Record<string, unknown>, language?: string): QuestionDraft | null {
  if (!isQuestionType(element.type) || typeof element.name !== 'string') return null;
  const { type, name, title, isRequired, choices, correctAnswer, rateMin, rateMax, ...extra } = element;
  const correct =
    typeof correctAnswer === 'string' || typeof correctAnswer === 'boolean'
      ? correctAnswer
      : typeof correctAnswer === 'number'
        ? String(correctAnswer)
        : Array.isArray(correctAnswer)
          ? correctAnswer.map(String)
          : null;
  return {
    uid: uid(),
    type,
    name,
    title: localText(title, language),
    ...(isRecord(title) ? { titleLocales: localisedTexts(title) } : {}),
    required: isRequired === true,
    choices: Array.isArray(choices) ? choices.map(choiceText).filter((c): c is string => c !== null) : [],
    ...(Array.isArray(choices) && choices.some(isRecord)
      ? { choiceObjects: Object.fromEntries(choices.filter(isRecord).flatMap((c) => (choiceText(c) === null ? [] : [[choiceText(c)!, c]]))) }
      : {}),
    correct,
    rateMin: typeof rateMin === 'number' ? rateMin : 1,
    rateMax: typeof rateMax === 'number' ? rateMax : 5,
    extra,
  };
}

/**
 * The pages of a SurveyJS definition (top-level `elements` without pages are one page); elements of
 * types this form does not edit are kept in `extra`. Texts per language are read in `language`.
 */
export function pagesFromDefinition(definition: Record<string, unknown>, language?: string): PageDraft[] {
  const pages = Array.isArray(definition.pages)
    ? definition.pages.filter(isRecord)
    : Array.isArray(definition.elements)
      ? [{ name: 'page1', elements: definition.elements }]
      : [];
  return pages.map((page, index) => {
    const { name, title, elements, ...extra } = page;
    const all = Array.isArray(elements) ? elements.filter(isRecord) : [];
    const questions = all.map((element) => questionFromElement(element, language)).filter((q): q is QuestionDraft => q !== null);
    const others = all.filter((element) => questionFromElement(element) === null);
    return {
      uid: uid(),
      name: typeof name === 'string' ? name : `page${index + 1}`,
      title: localText(title, language),
      questions,
      extra: others.length > 0 ? { ...extra, otherElements: others } : extra,
    };
  });
}

function elementFromQuestion(question: QuestionDraft, quiz: boolean): Record<string, unknown> {
  const translated = question.titleLocales && Object.keys(question.titleLocales).some((k) => k !== 'default');
  const title = translated ? { ...question.titleLocales, default: question.title } : question.title;
  const element: Record<string, unknown> = { ...question.extra, type: question.type, name: question.name, title };
  if (question.required) element.isRequired = true;
  if (CHOICE_TYPES.includes(question.type)) element.choices = question.choices.map((choice) => question.choiceObjects?.[choice] ?? choice);
  if (question.type === 'rating') {
    element.rateMin = question.rateMin;
    element.rateMax = question.rateMax;
  }
  const correct = question.correct;
  if (quiz && correct !== null && !(Array.isArray(correct) && correct.length === 0) && correct !== '') element.correctAnswer = correct;
  return element;
}

/** The SurveyJS JSON the form stands for. */
export function definitionFromDraft(draft: SurveyDraft): Record<string, unknown> {
  const quiz = isQuizDraft(draft);
  return {
    ...draft.extra,
    pages: draft.pages.map((page) => {
      const { otherElements, ...extra } = page.extra;
      const others = Array.isArray(otherElements) ? (otherElements as unknown[]) : [];
      const element: Record<string, unknown> = { ...extra, name: page.name, elements: [...page.questions.map((q) => elementFromQuestion(q, quiz)), ...others] };
      if (page.title.trim() !== '') element.title = page.title;
      return element;
    }),
  };
}

/** A local `YYYY-MM-DDTHH:mm` as an ISO instant; null when blank or not a date. */
export function isoFromLocal(local: string): string | null {
  if (local.trim() === '') return null;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** An ISO instant as the browser's local `YYYY-MM-DDTHH:mm`; '' when it does not parse. */
export function localFromIso(iso: string | null): string {
  if (iso === null) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** What POST /api/v1/surveys (or PATCH) takes; invalid bits are sent as they are, for the server to name. */
export function surveyInputFromDraft(draft: SurveyDraft, status: 'draft' | 'open'): CreateSurvey {
  const input: CreateSurvey = {
    title: draft.title.trim(),
    kind: draft.kind,
    definition: definitionFromDraft(draft),
    anonymous: draft.anonymous,
    audience: draft.audience,
    segment_keys: draft.segmentKeys,
    status,
  };
  if (isQuizDraft(draft) && draft.passMarkPercent !== '') input.pass_mark = Math.round(draft.passMarkPercent) / 100;
  if (draft.campaign !== null) input.campaign = Number(draft.campaign);
  if (draft.schedule !== null) {
    const startsAt = isoFromLocal(draft.schedule.startsAt);
    input.schedule = {
      every: draft.schedule.every,
      starts_at: startsAt ?? draft.schedule.startsAt,
      ...(draft.schedule.until !== '' ? { until: draft.schedule.until } : {}),
      ...(draft.schedule.reminderAfterHours !== '' ? { reminder_after_hours: draft.schedule.reminderAfterHours } : {}),
    };
  } else {
    const closesAt = isoFromLocal(draft.closesAt);
    if (closesAt !== null) input.closes_at = closesAt;
  }
  return input;
}

const PATCHED = ['title', 'kind', 'definition', 'anonymous', 'audience', 'segment_keys', 'pass_mark', 'campaign', 'schedule', 'closes_at'] as const;

/**
 * What PATCH takes to turn `before` into `after`: only the fields that changed (those answers were
 * given to may not change once someone answered), a cleared one as null.
 */
export function surveyPatchFromDrafts(before: SurveyDraft, after: SurveyDraft): UpdateSurvey {
  const a = surveyInputFromDraft(before, 'draft');
  const b = surveyInputFromDraft(after, 'draft');
  const patch: Record<string, unknown> = {};
  for (const field of PATCHED) {
    if (JSON.stringify(a[field]) !== JSON.stringify(b[field])) patch[field] = b[field] ?? null;
  }
  return patch;
}

export function draftFromSurvey(survey: SurveyView): SurveyDraft {
  const { pages: _pages, elements: _elements, ...extra } = survey.definition;
  const pages = pagesFromDefinition(survey.definition);
  return {
    title: survey.title,
    kind: survey.kind,
    pages: pages.length > 0 ? pages : [newPage(0)],
    passMarkPercent: survey.pass_mark === null ? '' : Math.round(survey.pass_mark * 100),
    anonymous: survey.anonymous,
    audience: asRootGroup(parseRule(survey.audience) ?? EMPTY_RULE),
    segmentKeys: survey.segment_keys,
    campaign: survey.campaign === null ? null : String(survey.campaign),
    schedule: survey.schedule
      ? {
          every: survey.schedule.every,
          startsAt: localFromIso(survey.schedule.starts_at),
          until: survey.schedule.until ?? '',
          reminderAfterHours: survey.schedule.reminder_after_hours ?? '',
        }
      : null,
    closesAt: localFromIso(survey.closes_at),
    extra,
  };
}

/** Where a question sits in the definition, for the server's JSON pointers. */
export const questionPointer = (pageIndex: number, questionIndex: number) => `/definition/pages/${pageIndex}/elements/${questionIndex}`;

/** A new schedule starting next Monday at 09:00 local time. */
export function newSchedule(every: RepeatEvery = 'week', now = new Date()): ScheduleDraft {
  const start = new Date(now);
  start.setDate(start.getDate() + ((8 - start.getDay()) % 7 || 7));
  start.setHours(9, 0, 0, 0);
  return { every, startsAt: localFromIso(start.toISOString()), until: '', reminderAfterHours: 48 };
}
