// One variant of a campaign: its key, whether it is the default, whom it is for (everyone else, a
// rule or a persona), its channels, and its message per language as tabs.
import { Alert, Badge, Button, Checkbox, Group, SegmentedControl, Select, Stack, Switch, Tabs, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CAMPAIGN_LIMITS } from '../../../shared/campaigns';
import { formatLanguageName } from '../../ui/format';
import { usePersonas } from '../audiences/persona-queries';
import { ruleErrorPointer } from '../audiences/problem-pointers';
import { RuleBuilder } from '../audiences/rule-builder';
import { AUDIENCE_MODES, EDITABLE_CHANNELS, emptyContent, isBlankContent, languagesOf, type VariantDraft } from './campaign-draft';
import { hasProblemWithin, problemAt } from './campaign-problems';
import { LockedFieldset } from './locked-fieldset';
import { SubjectTestLines, SubjectTestSettings } from './subject-test-editor';
import { VariantContentFields } from './variant-content-fields';

export type VariantEditorProps = {
  variant: VariantDraft;
  index: number;
  defaultLanguage: string;
  onChange: (next: VariantDraft) => void;
  onRemove: (() => void) | null;
  /** The failed save, whose complaints are shown at their fields. */
  error: unknown;
  disabled?: boolean;
};

export function VariantEditor({ variant, index, defaultLanguage, onChange, onRemove, error, disabled }: VariantEditorProps) {
  const { t, i18n } = useTranslation();
  const personas = usePersonas();
  const at = `/variants/${index}`;
  const patch = (next: Partial<VariantDraft>) => onChange({ ...variant, ...next });
  const general = [problemAt(error, t, at), problemAt(error, t, `${at}/content`)].filter((text) => text !== undefined);
  const languages = languagesOf(variant);

  return (
    <Stack gap="md" data-testid="variant-editor">
      {general.length > 0 && (
        <Alert color="red" variant="light" data-testid="variant-problems">
          {general.join('; ')}
        </Alert>
      )}
      <Group align="flex-start" gap="md">
        <TextInput
          label={t('campaigns.editor.variantKey')}
          description={t('campaigns.editor.variantKeyHint')}
          required
          maxLength={CAMPAIGN_LIMITS.key}
          value={variant.key}
          onChange={(e) => patch({ key: e.currentTarget.value })}
          error={problemAt(error, t, `${at}/key`)}
          disabled={disabled}
          data-testid="variant-key"
        />
        <Stack gap={6} pt={4}>
          <Switch
            label={t('campaigns.editor.variantDefault')}
            description={t('campaigns.editor.variantDefaultHint')}
            checked={variant.isDefault}
            onChange={(e) => patch({ isDefault: e.currentTarget.checked, audienceMode: e.currentTarget.checked ? 'everyone' : 'rule' })}
            error={problemAt(error, t, `${at}/default`)}
            disabled={disabled}
            data-testid="variant-default"
          />
          <Checkbox.Group
            label={t('campaigns.editor.channels')}
            value={variant.channels}
            onChange={(values) => patch({ channels: EDITABLE_CHANNELS.filter((channel) => values.includes(channel)) })}
            error={problemAt(error, t, `${at}/channels`, true)}
          >
            <Group gap="md" mt={4}>
              {EDITABLE_CHANNELS.map((channel) => (
                <Checkbox key={channel} value={channel} label={t(`channels.${channel}`)} disabled={disabled} data-testid={`variant-channel-${channel}`} />
              ))}
            </Group>
          </Checkbox.Group>
          {variant.channels.includes('chat') && (
            <Text size="xs" c="dimmed" data-testid="variant-chat-hint">
              {t('campaigns.editor.chatHint', { example: '{{ campaign.name }}' })}
            </Text>
          )}
        </Stack>
        {onRemove && (
          <Button variant="subtle" color="red" ml="auto" onClick={onRemove} disabled={disabled} data-testid="variant-remove">
            {t('campaigns.editor.removeVariant')}
          </Button>
        )}
      </Group>

      <Stack gap="xs">
        <Text fw={500} size="sm">
          {t('campaigns.editor.variantAudience')}
        </Text>
        <SegmentedControl
          value={variant.audienceMode}
          onChange={(mode) => patch({ audienceMode: mode })}
          data={AUDIENCE_MODES.map((mode) => ({ value: mode, label: t(`campaigns.editor.audienceModes.${mode}`) }))}
          disabled={disabled}
          data-testid="variant-audience-mode"
          w="fit-content"
        />
        {variant.audienceMode === 'rule' && (
          <LockedFieldset locked={disabled ?? false}>
            <RuleBuilder value={variant.rule} onChange={(rule) => patch({ rule })} errorPointer={ruleErrorPointer(error, `${at}/audience`)} />
          </LockedFieldset>
        )}
        {variant.audienceMode === 'persona' && (
          <Select
            label={t('campaigns.editor.persona')}
            placeholder={t('campaigns.editor.personaPlaceholder')}
            data={(personas.data?.items ?? []).map((persona) => ({ value: String(persona.id), label: persona.name }))}
            value={variant.persona}
            onChange={(persona) => patch({ persona })}
            searchable
            disabled={disabled}
            maw={360}
            data-testid="variant-persona"
          />
        )}
        {problemAt(error, t, `${at}/audience`, true) && (
          <Text size="sm" c="red" data-testid="variant-audience-error">
            {problemAt(error, t, `${at}/audience`, true)}
          </Text>
        )}
      </Stack>

      {variant.channels.includes('email') || variant.subjectTest ? (
        <SubjectTestSettings test={variant.subjectTest} onChange={(subjectTest) => patch({ subjectTest })} at={at} error={error} disabled={disabled} />
      ) : null}

      <Text size="xs" c="dimmed">
        {t('campaigns.editor.languagesHint')}
      </Text>
      <Tabs defaultValue={defaultLanguage} keepMounted={false}>
        <Tabs.List>
          {languages.map((language) => (
            <Tabs.Tab
              key={language}
              value={language}
              data-testid={`language-tab-${language}`}
              rightSection={
                hasProblemWithin(error, `${at}/content/${language}`) || hasProblemWithin(error, `${at}/subject_test/subjects/${language}`) ? (
                  <Badge color="red" size="xs" circle aria-label={t('campaigns.editor.hasProblems')}>
                    !
                  </Badge>
                ) : language === defaultLanguage ? (
                  <Badge size="xs" variant="light">
                    {t('campaigns.editor.defaultLanguageBadge')}
                  </Badge>
                ) : isBlankContent(variant.content[language]) ? null : (
                  <Badge size="xs" variant="dot" color="green">
                    {t('campaigns.editor.written')}
                  </Badge>
                )
              }
            >
              {formatLanguageName(language, i18n.language)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {languages.map((language) => (
          <Tabs.Panel key={language} value={language} pt="md">
            <VariantContentFields
              value={variant.content[language] ?? emptyContent()}
              onChange={(content) => patch({ content: { ...variant.content, [language]: content } })}
              errorOf={(field) => problemAt(error, t, `${at}/content/${language}/${field}`)}
              disabled={disabled}
            />
            {variant.subjectTest && (
              <SubjectTestLines
                test={variant.subjectTest}
                language={language}
                onChange={(subjectTest) => patch({ subjectTest })}
                at={at}
                error={error}
                disabled={disabled}
              />
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
