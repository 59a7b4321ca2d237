// Create or edit a draft campaign: name, kind, default language, the campaign's audience rule and its
// variants as tabs, a must-read's acknowledge-by, the follow-ups and the leader cascade; saving shows each of the server's
// complaints at its field and marks its tab.
import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CAMPAIGN_KINDS, CAMPAIGN_LIMITS, type Campaign } from '../../../shared/campaigns';
import { UI_LANGUAGES } from '../../../shared/identity';
import { formatLanguageName } from '../../ui/format';
import { ProblemAlert } from '../audiences/problem-alert';
import { ruleErrorPointer } from '../audiences/problem-pointers';
import { RuleBuilder } from '../audiences/rule-builder';
import { campaignInputFromDraft, draftFromCampaign, emptyCampaignDraft, newVariant, type CampaignDraft, type VariantDraft } from './campaign-draft';
import { useSaveCampaign } from './campaign-mutations';
import { CascadeEditor } from './cascade-editor';
import { FollowUpsEditor } from './follow-ups-editor';
import { hasProblemWithin, problemAt } from './campaign-problems';
import { LockedFieldset } from './locked-fieldset';
import { VariantEditor } from './variant-editor';
import { useTopics } from '../preferences/preferences-queries';

export type CampaignFormProps = {
  /** null for a new campaign. */
  campaign: Campaign | null;
  /** True right after this version was saved (the form is mounted afresh for each saved version). */
  justSaved?: boolean;
  onSaved?: (campaign: Campaign) => void;
  /** Told whether the form holds changes not saved yet (a send would not include them). */
  onDirtyChange?: (dirty: boolean) => void;
};

