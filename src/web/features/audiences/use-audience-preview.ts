// Live audience size: asks POST /audiences/preview once the rule (or "as of" date) rests for 400 ms.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDebouncedValue } from '@mantine/hooks';
import { previewResponseSchema, type PreviewResponse, type Rule } from '../../../shared/audiences';
import { apiRequest } from '../../app/api-client';
import { useCurrentUser } from '../../app/auth-context';
import { audienceKeys } from './audience-queries';
import { ruleErrorPointer } from './problem-pointers';
import { firstIncompletePointer, isIsoDate } from './rule-model';

export const PREVIEW_DEBOUNCE_MS = 400;

export type AudiencePreview = {
  /** The last answer; kept on screen while a newer one loads. */
  data: PreviewResponse | undefined;
  /** The numbers shown are older than the rule (still waiting, or loading). */
  updating: boolean;
  /** The first node still missing a value; no preview is asked for until it is filled in. */
  incompletePointer: string | null;
  error: Error | null;
  /** Where in the rule (relative pointer) the server found a problem. */
  errorPointer: string | undefined;
};

export function useAudiencePreview(rule: Rule, asOf = ''): AudiencePreview {
  const user = useCurrentUser();
  const incompletePointer = firstIncompletePointer(rule);
  // The request body doubles as cache key: a string compares by content, so debouncing it is stable.
  const body = incompletePointer === null ? JSON.stringify(isIsoDate(asOf) ? { rule, as_of: asOf } : { rule }) : '';
  const [debounced] = useDebouncedValue(body, PREVIEW_DEBOUNCE_MS);

  const query = useQuery({
    enabled: debounced !== '',
    queryKey: audienceKeys.preview(debounced),
    queryFn: ({ signal }) =>
      apiRequest('/api/v1/audiences/preview', previewResponseSchema, {
        method: 'POST',
        raw: { body: debounced, contentType: 'application/json' },
        csrfToken: user.csrf_token,
        signal,
      }),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });

  return {
    data: query.data,
    updating: (body !== '' && body !== debounced) || query.isFetching,
    incompletePointer,
    error: query.error,
    errorPointer: ruleErrorPointer(query.error),
  };
}
