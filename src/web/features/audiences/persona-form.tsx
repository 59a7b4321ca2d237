// Create or edit a persona: profile fields, the rule that finds its people with a live count, save/delete.
import { useState } from 'react';
import { Anchor, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Persona, Rule } from '../../../shared/audiences';
import { AudiencePreviewPanel } from './audience-preview-panel';
import { ConfirmDeleteButton } from './confirm-delete-button';
import { PersonaAvatar } from './persona-avatar';
import { draftFromPersona, emptyPersonaDraft, personaInputFromDraft, type PersonaDraft } from './persona-draft';
import { useDeletePersona, useSavePersona } from './persona-mutations';
import { PersonaProfileFields } from './persona-profile-fields';
import { ProblemAlert } from './problem-alert';
import { fieldErrors } from '../../ui/field-errors';
import { ruleErrorPointer } from './problem-pointers';
import { RuleBuilder } from './rule-builder';
import { useAudiencePreview } from './use-audience-preview';

export type PersonaFormProps = {
  /** null for a new persona. */
  persona: Persona | null;
};

export function PersonaForm({ persona }: PersonaFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<PersonaDraft>(() => (persona ? draftFromPersona(persona) : emptyPersonaDraft()));
  const [initial] = useState(() => JSON.stringify(draft));
  const preview = useAudiencePreview(draft.rule);
  const save = useSavePersona(persona?.id ?? null);
  const remove = useDeletePersona(persona?.id ?? 0);
  const patch = (next: Partial<PersonaDraft>) => setDraft((current) => ({ ...current, ...next }));

  const dirty = JSON.stringify(draft) !== initial;
  const canSave = dirty && draft.name.trim() !== '' && preview.incompletePointer === null;
  const submit = () =>
    save.mutate(personaInputFromDraft(draft), {
      onSuccess: (saved) => {
        if (persona === null) void navigate(`/personas/${saved.id}`, { replace: true });
      },
    });

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/personas" size="sm">
        {t('personas.back')}
      </Anchor>
      <Group justify="space-between" align="center">
        <Group gap="md" wrap="nowrap">
          <PersonaAvatar avatar={draft.avatar} name={draft.name || '?'} size={64} />
          <Title order={2}>{persona ? persona.name : t('personas.newTitle')}</Title>
        </Group>
        <Group gap="xs">
          {persona && (
            <>
              <Button component={Link} to={`/personas/${persona.id}/journey`} variant="light" data-testid="persona-journey">
                {t('personas.journeyLink')}
              </Button>
              <ConfirmDeleteButton
                testId="persona-delete"
                title={t('personas.deleteTitle', { name: persona.name })}
                body={t('personas.deleteBody')}
                deleting={remove.isPending}
                error={remove.error}
                onConfirm={() => remove.mutate(undefined, { onSuccess: () => void navigate('/personas') })}
              />
            </>
          )}
          <Button data-testid="persona-save" onClick={submit} loading={save.isPending} disabled={!canSave}>
            {persona ? t('actions.save') : t('personas.create')}
          </Button>
        </Group>
      </Group>
      {save.error && <ProblemAlert error={save.error} title={t('personas.saveFailed')} />}
      <Card withBorder radius="md">
        <PersonaProfileFields draft={draft} onChange={patch} errors={fieldErrors(save.error, t)} />
      </Card>
      <Stack gap={4}>
        <Title order={3} size="h4">
          {t('personas.ruleTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('personas.ruleHint')}
        </Text>
      </Stack>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <RuleBuilder value={draft.rule} onChange={(rule: Rule) => patch({ rule })} errorPointer={ruleErrorPointer(save.error) ?? preview.errorPointer} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <AudiencePreviewPanel preview={preview} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
