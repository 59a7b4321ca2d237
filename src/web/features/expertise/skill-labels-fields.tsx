// The editable parts of a skill: its name in English, German and Dutch, and its aliases.
import { Stack, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { normaliseTags } from '../people/profile-draft';
import type { SkillFormErrors } from './skill-form-errors';

export type SkillDraft = { en: string; de: string; nl: string; aliases: string[] };

export type SkillLabelsFieldsProps = {
  draft: SkillDraft;
  onChange: (draft: SkillDraft) => void;
  errors: SkillFormErrors;
};

const LANGUAGES = ['en', 'de', 'nl'] as const;

export function SkillLabelsFields({ draft, onChange, errors }: SkillLabelsFieldsProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {LANGUAGES.map((language) => (
        <TextInput
          key={language}
          label={t(`skillsAdmin.fields.label_${language}`)}
          value={draft[language]}
          onChange={(event) => onChange({ ...draft, [language]: event.currentTarget.value })}
          error={errors[language]}
          required
          data-testid={`skill-label-${language}`}
        />
      ))}
      <TagsInput
        label={t('skillsAdmin.fields.aliases')}
        description={t('skillsAdmin.fields.aliasesHint')}
        value={draft.aliases}
        onChange={(aliases) => onChange({ ...draft, aliases: normaliseTags(aliases) })}
        splitChars={[',', ';']}
        error={errors.aliases}
        clearable
        data-testid="skill-aliases"
      />
    </Stack>
  );
}
