// Approves a free-typed tag as a curated skill: its name in three languages and its aliases.
import { useEffect, useState } from 'react';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../audiences/problem-alert';
import { useCreateSkill, type NewTag } from './skill-admin-queries';
import { skillFormErrors } from './skill-form-errors';
import { useLastNonNull } from './use-last-non-null';
import { SkillLabelsFields, type SkillDraft } from './skill-labels-fields';

export type NewTagApproveModalProps = { tag: NewTag | null; onClose: () => void };

/** "data-governance" -> "Data governance": a starting point the reviewer corrects per language. */
export function labelFromTag(tag: string): string {
  const words = tag.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function NewTagApproveModal({ tag: current, onClose }: NewTagApproveModalProps) {
  const { t } = useTranslation();
  const tag = useLastNonNull(current);
  const create = useCreateSkill();
  const [draft, setDraft] = useState<SkillDraft>({ en: '', de: '', nl: '', aliases: [] });
  const { reset } = create;
  useEffect(() => {
    const label = tag ? labelFromTag(tag.tag) : '';
    setDraft({ en: label, de: label, nl: label, aliases: [] });
    reset();
  }, [tag, reset]);

  const approve = () => {
    if (!tag) return;
    create.mutate({ tag: tag.tag, labels: { en: draft.en, de: draft.de, nl: draft.nl }, aliases: draft.aliases }, { onSuccess: onClose });
  };

  return (
    <Modal opened={current !== null} onClose={onClose} title={t('skillsAdmin.approve.title', { tag: tag?.tag ?? '' })} size="lg">
      <Stack gap="md">
        <SkillLabelsFields draft={draft} onChange={setDraft} errors={skillFormErrors(create.error, t)} />
        {create.error && <ProblemAlert error={create.error} title={t('skillsAdmin.approve.failed')} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button onClick={approve} loading={create.isPending} data-testid="new-tag-approve-confirm">
            {t('skillsAdmin.approve.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
