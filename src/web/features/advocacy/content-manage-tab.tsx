// The communicator's content library (ADR 0030): every item with its state and shares, newest first;
// create, edit and archive (links already shared keep working).
import { useState } from 'react';
import { Badge, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContentView } from '../../../shared/advocacy-sharing';
import { ProblemAlert } from '../audiences/problem-alert';
import { ContentForm } from './content-form';
import { useArchiveContent, useContentList } from './sharing-queries';

const STATUS_COLOR = { live: 'green', expired: 'gray', archived: 'dark' } as const;

export function ContentManageTab() {
  const { t, i18n } = useTranslation();
  const list = useContentList();
  const archive = useArchiveContent();
  const [editing, setEditing] = useState<ContentView | 'new' | null>(null);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack>
      <Group justify="flex-end">
        <Button onClick={() => setEditing('new')} data-testid="content-new">
          {t('advocacySharing.manage.new')}
        </Button>
      </Group>
      {list.isPending && <Loader />}
      {list.error && <ProblemAlert error={list.error} />}
      {archive.error && <ProblemAlert error={archive.error} />}
      {list.isSuccess && items.length === 0 && <Text>{t('advocacySharing.manage.empty')}</Text>}
      {items.length > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('advocacySharing.manage.title')}</Table.Th>
              <Table.Th>{t('advocacySharing.manage.status')}</Table.Th>
              <Table.Th>{t('advocacySharing.manage.shares')}</Table.Th>
              <Table.Th>{t('advocacySharing.manage.expires')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id} data-testid="content-row">
                <Table.Td>{item.title}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[item.status]} variant="light">
                    {t(`advocacySharing.manage.status_${item.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{item.shares}</Table.Td>
                <Table.Td>{item.expires_at ? date.format(new Date(item.expires_at)) : ''}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end">
                    <Button size="xs" variant="default" onClick={() => setEditing(item)}>
                      {t('advocacySharing.manage.edit')}
                    </Button>
                    {item.status !== 'archived' && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => window.confirm(t('advocacySharing.manage.archiveConfirm')) && archive.mutate(item.id)}
                      >
                        {t('advocacySharing.manage.archive')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {list.hasNextPage && (
        <Button variant="subtle" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('advocacySharing.manage.more')}
        </Button>
      )}
      {editing && <ContentForm item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
