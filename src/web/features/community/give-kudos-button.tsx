// "Give kudos": public thanks to a colleague with a message and, optionally, the skill it was for.
import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { COMMUNITY_LIMITS } from '../../../shared/community';
import { ErrorAlert } from '../../ui/error-alert';
import { fieldErrors } from '../../ui/field-errors';
import { useGiveKudos } from './kudos-queries';

export type GiveKudosButtonProps = { personId: number; name: string; skills: readonly string[] };

export function GiveKudosButton({ personId, name, skills }: GiveKudosButtonProps) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [message, setMessage] = useState('');
  const [skill, setSkill] = useState<string | null>(null);
  const give = useGiveKudos(personId);
  const errors = fieldErrors(give.error, t);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (message.trim() === '') return;
    give.mutate(
      { message: message.trim(), skill },
      {
        onSuccess: () => {
          setMessage('');
          setSkill(null);
          close();
        },
      },
    );
  };

  return (
    <>
      <Button data-testid="give-kudos" size="xs" variant="light" color="grape" onClick={open}>
        {t('kudos.give')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('kudos.giveTitle', { name })}>
        <form onSubmit={submit}>
          <Stack gap="sm">
            <Textarea
              data-testid="kudos-message"
              label={t('kudos.message')}
              placeholder={t('kudos.messagePlaceholder')}
              autosize
              minRows={3}
              maxLength={COMMUNITY_LIMITS.kudos}
              value={message}
              onChange={(event) => setMessage(event.currentTarget.value)}
              error={errors.message}
              data-autofocus
              required
            />
            {skills.length > 0 && (
              <Select
                data-testid="kudos-skill"
                label={t('kudos.skill')}
                placeholder={t('kudos.skillPlaceholder')}
                data={skills.map((tag) => ({ value: tag, label: `#${tag}` }))}
                value={skill}
                onChange={setSkill}
                clearable
                error={errors.skill}
              />
            )}
            {give.error !== null && <ErrorAlert error={give.error} title={t('kudos.failed')} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('actions.cancel')}
              </Button>
              <Button type="submit" data-testid="kudos-submit" loading={give.isPending} disabled={message.trim() === ''}>
                {t('kudos.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
