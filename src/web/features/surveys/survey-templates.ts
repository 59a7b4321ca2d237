// Surveys to start from: a pulse, an eNPS, "did this message help you?" and a knowledge quiz with a
// pass mark. Their texts are written in the author's interface language (they edit them afterwards).
import type { TFunction } from 'i18next';
import { emptySurveyDraft, newPage, newQuestion, newSchedule, type QuestionDraft, type QuestionType, type SurveyDraft } from './survey-draft';

export const SURVEY_TEMPLATES = ['pulse', 'enps', 'messageHelped', 'quiz'] as const;
export type SurveyTemplate = (typeof SURVEY_TEMPLATES)[number];

function question(type: QuestionType, name: string, title: string, more: Partial<QuestionDraft> = {}): QuestionDraft {
  return { ...newQuestion(type, name, title), required: true, ...more };
}

/**
 * A new draft from a template, its texts in the language of `t`.
 * @example const draft = draftFromTemplate('enps', t);
 */
export function draftFromTemplate(template: SurveyTemplate, t: TFunction): SurveyDraft {
  const base = emptySurveyDraft();
  const page = (questions: QuestionDraft[]) => [{ ...newPage(0), questions }];
  switch (template) {
    case 'pulse':
      return {
        ...base,
        kind: 'pulse',
        title: t('surveys.templates.pulse.title'),
        segmentKeys: ['department'],
        schedule: newSchedule('week'),
        pages: page([
          question('rating', 'mood', t('surveys.templates.pulse.mood'), { rateMin: 1, rateMax: 5 }),
          question('rating', 'enablement', t('surveys.templates.pulse.enablement'), { rateMin: 1, rateMax: 5 }),
          question('comment', 'better', t('surveys.templates.pulse.better'), { required: false }),
        ]),
      };
    case 'enps':
      return {
        ...base,
        kind: 'enps',
        title: t('surveys.templates.enps.title'),
        segmentKeys: ['department'],
        pages: page([
          question('rating', 'enps', t('surveys.templates.enps.recommend'), { rateMin: 0, rateMax: 10 }),
          question('comment', 'reason', t('surveys.templates.enps.reason'), { required: false }),
        ]),
      };
    case 'messageHelped':
      return {
        ...base,
        title: t('surveys.templates.messageHelped.title'),
        pages: page([
          question('boolean', 'helped', t('surveys.templates.messageHelped.helped')),
          question('comment', 'missing', t('surveys.templates.messageHelped.missing'), { required: false }),
        ]),
      };
    case 'quiz': {
      const [right, forward, ignore] = [
        t('surveys.templates.quiz.phishingReport'),
        t('surveys.templates.quiz.phishingForward'),
        t('surveys.templates.quiz.phishingDelete'),
      ];
      const [email, staffNumber, weather] = [
        t('surveys.templates.quiz.dataEmail'),
        t('surveys.templates.quiz.dataStaffNumber'),
        t('surveys.templates.quiz.dataWeather'),
      ];
      return {
        ...base,
        kind: 'quiz',
        title: t('surveys.templates.quiz.title'),
        anonymous: false,
        passMarkPercent: 80,
        pages: page([
          question('radiogroup', 'phishing', t('surveys.templates.quiz.phishing'), { choices: [right, forward, ignore], correct: right }),
          question('boolean', 'passwords', t('surveys.templates.quiz.passwords'), { correct: false }),
          question('checkbox', 'personal_data', t('surveys.templates.quiz.personalData'), {
            choices: [email, staffNumber, weather],
            correct: [email, staffNumber],
          }),
        ]),
      };
    }
  }
}
