// One variant's message in one language: subject, preheader, Markdown body, WIIFM and call to action,
// with a live preview of the body and a picker that inserts a template variable where the cursor was.
import { useRef, useState } from 'react';
import { Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CAMPAIGN_LIMITS, TEMPLATE_VARIABLES } from '../../../shared/campaigns';
import type { ContentDraft, ContentField } from './campaign-draft';
import { MarkdownPreview } from './markdown-preview';

export type VariantContentFieldsProps = {
  value: ContentDraft;
  onChange: (next: ContentDraft) => void;
  /** The translated complaint at a field, if any. */
  errorOf: (field: ContentField) => string | undefined;
  disabled?: boolean;
};

type TextField = Exclude<ContentField, 'cta_url'>;

export function VariantContentFields({ value, onChange, errorOf, disabled }: VariantContentFieldsProps) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<TextField>('body');
  const inputs = useRef<Partial<Record<TextField, HTMLInputElement | HTMLTextAreaElement | null>>>({});

  const set = (field: ContentField, text: string) => onChange({ ...value, [field]: text });
  const insert = (variable: string) => {
    const token = `{{ ${variable} }}`;
    const text = value[target];
    const element = inputs.current[target];
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? start;
    set(target, `${text.slice(0, start)}${token}${text.slice(end)}`);
  };
  const bind = (field: TextField) => ({
    ref: (element: HTMLInputElement | HTMLTextAreaElement | null) => {
      inputs.current[field] = element;
    },
    onFocus: () => setTarget(field),
    value: value[field],
    error: errorOf(field),
    disabled,
  });

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="xs">
        <Select
          label={t('campaigns.editor.insertVariable')}
          placeholder={t('campaigns.editor.insertVariablePlaceholder')}
          data={TEMPLATE_VARIABLES.map((variable) => ({ value: variable, label: `{{ ${variable} }}` }))}
          value={null}
          onChange={(variable) => variable && insert(variable)}
          searchable
          disabled={disabled}
          miw={300}
          data-testid="variable-picker"
        />
        <Text size="xs" c="dimmed" pb={8}>
          {t('campaigns.editor.insertInto', { field: t(`campaigns.editor.content.${target}`) })}
        </Text>
      </Group>
      <TextInput
        {...bind('subject')}
        label={t('campaigns.editor.content.subject')}
        required
        maxLength={CAMPAIGN_LIMITS.subject}
        onChange={(e) => set('subject', e.currentTarget.value)}
        data-testid="content-subject"
      />
      <TextInput
        {...bind('preheader')}
        label={t('campaigns.editor.content.preheader')}
        description={t('campaigns.editor.content.preheaderHint')}
        maxLength={CAMPAIGN_LIMITS.preheader}
        onChange={(e) => set('preheader', e.currentTarget.value)}
        data-testid="content-preheader"
      />
      <Textarea
        {...bind('wiifm')}
        label={t('campaigns.editor.content.wiifm')}
        description={t('campaigns.editor.content.wiifmHint')}
        autosize
        minRows={2}
        maxLength={CAMPAIGN_LIMITS.wiifm}
        onChange={(e) => set('wiifm', e.currentTarget.value)}
        data-testid="content-wiifm"
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Textarea
          {...bind('body')}
          label={t('campaigns.editor.content.body')}
          description={t('campaigns.editor.content.bodyHint', { example: '{{ person.given_name }}' })}
          required
          autosize
          minRows={6}
          maxLength={CAMPAIGN_LIMITS.body}
          onChange={(e) => set('body', e.currentTarget.value)}
          data-testid="content-body"
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        <MarkdownPreview source={value.body} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          {...bind('cta_label')}
          label={t('campaigns.editor.content.cta_label')}
          maxLength={CAMPAIGN_LIMITS.ctaLabel}
          onChange={(e) => set('cta_label', e.currentTarget.value)}
          data-testid="content-cta-label"
        />
        <TextInput
          label={t('campaigns.editor.content.cta_url')}
          placeholder="https://"
          type="url"
          maxLength={CAMPAIGN_LIMITS.url}
          value={value.cta_url}
          error={errorOf('cta_url')}
          disabled={disabled}
          onChange={(e) => set('cta_url', e.currentTarget.value)}
          data-testid="content-cta-url"
        />
      </SimpleGrid>
    </Stack>
  );
}
