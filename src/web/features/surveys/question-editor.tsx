// One question of the authoring screen: its type, text, answer key, whether it is required, its
// choices or rating scale and, in a quiz, its right answer; the server's complaints about it beside it.
import { ActionIcon, Button, Card, Checkbox, Group, NumberInput, Radio, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemAt } from '../campaigns/campaign-problems';
import {
  CHOICE_TYPES,
  QUESTION_TYPES,
  choiceTextIn,
  titleIn,
  withChoiceRenamed,
  withChoiceTextIn,
  withTitleIn,
  withType,
  type QuestionDraft,
  type TranslationLanguage,
} from './survey-draft';

export type QuestionEditorProps = {
  question: QuestionDraft;
  /** JSON pointer of the question in the request (`/definition/pages/0/elements/2`). */
  pointer: string;
  quiz: boolean;
  error: unknown;
  onChange: (question: QuestionDraft) => void;
  onRemove: (() => void) | null;
  onMove: ((by: -1 | 1) => void) | null;
  canMoveUp: boolean;
  canMoveDown: boolean;
  /** Edit the texts in this language (a translation of what was written first); null: the texts themselves. */
  language?: TranslationLanguage | null;
};

export function QuestionEditor({ question, pointer, quiz, error, onChange, onRemove, onMove, canMoveUp, canMoveDown, language = null }: QuestionEditorProps) {
  const { t } = useTranslation();
  const patch = (next: Partial<QuestionDraft>) => onChange({ ...question, ...next });
  const problem = problemAt(error, t, pointer, true);
  const isChoice = CHOICE_TYPES.includes(question.type);
  const correctList = Array.isArray(question.correct) ? question.correct : [];

  const setChoice = (index: number, text: string) => {
    const old = question.choices[index] ?? '';
    const choices = question.choices.map((c, i) => (i === index ? text : c));
    // The right answer follows its choice's new text.
    const correct = Array.isArray(question.correct) ? question.correct.map((c) => (c === old ? text : c)) : question.correct === old ? text : question.correct;
    patch({ choices, correct, choiceObjects: withChoiceRenamed(question, old, text) });
  };
  const removeChoice = (index: number) => {
    const old = question.choices[index];
    const correct = Array.isArray(question.correct) ? question.correct.filter((c) => c !== old) : question.correct === old ? null : question.correct;
    patch({ choices: question.choices.filter((_, i) => i !== index), correct });
  };
  const toggleCorrect = (choice: string, on: boolean) =>
    patch({ correct: on ? [...correctList.filter((c) => c !== choice), choice] : correctList.filter((c) => c !== choice) });

  return (
    <Card
      withBorder
      radius="md"
      padding="sm"
      data-testid="survey-question"
      data-name={question.name}
      style={problem ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}
    >
      <Stack gap="xs">
        <Group align="flex-end" wrap="wrap" gap="xs">
          <Select
            w={190}
            label={t('surveys.editor.questionType')}
            data={QUESTION_TYPES.map((type) => ({ value: type, label: t(`surveys.questionTypes.${type}`) }))}
            value={question.type}
            onChange={(type) => type && onChange(withType(question, type))}
            allowDeselect={false}
            data-testid="question-type"
          />
          {language === null ? (
            <TextInput
              style={{ flex: 1, minWidth: 240 }}
              label={t('surveys.editor.questionTitle')}
              value={question.title}
              onChange={(e) => patch({ title: e.currentTarget.value })}
              error={problemAt(error, t, `${pointer}/title`)}
              data-testid="question-title"
            />
          ) : (
            <TextInput
              style={{ flex: 1, minWidth: 240 }}
              label={t('surveys.editor.questionTitleIn', { language: t(`surveys.editor.languages.${language}`) })}
              value={titleIn(question, language)}
              placeholder={question.title}
              onChange={(e) => onChange(withTitleIn(question, language, e.currentTarget.value))}
              data-testid="question-title-translation"
            />
          )}
          <TextInput
            w={140}
            label={t('surveys.editor.questionName')}
            value={question.name}
            onChange={(e) => patch({ name: e.currentTarget.value.replace(/\s+/g, '_') })}
            error={problemAt(error, t, `${pointer}/name`)}
            data-testid="question-name"
          />
        </Group>
        <Group justify="space-between">
          <Checkbox
            label={t('surveys.editor.required')}
            checked={question.required}
            onChange={(e) => patch({ required: e.currentTarget.checked })}
            data-testid="question-required"
          />
          <Group gap={4}>
            {onMove && (
              <>
                <ActionIcon variant="subtle" disabled={!canMoveUp} onClick={() => onMove(-1)} aria-label={t('surveys.editor.moveUp')}>
                  ↑
                </ActionIcon>
                <ActionIcon variant="subtle" disabled={!canMoveDown} onClick={() => onMove(1)} aria-label={t('surveys.editor.moveDown')}>
                  ↓
                </ActionIcon>
              </>
            )}
            {onRemove && (
              <Button size="compact-sm" variant="subtle" color="red" onClick={onRemove} data-testid="question-remove">
                {t('surveys.editor.removeQuestion')}
              </Button>
            )}
          </Group>
        </Group>

        {isChoice && (
          <Stack gap={4} data-testid="question-choices">
            <Text size="sm" fw={500}>
              {t('surveys.editor.choices')}
              {quiz && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  — {question.type === 'checkbox' ? t('surveys.editor.markCorrectMany') : t('surveys.editor.markCorrectOne')}
                </Text>
              )}
            </Text>
            {question.choices.map((choice, index) => (
              <Group key={index} gap="xs" wrap="nowrap">
                {quiz &&
                  (question.type === 'checkbox' ? (
                    <Checkbox
                      checked={correctList.includes(choice)}
                      onChange={(e) => toggleCorrect(choice, e.currentTarget.checked)}
                      disabled={choice.trim() === ''}
                      aria-label={t('surveys.editor.correct')}
                      data-testid="choice-correct"
                    />
                  ) : (
                    <Radio
                      checked={question.correct === choice && choice !== ''}
                      onChange={() => patch({ correct: choice })}
                      disabled={choice.trim() === ''}
                      aria-label={t('surveys.editor.correct')}
                      data-testid="choice-correct"
                    />
                  ))}
                {language === null ? (
                  <TextInput
                    style={{ flex: 1 }}
                    size="xs"
                    value={choice}
                    placeholder={t('surveys.editor.choicePlaceholder', { n: index + 1 })}
                    onChange={(e) => setChoice(index, e.currentTarget.value)}
                    error={problemAt(error, t, `${pointer}/choices/${index}`)}
                    data-testid="choice-text"
                  />
                ) : (
                  <TextInput
                    style={{ flex: 1 }}
                    size="xs"
                    value={choiceTextIn(question, choice, language)}
                    placeholder={choice}
                    disabled={choice.trim() === ''}
                    aria-label={t('surveys.editor.choiceIn', { n: index + 1, language: t(`surveys.editor.languages.${language}`) })}
                    onChange={(e) => onChange(withChoiceTextIn(question, choice, language, e.currentTarget.value))}
                    data-testid="choice-text-translation"
                  />
                )}
                <ActionIcon
                  variant="subtle"
                  color="red"
                  onClick={() => removeChoice(index)}
                  aria-label={t('surveys.editor.removeChoice')}
                  disabled={question.choices.length <= 1}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button size="compact-xs" variant="light" onClick={() => patch({ choices: [...question.choices, ''] })} data-testid="choice-add">
                {t('surveys.editor.addChoice')}
              </Button>
            </Group>
            {problemAt(error, t, `${pointer}/choices`) && (
              <Text size="xs" c="red">
                {problemAt(error, t, `${pointer}/choices`)}
              </Text>
            )}
          </Stack>
        )}

        {question.type === 'rating' && (
          <Group align="flex-end" gap="xs">
            <NumberInput
              w={110}
              label={t('surveys.editor.rateMin')}
              min={0}
              max={question.rateMax - 1}
              value={question.rateMin}
              onChange={(v) => typeof v === 'number' && patch({ rateMin: v })}
            />
            <NumberInput
              w={110}
              label={t('surveys.editor.rateMax')}
              min={question.rateMin + 1}
              max={10}
              value={question.rateMax}
              onChange={(v) => typeof v === 'number' && patch({ rateMax: v })}
            />
            <Button size="xs" variant="default" onClick={() => patch({ rateMin: 1, rateMax: 5 })}>
              1–5
            </Button>
            <Button size="xs" variant="default" onClick={() => patch({ rateMin: 0, rateMax: 10 })} data-testid="rating-nps">
              0–10
            </Button>
            {question.rateMin === 0 && question.rateMax === 10 && (
              <Text size="xs" c="dimmed">
                {t('surveys.editor.npsHint')}
              </Text>
            )}
          </Group>
        )}

        {quiz && question.type === 'boolean' && (
          <Group gap="xs">
            <Text size="sm">{t('surveys.editor.correct')}</Text>
            <SegmentedControl
              size="xs"
              value={question.correct === true ? 'yes' : question.correct === false ? 'no' : 'none'}
              onChange={(v) => patch({ correct: v === 'yes' ? true : v === 'no' ? false : null })}
              data={[
                { value: 'none', label: t('surveys.editor.noCorrect') },
                { value: 'yes', label: t('surveys.answers.yes') },
                { value: 'no', label: t('surveys.answers.no') },
              ]}
              data-testid="boolean-correct"
            />
          </Group>
        )}
        {quiz && question.type === 'text' && (
          <TextInput
            size="xs"
            label={t('surveys.editor.correct')}
            value={typeof question.correct === 'string' ? question.correct : ''}
            onChange={(e) => patch({ correct: e.currentTarget.value === '' ? null : e.currentTarget.value })}
          />
        )}
        {problemAt(error, t, `${pointer}/correctAnswer`) && (
          <Text size="xs" c="red">
            {problemAt(error, t, `${pointer}/correctAnswer`)}
          </Text>
        )}
        {problem && (
          <Text size="sm" c="red" data-testid="question-problem">
            {problem}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
