// The programme's share analytics for communicators (ADR 0030): shares, sharers, unique clicks, earned
// media value, reach by network, top content, departments (fewer than k sharers withheld), adoption
// over time, and the CSV import of engagement figures.
import { useState } from 'react';
import { BarChart, LineChart } from '@mantine/charts';
import { Card, FileButton, Button, Group, List, Loader, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../audiences/problem-alert';
import { useImportEngagement, useShareAnalytics } from './sharing-queries';

const day = (d: Date) => d.toISOString().slice(0, 10);

function Figure({ label, value, hint }: { label: string; value: string | number; hint?: string }) {
  return (
    <Card withBorder radius="md" padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}

function ImportEngagement() {
  const { t } = useTranslation();
  const importing = useImportEngagement();
  return (
    <Stack gap="xs">
      <FileButton onChange={(file) => file && importing.mutate(file)} accept="text/csv,.csv">
        {(props) => (
          <Button variant="default" loading={importing.isPending} {...props}>
            {t('advocacySharing.analytics.import')}
          </Button>
        )}
      </FileButton>
      {importing.data && (
        <Stack gap={2}>
          <Text size="sm">{t('advocacySharing.analytics.imported', { count: importing.data.imported })}</Text>
          <List size="xs">
            {importing.data.problems.map((p) => (
              <List.Item key={`${p.line}-${p.code}`}>{t('advocacySharing.analytics.problemLine', { line: p.line, message: p.message })}</List.Item>
            ))}
          </List>
        </Stack>
      )}
      {importing.error && <ProblemAlert error={importing.error} />}
    </Stack>
  );
}

export function ShareAnalyticsTab() {
  const { t, i18n } = useTranslation();
  const [to, setTo] = useState(() => day(new Date()));
  const [from, setFrom] = useState(() => day(new Date(Date.now() - 89 * 86_400_000)));
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to);
  const analytics = useShareAnalytics(from, to);
  const a = analytics.data;
  const money = a ? new Intl.NumberFormat(i18n.language, { style: 'currency', currency: a.currency }) : null;
  return (
    <Stack data-testid="share-analytics">
      <Group align="flex-end" justify="space-between">
        <Group>
          <TextInput type="date" label={t('advocacySharing.analytics.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
          <TextInput type="date" label={t('advocacySharing.analytics.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        </Group>
        <ImportEngagement />
      </Group>
      {!valid || analytics.isPending ? (
        <Loader />
      ) : analytics.error ? (
        <ProblemAlert error={analytics.error} title={t('advocacySharing.analytics.failed')} />
      ) : (
        a &&
        money && (
          <>
            <SimpleGrid cols={{ base: 2, md: 5 }}>
              <Figure label={t('advocacySharing.analytics.shares')} value={a.shares} />
              <Figure label={t('advocacySharing.analytics.sharers')} value={a.sharers} />
              <Figure label={t('advocacySharing.analytics.uniqueClicks')} value={a.unique_clicks} />
              <Figure label={t('advocacySharing.analytics.machineClicks')} value={a.machine_clicks} />
              <Figure
                label={t('advocacySharing.analytics.emv')}
                value={money.format(a.earned_media_value)}
                hint={t('advocacySharing.analytics.emvHint', { clicks: a.unique_clicks, cost: money.format(a.cost_per_click) })}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Card withBorder radius="md">
                <Title order={4} size="h5" mb="xs">
                  {t('advocacySharing.analytics.byNetwork')}
                </Title>
                <BarChart
                  h={220}
                  data={a.by_network.map((n) => ({ ...n, network: t(`advocacySharing.networks.${n.network}`) }))}
                  dataKey="network"
                  series={[
                    { name: 'shares', label: t('advocacySharing.analytics.shares'), color: 'blue.6' },
                    { name: 'unique_clicks', label: t('advocacySharing.analytics.uniqueClicks'), color: 'teal.6' },
                    { name: 'reactions', label: t('advocacySharing.analytics.reactions'), color: 'grape.6' },
                  ]}
                />
              </Card>
              <Card withBorder radius="md">
                <Title order={4} size="h5" mb="xs">
                  {t('advocacySharing.analytics.adoption')}
                </Title>
                <LineChart
                  h={220}
                  data={a.adoption}
                  dataKey="week"
                  series={[
                    { name: 'participants', label: t('advocacySharing.analytics.participants'), color: 'blue.6' },
                    { name: 'sharers', label: t('advocacySharing.analytics.sharers'), color: 'teal.6' },
                  ]}
                />
              </Card>
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Card withBorder radius="md">
                <Title order={4} size="h5" mb="xs">
                  {t('advocacySharing.analytics.topContent')}
                </Title>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th />
                      <Table.Th>{t('advocacySharing.analytics.shares')}</Table.Th>
                      <Table.Th>{t('advocacySharing.analytics.uniqueClicks')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {a.top_content.map((c) => (
                      <Table.Tr key={c.content_id}>
                        <Table.Td>{c.title}</Table.Td>
                        <Table.Td>{c.shares}</Table.Td>
                        <Table.Td>{c.unique_clicks}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Card>
              <Card withBorder radius="md">
                <Title order={4} size="h5" mb="xs">
                  {t('advocacySharing.analytics.byDepartment')}
                </Title>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('advocacySharing.analytics.department')}</Table.Th>
                      <Table.Th>{t('advocacySharing.analytics.sharers')}</Table.Th>
                      <Table.Th>{t('advocacySharing.analytics.shares')}</Table.Th>
                      <Table.Th>{t('advocacySharing.analytics.uniqueClicks')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {a.by_department.map((d) => (
                      <Table.Tr key={d.department}>
                        <Table.Td>{d.department}</Table.Td>
                        <Table.Td>{d.sharers}</Table.Td>
                        <Table.Td>{d.shares}</Table.Td>
                        <Table.Td>{d.unique_clicks}</Table.Td>
                      </Table.Tr>
                    ))}
                    {a.other_departments.sharers > 0 && (
                      <Table.Tr>
                        <Table.Td>{t('advocacySharing.analytics.other')}</Table.Td>
                        <Table.Td>{a.other_departments.sharers}</Table.Td>
                        <Table.Td>{a.other_departments.shares}</Table.Td>
                        <Table.Td>{a.other_departments.unique_clicks}</Table.Td>
                      </Table.Tr>
                    )}
                  </Table.Tbody>
                </Table>
                <Text size="xs" c="dimmed" mt="xs">
                  {t('advocacySharing.analytics.minGroup', { k: a.min_group })}
                </Text>
              </Card>
            </SimpleGrid>
          </>
        )
      )}
    </Stack>
  );
}
