// Why a survey cannot be answered, read from the server's 409 (or 410) problem: answered already
// (this round, or a quiz passed) or closed. Anything else is an ordinary error.
import { ApiError } from '../../app/api-client';

export type Unavailable = 'answered' | 'closed';

export function unavailableReason(error: unknown): Unavailable | null {
  if (!(error instanceof ApiError) || (error.status !== 409 && error.status !== 410)) return null;
  const code = error.problem.code ?? '';
  if (/closed|not_open|draft/.test(code) || error.status === 410) return 'closed';
  if (/answered|already|duplicate|passed/.test(code)) return 'answered';
  return null;
}
