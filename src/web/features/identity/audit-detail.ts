// An audit entry's detail in the interface language: known keys get their label, roles, reasons and
// yes/no their words; anything else (names, e-mails, numbers) is shown as recorded.
import type { TFunction } from 'i18next';
import { ROLES, type Role } from '../../../shared/identity';
import type { AuditEntry } from '../../../shared/audit';

const DETAIL_KEYS = [
  'email',
  'name',
  'role',
  'from',
  'to',
  'reason',
  'known_browser',
  'sessions_ended',
  'generated',
  'expires_at',
  'format',
  'bytes',
  'file',
  'into',
  'profiles_rewritten',
  'endorsements_rewritten',
  'field',
  'value',
] as const;
type DetailKey = (typeof DETAIL_KEYS)[number];
const REASONS = ['unknown_email', 'wrong_password', 'disabled'] as const;
type Reason = (typeof REASONS)[number];

const isDetailKey = (key: string): key is DetailKey => (DETAIL_KEYS as readonly string[]).includes(key);
const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);
const isReason = (value: unknown): value is Reason => typeof value === 'string' && (REASONS as readonly string[]).includes(value);

function valueText(key: string, value: unknown, t: TFunction): string {
  if (typeof value === 'boolean') return t(value ? 'audit.yes' : 'audit.no');
  if ((key === 'role' || key === 'from' || key === 'to') && isRole(value)) return t(`roles.${value}`);
  if (key === 'reason' && isReason(value)) return t(`audit.reasons.${value}`);
  if (value === null) return '—';
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/**
 * `label: value` pairs of an entry's detail, joined with a middle dot.
 * @example auditDetailText({ from: 'employee', to: 'admin' }, t) // "Von: Mitarbeiter:in · Zu: Administration"
 */
export function auditDetailText(detail: AuditEntry['detail'], t: TFunction): string {
  return Object.entries(detail)
    .map(([key, value]) => `${isDetailKey(key) ? t(`audit.detail.${key}`) : key}: ${valueText(key, value, t)}`)
    .join(' · ');
}
