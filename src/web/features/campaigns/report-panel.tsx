// A sent campaign's report (ADR 0024): who was reached and who understood, as figures, by any
// breakdown (variant, language, channel, generation, department), over time, what each follow-up
// achieved and how many leaders took part; machine opens set apart with the reasons; who still needs
// a reminder, and the reminder. Figures of groups smaller than k come as null and show as "< k".
import { useState } from 'react';
import { Anchor, Badge, Button, Card, Chip, Group, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { LineChart } from '@mantine/charts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { REPORT_DIMENSIONS, campaignReportSchema, type CampaignReport, type ReportDimension } from '../../../shared/analytics';
import { CHANNELS, type Campaign, type Channel } from '../../../shared/campaigns';
import { GENERATIONS, type Generation } from '../../../shared/people';
import { apiRequest } from '../../app/api-client';
import { useCurrentUser } from '../../app/auth-context';
import { ErrorAlert } from '../../ui/error-alert';
import { PageLoader } from '../../ui/page-loader';
import { formatTimestamp } from '../audiences/format-timestamp';
import { campaignPath } from './campaign-queries';
import { MachineEventsPanel } from './machine-events-panel';
import { ReminderSection } from './reminder-section';

/** The rollup job writes every minute; the page asks again as often. */
const REFRESH_MS = 60_000;

const reportKey = (id: number, by: readonly ReportDimension[]) => ['campaigns', 'report', id, by.join(',')] as const;

export function ReportPanel({ campaign }: { campaign: Campaign }) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [by, setBy] = useState<ReportDimension[]>(['variant']);
  const [showMachine, setShowMachine] = useState(false);
  const report = useQuery({
    queryKey: reportKey(campaign.id, by),
    queryFn: ({ signal }) => apiRequest(`${campaignPath(campaign.id)}/report?by=${by.join(',')}`, campaignReportSchema, { signal }),
    refetchInterval: REFRESH_MS,
  });
  const refresh = useMutation({
    mutationFn: () => apiRequest(`${campaignPath(campaign.id)}/report/refresh`, campaignReportSchema, { method: 'POST', csrfToken: user.csrf_token }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['campaigns', 'report', campaign.id] }),
  });
  if (report.error) return <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />;
  if (!report.data) return <PageLoader />;
  const r = report.data;
  const count = (n: number) => n.toLocaleString(i18n.language);
  const percent = (n: number) => n.toLocaleString(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const hidden = (
    <Tooltip label={t('report.hiddenWhy', { k: r.k })} multiline w={260}>
      <Text span c="dimmed" data-testid="report-hidden">
        {t('report.hidden', { k: r.k })}
      </Text>
    </Tooltip>
  );
  const figure = (value: number | null) => (value === null ? hidden : count(value));
  const rate = (value: number | null, of: number | null) => (value === null || of === null || of === 0 ? null : value / of);
  const withRate = (value: number | null, of: number | null) => {
    const share = rate(value, of);
    return value === null ? hidden : share === null ? count(value) : `${count(value)} (${percent(share)})`;
  };

  return (
    <Stack gap="lg" data-testid="campaign-report">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Badge variant="light" data-testid="report-tracking-mode">
              {t(`report.modes.${r.tracking}`)}
            </Badge>
            <Text size="sm" c="dimmed">
              {t(`report.modeExplained.${r.tracking}`)}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" data-testid="report-computed-at">
            {r.computed_at ? t('report.computedAt', { at: formatTimestamp(r.computed_at, i18n.language) }) : t('report.notYet')}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button variant="default" size="xs" loading={refresh.isPending} onClick={() => refresh.mutate()} data-testid="report-refresh">
            {t('report.refresh')}
          </Button>
          <Anchor href={`${campaignPath(campaign.id)}/report.csv?by=${by.join(',')}`} download size="sm" data-testid="report-csv">
            {t('report.csv')}
          </Anchor>
        </Group>
      </Group>
      {refresh.error && <ErrorAlert error={refresh.error} />}

      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} data-testid="report-kpis">
        <Kpi label={t('report.kpi.recipients')} value={figure(r.recipients)} testId="kpi-recipients" />
        <Kpi label={t('report.kpi.delivered')} value={withRate(r.delivered, r.recipients)} testId="kpi-delivered" />
        <Kpi label={t('report.kpi.opens')} value={withRate(r.unique_opens, r.delivered)} testId="kpi-opens" />
        <Kpi label={t('report.kpi.clicks')} value={withRate(r.unique_clicks, r.delivered)} testId="kpi-clicks" />
        {campaign.kind === 'must_read' && <Kpi label={t('report.kpi.acknowledged')} value={withRate(r.acknowledged, r.delivered)} testId="kpi-acknowledged" />}
        {(r.quiz_passed ?? 0) + (r.quiz_failed ?? 0) > 0 && (
          <Kpi label={t('report.kpi.quizPassed')} value={withRate(r.quiz_passed, (r.quiz_passed ?? 0) + (r.quiz_failed ?? 0))} testId="kpi-quiz" />
        )}
        <Kpi
          label={t('report.kpi.medianOpen')}
          value={r.median_time_to_open_seconds === null ? '—' : duration(r.median_time_to_open_seconds, i18n.language)}
          testId="kpi-median"
        />
      </SimpleGrid>

      <Card withBorder data-testid="report-machine">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4} maw={720}>
            <Text fw={600}>{t('report.machine.title')}</Text>
            <Text size="sm" data-testid="report-machine-counts">
              {r.machine_opens === null || r.machine_clicks === null
                ? t('report.hiddenWhy', { k: r.k })
                : t('report.machine.counts', { opens: count(r.machine_opens), clicks: count(r.machine_clicks) })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('report.machine.explained')}
            </Text>
          </Stack>
          <Button variant="subtle" size="xs" onClick={() => setShowMachine((v) => !v)} data-testid="report-machine-toggle">
            {showMachine ? t('report.machine.hide') : t('report.machine.show')}
          </Button>
        </Group>
        {showMachine && (
          <Stack mt="md">
            <MachineEventsPanel campaignId={campaign.id} />
          </Stack>
        )}
      </Card>

      <Stack gap="xs">
        <Title order={4}>{t('report.breakdown.title')}</Title>
        <Group gap="xs">
          <Text size="sm">{t('report.breakdown.by')}</Text>
          <Chip.Group multiple value={by} onChange={(value) => value.length > 0 && setBy(REPORT_DIMENSIONS.filter((d) => value.includes(d)))}>
            {REPORT_DIMENSIONS.map((d) => (
              <Chip key={d} value={d} size="xs" wrapperProps={{ 'data-testid': `report-by-${d}` }}>
                {t(`report.dimensions.${d}`)}
              </Chip>
            ))}
          </Chip.Group>
        </Group>
        <Table.ScrollContainer minWidth={720}>
          <Table striped data-testid="report-breakdown">
            <Table.Thead>
              <Table.Tr>
                {r.breakdown.by.map((d) => (
                  <Table.Th key={d}>{t(`report.dimensions.${d}`)}</Table.Th>
                ))}
                <Table.Th>{t('report.columns.recipients')}</Table.Th>
                <Table.Th>{t('report.columns.opens')}</Table.Th>
                <Table.Th>{t('report.columns.clicks')}</Table.Th>
                <Table.Th>{t('report.columns.acknowledged')}</Table.Th>
                <Table.Th>{t('report.columns.reads')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.breakdown.groups.map((g) => (
                <Table.Tr key={JSON.stringify(g.key)} data-testid="report-group">
                  {r.breakdown.by.map((d) => (
                    <Table.Td key={d}>
                      <DimensionValue dimension={d} value={g.key[d] ?? ''} />
                    </Table.Td>
                  ))}
                  <Table.Td>{figure(g.recipients)}</Table.Td>
                  <Table.Td data-testid="report-group-opens">{withRate(g.unique_opens, g.delivered)}</Table.Td>
                  <Table.Td>{withRate(g.unique_clicks, g.delivered)}</Table.Td>
                  <Table.Td>{withRate(g.acknowledged, g.delivered)}</Table.Td>
                  <Table.Td>
                    {g.reads.read === null
                      ? hidden
                      : t('report.readsLine', { glanced: count(g.reads.glanced ?? 0), skimmed: count(g.reads.skimmed ?? 0), read: count(g.reads.read) })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="xs" c="dimmed">
          {t('report.breakdown.note', { k: r.k })}
        </Text>
      </Stack>

      <Series report={r} />
      <FollowUps report={r} />
      {r.leaders && (
        <Card withBorder data-testid="report-leaders">
          <Text fw={600}>{t('report.leaders.title')}</Text>
          <Text size="sm">
            {t('report.leaders.line', {
              released: count(r.leaders.released),
              onTime: count(r.leaders.on_time),
              leaders: count(r.leaders.leaders),
              share: r.leaders.participation === null ? '—' : percent(r.leaders.participation),
            })}
          </Text>
        </Card>
      )}
      <ReminderSection campaign={campaign} tracking={r.tracking} />
    </Stack>
  );
}

function Kpi({ label, value, testId }: { label: string; value: React.ReactNode; testId: string }) {
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Card>
  );
}

/** A dimension's value as people read it: generations, channels and languages by name, an empty value as "unknown". */
function DimensionValue({ dimension, value }: { dimension: ReportDimension; value: string }) {
  const { t } = useTranslation();
  if (value === '') return t('report.unknown');
  if (dimension === 'generation' && (GENERATIONS as readonly string[]).includes(value)) return t(`generation.${value as Generation}`);
  if (dimension === 'channel' && (CHANNELS as readonly string[]).includes(value)) return t(`channels.${value as Channel}`);
  if (dimension === 'language' && (LANGUAGE_NAMES as readonly string[]).includes(value))
    return t(`report.languages.${value as (typeof LANGUAGE_NAMES)[number]}`);
  return value;
}

const LANGUAGE_NAMES = ['en', 'de', 'nl'] as const;

/** Seconds as the largest sensible unit, in the reader's language. */
function duration(seconds: number, language: string): string {
  const [value, unit] = seconds < 3_600 ? [seconds / 60, 'minute'] : seconds < 172_800 ? [seconds / 3_600, 'hour'] : [seconds / 86_400, 'day'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}

function Series({ report }: { report: CampaignReport }) {
  const { t, i18n } = useTranslation();
  if (report.series.length === 0) return null;
  const data = report.series.map((p) => ({
    at: new Date(p.at).toLocaleString(i18n.language, p.hours === 1 ? { day: 'numeric', month: 'short', hour: '2-digit' } : { day: 'numeric', month: 'short' }),
    opens: p.opens,
    clicks: p.clicks,
  }));
  return (
    <Stack gap="xs" data-testid="report-series">
      <Title order={4}>{t('report.series.title')}</Title>
      <LineChart
        h={220}
        data={data}
        dataKey="at"
        connectNulls={false}
        withLegend
        series={[
          { name: 'opens', label: t('report.series.opens'), color: 'blue.6' },
          { name: 'clicks', label: t('report.series.clicks'), color: 'teal.6' },
        ]}
      />
      <Text size="xs" c="dimmed">
        {t('report.series.note', { k: report.k })}
      </Text>
    </Stack>
  );
}

function FollowUps({ report }: { report: CampaignReport }) {
  const { t, i18n } = useTranslation();
  if (report.follow_ups.length === 0) return null;
  const count = (n: number | null) => (n === null ? t('report.hidden', { k: report.k }) : n.toLocaleString(i18n.language));
  return (
    <Stack gap="xs" data-testid="report-follow-ups">
      <Title order={4}>{t('report.followUps.title')}</Title>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('report.followUps.which')}</Table.Th>
            <Table.Th>{t('report.followUps.sent')}</Table.Th>
            <Table.Th>{t('report.followUps.openedAfter')}</Table.Th>
            <Table.Th>{t('report.followUps.clickedAfter')}</Table.Th>
            <Table.Th>{t('report.followUps.acknowledgedAfter')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.follow_ups.map((f) => (
            <Table.Tr key={f.step} data-testid="report-follow-up">
              <Table.Td>{t('report.followUps.name', { n: f.follow_up + 1, round: f.round + 1 })}</Table.Td>
              <Table.Td>{count(f.sent)}</Table.Td>
              <Table.Td>{count(f.opened_after)}</Table.Td>
              <Table.Td>{count(f.clicked_after)}</Table.Td>
              <Table.Td>{count(f.acknowledged_after)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
