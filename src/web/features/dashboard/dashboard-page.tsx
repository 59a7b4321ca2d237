// /dashboard — reach and engagement across campaigns for the comms team: a period, a breakdown by
// department or generation, KPI cards, charts, the leaders taking part and the campaigns, with a CSV of
// the same figures. Figures the campaign reports hide (fewer than k people) show as "< k".
import { useState } from 'react';
import { Anchor, Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DASHBOARD_DEFAULT_DAYS, type Dashboard, type DashboardGrouping } from '../../../shared/analytics';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { GroupChart, GroupWeekHeatmap, LeadersPanel, TrendChart } from './dashboard-charts';
import { useDashboardFormat, type DashboardFormat } from './dashboard-format';
import { dashboardCsvUrl, useDashboard } from './dashboard-queries';
import { Figure } from './hidden-figure';

const dateOf = (at: Date) => at.toISOString().slice(0, 10);

function defaultPeriod(): { from: string; to: string } {
  const today = new Date();
  return { from: dateOf(new Date(today.getTime() - (DASHBOARD_DEFAULT_DAYS - 1) * 86_400_000)), to: dateOf(today) };
}

function Kpi({ label, children, testId }: { label: string; children: React.ReactNode; testId: string }) {
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={26} fw={700}>
        {children}
      </Text>
    </Card>
  );
}

function Kpis({ dashboard, format }: { dashboard: Dashboard; format: DashboardFormat }) {
  const { t } = useTranslation();
  const totals = dashboard.totals;
  const figure = (value: number | null, f: (n: number) => string) => <Figure value={value} hidden={false} k={dashboard.k} format={f} />;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
      <Kpi label={t('dashboard.figures.campaigns')} testId="kpi-campaigns">
        {format.number(totals.campaigns)}
      </Kpi>
      <Kpi label={t('dashboard.figures.recipients')} testId="kpi-recipients">
        {figure(totals.recipients, format.number)}
      </Kpi>
      <Kpi label={t('dashboard.figures.openRate')} testId="kpi-open-rate">
        {figure(totals.open_rate, format.percent)}
      </Kpi>
      <Kpi label={t('dashboard.figures.clickRate')} testId="kpi-click-rate">
        {figure(totals.click_rate, format.percent)}
      </Kpi>
      <Kpi label={t('dashboard.figures.acknowledged')} testId="kpi-acknowledged">
        {figure(totals.acknowledged, format.number)}
      </Kpi>
      <Kpi label={t('dashboard.leaders.participation')} testId="kpi-leaders">
        {figure(dashboard.leaders.participation, format.percent)}
      </Kpi>
    </SimpleGrid>
  );
}

function CampaignsTable({ dashboard, format }: { dashboard: Dashboard; format: DashboardFormat }) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="dashboard-campaigns">
      <Title order={4} mb="xs">
        {t('dashboard.campaigns.title')}
      </Title>
      <Table.ScrollContainer minWidth={720}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dashboard.campaigns.name')}</Table.Th>
              <Table.Th>{t('dashboard.campaigns.firstSent')}</Table.Th>
              <Table.Th ta="right">{t('dashboard.figures.recipients')}</Table.Th>
              <Table.Th ta="right">{t('dashboard.figures.openRate')}</Table.Th>
              <Table.Th ta="right">{t('dashboard.figures.clickRate')}</Table.Th>
              <Table.Th ta="right">{t('dashboard.figures.acknowledged')}</Table.Th>
              <Table.Th ta="right">{t('dashboard.leaders.participation')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dashboard.campaigns.map((c) => {
              const hidden = c.recipients === null;
              const cell = (value: number | null, f: (n: number) => string) => <Figure value={value} hidden={hidden} k={dashboard.k} format={f} />;
              return (
                <Table.Tr key={c.id} data-testid="dashboard-campaign-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/campaigns/${c.id}`}>
                      {c.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(c.first_sent_at)}</Table.Td>
                  <Table.Td ta="right">{cell(c.recipients, format.number)}</Table.Td>
                  <Table.Td ta="right">{cell(c.open_rate, format.percent)}</Table.Td>
                  <Table.Td ta="right">{cell(c.click_rate, format.percent)}</Table.Td>
                  <Table.Td ta="right">{cell(c.acknowledged, format.number)}</Table.Td>
                  <Table.Td ta="right">{c.leaders?.participation == null ? '–' : format.percent(c.leaders.participation)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(defaultPeriod);
  const [by, setBy] = useState<DashboardGrouping>('department');
  const params = { ...period, by };
  const dashboard = useDashboard(params);
  const format = useDashboardFormat(by);
  const data = dashboard.data;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={2}>{t('dashboard.title')}</Title>
          <Text c="dimmed">{t('dashboard.intro')}</Text>
        </Stack>
        <Button component="a" href={dashboardCsvUrl(params)} download variant="default" data-testid="dashboard-csv">
          {t('dashboard.downloadCsv')}
        </Button>
      </Group>
      <Group align="flex-end">
        <TextInput
          type="date"
          label={t('dashboard.from')}
          value={period.from}
          max={period.to}
          onChange={(e) => {
            const value = e.currentTarget.value;
            if (value) setPeriod((p) => ({ ...p, from: value }));
          }}
          data-testid="dashboard-from"
        />
        <TextInput
          type="date"
          label={t('dashboard.to')}
          value={period.to}
          min={period.from}
          onChange={(e) => {
            const value = e.currentTarget.value;
            if (value) setPeriod((p) => ({ ...p, to: value }));
          }}
          data-testid="dashboard-to"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('dashboard.by')}
          </Text>
          <SegmentedControl
            value={by}
            onChange={setBy}
            data={[
              { value: 'department', label: t('dashboard.byDepartment') },
              { value: 'generation', label: t('dashboard.byGeneration') },
            ]}
            data-testid="dashboard-by"
          />
        </Stack>
      </Group>
      {dashboard.isPending && <PageLoader />}
      {dashboard.error && <ErrorAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
      {data && (
        <>
          <Kpis dashboard={data} format={format} />
          {data.totals.campaigns_hidden > 0 && (
            <Text size="sm" c="dimmed" data-testid="dashboard-campaigns-hidden">
              {t('dashboard.campaignsHidden', { count: data.totals.campaigns_hidden, k: data.k })}
            </Text>
          )}
          {data.totals.campaigns === 0 ? (
            <Text py="xl" ta="center" c="dimmed" data-testid="dashboard-empty">
              {t('dashboard.empty')}
            </Text>
          ) : (
            <>
              <TrendChart dashboard={data} format={format} />
              <SimpleGrid cols={{ base: 1, lg: 2 }}>
                <GroupChart dashboard={data} format={format} />
                <GroupWeekHeatmap dashboard={data} format={format} />
              </SimpleGrid>
              <LeadersPanel dashboard={data} format={format} />
              <CampaignsTable dashboard={data} format={format} />
            </>
          )}
          {data.computed_at && (
            <Text size="xs" c="dimmed">
              {t('dashboard.computedAt', { at: format.dateTime(data.computed_at) })}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
