// "Save as segment": name, key (suggested from the name) and description for the current rule.
import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './problem-alert';
import { fieldErrors } from '../../ui/field-errors';
import { isSegmentKey, keyFromName } from './segment-key';

export type SegmentDetails = { key: string; name: string; description: string | null };

export type SaveSegmentModalProps = {
  opened: boolean;
  onClose: () => void;
  onSubmit: (details: SegmentDetails) => void;
  saving: boolean;
  error: unknown;
};

export function SaveSegmentModal({ opened, onClose, onSubmit, saving, error }: SaveSegmentModalProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [typedKey, setTypedKey] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const key = typedKey ?? keyFromName(name);
  const keyError = key !== '' && !isSegmentKey(key) ? t('audiences.save.keyInvalid') : undefined;
  const errors = fieldErrors(error, t);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (name.trim() === '' || !isSegmentKey(key)) return;
    onSubmit({ key, name: name.trim(), description: description.trim() === '' ? null : description.trim() });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('audiences.save.title')} size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            data-testid="segment-name"
            label={t('audiences.save.name')}
            required
            maxLength={200}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
            data-autofocus
          />
          <TextInput
            data-testid="segment-key"
            label={t('audiences.save.key')}
            description={t('audiences.save.keyHint')}
            required
            maxLength={64}
            value={key}
            onChange={(event) => setTypedKey(event.currentTarget.value)}
            error={keyError ?? errors.key}
          />
          <Textarea
            data-testid="segment-description"
            label={t('audiences.save.description')}
            autosize
            minRows={2}
            maxLength={4000}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={errors.description}
          />
          {error !== null && <ProblemAlert error={error} title={t('audiences.save.failed')} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('audiences.common.cancel')}
            </Button>
            <Button type="submit" data-testid="segment-save" loading={saving} disabled={name.trim() === '' || !isSegmentKey(key)}>
              {t('actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
