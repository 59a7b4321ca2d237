// Who still needs a reminder, and the reminder (issue 10): the communicator picks a condition, asks
// to see the people it holds for (individual-level data: only on request, and the server audits it),
// and sends the reminder now, with a subject in each of the campaign's languages. Where the tracking
// mode does not know who opened or clicked, the section says so and offers only what it can.
import { useState } from 'react';
import { Alert, Button, Card, Group, List, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { pendingPeopleSchema, reminderSchema } from '../../../shared/analytics';
import { FOLLOW_UP_CONDITIONS, type Campaign, type FollowUpCondition, type TRACKING_MODES } from '../../../shared/campaigns';
import { apiRequest } from '../../app/api-client';
import { useCurrentUser } from '../../app/auth-context';
import { ErrorAlert } from '../../ui/error-alert';
import { campaignPath } from './campaign-queries';

type Mode = (typeof TRACKING_MODES)[number];

/** Conditions the campaign and its tracking mode can tell per person. */
function conditionsFor(campaign: Campaign, mode: Mode): FollowUpCondition[] {
  return FOLLOW_UP_CONDITIONS.filter((c) => {
    if (c === 'not_acknowledged') return campaign.kind === 'must_read';
    // A quiz's and a survey's reminders go out on their own (a survey round's after its schedule's hours).
    if (c === 'quiz_not_passed' || c === 'not_responded') return false;
    return mode === 'individual';
  });
}

export function ReminderSection({ campaign, tracking }: { campaign: Campaign; tracking: Mode }) {
  const { t, i18n } = useTranslation();
  const conditions = conditionsFor(campaign, tracking);
  const [condition, setCondition] = useState<FollowUpCondition | null>(conditions[0] ?? null);
  const [shown, setShown] = useState(false);
  const [composing, setComposing] = useState(false);
  const pending = useQuery({
    queryKey: ['campaigns', 'report', campaign.id, 'pending', condition],
    queryFn: ({ signal }) => apiRequest(`${campaignPath(campaign.id)}/report/pending?condition=${condition}&limit=200`, pendingPeopleSchema, { signal }),
    enabled: shown && condition !== null,
  });

  return (
    <Card withBorder data-testid="report-reminders">
      <Stack gap="sm">
        <Text fw={600}>{t('report.reminders.title')}</Text>
        {tracking !== 'individual' && (
          <Alert color="gray" data-testid="report-reminders-mode">
            {t(`report.reminders.mode.${tracking}`)}
          </Alert>
        )}
        {condition === null ? (
          <Text size="sm" c="dimmed">
            {t('report.reminders.none')}
          </Text>
        ) : (
          <>
            <Group align="flex-end">
              <Select
                label={t('report.reminders.condition')}
                data={conditions.map((c) => ({ value: c, label: t(`campaigns.followUps.conditions.${c}`) }))}
                value={condition}
                onChange={(value) => {
                  setCondition(value);
                  setShown(false);
                }}
                allowDeselect={false}
                data-testid="report-reminders-condition"
              />
              {!shown && (
                <Button variant="default" onClick={() => setShown(true)} data-testid="report-reminders-show">
                  {t('report.reminders.show')}
                </Button>
              )}
              <Button onClick={() => setComposing(true)} data-testid="report-reminders-send">
                {t('report.reminders.send')}
              </Button>
            </Group>
            <Text size="xs" c="dimmed">
              {t('report.reminders.audited')}
            </Text>
            {pending.error && <ErrorAlert error={pending.error} onRetry={() => void pending.refetch()} />}
            {shown && pending.data && (
              <Stack gap={4} data-testid="report-pending">
                <Text size="sm" data-testid="report-pending-total">
                  {t('report.reminders.total', { count: pending.data.total, n: pending.data.total.toLocaleString(i18n.language) })}
                </Text>
                <List size="sm">
                  {pending.data.items.map((p) => (
                    <List.Item key={p.person_id} data-testid="report-pending-person">
                      {p.display_name}
                      {p.department ? ` · ${p.department}` : ''}
                    </List.Item>
                  ))}
                </List>
                {pending.data.total > pending.data.items.length && (
                  <Text size="xs" c="dimmed">
                    {t('report.reminders.more', { n: (pending.data.total - pending.data.items.length).toLocaleString(i18n.language) })}
                  </Text>
                )}
              </Stack>
            )}
          </>
        )}
      </Stack>
      {composing && condition !== null && <ReminderDialog campaign={campaign} condition={condition} onClose={() => setComposing(false)} />}
    </Card>
  );
}

/** The campaign's languages, its default first. */
function languagesOf(campaign: Campaign): string[] {
  const all = new Set(campaign.variants.flatMap((v) => Object.keys(v.content)));
  return [campaign.default_language, ...[...all].filter((l) => l !== campaign.default_language).sort()];
}

function ReminderDialog({ campaign, condition, onClose }: { campaign: Campaign; condition: FollowUpCondition; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const languages = languagesOf(campaign);
  const original = (language: string) => campaign.variants.find((v) => v.default)?.content[language]?.subject ?? campaign.name;
  // Each subject starts in its own language: the reader's, not the communicator's.
  const [subjects, setSubjects] = useState<Record<string, string>>(() =>
    Object.fromEntries(languages.map((l) => [l, i18n.getFixedT(l)('report.reminders.defaultSubject', { subject: original(l) })])),
  );
  const send = useMutation({
    mutationFn: () =>
      apiRequest(`${campaignPath(campaign.id)}/reminders`, reminderSchema, {
        method: 'POST',
        json: { condition, subject: Object.fromEntries(Object.entries(subjects).filter(([, s]) => s.trim() !== '')) },
        csrfToken: user.csrf_token,
      }),
    // The list and the report change once the reminder is out.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['campaigns', 'report', campaign.id] }),
  });
  return (
    <Modal opened onClose={onClose} title={t('report.reminders.dialogTitle')} size="lg">
      <Stack gap="sm">
        <Text size="sm">{t('report.reminders.dialogIntro', { condition: t(`campaigns.followUps.conditions.${condition}`) })}</Text>
        {languages.map((l) => (
          <TextInput
            key={l}
            label={t('report.reminders.subjectIn', { language: l })}
            value={subjects[l] ?? ''}
            onChange={(e) => setSubjects((s) => ({ ...s, [l]: e.currentTarget.value }))}
            data-testid={`reminder-subject-${l}`}
          />
        ))}
        {send.error && <ErrorAlert error={send.error} />}
        {send.isSuccess ? (
          <>
            <Alert color="green" data-testid="reminder-sent">
              {t('report.reminders.sent')}
            </Alert>
            <Group justify="flex-end">
              <Button onClick={onClose} data-testid="reminder-close">
                {t('report.reminders.close')}
              </Button>
            </Group>
          </>
        ) : (
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button color="red" loading={send.isPending} onClick={() => send.mutate()} data-testid="reminder-confirm">
              {t('report.reminders.confirm')}
            </Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}
