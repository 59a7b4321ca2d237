// The audit detail reads in the interface language: labels, roles, reasons and yes/no translated.
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { resources } from '../../i18n/i18n';
import { auditDetailText } from './audit-detail';

describe('auditDetailText', () => {
  it('translates known keys and values and keeps the rest as recorded', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources, lng: 'de', interpolation: { escapeValue: false } });
    expect(auditDetailText({ email: 'a@b.example', from: 'employee', to: 'admin' }, i18n.t)).toBe(
      'E-Mail: a@b.example · Von: Mitarbeiter:in · Zu: Administration',
    );
    expect(auditDetailText({ reason: 'wrong_password', known_browser: false, custom: { x: 1 } }, i18n.t)).toBe(
      'Grund: falsches Passwort · Bekannter Browser: nein · custom: {"x":1}',
    );
  });
});
