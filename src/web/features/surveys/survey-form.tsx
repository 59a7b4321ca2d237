// The authoring screen's form: title, kind, a template to start from, pages of questions (with right
// answers and a pass mark for a quiz), the settings, and a preview as respondents will see it. Saving
// writes SurveyJS JSON; each of the server's complaints appears at the field its JSON pointer names.
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Group, Menu, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SURVEY_KINDS, SURVEY_LIMITS, type SurveyView } from '../../../shared/dialogue';
import { ProblemAlert } from '../audiences/problem-alert';
import { problemAt } from '../campaigns/campaign-problems';
import { LazySurveyJsView } from './lazy-survey-js-view';
import { QuestionEditor } from './question-editor';
import {
  definitionFromDraft,
  draftFromSurvey,
  emptySurveyDraft,
  freeQuestionName,
  newPage,
  newQuestion,
  questionPointer,
  surveyInputFromDraft,
  surveyPatchFromDrafts,
  TRANSLATION_LANGUAGES,
  type PageDraft,
  type TranslationLanguage,
  type QuestionDraft,
  type SurveyDraft,
} from './survey-draft';
import { useSaveSurvey } from './survey-queries';
import { SurveySettings } from './survey-settings';
import { draftFromTemplate, SURVEY_TEMPLATES } from './survey-templates';

export type SurveyFormProps = {
  /** null for a new survey. */
  survey: SurveyView | null;
};

