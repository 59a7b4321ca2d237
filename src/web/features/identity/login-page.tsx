// Sign-in screen: e-mail and password, the server's error message, and the language switcher.
import { useState, type FormEvent } from 'react';
import { Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth-context';
import { ErrorAlert } from '../../ui/error-alert';
import { LanguageSwitcher } from '../../ui/language-switcher';
import { PageLoader } from '../../ui/page-loader';
import { safeNextPath } from './safe-next-path';

export function LoginPage() {
  const { t } = useTranslation();
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: login,
    onSuccess: () => navigate(next, { replace: true }),
  });

  if (user === undefined && !signIn.isPending) return <PageLoader />;
  if (user && !signIn.isPending) return <Navigate to={next} replace />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    signIn.mutate({ email: email.trim(), password });
  };

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={400}>
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <div>
              <Title order={1} size="h2">
                Resonance
              </Title>
              <Text c="dimmed" size="sm">
                {t('login.subtitle')}
              </Text>
            </div>
            <LanguageSwitcher />
          </Group>
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <TextInput
                data-testid="login-email"
                label={t('login.email')}
                type="email"
                autoComplete="username"
                required
                autoFocus
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
              />
              <PasswordInput
                data-testid="login-password"
                label={t('login.password')}
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
              />
              {signIn.error && <ErrorAlert error={signIn.error} title={t('login.failed')} />}
              <Button data-testid="login-submit" type="submit" loading={signIn.isPending} disabled={email.trim() === '' || password === ''} fullWidth>
                {t('login.submit')}
              </Button>
            </Stack>
          </form>
        </Stack>
      </Paper>
    </Center>
  );
}
