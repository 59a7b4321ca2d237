// Why a survey cannot be answered, read from the server's 409: answered already this round, a quiz
// passed already, or closed. Anything else is an ordinary error.
import { ApiError } from '../../app/api-client';

export type Unavailable = 'answered' | 'passed' | 'closed';

const BY_CODE: Record<string, Unavailable> = {
  'survey.already_answered': 'answered',
  'survey.quiz_already_passed': 'passed',
  'survey.closed': 'closed',
};

export function unavailableReason(error: unknown): Unavailable | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  return BY_CODE[error.problem.code ?? ''] ?? null;
}
