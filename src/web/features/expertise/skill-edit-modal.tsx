// Edits a skill's labels and aliases; the alias list sent replaces the stored one.
import { useEffect, useState } from 'react';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../audiences/problem-alert';
import { useUpdateSkill, type Skill } from './skill-admin-queries';
import { skillFormErrors } from './skill-form-errors';
import { useLastNonNull } from './use-last-non-null';
import { SkillLabelsFields, type SkillDraft } from './skill-labels-fields';

export type SkillEditModalProps = { skill: Skill | null; onClose: () => void };

const draftOf = (skill: Skill | null): SkillDraft => ({
  en: skill?.labels.en ?? '',
  de: skill?.labels.de ?? '',
  nl: skill?.labels.nl ?? '',
  aliases: skill?.aliases ?? [],
});

export function SkillEditModal({ skill: current, onClose }: SkillEditModalProps) {
  const { t } = useTranslation();
  const skill = useLastNonNull(current);
  const update = useUpdateSkill();
  const [draft, setDraft] = useState<SkillDraft>(draftOf(skill));
  // Only a newly opened skill resets the form (`reset` is stable; the mutation object itself is not).
  const { reset } = update;
  useEffect(() => {
    setDraft(draftOf(skill));
    reset();
  }, [skill, reset]);

  const save = () => {
    if (!skill) return;
    update.mutate({ tag: skill.tag, changes: { labels: { en: draft.en, de: draft.de, nl: draft.nl }, aliases: draft.aliases } }, { onSuccess: onClose });
  };

  return (
    <Modal opened={current !== null} onClose={onClose} title={t('skillsAdmin.edit.title', { tag: skill?.tag ?? '' })} size="lg">
      <Stack gap="md">
        <SkillLabelsFields draft={draft} onChange={setDraft} errors={skillFormErrors(update.error, t)} />
        {update.error && <ProblemAlert error={update.error} title={t('skillsAdmin.edit.failed')} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button onClick={save} loading={update.isPending} data-testid="skill-edit-save">
            {t('actions.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
