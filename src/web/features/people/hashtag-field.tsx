// Tag input for one hashtag list on the profile form; normalises what is typed as the server would.
import { TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/people';
import { normaliseTags } from './profile-draft';

export type HashtagFieldProps = {
  label: string;
  description?: string;
  value: string[];
  onChange: (tags: string[]) => void;
  suggestions?: string[];
  disabled?: boolean;
  error?: string;
};

export function HashtagField({ label, description, value, onChange, suggestions, disabled, error }: HashtagFieldProps) {
  const { t } = useTranslation();
  return (
    <TagsInput
      label={label}
      description={description ?? t('myProfile.tagsHint')}
      placeholder={value.length === 0 ? t('myProfile.tagsPlaceholder') : undefined}
      value={value}
      onChange={(tags) => onChange(normaliseTags(tags))}
      data={suggestions ?? []}
      limit={20}
      maxTags={LIMITS.hashtagsPerList}
      splitChars={[',', ';']}
      clearable
      disabled={disabled}
      error={error}
    />
  );
}
