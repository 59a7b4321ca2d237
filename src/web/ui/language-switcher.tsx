// EN / DE / NL picker shown in the header and on the login page; the choice is kept on this device
// and, when someone is signed in, with their account so it follows them to other devices.
import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES } from '../../shared/identity';
import { isUiLanguage, storeLanguage } from '../i18n/language';
import { apiRequestNoContent } from '../app/api-client';
import { useAuth } from '../app/auth-context';

/** Short codes keep the header compact; the select itself carries the accessible label. */
const OPTIONS = UI_LANGUAGES.map((code) => ({
  value: code,
  label: code.toUpperCase(),
}));

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const { user } = useAuth();
  const current = isUiLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';

  return (
    <NativeSelect
      data-testid="language-switcher"
      aria-label={t('language.label')}
      title={t('language.label')}
      size="xs"
      w={72}
      data={OPTIONS}
      value={current}
      onChange={(event) => {
        const next = event.currentTarget.value;
        if (!isUiLanguage(next)) return;
        storeLanguage(next);
        void i18n.changeLanguage(next);
        if (user) {
          // Best effort: the choice already applies here; the account copy is for other devices.
          void apiRequestNoContent('/api/v1/auth/me/language', { method: 'PUT', json: { ui_language: next }, csrfToken: user.csrf_token }).catch(
            () => undefined,
          );
        }
      }}
    />
  );
}
