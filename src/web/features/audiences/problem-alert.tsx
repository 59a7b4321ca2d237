// A failed request with the server's explanation and, for a 400, each complaint it listed, all in the
// interface language.
import { Alert, Code, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client';
import { errorMessage } from '../../ui/error-message';
import { fieldProblemText } from '../../ui/field-errors';

export type ProblemAlertProps = {
  error: unknown;
  title?: string;
};

export function ProblemAlert({ error, title }: ProblemAlertProps) {
  const { t } = useTranslation();
  const summary = errorMessage(error, t);
  const details = error instanceof ApiError ? error.problem.errors.map((e) => ({ pointer: e.pointer, text: fieldProblemText(e, t) })) : [];
  // A single complaint that says what the summary says already is not repeated.
  const shown = details.filter((d, i) => d.text !== summary && details.findIndex((o) => o.text === d.text && o.pointer === d.pointer) === i);
  return (
    <Alert color="red" variant="light" title={title ?? t('errors.title')} role="alert" data-testid="problem-alert">
      <Stack gap={4}>
        <Text size="sm">{summary}</Text>
        {shown.length > 0 && (
          <List size="xs" spacing={2}>
            {shown.map((detail) => (
              <List.Item key={`${detail.pointer} ${detail.text}`}>
                {detail.text} {detail.pointer !== '' && <Code>{detail.pointer}</Code>}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Alert>
  );
}
