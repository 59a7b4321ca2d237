// The results page's parts: one card per question (counts as bars, a mean or eNPS, free-text answers
// listed, a quiz's right answers), the breakdown by a chosen segment key, and the trend across rounds.
import { BarChart, LineChart } from '@mantine/charts';
import { Badge, Card, Group, List, ScrollArea, Select, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QuestionResult, SegmentKey, SurveyResults } from '../../../shared/dialogue';
import { HiddenGroup } from './hidden-group';
import { questionSummary, type ResultsFormat } from './results-format';
import { segmentKeyLabel, segmentValueLabel } from './segment-labels';
import type { QuestionDraft } from './survey-draft';

type QuestionCardProps = { question: QuestionDraft | undefined; name: string; result: QuestionResult; k: number; format: ResultsFormat };

/** Counts in the order of the question's choices or scale when known, else as they came. */
function orderedCounts(question: QuestionDraft | undefined, counts: Record<string, number>): [string, number][] {
  let order: string[] = [];
  if (question?.type === 'rating') order = Array.from({ length: question.rateMax - question.rateMin + 1 }, (_, i) => String(question.rateMin + i));
  else if (question?.type === 'boolean') order = ['true', 'false'];
  else if (question) order = question.choices;
  const known = order.map((value): [string, number] => [value, counts[value] ?? 0]);
  const rest = Object.entries(counts).filter(([value]) => !order.includes(value));
  return [...known, ...rest];
}

export function QuestionCard({ question, name, result, k, format }: QuestionCardProps) {
  const { t } = useTranslation();
  const title = question?.title || name;
  return (
    <Card withBorder radius="md" data-testid="survey-question-result" data-name={name}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <Title order={4} size="h5">
          {title}
        </Title>
        {result.type === 'rating' && result.mean !== null && <Badge variant="light">{t('surveys.results.mean', { mean: format.decimal(result.mean) })}</Badge>}
        {result.type === 'nps' && result.enps !== null && <Badge variant="light">{t('surveys.results.enpsValue', { enps: format.enps(result.enps) })}</Badge>}
      </Group>
      {'counts' in result &&
        (result.counts === null ? (
          <HiddenGroup k={k} />
        ) : (
          <BarChart
            h={200}
            data={orderedCounts(question, result.counts).map(([value, count]) => ({ answer: format.answer(value), count }))}
            dataKey="answer"
            valueFormatter={format.number}
            yAxisProps={{ allowDecimals: false }}
            series={[{ name: 'count', label: t('surveys.results.answers'), color: result.type === 'nps' ? 'teal.6' : 'blue.6' }]}
          />
        ))}
      {result.type === 'text' &&
        (result.answers === null ? (
          <HiddenGroup k={k} />
        ) : result.answers.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('surveys.results.noTextAnswers')}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={280}>
            <List size="sm" spacing={4} data-testid="survey-text-answers">
              {result.answers.map((answer, i) => (
                <List.Item key={i}>{answer}</List.Item>
              ))}
            </List>
          </ScrollArea.Autosize>
        ))}
      {result.type === 'quiz' &&
        (result.correct === null ? (
          <HiddenGroup k={k} />
        ) : (
          <Text size="sm">{t('surveys.results.quizFigures', { correct: format.number(result.correct), passed: format.number(result.passed ?? 0) })}</Text>
        ))}
    </Card>
  );
}

type SegmentTableProps = {
  results: SurveyResults;
  keys: SegmentKey[];
  segmentKey: SegmentKey | null;
  onKeyChange: (key: SegmentKey) => void;
  questions: QuestionDraft[];
  format: ResultsFormat;
};

export function SegmentBreakdown({ results, keys, segmentKey, onKeyChange, questions, format }: SegmentTableProps) {
  const { t, i18n } = useTranslation();
  const rows = results.by_segment.filter((row) => row.key === segmentKey);
  const names = questions.map((q) => q.name).filter((name) => results.questions[name] && results.questions[name].type !== 'text');
  const titleOf = (name: string) => questions.find((q) => q.name === name)?.title || name;
  const withEnps = rows.some((row) => row.enps !== undefined);
  return (
    <Card withBorder radius="md" data-testid="survey-segments">
      <Group justify="space-between" mb="xs">
        <Title order={4} size="h5">
          {t('surveys.results.bySegment')}
        </Title>
        <Select
          w={240}
          aria-label={t('surveys.results.segmentKey')}
          data={keys.map((key) => ({ value: key, label: segmentKeyLabel(t, key) }))}
          value={segmentKey}
          onChange={(key) => key && onKeyChange(key)}
          allowDeselect={false}
          data-testid="survey-segment-key"
        />
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('surveys.results.noSegments')}
        </Text>
      ) : (
        <ScrollArea>
          <Table striped data-testid="survey-segment-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{segmentKey ? segmentKeyLabel(t, segmentKey) : ''}</Table.Th>
                <Table.Th ta="right">{t('surveys.results.responses')}</Table.Th>
                {withEnps && <Table.Th ta="right">{t('surveys.results.enps')}</Table.Th>}
                {names.map((name) => (
                  <Table.Th key={name} ta="right">
                    {titleOf(name)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const hidden = row.responses === null;
                return (
                  <Table.Tr key={`${row.key}:${row.value ?? ''}`} data-testid="survey-segment-row" data-value={row.value ?? ''} data-hidden={String(hidden)}>
                    <Table.Td>{segmentValueLabel(t, row.key, row.value, i18n.language)}</Table.Td>
                    {hidden ? (
                      <Table.Td ta="right" colSpan={1 + (withEnps ? 1 : 0) + names.length}>
                        <HiddenGroup k={results.k} />
                      </Table.Td>
                    ) : (
                      <>
                        <Table.Td ta="right">{format.number(row.responses ?? 0)}</Table.Td>
                        {withEnps && <Table.Td ta="right">{row.enps === null || row.enps === undefined ? '–' : format.enps(row.enps)}</Table.Td>}
                        {names.map((name) => {
                          const result = row.questions?.[name];
                          const summary = result ? questionSummary(result, format) : null;
                          return (
                            <Table.Td key={name} ta="right">
                              {summary ?? '–'}
                            </Table.Td>
                          );
                        })}
                      </>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </Card>
  );
}

export function TrendChart({ results, format }: { results: SurveyResults; format: ResultsFormat }) {
  const { t } = useTranslation();
  const withEnps = results.trend.some((r) => r.enps !== null);
  const data = results.trend.map((r) => ({
    round: t('surveys.results.roundLabel', { round: r.round, date: format.date(r.opens_at) }),
    responses: r.responses,
    value: withEnps ? r.enps : r.mean,
  }));
  return (
    <Card withBorder radius="md" data-testid="survey-trend">
      <Title order={4} size="h5" mb="xs">
        {t('surveys.results.trend')}
      </Title>
      <LineChart
        h={240}
        data={data}
        dataKey="round"
        withLegend
        connectNulls={false}
        series={[
          { name: 'responses', label: t('surveys.results.responses'), color: 'blue.6' },
          { name: 'value', label: withEnps ? t('surveys.results.enps') : t('surveys.results.meanLabel'), color: 'teal.6' },
        ]}
      />
    </Card>
  );
}
