// /admin/users: every account with its role and state; admins change roles, disable and enable
// accounts (a disabled user's sessions end at once) and reset passwords.
import { useMemo, useState } from 'react';
import { Alert, Button, Group, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role, type UserSummary } from '../../../shared/identity';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { ProblemAlert } from '../audiences/problem-alert';
import { ResetPasswordModal } from './reset-password-modal';
import { UserRow } from './user-row';
import { useUpdateUser, useUsers, type UserFilters } from './users-admin-queries';

export function UsersAdminPage() {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role | null>(null);
  const [status, setStatus] = useState<UserFilters['status']>('all');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const users = useUsers({ role, status, q });
  const update = useUpdateUser();
  const [resetting, setResetting] = useState<UserSummary | null>(null);
  const [changed, setChanged] = useState<string | null>(null);
  const items = useMemo(() => (users.data?.pages ?? []).flatMap((page) => page.items), [users.data]);

  const change = (user: UserSummary, patch: { role?: Role; disabled?: boolean }) => {
    setChanged(null);
    update.mutate(
      { id: user.id, update: patch },
      {
        onSuccess: (saved) => {
          const name = saved.display_name;
          if (patch.role) setChanged(t('usersAdmin.changedRole', { name, role: t(`roles.${saved.role}`) }));
          else setChanged(t(saved.disabled_at ? 'usersAdmin.disabledDone' : 'usersAdmin.enabledDone', { name }));
        },
      },
    );
  };

  return (
    <Stack gap="md" maw={1100}>
      <Stack gap={4}>
        <Title order={2}>{t('usersAdmin.title')}</Title>
        <Text c="dimmed">{t('usersAdmin.intro')}</Text>
      </Stack>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t('usersAdmin.search')}
          placeholder={t('usersAdmin.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          data-testid="users-search"
          miw={260}
        />
        <Select
          label={t('usersAdmin.role')}
          placeholder={t('usersAdmin.anyRole')}
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={role}
          onChange={(value) => setRole(value)}
          clearable
          data-testid="users-role-filter"
        />
        <SegmentedControl
          value={status}
          onChange={(value) => setStatus(value)}
          data={(['all', 'enabled', 'disabled'] as const).map((s) => ({ value: s, label: t(`usersAdmin.statuses.${s}`) }))}
          data-testid="users-status-filter"
        />
      </Group>
      {changed && (
        <Alert color="teal" variant="light" withCloseButton onClose={() => setChanged(null)} data-testid="users-changed">
          {changed}
        </Alert>
      )}
      {update.error && <ProblemAlert error={update.error} title={t('usersAdmin.updateFailed')} />}
      {users.isPending && <PageLoader />}
      {users.error && <ErrorAlert error={users.error} title={t('usersAdmin.failed')} onRetry={() => void users.refetch()} />}
      {users.isSuccess && items.length === 0 && (
        <Text c="dimmed" ta="center" py="xl">
          {t('usersAdmin.empty')}
        </Text>
      )}
      {items.length > 0 && (
        <Table striped highlightOnHover data-testid="users-table" aria-busy={users.isFetching}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('usersAdmin.columns.user')}</Table.Th>
              <Table.Th>{t('usersAdmin.columns.role')}</Table.Th>
              <Table.Th>{t('usersAdmin.columns.status')}</Table.Th>
              <Table.Th>{t('usersAdmin.columns.lastSignIn')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((user) => (
              <UserRow
                key={user.id}
                user={user}
                busy={update.isPending && update.variables?.id === user.id}
                onRole={(next) => change(user, { role: next })}
                onDisabled={(disabled) => change(user, { disabled })}
                onResetPassword={() => setResetting(user)}
              />
            ))}
          </Table.Tbody>
        </Table>
      )}
      {users.hasNextPage && (
        <Button variant="default" onClick={() => void users.fetchNextPage()} loading={users.isFetchingNextPage}>
          {t('directory.loadMore')}
        </Button>
      )}
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </Stack>
  );
}