export function SurveyForm({ survey }: SurveyFormProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<SurveyDraft>(() => (survey ? draftFromSurvey(survey) : emptySurveyDraft()));
  const [initial] = useState(draft);
  const [tab, setTab] = useState<string | null>('questions');
  // The questions' texts as written, or their translation into one language (SurveyJS texts per language).
  const [textLanguage, setTextLanguage] = useState<TranslationLanguage | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useSaveSurvey(survey?.id ?? null);
  const error = save.error;
  const quiz = draft.kind === 'quiz';
  const patch = (next: Partial<SurveyDraft>) => {
    setSaved(false);
    setDraft((current) => ({ ...current, ...next }));
  };
  const patchPage = (pageIndex: number, next: Partial<PageDraft>) => patch({ pages: draft.pages.map((p, i) => (i === pageIndex ? { ...p, ...next } : p)) });
  const patchQuestion = (pageIndex: number, questionIndex: number, next: QuestionDraft) =>
    patchPage(pageIndex, { questions: (draft.pages[pageIndex]?.questions ?? []).map((q, i) => (i === questionIndex ? next : q)) });
  const moveQuestion = (pageIndex: number, questionIndex: number, by: -1 | 1) => {
    const questions = [...(draft.pages[pageIndex]?.questions ?? [])];
    const [moved] = questions.splice(questionIndex, 1);
    if (!moved) return;
    questions.splice(questionIndex + by, 0, moved);
    patchPage(pageIndex, { questions });
  };
  // The preview shows the survey's title as respondents' SurveyJS would.
  const definition = useMemo(() => ({ ...definitionFromDraft(draft), title: draft.title }), [draft]);
  const questionCount = draft.pages.reduce((n, page) => n + page.questions.length, 0);

  const submit = (status: 'draft' | 'open') =>
    save.mutate(
      survey === null
        ? surveyInputFromDraft(draft, status)
        : { ...surveyPatchFromDrafts(initial, draft), ...(survey.status === 'draft' && status === 'open' ? { status } : {}) },
      {
        onSuccess: (result) => {
          setSaved(true);
          if (survey === null) void navigate(status === 'open' ? '/surveys' : `/surveys/${result.id}/edit`, { replace: true });
        },
      },
    );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        {survey === null ? (
          <Menu>
            <Menu.Target>
              <Button variant="light" data-testid="survey-template">
                {t('surveys.editor.fromTemplate')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {SURVEY_TEMPLATES.map((template) => (
                <Menu.Item key={template} onClick={() => setDraft(draftFromTemplate(template, t))} data-testid={`survey-template-${template}`}>
                  <Text size="sm">{t(`surveys.templates.${template}.label`)}</Text>
                  <Text size="xs" c="dimmed">
                    {t(`surveys.templates.${template}.description`)}
                  </Text>
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        ) : (
          <span />
        )}
        <Group gap="xs">
          {(survey === null || survey.status === 'draft') && (
            <Button
              variant="default"
              onClick={() => submit('draft')}
              loading={save.isPending && save.variables.status !== 'open'}
              disabled={draft.title.trim() === ''}
              data-testid="survey-save-draft"
            >
              {t('surveys.editor.saveDraft')}
            </Button>
          )}
          <Button
            onClick={() => submit('open')}
            loading={save.isPending && save.variables.status === 'open'}
            disabled={draft.title.trim() === '' || questionCount === 0}
            data-testid="survey-open"
          >
            {survey === null || survey.status === 'draft' ? t('surveys.editor.open') : t('actions.save')}
          </Button>
        </Group>
      </Group>
      {error && <ProblemAlert error={error} title={t('surveys.editor.saveFailed')} />}
      {saved && !error && (
        <Text size="sm" c="green" data-testid="survey-saved">
          {t('surveys.editor.saved')}
        </Text>
      )}

      <Card withBorder radius="md">
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <TextInput
            label={t('surveys.editor.title')}
            required
            maxLength={SURVEY_LIMITS.title}
            value={draft.title}
            onChange={(e) => patch({ title: e.currentTarget.value })}
            error={problemAt(error, t, '/title')}
            data-testid="survey-title"
          />
          <Select
            label={t('surveys.editor.kind')}
            data={SURVEY_KINDS.map((kind) => ({ value: kind, label: t(`surveys.kinds.${kind}`) }))}
            value={draft.kind}
            onChange={(kind) => kind && patch({ kind: kind, passMarkPercent: kind === 'quiz' && draft.passMarkPercent === '' ? 80 : draft.passMarkPercent })}
            allowDeselect={false}
            error={problemAt(error, t, '/kind')}
            data-testid="survey-kind"
          />
          {quiz && (
            <NumberInput
              label={t('surveys.editor.passMark')}
              description={t('surveys.editor.passMarkHint')}
              min={0}
              max={100}
              suffix=" %"
              value={draft.passMarkPercent}
              onChange={(v) => patch({ passMarkPercent: typeof v === 'number' ? v : '' })}
              error={problemAt(error, t, '/pass_mark')}
              data-testid="survey-pass-mark"
            />
          )}
        </SimpleGrid>
        {quiz && (
          <Alert mt="sm" variant="light" color="blue">
            {t('surveys.editor.quizHint')}
          </Alert>
        )}
      </Card>

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="questions" data-testid="survey-tab-questions">
            {t('surveys.editor.questionsTab', { count: questionCount })}
          </Tabs.Tab>
          <Tabs.Tab value="settings" data-testid="survey-tab-settings" color={problemAt(error, t, '/audience', true) ? 'red' : undefined}>
            {t('surveys.editor.settingsTab')}
          </Tabs.Tab>
          <Tabs.Tab value="preview" data-testid="survey-tab-preview">
            {t('surveys.editor.previewTab')}
          </Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="questions" pt="md">
          <Stack gap="lg">
            {problemAt(error, t, '/definition') && (
              <Alert color="red" variant="light">
                {problemAt(error, t, '/definition')}
              </Alert>
            )}
            <Group gap="xs" align="center">
              <Text size="sm">{t('surveys.editor.textsIn')}</Text>
              <SegmentedControl
                size="xs"
                value={textLanguage ?? 'written'}
                onChange={(value) => setTextLanguage(value === 'written' ? null : value)}
                data={[
                  { value: 'written', label: t('surveys.editor.asWritten') },
                  ...TRANSLATION_LANGUAGES.map((language) => ({ value: language, label: t(`surveys.editor.languages.${language}`) })),
                ]}
                data-testid="survey-text-language"
              />
              {textLanguage !== null && (
                <Text size="xs" c="dimmed">
                  {t('surveys.editor.translationHint')}
                </Text>
              )}
            </Group>
            {draft.pages.map((page, pageIndex) => (
              <Stack key={page.uid} gap="xs" data-testid="survey-page">
                <Group align="flex-end" gap="xs">
                  <TextInput
                    style={{ flex: 1 }}
                    label={t('surveys.editor.pageTitle', { n: pageIndex + 1 })}
                    placeholder={t('surveys.editor.pageTitlePlaceholder')}
                    value={page.title}
                    onChange={(e) => patchPage(pageIndex, { title: e.currentTarget.value })}
                  />
                  {draft.pages.length > 1 && (
                    <Button variant="subtle" color="red" onClick={() => patch({ pages: draft.pages.filter((_, i) => i !== pageIndex) })}>
                      {t('surveys.editor.removePage')}
                    </Button>
                  )}
                </Group>
                {problemAt(error, t, `/definition/pages/${pageIndex}`) && (
                  <Text size="sm" c="red">
                    {problemAt(error, t, `/definition/pages/${pageIndex}`)}
                  </Text>
                )}
                {page.questions.map((question, questionIndex) => (
                  <QuestionEditor
                    key={question.uid}
                    question={question}
                    pointer={questionPointer(pageIndex, questionIndex)}
                    quiz={quiz}
                    error={error}
                    onChange={(next) => patchQuestion(pageIndex, questionIndex, next)}
                    onRemove={() => patchPage(pageIndex, { questions: page.questions.filter((_, i) => i !== questionIndex) })}
                    onMove={(by) => moveQuestion(pageIndex, questionIndex, by)}
                    canMoveUp={questionIndex > 0}
                    canMoveDown={questionIndex < page.questions.length - 1}
                    language={textLanguage}
                  />
                ))}
                <Group>
                  <Button
                    variant="light"
                    size="xs"
                    disabled={questionCount >= SURVEY_LIMITS.questions}
                    onClick={() => patchPage(pageIndex, { questions: [...page.questions, newQuestion('radiogroup', freeQuestionName(draft.pages))] })}
                    data-testid="survey-add-question"
                  >
                    {t('surveys.editor.addQuestion')}
                  </Button>
                </Group>
              </Stack>
            ))}
            <Group>
              <Button variant="default" size="xs" onClick={() => patch({ pages: [...draft.pages, newPage(draft.pages.length)] })} data-testid="survey-add-page">
                {t('surveys.editor.addPage')}
              </Button>
            </Group>
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="settings" pt="md">
          <SurveySettings draft={draft} patch={patch} error={error} locked={survey !== null && survey.status !== 'draft'} />
        </Tabs.Panel>

        <Tabs.Panel value="preview" pt="md">
          <Card withBorder radius="md" data-testid="survey-preview">
            <Text size="xs" c="dimmed" mb="xs">
              {t('surveys.editor.previewHint')}
            </Text>
            <LazySurveyJsView definition={definition} locale={i18n.language} />
          </Card>
        </Tabs.Panel>
      </Tabs>
      {/* Complaints from the settings tab show there; name them here too when another tab is open. */}
      {tab !== 'settings' &&
        (problemAt(error, t, '/audience', true) ||
          problemAt(error, t, '/campaign') ||
          problemAt(error, t, '/schedule', true) ||
          problemAt(error, t, '/closes_at')) && (
          <Text size="sm" c="red">
            {t('surveys.editor.settingsHaveProblems')}
          </Text>
        )}
    </Stack>
  );
}
