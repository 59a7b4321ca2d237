// The dashboard's charts: opens and clicks by week (lines), rates by group (bars), open rate by group ×
// week (a heatmap: Mantine's MatrixChart) and the leaders' participation by week (bars).
import { BarChart, LineChart, MatrixChart, type MatrixChartCell } from '@mantine/charts';
import { Card, Group, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../shared/analytics';
import type { DashboardFormat } from './dashboard-format';
import { Figure } from './hidden-figure';

type ChartProps = { dashboard: Dashboard; format: DashboardFormat };

export function TrendChart({ dashboard, format }: ChartProps) {
  const { t } = useTranslation();
  const data = dashboard.weeks.map((w) => ({ week: format.week(w.week), opens: w.unique_opens, clicks: w.unique_clicks }));
  return (
    <Card withBorder data-testid="dashboard-trend">
      <Title order={4} mb="xs">
        {t('dashboard.trend.title')}
      </Title>
      <LineChart
        h={260}
        data={data}
        dataKey="week"
        withLegend
        valueFormatter={format.number}
        series={[
          { name: 'opens', label: t('dashboard.figures.opens'), color: 'blue.6' },
          { name: 'clicks', label: t('dashboard.figures.clicks'), color: 'teal.6' },
        ]}
      />
    </Card>
  );
}

export function GroupChart({ dashboard, format }: ChartProps) {
  const { t } = useTranslation();
  const shown = dashboard.groups.filter((g) => g.open_rate !== null);
  const data = shown.map((g) => ({
    group: format.group(g.group),
    open_rate: Math.round((g.open_rate ?? 0) * 1000) / 10,
    click_rate: Math.round((g.click_rate ?? 0) * 1000) / 10,
  }));
  return (
    <Card withBorder data-testid="dashboard-groups">
      <Title order={4} mb="xs">
        {t(`dashboard.groups.title.${dashboard.by}`)}
      </Title>
      {data.length > 0 && (
        <BarChart
          h={240}
          data={data}
          dataKey="group"
          withLegend
          unit=" %"
          yAxisProps={{ domain: [0, 100] }}
          series={[
            { name: 'open_rate', label: t('dashboard.figures.openRate'), color: 'blue.6' },
            { name: 'click_rate', label: t('dashboard.figures.clickRate'), color: 'teal.6' },
          ]}
        />
      )}
      <Table mt="sm" striped data-testid="dashboard-groups-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(`dashboard.groups.column.${dashboard.by}`)}</Table.Th>
            <Table.Th ta="right">{t('dashboard.figures.campaigns')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.figures.recipients')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.figures.openRate')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.figures.clickRate')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.figures.acknowledgedRate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {dashboard.groups.map((g) => {
            const hidden = g.recipients === null;
            const cell = (value: number | null, f: (n: number) => string) => <Figure value={value} hidden={hidden} k={dashboard.k} format={f} />;
            return (
              <Table.Tr key={g.group} data-testid="dashboard-group-row" data-group={g.group}>
                <Table.Td>{format.group(g.group)}</Table.Td>
                <Table.Td ta="right">{format.number(g.campaigns)}</Table.Td>
                <Table.Td ta="right">{cell(g.recipients, format.number)}</Table.Td>
                <Table.Td ta="right">{cell(g.open_rate, format.percent)}</Table.Td>
                <Table.Td ta="right">{cell(g.click_rate, format.percent)}</Table.Td>
                <Table.Td ta="right">{cell(g.acknowledged_rate, format.percent)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

export function GroupWeekHeatmap({ dashboard, format }: ChartProps) {
  const { t } = useTranslation();
  const xLabels = dashboard.weeks.map((w) => format.week(w.week));
  const yLabels = dashboard.groups.map((g) => format.group(g.group));
  const hidden = new Set<string>();
  const data: MatrixChartCell[] = dashboard.cells.map((c) => {
    const x = format.week(c.week);
    const y = format.group(c.group);
    if (c.recipients === null) hidden.add(`${x}\u0000${y}`);
    return { x, y, value: c.open_rate === null ? null : Math.round(c.open_rate * 100) };
  });
  const isHidden = (cell: MatrixChartCell) => hidden.has(`${cell.x}\u0000${cell.y}`);
  const label = (cell: MatrixChartCell) => {
    const where = `${cell.y} · ${cell.x}`;
    if (isHidden(cell)) return `${where}: ${t('dashboard.hidden', { k: dashboard.k })} – ${t('dashboard.hiddenExplained', { k: dashboard.k })}`;
    if (cell.value === null) return `${where}: ${t('dashboard.heatmap.none')}`;
    return `${where}: ${t('dashboard.heatmap.cell', { rate: format.percent(cell.value / 100) })}`;
  };
  return (
    <Card withBorder data-testid="dashboard-heatmap">
      <Title order={4} mb="xs">
        {t(`dashboard.heatmap.title.${dashboard.by}`)}
      </Title>
      <ScrollArea type="auto">
        <MatrixChart
          data={data}
          xLabels={xLabels}
          yLabels={yLabels}
          domain={[0, 100]}
          colors={['blue.1', 'blue.3', 'blue.5', 'blue.7', 'blue.9']}
          emptyColor="gray.1"
          cellSize={22}
          gap={2}
          withXLabels
          withYLabels
          yLabelsWidth={150}
          xLabelsHeight={80}
          withLegend
          legendLabels={[t('dashboard.heatmap.less'), t('dashboard.heatmap.more')]}
          withTooltip
          getTooltipLabel={label}
          getCellProps={(cell) => (isHidden(cell) ? { fill: 'var(--mantine-color-gray-5)', 'aria-label': label(cell) } : { 'aria-label': label(cell) })}
        />
      </ScrollArea>
      <Text size="xs" c="dimmed" mt="xs">
        {t('dashboard.heatmap.key', { k: dashboard.k })}
      </Text>
    </Card>
  );
}

export function LeadersPanel({ dashboard, format }: ChartProps) {
  const { t } = useTranslation();
  const l = dashboard.leaders;
  const data = dashboard.weeks
    .filter((w) => w.leaders > 0)
    .map((w) => ({ week: format.week(w.week), participation: Math.round((w.leader_participation ?? 0) * 1000) / 10 }));
  const figures: [string, string][] = [
    [t('dashboard.leaders.leaders'), format.number(l.leaders)],
    [t('dashboard.leaders.briefed'), format.number(l.briefed)],
    [t('dashboard.leaders.released'), format.number(l.released)],
    [t('dashboard.leaders.onTime'), format.number(l.on_time)],
    [t('dashboard.leaders.byDeadline'), format.number(l.by_deadline)],
    [t('dashboard.leaders.participation'), l.participation === null ? '–' : format.percent(l.participation)],
  ];
  return (
    <Card withBorder data-testid="dashboard-leaders">
      <Title order={4} mb="xs">
        {t('dashboard.leaders.title')}
      </Title>
      {l.campaigns === 0 ? (
        <Text c="dimmed">{t('dashboard.leaders.none')}</Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('dashboard.leaders.intro', { count: l.campaigns })}
          </Text>
          <Group gap="xl">
            {figures.map(([name, value]) => (
              <Stack key={name} gap={0}>
                <Text size="xs" c="dimmed">
                  {name}
                </Text>
                <Text fw={600}>{value}</Text>
              </Stack>
            ))}
          </Group>
          <BarChart
            h={200}
            data={data}
            dataKey="week"
            unit=" %"
            yAxisProps={{ domain: [0, 100] }}
            series={[{ name: 'participation', label: t('dashboard.leaders.participation'), color: 'grape.6' }]}
          />
        </Stack>
      )}
    </Card>
  );
}
