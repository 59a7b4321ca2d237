// Turns any thrown value into one sentence for the user in the interface language: the translated
// message code of the server's problem, else a translated text by status. Never the server's English.
import type { TFunction } from 'i18next';
import { ApiError } from '../app/api-client';
import { problemText } from './problem-text';

export function errorMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.generic');
  if (error.kind === 'network') return t('errors.network');
  if (error.kind === 'contract') return t('errors.unexpectedResponse');
  return problemText(t, error.problem.code, error.problem.params) ?? statusMessage(error.status, t);
}

/** What a status means when the server named no code this web app knows (an older or newer server). */
export function statusMessage(status: number, t: TFunction): string {
  if (status === 400 || status === 422) return t('errors.invalidInput');
  if (status === 401) return t('errors.unauthenticated');
  if (status === 403) return t('errors.forbidden');
  if (status === 404) return t('errors.notFound');
  if (status === 409) return t('errors.conflict');
  if (status === 413) return t('errors.tooLarge');
  if (status === 415) return t('errors.unsupportedMediaType');
  if (status === 429) return t('errors.rateLimited');
  if (status >= 500) return t('errors.server');
  return t('errors.generic');
}
