// Touchpoints of one journey stage: channel badges with campaign and note; editable as small rows.
import { Badge, Button, CloseButton, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../../shared/audiences';
import { JourneyCell } from './journey-cells';
import { JOURNEY_LIMITS, type TouchpointDraft } from './journey-draft';
import type { Channel } from './persona-draft';
import { useRuleLabels } from './rule-labels';

export type JourneyTouchpointsCellProps = {
  touchpoints: TouchpointDraft[];
  editing: boolean;
  onChange: (touchpoints: TouchpointDraft[]) => void;
};

export function JourneyTouchpointsCell({ touchpoints, editing, onChange }: JourneyTouchpointsCellProps) {
  const { t } = useTranslation();
  const labels = useRuleLabels();
  const channels = CHANNELS.map((channel) => ({ value: channel, label: labels.channel(channel) }));
  const update = (index: number, patch: Partial<TouchpointDraft>) => onChange(touchpoints.map((tp, i) => (i === index ? { ...tp, ...patch } : tp)));

  if (!editing) {
    return (
      <JourneyCell testId="journey-touchpoints">
        {touchpoints.length === 0 ? (
          <Text size="sm" c="dimmed">
            –
          </Text>
        ) : (
          <Stack gap={6}>
            {touchpoints.map((tp, i) => (
              <Stack key={i} gap={0}>
                <Group gap={6} wrap="nowrap">
                  <Badge size="sm" variant="light" color="cyan" tt="none" style={{ flexShrink: 0 }}>
                    {labels.channel(tp.channel)}
                  </Badge>
                  {tp.campaign && (
                    <Text size="sm" fw={500} truncate="end">
                      {tp.campaign}
                    </Text>
                  )}
                </Group>
                {tp.description && (
                  <Text size="xs" c="dimmed">
                    {tp.description}
                  </Text>
                )}
              </Stack>
            ))}
          </Stack>
        )}
      </JourneyCell>
    );
  }

  return (
    <JourneyCell testId="journey-touchpoints">
      <Stack gap={6}>
        {touchpoints.map((tp, i) => (
          <Paper key={i} withBorder p={4} radius="sm">
            <Stack gap={4}>
              <Group gap={4} wrap="nowrap">
                <Select<Channel>
                  size="xs"
                  style={{ flex: 1 }}
                  aria-label={t('journey.channel')}
                  allowDeselect={false}
                  data={channels}
                  value={tp.channel}
                  onChange={(channel) => {
                    if (channel) update(i, { channel });
                  }}
                />
                <CloseButton size="sm" aria-label={t('journey.removeTouchpoint')} onClick={() => onChange(touchpoints.filter((_, j) => j !== i))} />
              </Group>
              <TextInput
                size="xs"
                maxLength={200}
                placeholder={t('journey.campaign')}
                aria-label={t('journey.campaign')}
                value={tp.campaign}
                onChange={(e) => update(i, { campaign: e.currentTarget.value })}
              />
              <TextInput
                size="xs"
                maxLength={1000}
                placeholder={t('journey.note')}
                aria-label={t('journey.note')}
                value={tp.description}
                onChange={(e) => update(i, { description: e.currentTarget.value })}
              />
            </Stack>
          </Paper>
        ))}
        <Button
          size="compact-xs"
          variant="subtle"
          data-testid="journey-add-touchpoint"
          disabled={touchpoints.length >= JOURNEY_LIMITS.touchpoints}
          onClick={() => onChange([...touchpoints, { channel: 'email', campaign: '', description: '' }])}
        >
          {t('journey.addTouchpoint')}
        </Button>
      </Stack>
    </JourneyCell>
  );
}
