// /admin/audit: who did what and when (sign-ins, account and token changes, imports, exports, audience
// changes), newest first, filtered by actor, action and days.
import { useMemo, useState } from 'react';
import { Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, type AuditAction } from '../../../shared/audit';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { formatTimestamp } from '../audiences/format-timestamp';
import { auditDetailText } from './audit-detail';
import { useAuditLog } from './audit-queries';

const TARGET_TYPES = ['user', 'token', 'segment', 'persona', 'skill'] as const;
type TargetType = (typeof TARGET_TYPES)[number];
const isTargetType = (value: string): value is TargetType => (TARGET_TYPES as readonly string[]).includes(value);

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [actorInput, setActorInput] = useState('');
  const [actor] = useDebouncedValue(actorInput, 300);
  const [action, setAction] = useState<AuditAction | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const log = useAuditLog({ actor, action, from, to });
  const items = useMemo(() => (log.data?.pages ?? []).flatMap((page) => page.items), [log.data]);
  const actionLabel = (a: AuditAction) => t(`audit.actions.${a}`);

  return (
    <Stack gap="md" maw={1200}>
      <Stack gap={4}>
        <Title order={2}>{t('audit.title')}</Title>
        <Text c="dimmed">{t('audit.intro')}</Text>
      </Stack>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t('audit.actor')}
          placeholder={t('audit.actorPlaceholder')}
          value={actorInput}
          onChange={(event) => setActorInput(event.currentTarget.value)}
          data-testid="audit-actor"
          miw={240}
        />
        <Select
          label={t('audit.action')}
          placeholder={t('audit.anyAction')}
          data={AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))}
          value={action}
          onChange={(value) => setAction(value)}
          clearable
          searchable
          miw={260}
          data-testid="audit-action"
        />
        <TextInput type="date" label={t('audit.from')} value={from} onChange={(event) => setFrom(event.currentTarget.value)} data-testid="audit-from" />
        <TextInput type="date" label={t('audit.to')} value={to} onChange={(event) => setTo(event.currentTarget.value)} data-testid="audit-to" />
      </Group>
      {log.isPending && <PageLoader />}
      {log.error && <ErrorAlert error={log.error} title={t('audit.failed')} onRetry={() => void log.refetch()} />}
      {log.isSuccess && items.length === 0 && (
        <Text c="dimmed" ta="center" py="xl" data-testid="audit-empty">
          {t('audit.empty')}
        </Text>
      )}
      {items.length > 0 && (
        <Table striped data-testid="audit-table" aria-busy={log.isFetching}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.columns.time')}</Table.Th>
              <Table.Th>{t('audit.columns.actor')}</Table.Th>
              <Table.Th>{t('audit.columns.action')}</Table.Th>
              <Table.Th>{t('audit.columns.target')}</Table.Th>
              <Table.Th>{t('audit.columns.detail')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((entry) => (
              <Table.Tr key={entry.id} data-testid="audit-row" data-action={entry.action}>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatTimestamp(entry.at, i18n.language)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{entry.actor}</Text>
                  {entry.address && (
                    <Text size="xs" c="dimmed">
                      {entry.address}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{actionLabel(entry.action)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {entry.target_type === null
                      ? '—'
                      : `${isTargetType(entry.target_type) ? t(`audit.targets.${entry.target_type}`) : entry.target_type} ${entry.target_id ?? ''}`}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
                    {auditDetailText(entry.detail, t)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {log.hasNextPage && (
        <Button variant="default" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
          {t('directory.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
