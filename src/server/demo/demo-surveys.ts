// The demo's surveys: an anonymous monthly eNPS pulse for everyone, its answers kept only with the
// person's generation, experience and department, and a short quiz on the welcome campaign, each
// written in English, German and Dutch (SurveyJS localisable texts) so every reader sees their own.
import type { AnyDb } from '../platform/db/connect.js';
import { createSurvey } from '../modules/dialogue/index.js';

const text = (en: string, de: string, nl: string) => ({ default: en, de, nl });

const PULSE = {
  elements: [
    {
      type: 'rating',
      name: 'enps',
      isRequired: true,
      rateMin: 0,
      rateMax: 10,
      title: text(
        'How likely are you to recommend us as an employer to a friend?',
        'Wie wahrscheinlich ist es, dass Sie uns einem Freund als Arbeitgeber empfehlen?',
        'Hoe waarschijnlijk is het dat u ons als werkgever aan een vriend aanbeveelt?',
      ),
    },
    {
      type: 'rating',
      name: 'informed',
      isRequired: true,
      rateMin: 1,
      rateMax: 5,
      title: text(
        'I feel well informed about what matters for my work.',
        'Ich fühle mich gut informiert über das, was für meine Arbeit wichtig ist.',
        'Ik voel me goed geïnformeerd over wat voor mijn werk belangrijk is.',
      ),
    },
    {
      type: 'comment',
      name: 'better',
      title: text('What should we do better?', 'Was sollten wir besser machen?', 'Wat moeten we beter doen?'),
    },
  ],
};

const QUIZ = {
  elements: [
    {
      type: 'radiogroup',
      name: 'find_help',
      isRequired: true,
      title: text(
        'Where do you find a colleague who can help you?',
        'Wo finden Sie eine Kollegin oder einen Kollegen, die helfen können?',
        'Waar vindt u een collega die u kan helpen?',
      ),
      choices: [
        { value: 'experts', text: text('Find help (expert search)', 'Hilfe finden (Expertensuche)', 'Hulp vinden (expertzoeker)') },
        { value: 'mail', text: text('An e-mail to everyone', 'Eine E-Mail an alle', 'Een e-mail aan iedereen') },
      ],
      correctAnswer: 'experts',
    },
    {
      type: 'boolean',
      name: 'own_language',
      isRequired: true,
      title: text('News reaches you in your own language.', 'Neuigkeiten erreichen Sie in Ihrer Sprache.', 'Nieuws bereikt u in uw eigen taal.'),
      correctAnswer: true,
    },
  ],
};

/**
 * Saves the demo's pulse (its first round opens with the scheduler's next run) and, when there is a
 * welcome campaign, its quiz; returns the ids.
 * @example const { pulse } = await createDemoSurveys({ db, campaignId: 1 });
 */
export async function createDemoSurveys(input: { db: AnyDb; campaignId: number | null; now?: Date }): Promise<{ pulse: number; quiz: number | null }> {
  const clock = () => input.now ?? new Date();
  const pulse = await createSurvey({
    db: input.db,
    clock,
    userId: null,
    survey: {
      title: 'Pulse: how are we doing?',
      kind: 'enps',
      definition: PULSE,
      anonymous: true,
      audience: { all: [] },
      segment_keys: ['generation', 'experience_level', 'department'],
      schedule: { every: 'month', starts_at: clock().toISOString(), reminder_after_hours: 72 },
      status: 'open',
    },
  });
  if (input.campaignId === null) return { pulse: pulse.id, quiz: null };
  const quiz = await createSurvey({
    db: input.db,
    clock,
    userId: null,
    survey: {
      title: 'Quiz: Resonance in two questions',
      kind: 'quiz',
      definition: QUIZ,
      anonymous: false,
      audience: { all: [] },
      segment_keys: ['department'],
      pass_mark: 1,
      campaign: input.campaignId,
      status: 'open',
    },
  });
  return { pulse: pulse.id, quiz: quiz.id };
}
