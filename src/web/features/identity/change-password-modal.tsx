// "Change password" from the user menu: the current password, the new one twice; the user's other
// sessions end, this one stays.
import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PASSWORD_LIMITS } from '../../../shared/identity';
import { apiRequestNoContent } from '../../app/api-client';
import { useCurrentUser } from '../../app/auth-context';
import { ProblemAlert } from '../audiences/problem-alert';

export type ChangePasswordModalProps = { opened: boolean; onClose: () => void };

export function ChangePasswordModal({ opened, onClose }: ChangePasswordModalProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const change = useMutation({
    mutationFn: () =>
      apiRequestNoContent('/api/v1/auth/me/password', { method: 'POST', json: { current_password: current, new_password: next }, csrfToken: user.csrf_token }),
  });
  const { reset } = change;
  useEffect(() => {
    if (!opened) return;
    setCurrent('');
    setNext('');
    setRepeat('');
    reset();
  }, [opened, reset]);

  const mismatch = repeat !== '' && repeat !== next;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!mismatch) change.mutate();
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('changePassword.title')}>
      {change.isSuccess ? (
        <Stack gap="md">
          <Alert color="teal" variant="light" data-testid="change-password-done">
            {t('changePassword.done')}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('usersAdmin.reset.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit}>
          <Stack gap="md">
            <PasswordInput
              label={t('changePassword.current')}
              value={current}
              onChange={(event) => setCurrent(event.currentTarget.value)}
              autoComplete="current-password"
              required
              data-testid="change-password-current"
            />
            <PasswordInput
              label={t('changePassword.new')}
              description={t('changePassword.hint', { min: PASSWORD_LIMITS.min })}
              value={next}
              onChange={(event) => setNext(event.currentTarget.value)}
              autoComplete="new-password"
              required
              data-testid="change-password-new"
            />
            <PasswordInput
              label={t('changePassword.repeat')}
              value={repeat}
              onChange={(event) => setRepeat(event.currentTarget.value)}
              autoComplete="new-password"
              error={mismatch ? t('changePassword.mismatch') : undefined}
              required
              data-testid="change-password-repeat"
            />
            {change.error && <ProblemAlert error={change.error} title={t('changePassword.failed')} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('actions.cancel')}
              </Button>
              <Button type="submit" loading={change.isPending} disabled={mismatch || next === ''} data-testid="change-password-submit">
                {t('changePassword.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
