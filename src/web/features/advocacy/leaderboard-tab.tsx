// The leaderboard (ADR 0031): by period, for everyone, my department or my team; withheld below k people;
// my own place always.
import { Alert, Group, Loader, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEADERBOARD_PERIODS, type LeaderboardPeriod } from '../../../shared/advocacy';
import { ErrorAlert } from '../../ui/error-alert';
import { useLeaderboard } from './points-queries';

const SCOPES = ['everyone', 'department', 'team'] as const;
type Scope = (typeof SCOPES)[number];

export function LeaderboardTab() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<LeaderboardPeriod>('month');
  const [scope, setScope] = useState<Scope>('everyone');
  const board = useLeaderboard({ period, ...(scope === 'everyone' ? {} : { mine: scope }) });

  return (
    <Stack data-testid="leaderboard">
      <Group>
        <SegmentedControl
          aria-label={t('advocacyPoints.board.period')}
          value={period}
          onChange={(v) => setPeriod(v)}
          data={LEADERBOARD_PERIODS.map((p) => ({ value: p, label: t(`advocacyPoints.board.${p}`) }))}
          data-testid="leaderboard-period"
        />
        <SegmentedControl
          aria-label={t('advocacyPoints.board.scope')}
          value={scope}
          onChange={(v) => setScope(v)}
          data={SCOPES.map((s) => ({ value: s, label: t(`advocacyPoints.board.${s}`) }))}
          data-testid="leaderboard-scope"
        />
      </Group>
      {board.isPending && <Loader size="sm" />}
      {board.isError && <ErrorAlert error={board.error} onRetry={() => void board.refetch()} />}
      {board.data && (
        <>
          {board.data.me && (
            <Text fw={600} data-testid="leaderboard-me">
              {board.data.me.rank === null
                ? t('advocacyPoints.board.meNoRank', { points: board.data.me.points })
                : t('advocacyPoints.board.me', { rank: board.data.me.rank, points: board.data.me.points })}
            </Text>
          )}
          {board.data.me?.opted_out && <Text size="sm">{t('advocacyPoints.board.optedOut')}</Text>}
          {board.data.hidden ? (
            <Alert color="gray" data-testid="leaderboard-hidden">
              {t('advocacyPoints.board.hidden', { k: board.data.min_group })}
            </Alert>
          ) : board.data.items.length === 0 ? (
            <Text c="dimmed">{t('advocacyPoints.board.empty')}</Text>
          ) : (
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('advocacyPoints.board.rank')}</Table.Th>
                  <Table.Th>{t('advocacyPoints.board.person')}</Table.Th>
                  <Table.Th>{t('advocacyPoints.board.pointsColumn')}</Table.Th>
                  <Table.Th>{t('advocacyPoints.board.levelColumn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {board.data.items.map((i) => (
                  <Table.Tr key={i.person.id} data-testid={`leaderboard-row-${i.person.external_id}`}>
                    <Table.Td>{i.rank}</Table.Td>
                    <Table.Td>
                      {i.person.display_name}
                      {i.person.department && (
                        <Text span size="xs" c="dimmed" ml="xs">
                          {i.person.department}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{i.points}</Table.Td>
                    <Table.Td>{i.level}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Stack>
  );
}
