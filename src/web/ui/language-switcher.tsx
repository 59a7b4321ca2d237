// EN / DE / NL picker shown in the header and on the login page; the choice is kept on this device.
import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES } from '../../shared/identity';
import { isUiLanguage, storeLanguage } from '../i18n/language';

/** Short codes keep the header compact; the select itself carries the accessible label. */
const OPTIONS = UI_LANGUAGES.map((code) => ({
  value: code,
  label: code.toUpperCase(),
}));

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
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
      }}
    />
  );
}
