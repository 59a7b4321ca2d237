// Turns any thrown value into one sentence for the user, preferring the server's problem `detail`.
import type { TFunction } from 'i18next';
import { ApiError } from '../app/api-client';

export function errorMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.generic');
  if (error.kind === 'network') return t('errors.network');
  if (error.kind === 'contract') return t('errors.unexpectedResponse');
  if (error.problem.detail) return error.problem.detail;
  if (error.status === 403) return t('errors.forbidden');
  if (error.status === 404) return t('errors.notFound');
  return t('errors.generic');
}
