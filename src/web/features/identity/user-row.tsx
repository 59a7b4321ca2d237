// One account in the admin list: name and e-mail, a role picker, its state, last sign-in, and the
// disable/enable and reset-password actions.
import { Badge, Button, Group, Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role, type UserSummary } from '../../../shared/identity';
import { useCurrentUser } from '../../app/auth-context';
import { formatTimestamp } from '../audiences/format-timestamp';

export type UserRowProps = {
  user: UserSummary;
  busy: boolean;
  onRole: (role: Role) => void;
  onDisabled: (disabled: boolean) => void;
  onResetPassword: () => void;
};

export function UserRow({ user, busy, onRole, onDisabled, onResetPassword }: UserRowProps) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const disabled = user.disabled_at !== null;
  const testId = `user-row-${user.email}`;
  return (
    <Table.Tr data-testid={testId}>
      <Table.Td>
        <Text fw={500}>
          {user.display_name}
          {user.id === me.id && (
            <Text span size="xs" c="dimmed" ml={6}>
              {t('usersAdmin.you')}
            </Text>
          )}
        </Text>
        <Text size="xs" c="dimmed">
          {user.email}
        </Text>
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={t('usersAdmin.columns.role')}
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={user.role}
          onChange={(value) => value && value !== user.role && onRole(value)}
          allowDeselect={false}
          disabled={busy}
          size="xs"
          w={160}
          data-testid={`${testId}-role`}
        />
      </Table.Td>
      <Table.Td>
        <Badge color={disabled ? 'red' : 'teal'} variant="light" data-testid={`${testId}-status`}>
          {t(disabled ? 'usersAdmin.disabled' : 'usersAdmin.enabled')}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{user.last_login_at ? formatTimestamp(user.last_login_at, i18n.language) : t('usersAdmin.never')}</Text>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          <Button size="compact-sm" variant="light" onClick={onResetPassword} data-testid={`${testId}-reset`}>
            {t('usersAdmin.resetPassword')}
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            color={disabled ? 'teal' : 'red'}
            loading={busy}
            onClick={() => onDisabled(!disabled)}
            data-testid={`${testId}-toggle`}
          >
            {t(disabled ? 'usersAdmin.enable' : 'usersAdmin.disable')}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
