// Merges a near-duplicate skill into another after saying what will happen: its tag and aliases
// become aliases of the target, and profiles and endorsements that use its tag move to the target.
import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MergeResult } from '../../../shared/skills';
import { ProblemAlert } from '../audiences/problem-alert';
import { useMergeSkill, type Skill } from './skill-admin-queries';
import { skillFormErrors } from './skill-form-errors';
import { useLastNonNull } from './use-last-non-null';
import { SkillPicker } from './skill-picker';

export type SkillMergeModalProps = {
  skill: Skill | null;
  onClose: () => void;
  onMerged: (tag: string, result: MergeResult) => void;
};

export function SkillMergeModal({ skill: current, onClose, onMerged }: SkillMergeModalProps) {
  const { t } = useTranslation();
  const skill = useLastNonNull(current);
  const merge = useMergeSkill();
  const [into, setInto] = useState<string | null>(null);
  const { reset } = merge;
  useEffect(() => {
    setInto(null);
    reset();
  }, [skill, reset]);

  const confirm = () => {
    if (!skill || !into) return;
    merge.mutate({ tag: skill.tag, into }, { onSuccess: (result) => onMerged(skill.tag, result) });
  };

  return (
    <Modal opened={current !== null} onClose={onClose} title={t('skillsAdmin.merge.title', { tag: skill?.tag ?? '' })} size="lg">
      <Stack gap="md">
        <SkillPicker
          label={t('skillsAdmin.merge.into')}
          value={into}
          onChange={setInto}
          exclude={skill?.tag}
          error={skillFormErrors(merge.error, t).into}
          testId="skill-merge-target"
        />
        {skill && into && (
          <Alert color="yellow" variant="light" data-testid="skill-merge-warning">
            <Text size="sm">{t('skillsAdmin.merge.warning', { tag: skill.tag, into, count: skill.people })}</Text>
          </Alert>
        )}
        {merge.error && <ProblemAlert error={merge.error} title={t('skillsAdmin.merge.failed')} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button color="red" onClick={confirm} disabled={!into} loading={merge.isPending} data-testid="skill-merge-confirm">
            {t('skillsAdmin.merge.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
