// Header menu with the signed-in user's name and role, a link to their profile and "Sign out".
import { useState } from 'react';
import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth, useCurrentUser } from './auth-context';
import { initialsOf } from '../ui/initials';
import { ChangePasswordModal } from '../features/identity/change-password-modal';

export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);

  const signOut = async () => {
    setSigningOut(true);
    try {
      await logout();
      await navigate('/login', { replace: true });
    } finally {
      setSigningOut(false);
    }
  };

  return (
    <>
      <Menu position="bottom-end" withArrow>
        <Menu.Target>
          <UnstyledButton aria-label={t('userMenu.label')} data-testid="user-menu">
            <Group gap="xs" wrap="nowrap">
              <Avatar size="sm" radius="xl" color="indigo">
                {initialsOf(user.display_name)}
              </Avatar>
              <Text size="sm" visibleFrom="sm" lh={1.2}>
                {user.display_name}
                <Text span size="xs" c="dimmed" display="block">
                  {t(`roles.${user.role}`)}
                </Text>
              </Text>
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{user.email}</Menu.Label>
          {user.person_id !== null && <Menu.Item onClick={() => void navigate('/me')}>{t('nav.myProfile')}</Menu.Item>}
          <Menu.Item onClick={() => setChangingPassword(true)} data-testid="change-password">
            {t('changePassword.menu')}
          </Menu.Item>
          <Menu.Item color="red" disabled={signingOut} onClick={() => void signOut()} data-testid="sign-out">
            {t('userMenu.signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={changingPassword} onClose={() => setChangingPassword(false)} />
    </>
  );
}
