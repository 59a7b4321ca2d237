// A persona's journey map with its toolbar: edit/done, add stage, save; starts from a template if empty.
import { useState } from 'react';
import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { JourneyMap, Persona } from '../../../shared/audiences';
import { JOURNEY_LIMITS, journeyInput, moveStage, newStage, stagesFromJourney, TEMPLATE_STAGES, type StageDraft } from './journey-draft';
import { JourneyGrid } from './journey-grid';
import { useSaveJourney } from './persona-mutations';
import { PersonaAvatar } from './persona-avatar';
import { ProblemAlert } from './problem-alert';

export type JourneyEditorProps = {
  persona: Persona;
  journey: JourneyMap;
};

export function JourneyEditor({ persona, journey }: JourneyEditorProps) {
  const { t } = useTranslation();
  const fromTemplate = journey.stages.length === 0;
  const [stages, setStages] = useState<StageDraft[]>(() =>
    fromTemplate ? TEMPLATE_STAGES.map((stage) => newStage(t(`journey.template.${stage}`))) : stagesFromJourney(journey),
  );
  // What the server holds; a template that was never saved counts as a change.
  const [savedJson, setSavedJson] = useState(() => (fromTemplate ? '' : JSON.stringify(journeyInput(stagesFromJourney(journey)))));
  const [editing, setEditing] = useState(fromTemplate);
  const save = useSaveJourney(persona.id);

  const dirty = JSON.stringify(journeyInput(stages)) !== savedJson;
  const blankName = stages.some((stage) => stage.name.trim() === '');
  const changeStage = (index: number, patch: Partial<StageDraft>) =>
    setStages((current) => current.map((stage, i) => (i === index ? { ...stage, ...patch } : stage)));

  const submit = () =>
    save.mutate(journeyInput(stages), {
      onSuccess: (saved) => {
        const next = stagesFromJourney(saved);
        setStages(next);
        setSavedJson(JSON.stringify(journeyInput(next)));
        setEditing(false);
      },
    });

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/personas/${persona.id}`} size="sm">
        {t('journey.backToPersona', { name: persona.name })}
      </Anchor>
      <Group justify="space-between" align="center">
        <Group gap="md" wrap="nowrap">
          <PersonaAvatar avatar={persona.avatar} name={persona.name} size={56} />
          <Stack gap={0}>
            <Title order={2}>{t('journey.title')}</Title>
            <Text c="dimmed">{persona.name}</Text>
          </Stack>
        </Group>
        <Group gap="xs">
          {editing && (
            <Button
              variant="light"
              data-testid="journey-add-stage"
              disabled={stages.length >= JOURNEY_LIMITS.stages}
              onClick={() => setStages((current) => [...current, newStage(t('journey.newStage', { number: current.length + 1 }))])}
            >
              {t('journey.addStage')}
            </Button>
          )}
          <Button variant="default" data-testid="journey-edit" onClick={() => setEditing((value) => !value)}>
            {editing ? t('journey.done') : t('journey.edit')}
          </Button>
          <Button data-testid="journey-save" onClick={submit} loading={save.isPending} disabled={!dirty || blankName}>
            {t('actions.save')}
          </Button>
        </Group>
      </Group>
      {fromTemplate && savedJson === '' && (
        <Alert color="blue" variant="light" title={t('journey.templateTitle')}>
          {t('journey.templateHint')}
        </Alert>
      )}
      {blankName && (
        <Text size="sm" c="red">
          {t('journey.blankName')}
        </Text>
      )}
      {save.error && <ProblemAlert error={save.error} title={t('journey.saveFailed')} />}
      {dirty && !save.isPending && (
        <Text size="sm" c="dimmed">
          {t('journey.unsaved')}
        </Text>
      )}
      <JourneyGrid
        stages={stages}
        editing={editing}
        onStageChange={changeStage}
        onMove={(index, delta) => setStages((current) => moveStage(current, index, delta))}
        onRemove={(index) => setStages((current) => current.filter((_, i) => i !== index))}
      />
    </Stack>
  );
}
