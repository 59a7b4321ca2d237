// The head of a journey stage column: number and name as a chevron; when editing, rename/move/delete.
import { ActionIcon, Badge, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { JourneyCell } from './journey-cells';

export type JourneyStageHeaderProps = {
  name: string;
  index: number;
  count: number;
  editing: boolean;
  onRename: (name: string) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
};

const CHEVRON = 'polygon(0 0, calc(100% - 14px) 0, 100% 50%, calc(100% - 14px) 100%, 0 100%, 14px 50%)';

export function JourneyStageHeader({ name, index, count, editing, onRename, onMove, onRemove }: JourneyStageHeaderProps) {
  const { t } = useTranslation();
  return (
    <JourneyCell style={{ padding: 4 }} testId="journey-stage">
      <Group
        gap={8}
        wrap="nowrap"
        px={22}
        py={8}
        mih={44}
        style={{ background: 'var(--mantine-color-indigo-6)', color: 'white', clipPath: index === 0 ? CHEVRON.replace('14px 50%', '0 50%') : CHEVRON }}
      >
        <Badge circle size="sm" color="white" c="indigo.7" style={{ flexShrink: 0 }}>
          {index + 1}
        </Badge>
        {editing ? (
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            required
            maxLength={200}
            data-testid="journey-stage-name"
            aria-label={t('journey.stageName', { number: index + 1 })}
            value={name}
            onChange={(e) => onRename(e.currentTarget.value)}
            error={name.trim() === ''}
          />
        ) : (
          <Text fw={700} size="sm" lineClamp={2}>
            {name}
          </Text>
        )}
      </Group>
      {editing && (
        <Stack gap={0} mt={4}>
          <Group gap={4} justify="center">
            <ActionIcon
              size="sm"
              variant="default"
              aria-label={t('journey.moveLeft')}
              disabled={index === 0}
              onClick={() => onMove(-1)}
              data-testid="journey-stage-left"
            >
              ←
            </ActionIcon>
            <ActionIcon
              size="sm"
              variant="default"
              aria-label={t('journey.moveRight')}
              disabled={index === count - 1}
              onClick={() => onMove(1)}
              data-testid="journey-stage-right"
            >
              →
            </ActionIcon>
            <ActionIcon size="sm" variant="light" color="red" aria-label={t('journey.removeStage')} onClick={onRemove} data-testid="journey-stage-remove">
              ✕
            </ActionIcon>
          </Group>
        </Stack>
      )}
    </JourneyCell>
  );
}
