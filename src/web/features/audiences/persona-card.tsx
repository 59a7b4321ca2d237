// One persona on the overview: avatar, name, how many people it covers, description and channels.
import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Persona } from '../../../shared/audiences';
import { PersonaAvatar } from './persona-avatar';
import { useRuleLabels } from './rule-labels';

export type PersonaCardProps = {
  persona: Persona;
  /** People the persona's rule matches; undefined while coverage loads. */
  count: number | undefined;
};

export function PersonaCard({ persona, count }: PersonaCardProps) {
  const { t, i18n } = useTranslation();
  const labels = useRuleLabels();

  return (
    <Card withBorder radius="md" padding="md" component="article" data-testid="persona-card">
      <Group wrap="nowrap" align="flex-start" gap="md">
        <PersonaAvatar avatar={persona.avatar} name={persona.name} />
        <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Anchor component={Link} to={`/personas/${persona.id}`} fw={700} lineClamp={1}>
              {persona.name}
            </Anchor>
            <Badge variant="light" color="indigo" tt="none" style={{ flexShrink: 0 }} data-testid="persona-count">
              {count === undefined ? '…' : t('audiences.preview.peopleCount', { count, formatted: new Intl.NumberFormat(i18n.language).format(count) })}
            </Badge>
          </Group>
          {persona.description && (
            <Text size="sm" c="dimmed" lineClamp={3}>
              {persona.description}
            </Text>
          )}
          {persona.preferred_channels.length > 0 && (
            <Group gap={4}>
              {persona.preferred_channels.map((channel) => (
                <Badge key={channel} size="xs" variant="outline" color="gray" tt="none">
                  {labels.channel(channel)}
                </Badge>
              ))}
            </Group>
          )}
          <Anchor component={Link} to={`/personas/${persona.id}/journey`} size="sm">
            {t('personas.journeyLink')}
          </Anchor>
        </Stack>
      </Group>
    </Card>
  );
}
