// Shown when a signed-in user opens a screen their role does not include.
import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" py="xl">
      <Title order={2}>{t('forbidden.title')}</Title>
      <Text>{t('forbidden.body')}</Text>
      <Button component={Link} to="/people" variant="light">
        {t('actions.backToPeople')}
      </Button>
    </Stack>
  );
}
