// On my profile page: whether colleagues can ask me for help now, with an optional note such as
// "back on 3 June". Unavailable people are not invited to help requests and rank last in search.
import { useState } from 'react';
import { Button, Card, Group, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COMMUNITY_LIMITS, type MyAvailability } from '../../../shared/community';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { useMyAvailability, useSetAvailability } from './newcomer-queries';

export function AvailabilityCard() {
  const { t } = useTranslation();
  const current = useMyAvailability();
  // Kept here, not in the form: the form is re-created once the save lands, its "Saved." should stay.
  const save = useSetAvailability();
  return (
    <Card withBorder radius="md" data-testid="availability-card">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('availability.title')}
        </Title>
        {current.error && <ErrorAlert error={current.error} onRetry={() => void current.refetch()} />}
        {current.isPending && <PageLoader />}
        {/* A fresh form per saved answer, so "unsaved" compares against what the server kept. */}
        {current.data && <AvailabilityForm key={current.dataUpdatedAt} saved={current.data} save={save} />}
      </Stack>
    </Card>
  );
}

type AvailabilityFormProps = { saved: MyAvailability; save: ReturnType<typeof useSetAvailability> };

function AvailabilityForm({ saved, save }: AvailabilityFormProps) {
  const { t } = useTranslation();
  const [available, setAvailable] = useState(saved.available);
  const [note, setNote] = useState(saved.note ?? '');
  const dirty = available !== saved.available || note.trim() !== (saved.note ?? '');

  return (
    <Stack gap="sm">
      <Switch
        data-testid="availability-switch"
        checked={available}
        onChange={(event) => setAvailable(event.currentTarget.checked)}
        label={available ? t('availability.available') : t('availability.unavailable')}
        description={t('availability.hint')}
      />
      <TextInput
        data-testid="availability-note"
        label={t('availability.note')}
        placeholder={t('availability.notePlaceholder')}
        maxLength={COMMUNITY_LIMITS.availabilityNote}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
      />
      {save.error !== null && <ErrorAlert error={save.error} title={t('availability.failed')} />}
      <Group justify="space-between">
        <Text size="xs" c="dimmed" role="status">
          {save.isSuccess && !dirty ? t('availability.saved') : ''}
        </Text>
        <Button
          data-testid="availability-save"
          size="xs"
          disabled={!dirty}
          loading={save.isPending}
          onClick={() => save.mutate({ available, note: note.trim() === '' ? null : note.trim() })}
        >
          {t('actions.save')}
        </Button>
      </Group>
    </Stack>
  );
}
