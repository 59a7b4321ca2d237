// The live side of a rule: how many people match, a sample of them, and an optional "as of" date.
import type { ReactNode } from 'react';
import { Anchor, Card, Divider, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PersonCard } from '../../../shared/people';
import { ProblemAlert } from './problem-alert';
import type { AudiencePreview } from './use-audience-preview';
import { useValueLabels } from '../people/use-value-labels';

export type AudiencePreviewPanelProps = {
  preview: AudiencePreview;
  /** Shown with an input when `onAsOfChange` is given. */
  asOf?: string;
  onAsOfChange?: (asOf: string) => void;
  /** Buttons below the count, e.g. "Save as segment". */
  actions?: ReactNode;
};

function SampleRow({ person }: { person: PersonCard }) {
  const labels = useValueLabels();
  const place = [person.department && labels.value('department', person.department), person.location && labels.value('location', person.location)]
    .filter(Boolean)
    .join(' · ');
  return (
    <Stack gap={0} data-testid="audience-sample-person">
      <Anchor component={Link} to={`/people/${person.id}`} size="sm" fw={600}>
        {person.display_name}
      </Anchor>
      {person.job_title && <Text size="xs">{person.job_title}</Text>}
      {place && (
        <Text size="xs" c="dimmed">
          {place}
        </Text>
      )}
    </Stack>
  );
}

export function AudiencePreviewPanel({ preview, asOf, onAsOfChange, actions }: AudiencePreviewPanelProps) {
  const { t, i18n } = useTranslation();
  const count = preview.data?.count;
  const sample = preview.data?.sample ?? [];

  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="sm">
        <Text size="sm" fw={600} c="dimmed">
          {t('audiences.preview.title')}
        </Text>
        <Group gap="xs" align="baseline">
          <Text
            fz={40}
            fw={700}
            lh={1}
            data-testid="audience-count"
            data-count={count ?? ''}
            aria-busy={preview.updating}
            aria-live="polite"
            style={{ opacity: preview.updating ? 0.5 : 1, transition: 'opacity 150ms' }}
          >
            {count === undefined ? '–' : new Intl.NumberFormat(i18n.language).format(count)}
          </Text>
          <Text c="dimmed">{t('audiences.preview.people', { count: count ?? 0 })}</Text>
          {preview.updating && <Loader size="xs" aria-label={t('status.loading')} />}
        </Group>
        {preview.incompletePointer !== null && (
          <Text size="xs" c="orange.8">
            {t('audiences.preview.incomplete')}
          </Text>
        )}
        {preview.error && <ProblemAlert error={preview.error} title={t('audiences.preview.failed')} />}
        {onAsOfChange && (
          <TextInput
            type="date"
            size="xs"
            data-testid="audience-as-of"
            label={t('audiences.preview.asOf')}
            description={t('audiences.preview.asOfHint')}
            value={asOf ?? ''}
            onChange={(event) => onAsOfChange(event.currentTarget.value)}
          />
        )}
        {actions}
        <Divider />
        <Text size="sm" fw={600}>
          {t('audiences.preview.sample')}
        </Text>
        {sample.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('audiences.preview.noSample')}
          </Text>
        ) : (
          <Stack gap="xs" data-testid="audience-sample">
            {sample.map((person) => (
              <SampleRow key={person.id} person={person} />
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