export function CampaignForm({ campaign, justSaved = false, onSaved, onDirtyChange }: CampaignFormProps) {
  const { t, i18n } = useTranslation();
  const topics = useTopics();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<CampaignDraft>(() => (campaign ? draftFromCampaign(campaign) : emptyCampaignDraft()));
  const [initial] = useState(() => JSON.stringify(draft));
  const [activeVariant, setActiveVariant] = useState<string | null>(draft.variants[0]?.uid ?? null);
  const save = useSaveCampaign(campaign?.id ?? null);
  const error = save.error;
  const editable = campaign === null || campaign.status === 'draft';
  const patch = (next: Partial<CampaignDraft>) => setDraft((current) => ({ ...current, ...next }));
  const patchVariant = (index: number, next: VariantDraft) =>
    setDraft((current) => ({ ...current, variants: current.variants.map((variant, i) => (i === index ? next : variant)) }));

  const addVariant = () => {
    const variant = newVariant(`variant-${draft.variants.length + 1}`, false);
    // Variants before the default are tried first, so a new one goes in front of it.
    const defaultIndex = draft.variants.findIndex((v) => v.isDefault);
    const at = defaultIndex === -1 ? draft.variants.length : defaultIndex;
    patch({ variants: [...draft.variants.slice(0, at), variant, ...draft.variants.slice(at)] });
    setActiveVariant(variant.uid);
  };
  const removeVariant = (index: number) => {
    const remaining = draft.variants.filter((_, i) => i !== index);
    patch({ variants: remaining });
    setActiveVariant(remaining[0]?.uid ?? null);
  };

  const dirty = JSON.stringify(draft) !== initial;
  useEffect(() => {
    onDirtyChange?.(dirty);
  }, [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange?.(false), [onDirtyChange]);
  const canSave = editable && dirty && draft.name.trim() !== '';
  const submit = () =>
    save.mutate(campaignInputFromDraft(draft), {
      onSuccess: (saved) => {
        onSaved?.(saved);
        if (campaign === null) void navigate(`/campaigns/${saved.id}`, { replace: true });
      },
    });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={3} size="h4">
          {t('campaigns.editor.title')}
        </Title>
        <Button data-testid="campaign-save" onClick={submit} loading={save.isPending} disabled={!canSave}>
          {campaign ? t('actions.save') : t('campaigns.editor.create')}
        </Button>
      </Group>
      {!editable && (
        <Alert color="blue" variant="light" data-testid="campaign-not-editable">
          {t('campaigns.editor.notEditable')}
        </Alert>
      )}
      {error && <ProblemAlert error={error} title={t('campaigns.editor.saveFailed')} />}
      {justSaved && !dirty && !error && (
        <Text size="sm" c="green" data-testid="campaign-saved">
          {t('campaigns.editor.saved')}
        </Text>
      )}
      <Card withBorder radius="md">
        <SimpleGrid cols={{ base: 1, md: 2, lg: 4 }}>
          <TextInput
            label={t('campaigns.editor.name')}
            required
            maxLength={CAMPAIGN_LIMITS.name}
            value={draft.name}
            onChange={(e) => patch({ name: e.currentTarget.value })}
            error={problemAt(error, t, '/name')}
            disabled={!editable}
            data-testid="campaign-name"
          />
          <Select
            label={t('campaigns.editor.kind')}
            data={CAMPAIGN_KINDS.map((kind) => ({ value: kind, label: t(`campaigns.kinds.${kind}`) }))}
            value={draft.kind}
            onChange={(kind) => kind && patch({ kind: kind })}
            allowDeselect={false}
            error={problemAt(error, t, '/kind')}
            disabled={!editable}
            data-testid="campaign-kind"
          />
          <Select
            label={t('campaigns.editor.defaultLanguage')}
            description={t('campaigns.editor.defaultLanguageHint')}
            data={UI_LANGUAGES.map((language) => ({ value: language, label: formatLanguageName(language, i18n.language) }))}
            value={draft.defaultLanguage}
            onChange={(language) => language && patch({ defaultLanguage: language })}
            allowDeselect={false}
            error={problemAt(error, t, '/default_language')}
            disabled={!editable}
            data-testid="campaign-default-language"
          />
          <Select
            label={t('campaigns.editor.topic')}
            description={t('campaigns.editor.topicHint')}
            placeholder={t('campaigns.editor.noTopic')}
            data={(topics.data?.items ?? [])
              .filter((topic) => topic.enabled || topic.key === draft.topic)
              .map((topic) => ({ value: topic.key, label: topic.names[i18n.language] ?? topic.names.en ?? Object.values(topic.names)[0] ?? topic.key }))}
            value={draft.topic}
            onChange={(topic) => patch({ topic })}
            clearable
            error={problemAt(error, t, '/topic')}
            disabled={!editable}
            data-testid="campaign-topic"
          />
        </SimpleGrid>
        {draft.kind === 'must_read' && (
          <TextInput
            mt="md"
            maw={320}
            type="datetime-local"
            label={t('campaigns.editor.acknowledgeBy')}
            description={t('campaigns.editor.acknowledgeByHint')}
            value={draft.acknowledgeBy}
            onChange={(e) => patch({ acknowledgeBy: e.currentTarget.value })}
            error={problemAt(error, t, '/acknowledge_by')}
            disabled={!editable}
            data-testid="campaign-acknowledge-by"
          />
        )}
      </Card>

      <Stack gap={4}>
        <Title order={3} size="h4">
          {t('campaigns.editor.audienceTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('campaigns.editor.audienceHint')}
        </Text>
      </Stack>
      <LockedFieldset locked={!editable}>
        <RuleBuilder value={draft.audience} onChange={(audience) => patch({ audience })} errorPointer={ruleErrorPointer(error, '/audience')} />
      </LockedFieldset>
      {problemAt(error, t, '/audience', true) && (
        <Text size="sm" c="red" data-testid="campaign-audience-error">
          {problemAt(error, t, '/audience', true)}
        </Text>
      )}

      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={3} size="h4">
            {t('campaigns.editor.variantsTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('campaigns.editor.variantsHint')}
          </Text>
        </Stack>
        <Button
          variant="light"
          onClick={addVariant}
          disabled={!editable || draft.variants.length >= CAMPAIGN_LIMITS.variants}
          data-testid="campaign-add-variant"
        >
          {t('campaigns.editor.addVariant')}
        </Button>
      </Group>
      {problemAt(error, t, '/variants') && (
        <Alert color="red" variant="light" data-testid="variants-problem">
          {problemAt(error, t, '/variants')}
        </Alert>
      )}
      <Tabs value={activeVariant} onChange={setActiveVariant} keepMounted={false} variant="outline">
        <Tabs.List>
          {draft.variants.map((variant, index) => (
            <Tabs.Tab
              key={variant.uid}
              value={variant.uid}
              data-testid="variant-tab"
              data-key={variant.key}
              rightSection={
                hasProblemWithin(error, `/variants/${index}`) ? (
                  <Badge color="red" size="xs" circle aria-label={t('campaigns.editor.hasProblems')}>
                    !
                  </Badge>
                ) : variant.isDefault ? (
                  <Badge size="xs" variant="light">
                    {t('campaigns.editor.defaultBadge')}
                  </Badge>
                ) : null
              }
            >
              {variant.key || t('campaigns.editor.unnamedVariant')}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {draft.variants.map((variant, index) => (
          <Tabs.Panel key={variant.uid} value={variant.uid} pt="md">
            <VariantEditor
              variant={variant}
              index={index}
              defaultLanguage={draft.defaultLanguage}
              onChange={(next) => patchVariant(index, next)}
              onRemove={draft.variants.length > 1 ? () => removeVariant(index) : null}
              error={error}
              disabled={!editable}
            />
          </Tabs.Panel>
        ))}
      </Tabs>
      <FollowUpsEditor
        followUps={draft.followUps}
        defaultLanguage={draft.defaultLanguage}
        onChange={(followUps) => patch({ followUps })}
        error={error}
        disabled={!editable}
      />
      <CascadeEditor
        cascade={draft.cascade}
        defaultLanguage={draft.defaultLanguage}
        onChange={(cascade) => patch({ cascade })}
        error={error}
        disabled={!editable}
      />
    </Stack>
  );
}
