// A titled block on the profile page; hidden entirely when it has nothing to show.
import type { ReactNode } from 'react';
import { Stack, Title } from '@mantine/core';

export type ProfileSectionProps = {
  title: string;
  empty: boolean;
  children: ReactNode;
};

export function ProfileSection({ title, empty, children }: ProfileSectionProps) {
  if (empty) return null;
  return (
    <Stack gap={6} component="section">
      <Title order={3} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}
