// A red "Delete" button that asks for confirmation in a dialog before it acts.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './problem-alert';

export type ConfirmDeleteButtonProps = {
  /** Dialog title, e.g. "Delete segment “New leaders”?" */
  title: string;
  /** What deleting means, e.g. what else stops working. */
  body: string;
  onConfirm: () => void;
  deleting: boolean;
  error: unknown;
  testId?: string;
};

export function ConfirmDeleteButton({ title, body, onConfirm, deleting, error, testId }: ConfirmDeleteButtonProps) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button color="red" variant="light" onClick={open} data-testid={testId}>
        {t('audiences.common.delete')}
      </Button>
      <Modal opened={opened} onClose={close} title={title}>
        <Stack gap="sm">
          <Text size="sm">{body}</Text>
          {error !== null && <ProblemAlert error={error} title={t('audiences.common.deleteFailed')} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('audiences.common.cancel')}
            </Button>
            <Button color="red" loading={deleting} onClick={onConfirm} data-testid={testId ? `${testId}-confirm` : undefined}>
              {t('audiences.common.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
