// A failed request with the server's explanation and, for a 400, each complaint it listed.
import { Alert, Code, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client';
import { errorMessage } from '../../ui/error-message';

export type ProblemAlertProps = {
  error: unknown;
  title?: string;
};

export function ProblemAlert({ error, title }: ProblemAlertProps) {
  const { t } = useTranslation();
  const summary = errorMessage(error, t);
  const details = error instanceof ApiError ? error.problem.errors.filter((e) => e.message !== summary) : [];
  return (
    <Alert color="red" variant="light" title={title ?? t('errors.title')} role="alert" data-testid="problem-alert">
      <Stack gap={4}>
        <Text size="sm">{summary}</Text>
        {details.length > 0 && (
          <List size="xs" spacing={2}>
            {details.map((detail) => (
              <List.Item key={`${detail.pointer} ${detail.message}`}>
                {detail.message} {detail.pointer !== '' && <Code>{detail.pointer}</Code>}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Alert>
  );
}
