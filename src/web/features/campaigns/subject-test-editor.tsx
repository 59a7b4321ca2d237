// A variant's subject test (ADR 0021): whether it tests other subject lines, how many, on what share of
// its e-mail recipients and how long before the winner goes to the rest; and, per language tab, the
// other lines themselves.
import { Group, NumberInput, SegmentedControl, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CAMPAIGN_LIMITS } from '../../../shared/campaigns';
import { newSubjectTest, subjectLinesOf, type SubjectTestDraft } from './campaign-draft';
import { problemAt } from './campaign-problems';

const LINE_COUNTS = Array.from({ length: CAMPAIGN_LIMITS.subjectAlternatives }, (_, i) => String(i + 1));

export type SubjectTestSettingsProps = {
  test: SubjectTestDraft | null;
  onChange: (next: SubjectTestDraft | null) => void;
  /** `/variants/N`: where the server's complaints about this variant start. */
  at: string;
  error: unknown;
  disabled?: boolean;
};

export function SubjectTestSettings({ test, onChange, at, error, disabled }: SubjectTestSettingsProps) {
  const { t } = useTranslation();
  const complaint = [problemAt(error, t, `${at}/subject_test`), problemAt(error, t, `${at}/subject_test/subjects`)].filter(Boolean).join('; ');
  return (
    <Stack gap="xs" data-testid="subject-test">
      <Switch
        label={t('campaigns.subjectTest.enable')}
        description={t('campaigns.subjectTest.enableHint')}
        checked={test !== null}
        onChange={(e) => onChange(e.currentTarget.checked ? newSubjectTest() : null)}
        disabled={disabled}
        error={complaint || undefined}
        data-testid="subject-test-enable"
      />
      {test && (
        <Group align="flex-end" gap="md">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('campaigns.subjectTest.lines')}
            </Text>
            <SegmentedControl
              value={String(test.lines)}
              onChange={(value) => onChange({ ...test, lines: Number(value) })}
              data={LINE_COUNTS}
              disabled={disabled}
              data-testid="subject-test-lines"
            />
          </Stack>
          <NumberInput
            label={t('campaigns.subjectTest.share')}
            description={t('campaigns.subjectTest.shareHint')}
            min={2}
            max={50}
            suffix=" %"
            value={test.sharePercent}
            onChange={(value) => onChange({ ...test, sharePercent: typeof value === 'number' ? value : test.sharePercent })}
            error={problemAt(error, t, `${at}/subject_test/share_percent`)}
            disabled={disabled}
            w={200}
            data-testid="subject-test-share"
          />
          <NumberInput
            label={t('campaigns.subjectTest.decideAfter')}
            description={t('campaigns.subjectTest.decideAfterHint')}
            min={1}
            max={CAMPAIGN_LIMITS.decideAfterHours}
            value={test.decideAfterHours}
            onChange={(value) => onChange({ ...test, decideAfterHours: typeof value === 'number' ? value : test.decideAfterHours })}
            error={problemAt(error, t, `${at}/subject_test/decide_after_hours`)}
            disabled={disabled}
            w={200}
            data-testid="subject-test-hours"
          />
        </Group>
      )}
    </Stack>
  );
}

export type SubjectTestLinesProps = {
  test: SubjectTestDraft;
  language: string;
  onChange: (next: SubjectTestDraft) => void;
  at: string;
  error: unknown;
  disabled?: boolean;
};

/** The other subject lines in one language, under the subject field of that language's tab. */
export function SubjectTestLines({ test, language, onChange, at, error, disabled }: SubjectTestLinesProps) {
  const { t } = useTranslation();
  const lines = subjectLinesOf(test, language);
  const pointer = `${at}/subject_test/subjects/${language}`;
  return (
    <Stack gap={6} data-testid="subject-test-alternatives">
      {problemAt(error, t, pointer) && (
        <Text size="sm" c="red">
          {problemAt(error, t, pointer)}
        </Text>
      )}
      {lines.map((line, i) => (
        <TextInput
          key={i}
          label={t('campaigns.subjectTest.otherLine', { number: i + 2 })}
          maxLength={CAMPAIGN_LIMITS.subject}
          value={line}
          onChange={(e) => {
            const next = [...lines];
            next[i] = e.currentTarget.value;
            onChange({ ...test, subjects: { ...test.subjects, [language]: next } });
          }}
          error={problemAt(error, t, `${pointer}/${i}`)}
          disabled={disabled}
          data-testid={`subject-test-line-${i}`}
        />
      ))}
    </Stack>
  );
}
