// Link to a colleague's profile with their job title underneath (used for manager and reports).
import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { PersonRef } from '../../../shared/people';

export function PersonLink({ person }: { person: PersonRef }) {
  return (
    <Stack gap={0}>
      <Anchor component={Link} to={`/people/${person.id}`} size="sm">
        {person.display_name}
      </Anchor>
      {person.job_title && (
        <Text size="xs" c="dimmed">
          {person.job_title}
        </Text>
      )}
    </Stack>
  );
}
