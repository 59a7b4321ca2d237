// A label/value pair for read-only detail lists; renders nothing when the value is empty.
import type { ReactNode } from 'react';
import { Group, Text } from '@mantine/core';

export type FieldRowProps = {
  label: string;
  value: ReactNode;
};

export function FieldRow({ label, value }: FieldRowProps) {
  if (value === null || value === undefined || value === '') return null;
  return (
    <Group gap="xs" wrap="nowrap" align="baseline">
      <Text size="sm" c="dimmed" miw={130}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </Group>
  );
}
