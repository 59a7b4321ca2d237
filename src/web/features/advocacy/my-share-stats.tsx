// The employee's own share figures (ADR 0030): shares and how many in their own words, unique outside
// clicks (machine clicks filtered out and counted apart), reported reactions and comments, by network,
// content and week, and a form to report what a network shows them.
import { useState } from 'react';
import { BarChart } from '@mantine/charts';
import { Button, Card, Group, Loader, NumberInput, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MyShareStats as Stats } from '../../../shared/advocacy-sharing';
import { ProblemAlert } from '../audiences/problem-alert';
import { useMyShareStats, useReportEngagement } from './sharing-queries';

function Figure({ label, value, testId }: { label: string; value: string | number; testId: string }) {
  return (
    <Card withBorder radius="md" padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}

function ReportEngagement({ stats }: { stats: Stats }) {
  const { t } = useTranslation();
  const links = stats.by_content.flatMap((c) => c.links.map((l) => ({ value: l.code, label: `${c.title} · ${t(`advocacySharing.networks.${l.network}`)}` })));
  const [code, setCode] = useState<string | null>(links[0]?.value ?? null);
  const [figures, setFigures] = useState({ reactions: 0, comments: 0, reshares: 0 });
  const report = useReportEngagement();
  const set = (key: keyof typeof figures) => (value: string | number) => setFigures((f) => ({ ...f, [key]: Number(value) || 0 }));
  return (
    <Card withBorder radius="md">
      <Stack gap="xs">
        <Title order={4} size="h5">
          {t('advocacySharing.stats.report')}
        </Title>
        <Group align="flex-end">
          <Select data={links} value={code} onChange={setCode} label={t('advocacySharing.stats.content')} allowDeselect={false} w={320} />
          <NumberInput label={t('advocacySharing.stats.reactions')} min={0} max={1000000} value={figures.reactions} onChange={set('reactions')} w={120} />
          <NumberInput label={t('advocacySharing.stats.comments')} min={0} max={1000000} value={figures.comments} onChange={set('comments')} w={120} />
          <NumberInput label={t('advocacySharing.stats.reshares')} min={0} max={1000000} value={figures.reshares} onChange={set('reshares')} w={120} />
          <Button disabled={!code} loading={report.isPending} onClick={() => code && report.mutate({ code, ...figures })}>
            {t('advocacySharing.manage.save')}
          </Button>
        </Group>
        {report.isSuccess && <Text size="sm">{t('advocacySharing.stats.reported')}</Text>}
        {report.error && <ProblemAlert error={report.error} />}
      </Stack>
    </Card>
  );
}

export function MyShareStats() {
  const { t, i18n } = useTranslation();
  const stats = useMyShareStats();
  if (stats.isPending) return <Loader />;
  if (stats.error) return <ProblemAlert error={stats.error} title={t('advocacySharing.stats.failed')} />;
  const s = stats.data;
  const percent = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return (
    <Stack data-testid="my-share-stats">
      <Title order={3}>{t('advocacySharing.stats.title')}</Title>
      {s.shares === 0 && <Text>{t('advocacySharing.stats.empty')}</Text>}
      <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }}>
        <Figure label={t('advocacySharing.stats.shares')} value={s.shares} testId="stats-shares" />
        <Figure
          label={t('advocacySharing.stats.adapted')}
          value={s.adapted_percent === null ? '–' : `${percent.format(s.adapted_percent)} %`}
          testId="stats-adapted"
        />
        <Figure label={t('advocacySharing.stats.uniqueClicks')} value={s.unique_clicks} testId="stats-unique-clicks" />
        <Figure label={t('advocacySharing.stats.machineClicks')} value={s.machine_clicks} testId="stats-machine-clicks" />
        <Figure label={t('advocacySharing.stats.reactions')} value={s.reactions} testId="stats-reactions" />
        <Figure label={t('advocacySharing.stats.comments')} value={s.comments} testId="stats-comments" />
      </SimpleGrid>
      {s.by_week.length > 0 && (
        <Card withBorder radius="md">
          <Title order={4} size="h5" mb="xs">
            {t('advocacySharing.stats.byWeek')}
          </Title>
          <BarChart
            h={200}
            data={s.by_week}
            dataKey="week"
            series={[
              { name: 'shares', label: t('advocacySharing.stats.shares'), color: 'blue.6' },
              { name: 'unique_clicks', label: t('advocacySharing.stats.uniqueClicks'), color: 'teal.6' },
            ]}
          />
        </Card>
      )}
      {s.by_content.length > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('advocacySharing.stats.content')}</Table.Th>
              <Table.Th>{t('advocacySharing.stats.network')}</Table.Th>
              <Table.Th>{t('advocacySharing.stats.shares')}</Table.Th>
              <Table.Th>{t('advocacySharing.stats.uniqueClicks')}</Table.Th>
              <Table.Th>{t('advocacySharing.stats.reactions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.by_content.map((c) => (
              <Table.Tr key={c.content_id}>
                <Table.Td>{c.title}</Table.Td>
                <Table.Td>{c.links.map((l) => t(`advocacySharing.networks.${l.network}`)).join(', ')}</Table.Td>
                <Table.Td>{c.shares}</Table.Td>
                <Table.Td>{c.unique_clicks}</Table.Td>
                <Table.Td>{c.reactions}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {s.by_content.length > 0 && <ReportEngagement stats={s} />}
    </Stack>
  );
}
