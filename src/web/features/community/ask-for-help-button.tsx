// "Ask for help" on the Find-help page: a dialog with the search text as the question; sending it
// invites the best available colleagues and opens the new request.
import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { COMMUNITY_LIMITS } from '../../../shared/community';
import { useCurrentUser } from '../../app/auth-context';
import { ErrorAlert } from '../../ui/error-alert';
import { fieldErrors } from '../../ui/field-errors';
import { useAskForHelp } from './help-queries';

export function AskForHelpButton({ searchText }: { searchText: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [opened, { open, close }] = useDisclosure(false);
  const [question, setQuestion] = useState('');
  const ask = useAskForHelp();

  // Only people in the directory can ask (the server says the same).
  if (user.person_id === null) return null;

  const start = () => {
    setQuestion(searchText);
    ask.reset();
    open();
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (question.trim() === '') return;
    ask.mutate(question.trim(), { onSuccess: (created) => void navigate(`/help/${created.id}`) });
  };

  return (
    <>
      <Button data-testid="ask-for-help" variant="light" onClick={start}>
        {t('help.ask.button')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('help.ask.title')} size="lg">
        <form onSubmit={submit}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('help.ask.intro')}
            </Text>
            <Textarea
              data-testid="ask-question"
              label={t('help.ask.question')}
              autosize
              minRows={4}
              maxLength={COMMUNITY_LIMITS.question}
              value={question}
              onChange={(event) => setQuestion(event.currentTarget.value)}
              error={fieldErrors(ask.error, t).question}
              data-autofocus
              required
            />
            {ask.error !== null && <ErrorAlert error={ask.error} title={t('help.ask.failed')} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('actions.cancel')}
              </Button>
              <Button type="submit" data-testid="ask-submit" loading={ask.isPending} disabled={question.trim() === ''}>
                {t('help.ask.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
