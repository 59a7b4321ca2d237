// Makes a free-typed tag an alias of an existing skill, optionally replacing it on profiles too.
import { useEffect, useState } from 'react';
import { Button, Checkbox, Group, Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../audiences/problem-alert';
import { useAliasNewTag, type NewTag } from './skill-admin-queries';
import { skillFormErrors } from './skill-form-errors';
import { useLastNonNull } from './use-last-non-null';
import { SkillPicker } from './skill-picker';

export type NewTagAliasModalProps = { tag: NewTag | null; onClose: () => void };

export function NewTagAliasModal({ tag: current, onClose }: NewTagAliasModalProps) {
  const { t } = useTranslation();
  const tag = useLastNonNull(current);
  const alias = useAliasNewTag();
  const [skill, setSkill] = useState<string | null>(null);
  const [rewrite, setRewrite] = useState(false);
  const { reset } = alias;
  useEffect(() => {
    setSkill(tag?.suggested_skill ?? null);
    setRewrite(false);
    reset();
  }, [tag, reset]);

  const confirm = () => {
    if (!tag || !skill) return;
    alias.mutate({ tag: tag.tag, skill, rewrite_profiles: rewrite }, { onSuccess: onClose });
  };

  return (
    <Modal opened={current !== null} onClose={onClose} title={t('skillsAdmin.alias.title', { tag: tag?.tag ?? '' })} size="lg">
      <Stack gap="md">
        <SkillPicker
          label={t('skillsAdmin.alias.skill')}
          value={skill}
          onChange={setSkill}
          initialTag={tag?.suggested_skill}
          error={skillFormErrors(alias.error, t).skill}
          testId="new-tag-alias-skill"
        />
        <Checkbox
          label={t('skillsAdmin.alias.rewrite', { tag: tag?.tag ?? '', count: tag?.people ?? 0 })}
          checked={rewrite}
          onChange={(event) => setRewrite(event.currentTarget.checked)}
          data-testid="new-tag-alias-rewrite"
        />
        {alias.error && <ProblemAlert error={alias.error} title={t('skillsAdmin.alias.failed')} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button onClick={confirm} disabled={!skill} loading={alias.isPending} data-testid="new-tag-alias-confirm">
            {t('skillsAdmin.alias.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
