// Words a reason the server gave for a search hit, an invitation or a mentor suggestion (a code with
// parameters) in the interface language; the server's English `reasons` are for API users.
import type { TFunction } from 'i18next';
import { isReasonCode, type ReasonCodeView } from '../../../shared/expertise';

/**
 * The reason as one line, or null for a code this web app does not know (it is left out).
 * @example reasonText(t, { code: 'contribution', params: { kind: 'answer', title: 'Pivot by month' } }) // 'Hat „Pivot by month“ beantwortet'
 */
export function reasonText(t: TFunction, reason: ReasonCodeView): string | null {
  if (!isReasonCode(reason.code)) return null;
  const context = reason.code === 'contribution' && typeof reason.params.kind === 'string' ? reason.params.kind : undefined;
  return t(`experts.reason.${reason.code}`, { ...reason.params, context });
}

/** Hashtag reasons show as a chip with an optional remark ("endorsed by 2 colleagues"). */
export function hashtagOfReason(t: TFunction, reason: ReasonCodeView): { tag: string; rest: string } | null {
  const tag = reason.params.tag;
  if (typeof tag !== 'string') return null;
  if (reason.code === 'skill') return { tag, rest: '' };
  if (reason.code === 'skill_endorsed') return { tag, rest: t('experts.reason.endorsed', { count: Number(reason.params.count) }) };
  return null;
}
