// The self-service part of one's profile: hashtag lists, free texts and mentor availability.
import { useMemo, useState, type FormEvent } from 'react';
import { Button, Card, Group, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIMITS, type PersonProfile, type ProfileUpdate } from '../../../shared/people';
import { ErrorAlert } from '../../ui/error-alert';
import { fieldErrors as fieldErrorsOf } from '../../ui/field-errors';
import { HashtagField } from './hashtag-field';
import { buildProfileUpdate, draftFromProfile, HASHTAG_FIELDS, type ProfileDraft } from './profile-draft';

export type MyProfileFormProps = {
  profile: PersonProfile;
  skillSuggestions: string[];
  onSave: (update: ProfileUpdate) => void;
  saving: boolean;
  saveError: unknown;
};

/** Lists the skill taxonomy can suggest for; interests and languages are free-form. */
const SKILL_LIKE_FIELDS: readonly string[] = ['skills', 'mentor_topics', 'learning_goals'];

export function MyProfileForm({ profile, skillSuggestions, onSave, saving, saveError }: MyProfileFormProps) {
  const { t } = useTranslation();
  const initial = useMemo(() => draftFromProfile(profile), [profile]);
  const [draft, setDraft] = useState<ProfileDraft>(initial);
  const editable: readonly string[] = profile.editable_fields;
  const update = buildProfileUpdate(initial, draft, editable);
  const dirty = Object.keys(update).length > 0;
  const fieldErrors = fieldErrorsOf(saveError, t);
  const set = <K extends keyof ProfileDraft>(key: K, value: ProfileDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (dirty) onSave(update);
  };

  return (
    <Card withBorder radius="md" component="form" onSubmit={submit}>
      <Stack gap="md">
        {HASHTAG_FIELDS.map((field) => (
          <HashtagField
            key={field}
            label={t(`fields.${field}`)}
            value={draft[field]}
            onChange={(tags) => set(field, tags)}
            suggestions={field === 'skills' ? skillSuggestions : undefined}
            suggestSkills={SKILL_LIKE_FIELDS.includes(field)}
            disabled={!editable.includes(field)}
            error={fieldErrors[field]}
          />
        ))}
        <Textarea
          label={t('profile.about')}
          description={t('myProfile.aboutHint')}
          autosize
          minRows={3}
          maxLength={LIMITS.longText}
          value={draft.about}
          onChange={(event) => set('about', event.currentTarget.value)}
          disabled={!editable.includes('about')}
          error={fieldErrors.about}
        />
        <Textarea
          label={t('profile.canHelpWith')}
          description={t('myProfile.canHelpWithHint')}
          autosize
          minRows={2}
          maxLength={LIMITS.longText}
          value={draft.can_help_with}
          onChange={(event) => set('can_help_with', event.currentTarget.value)}
          disabled={!editable.includes('can_help_with')}
          error={fieldErrors.can_help_with}
        />
        <Switch
          label={t('myProfile.mentorAvailable')}
          description={t('myProfile.mentorAvailableHint')}
          checked={draft.mentor_available}
          onChange={(event) => set('mentor_available', event.currentTarget.checked)}
          disabled={!editable.includes('mentor_available')}
        />
        {saveError !== null && <ErrorAlert error={saveError} title={t('myProfile.saveFailed')} />}
        <Group justify="flex-end">
          {dirty && (
            <Text size="sm" c="dimmed">
              {t('myProfile.unsaved')}
            </Text>
          )}
          <Button variant="default" disabled={!dirty || saving} onClick={() => setDraft(initial)}>
            {t('actions.discard')}
          </Button>
          <Button type="submit" loading={saving} disabled={!dirty}>
            {t('actions.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
