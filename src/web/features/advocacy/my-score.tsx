// My influence score and points (ADR 0031, 0032): the score with why it is what it is and what would
// raise it, my level and its progress, badges, recent points (capped ones marked), and taking part.
import { Alert, Badge, Card, Group, Loader, Progress, RingProgress, SimpleGrid, Stack, Switch, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { MILESTONE_BADGES, type MilestoneBadge } from '../../../shared/advocacy-points';
import { ErrorAlert } from '../../ui/error-alert';
import { useAdvocacyMe, useMyPoints, useMyScore, useSetParticipation } from './points-queries';

/** A badge's name and description in the UI language (level badges have no description). */
export function badgeText(t: TFunction, badge: string): { name: string; description: string | undefined } {
  const level = /^level_(\d+)$/u.exec(badge);
  if (level) return { name: t('advocacyPoints.badges.level', { level: Number(level[1]) }), description: undefined };
  if (!(MILESTONE_BADGES as readonly string[]).includes(badge)) return { name: badge, description: undefined };
  const b = badge as MilestoneBadge;
  return { name: t(`advocacyPoints.badges.${b}.name`), description: t(`advocacyPoints.badges.${b}.description`) };
}

export function MyScore() {
  const { t, i18n } = useTranslation();
  const me = useAdvocacyMe();
  const score = useMyScore();
  const points = useMyPoints();
  const participation = useSetParticipation();

  if (me.isPending) return <Loader size="sm" />;
  if (me.isError) return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />;
  const m = me.data;
  const progress = m.level.next_at === null ? 100 : Math.round((100 * (m.points.total - m.level.starts_at)) / (m.level.next_at - m.level.starts_at));

  return (
    <Stack gap="lg" data-testid="my-score">
      <Card withBorder>
        <Stack gap="xs">
          <Switch
            label={t('advocacyPoints.join')}
            description={t('advocacyPoints.joinHint')}
            checked={m.joined}
            disabled={participation.isPending}
            onChange={(e) => participation.mutate({ joined: e.currentTarget.checked })}
            data-testid="advocacy-join"
          />
          {m.joined && (
            <Switch
              label={t('advocacyPoints.optOut')}
              description={t('advocacyPoints.optOutHint')}
              checked={m.leaderboard_opt_out}
              disabled={participation.isPending}
              onChange={(e) => participation.mutate({ leaderboard_opt_out: e.currentTarget.checked })}
              data-testid="advocacy-opt-out"
            />
          )}
          {participation.isError && <ErrorAlert error={participation.error} />}
        </Stack>
      </Card>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={4}>{t('advocacyPoints.score.title')}</Title>
          {score.isPending && <Loader size="sm" />}
          {score.isError && <ErrorAlert error={score.error} />}
          {score.data && (
            <Stack gap="xs">
              <Group>
                <RingProgress
                  size={120}
                  thickness={12}
                  sections={[{ value: score.data.score, color: 'teal' }]}
                  label={
                    <Text ta="center" fw={700} size="xl" data-testid="influence-score">
                      {score.data.score}
                    </Text>
                  }
                />
                <Text size="sm" c="dimmed">
                  {t('advocacyPoints.score.explain', { count: score.data.active_people })}
                </Text>
              </Group>
              <Table>
                <Table.Tbody>
                  {score.data.components.map((c) => (
                    <Table.Tr key={c.key} data-testid={`score-component-${c.key}`}>
                      <Table.Td>
                        <Text size="sm" fw={score.data.weakest === c.key ? 700 : 400}>
                          {t(`advocacyPoints.components.${c.key}.name`)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t(`advocacyPoints.components.${c.key}.description`)}
                        </Text>
                      </Table.Td>
                      <Table.Td w={160}>
                        <Progress value={c.percentile} aria-label={t(`advocacyPoints.components.${c.key}.name`)} />
                        <Text size="xs">{t('advocacyPoints.score.percentile', { value: c.percentile })}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {score.data.weakest && (
                <Text size="sm">{t('advocacyPoints.score.weakest', { component: t(`advocacyPoints.components.${score.data.weakest}.name`) })}</Text>
              )}
              <Stack gap={4}>
                {score.data.suggestions.map((s) => (
                  <Alert key={s} variant="light" color="blue" data-testid={`score-suggestion-${s}`}>
                    {t(`advocacyPoints.suggestions.${s}`)}
                  </Alert>
                ))}
              </Stack>
              <Text size="xs" c="dimmed">
                {t('advocacyPoints.score.history', { scores: score.data.history.map((h) => h.score).join(' → ') })}
              </Text>
            </Stack>
          )}
        </Card>

        <Card withBorder>
          <Stack gap="xs">
            <Title order={4}>{t('advocacyPoints.level.title', { level: m.level.level })}</Title>
            <Text size="sm" data-testid="points-total">
              {t('advocacyPoints.points', { total: m.points.total, week: m.points.week, month: m.points.month })}
            </Text>
            <Progress value={progress} aria-label={t('advocacyPoints.level.progress')} />
            <Text size="xs" c="dimmed">
              {m.level.next_at === null ? t('advocacyPoints.level.top') : t('advocacyPoints.level.next', { points: m.level.next_at - m.points.total })}
            </Text>
            <Title order={5}>{t('advocacyPoints.badges.title')}</Title>
            {m.badges.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('advocacyPoints.badges.none')}
              </Text>
            ) : (
              <Group gap="xs">
                {m.badges.map((b) => (
                  <Badge key={b.badge} variant="light" title={badgeText(t, b.badge).description} data-testid={`badge-${b.badge}`}>
                    {badgeText(t, b.badge).name}
                  </Badge>
                ))}
              </Group>
            )}
            <Title order={5}>{t('advocacyPoints.recent')}</Title>
            {points.data && (
              <Table>
                <Table.Tbody>
                  {points.data.items.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>{t(`advocacyPoints.actions.${p.action}`)}</Table.Td>
                      <Table.Td>
                        {p.points}
                        {p.capped && (
                          <Badge ml="xs" size="xs" color="gray" title={t('advocacyPoints.cappedHint')}>
                            {t('advocacyPoints.capped')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{new Date(p.occurred_at).toLocaleDateString(i18n.language)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
