// Who a persona is and how to talk to them: name, avatar, description, needs, channels, tone, WIIFM.
import { MultiSelect, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../../shared/audiences';
import { PersonaAvatar } from './persona-avatar';
import { TEXT_LIST_FIELDS, TEXT_LIST_LIMITS, type Channel, type PersonaDraft } from './persona-draft';
import { useRuleLabels } from './rule-labels';

export type PersonaProfileFieldsProps = {
  draft: PersonaDraft;
  onChange: (patch: Partial<PersonaDraft>) => void;
  /** Server complaints by top-level field name. */
  errors: Record<string, string>;
};

const isChannel = (value: string): value is Channel => (CHANNELS as readonly string[]).includes(value);

export function PersonaProfileFields({ draft, onChange, errors }: PersonaProfileFieldsProps) {
  const { t } = useTranslation();
  const labels = useRuleLabels();

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <TextInput
          data-testid="persona-name"
          label={t('personas.fields.name')}
          required
          maxLength={200}
          value={draft.name}
          onChange={(e) => onChange({ name: e.currentTarget.value })}
          error={errors.name}
        />
        <TextInput
          data-testid="persona-avatar"
          label={t('personas.fields.avatar')}
          description={t('personas.fields.avatarHint')}
          maxLength={2000}
          value={draft.avatar}
          onChange={(e) => onChange({ avatar: e.currentTarget.value })}
          rightSection={<PersonaAvatar avatar={draft.avatar} name={draft.name || '?'} size={26} />}
          error={errors.avatar}
        />
      </SimpleGrid>
      <Textarea
        data-testid="persona-description"
        label={t('personas.fields.description')}
        autosize
        minRows={2}
        maxLength={4000}
        value={draft.description}
        onChange={(e) => onChange({ description: e.currentTarget.value })}
        error={errors.description}
      />
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
        {TEXT_LIST_FIELDS.map((field) => (
          <TagsInput
            key={field}
            data-testid={`persona-${field}`}
            label={t(`personas.fields.${field}`)}
            description={t('personas.fields.listHint')}
            value={draft[field]}
            onChange={(entries) => onChange({ [field]: entries.map((e) => e.slice(0, TEXT_LIST_LIMITS.length)) })}
            maxTags={TEXT_LIST_LIMITS.entries}
            splitChars={[';']}
            clearable
            error={errors[field]}
          />
        ))}
      </SimpleGrid>
      <MultiSelect
        data-testid="persona-channels"
        label={t('personas.fields.preferred_channels')}
        data={CHANNELS.map((channel) => ({ value: channel, label: labels.channel(channel) }))}
        value={draft.preferred_channels}
        onChange={(values) => onChange({ preferred_channels: values.filter(isChannel) })}
        clearable
        searchable
        error={errors.preferred_channels}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <Textarea
          data-testid="persona-tone"
          label={t('personas.fields.tone_of_voice')}
          description={t('personas.fields.toneHint')}
          autosize
          minRows={2}
          maxLength={1000}
          value={draft.tone_of_voice}
          onChange={(e) => onChange({ tone_of_voice: e.currentTarget.value })}
          error={errors.tone_of_voice}
        />
        <Textarea
          data-testid="persona-wiifm"
          label={t('personas.fields.wiifm')}
          description={t('personas.fields.wiifmHint')}
          autosize
          minRows={2}
          maxLength={4000}
          value={draft.wiifm}
          onChange={(e) => onChange({ wiifm: e.currentTarget.value })}
          error={errors.wiifm}
        />
      </SimpleGrid>
    </Stack>
  );
}
