// Centred spinner for a screen whose data is still loading.
import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-label={t('status.loading')}>
      <Loader size="md" />
    </Center>
  );
}
