// A campaign's comment sentiment for communicators (ADR 0028): the figure, the counts and the words
// that drove it; "shown from k people" until enough people commented.
import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert';
import { useSentiment } from './conversation-queries';

export function SentimentPanel({ campaignId }: { campaignId: number }) {
  const { t, i18n } = useTranslation();
  const sentiment = useSentiment(campaignId);
  if (sentiment.error) return <ErrorAlert error={sentiment.error} />;
  const s = sentiment.data;
  if (!s) return null;
  const figure = (label: string, value: number | null, testId: string) => (
    <Stack gap={0} data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value === null ? '—' : value.toLocaleString(i18n.language)}
      </Text>
    </Stack>
  );
  const words = (list: { word: string; count: number }[], color: string) =>
    list.length === 0 ? (
      <Text size="sm" c="dimmed">
        {t('conversation.sentiment.none')}
      </Text>
    ) : (
      <Group gap={4}>
        {list.map((w) => (
          <Badge key={w.word} color={color} variant="light" tt="none">
            {w.word} · {w.count}
          </Badge>
        ))}
      </Group>
    );
  return (
    <Card withBorder radius="md" data-testid="sentiment-panel">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('conversation.sentiment.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('conversation.sentiment.intro')}
        </Text>
        {s.score === null ? (
          <Text size="sm" data-testid="sentiment-too-few">
            {t('conversation.sentiment.tooFew', { k: s.min_group, count: s.comments })}
          </Text>
        ) : (
          <>
            <SimpleGrid cols={{ base: 2, sm: 5 }}>
              {figure(t('conversation.sentiment.score'), s.score, 'sentiment-score')}
              {figure(t('conversation.sentiment.comments'), s.comments, 'sentiment-comments')}
              {figure(t('conversation.sentiment.positive'), s.positive, 'sentiment-positive')}
              {figure(t('conversation.sentiment.neutral'), s.neutral, 'sentiment-neutral')}
              {figure(t('conversation.sentiment.negative'), s.negative, 'sentiment-negative')}
            </SimpleGrid>
            <Text size="sm" fw={600}>
              {t('conversation.sentiment.topPositive')}
            </Text>
            {words(s.top_positive, 'green')}
            <Text size="sm" fw={600}>
              {t('conversation.sentiment.topNegative')}
            </Text>
            {words(s.top_negative, 'red')}
          </>
        )}
      </Stack>
    </Card>
  );
}
