// A layer's channel choice: "as the layer below" (null) or the channels ticked.
import { Checkbox, Group, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel } from '../../../shared/campaigns';

export type ChannelChoiceProps = {
  value: Channel[] | null;
  /** What "inherit" currently means, shown beside the switch. */
  inherited: Channel[];
  onChange: (value: Channel[] | null) => void;
  testId: string;
};

export function ChannelChoice({ value, inherited, onChange, testId }: ChannelChoiceProps) {
  const { t } = useTranslation();
  const names = (channels: Channel[]) => channels.map((c) => t(`preferences.channels.${c}`)).join(', ') || t('preferences.channels.none');
  return (
    <Group gap="md" data-testid={testId}>
      <Switch
        label={t('preferences.inherit', { channels: names(inherited) })}
        checked={value === null}
        onChange={(e) => onChange(e.currentTarget.checked ? null : inherited)}
        data-testid={`${testId}-inherit`}
      />
      {value !== null &&
        CHANNELS.filter((c) => c !== 'chat').map((channel) => (
          <Checkbox
            key={channel}
            label={t(`preferences.channels.${channel}`)}
            checked={value.includes(channel)}
            onChange={(e) => onChange(e.currentTarget.checked ? [...value, channel] : value.filter((c) => c !== channel))}
            data-testid={`${testId}-${channel}`}
          />
        ))}
    </Group>
  );
}
