// The employee's content library (ADR 0030): cards with image, summary and tags of what is for them
// to share now, how often they shared each, and the share dialog.
import { useState } from 'react';
import { Badge, Button, Card, Group, Image, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LibraryItem } from '../../../shared/advocacy-sharing';
import { ProblemAlert } from '../audiences/problem-alert';
import { ShareDialog } from './share-dialog';
import { useLibrary } from './sharing-queries';

export function LibraryTab() {
  const { t, i18n } = useTranslation();
  const library = useLibrary();
  const [sharing, setSharing] = useState<LibraryItem | null>(null);
  if (library.isPending) return <Loader />;
  if (library.error) return <ProblemAlert error={library.error} title={t('advocacySharing.library.failed')} />;
  const { items } = library.data;
  if (items.length === 0) return <Text>{t('advocacySharing.library.empty')}</Text>;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {items.map((item) => (
          <Card key={item.id} withBorder radius="md" data-testid="library-item" data-title={item.title}>
            {item.image_url && (
              <Card.Section>
                <Image src={item.image_url} alt="" h={140} fallbackSrc="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" />
              </Card.Section>
            )}
            <Stack gap="xs" mt="sm">
              <Title order={4} size="h5">
                {item.title}
              </Title>
              <Text size="sm" c="dimmed">
                {item.summary}
              </Text>
              <Group gap={4}>
                {item.tags.map((tag) => (
                  <Badge key={tag} variant="light" size="sm">
                    {tag}
                  </Badge>
                ))}
              </Group>
              <Group justify="space-between">
                <Text size="xs" c="dimmed">
                  {item.my_shares > 0 ? t('advocacySharing.library.myShares', { count: item.my_shares }) : ''}
                  {item.expires_at ? ` ${t('advocacySharing.library.until', { date: date.format(new Date(item.expires_at)) })}` : ''}
                </Text>
                <Button size="xs" onClick={() => setSharing(item)} data-testid="library-share">
                  {t('advocacySharing.library.share')}
                </Button>
              </Group>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      {sharing && <ShareDialog item={sharing} onClose={() => setSharing(null)} />}
    </>
  );
}
