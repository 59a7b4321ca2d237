// Resets a user's password: generate one (shown once, to hand over) or set one the admin chose. Either
// way, all of the user's sessions end.
import { useEffect, useState } from 'react';
import { Alert, Button, Code, CopyButton, Group, Modal, PasswordInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PASSWORD_LIMITS, type UserSummary } from '../../../shared/identity';
import { ProblemAlert } from '../audiences/problem-alert';
import { useLastNonNull } from '../expertise/use-last-non-null';
import { useResetPassword } from './users-admin-queries';

export type ResetPasswordModalProps = { user: UserSummary | null; onClose: () => void };

export function ResetPasswordModal({ user: current, onClose }: ResetPasswordModalProps) {
  const { t } = useTranslation();
  const user = useLastNonNull(current);
  const reset = useResetPassword();
  const [mode, setMode] = useState<'generate' | 'choose'>('generate');
  const [password, setPassword] = useState('');
  const { reset: clear } = reset;
  // Each opening starts afresh (the same user may be reset twice in a row).
  useEffect(() => {
    if (current === null) return;
    setMode('generate');
    setPassword('');
    clear();
  }, [current, clear]);

  const submit = () => {
    if (!user) return;
    reset.mutate({ id: user.id, password: mode === 'choose' ? password : undefined });
  };
  const generated = reset.data?.password ?? null;

  return (
    <Modal opened={current !== null} onClose={onClose} title={t('usersAdmin.reset.title', { name: user?.display_name ?? '' })}>
      {reset.isSuccess ? (
        <Stack gap="md" data-testid="reset-password-done">
          {generated ? (
            <>
              <Text size="sm">{t('usersAdmin.reset.generated')}</Text>
              <Group gap="xs">
                <Code fz="md" data-testid="reset-password-generated">
                  {generated}
                </Code>
                <CopyButton value={generated}>
                  {({ copied, copy }) => (
                    <Button size="compact-sm" variant="light" onClick={copy}>
                      {t(copied ? 'usersAdmin.reset.copied' : 'usersAdmin.reset.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </>
          ) : (
            <Text size="sm">{t('usersAdmin.reset.done')}</Text>
          )}
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('usersAdmin.reset.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md">
          <Alert color="yellow" variant="light">
            {t('usersAdmin.reset.intro')}
          </Alert>
          <SegmentedControl
            value={mode}
            onChange={(value) => setMode(value)}
            data={[
              { value: 'generate', label: t('usersAdmin.reset.generate') },
              { value: 'choose', label: t('usersAdmin.reset.choose') },
            ]}
          />
          {mode === 'choose' && (
            <PasswordInput
              label={t('usersAdmin.reset.password')}
              description={t('changePassword.hint', { min: PASSWORD_LIMITS.min })}
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              data-testid="reset-password-input"
            />
          )}
          {reset.error && <ProblemAlert error={reset.error} title={t('usersAdmin.reset.failed')} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button color="red" onClick={submit} loading={reset.isPending} disabled={mode === 'choose' && password === ''} data-testid="reset-password-confirm">
              {t('usersAdmin.reset.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
