// /briefings/:id — a leader's briefing: the communicator's talking points, the message in each
// version the team gets (variant × language) as an editable draft with a preview as a team member
// sees it, and Release, which sends it to the team in the leader's name (once). After the release,
// or after the deadline released it, the page shows what happened and edits nothing.
import { useState } from 'react';
import { Alert, Anchor, Button, Card, Group, Modal, Stack, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CAMPAIGN_LIMITS } from '../../../shared/campaigns';
import type { Briefing, DraftInput } from '../../../shared/cascade';
import { ApiError } from '../../app/api-client';
import { NotFoundPage } from '../../app/not-found-page';
import { ErrorAlert } from '../../ui/error-alert';
import { formatLanguageName } from '../../ui/format';
import { PageLoader } from '../../ui/page-loader';
import { formatTimestamp } from '../audiences/format-timestamp';
import { ProblemAlert } from '../audiences/problem-alert';
import { problemAt } from '../campaigns/campaign-problems';
import { FeedMessageFrame } from '../feed/feed-message-frame';
import { useBriefing, usePreviewDraft, useReleaseBriefing, useSaveDraft } from './briefing-queries';
import { BriefingStatus } from './briefing-status';

const parseId = (raw: string | undefined): number | null => (raw !== undefined && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null);

export function BriefingPage() {
  const id = parseId(useParams().id);
  const briefing = useBriefing(id ?? 0, id !== null);
  if (id === null || (briefing.error instanceof ApiError && briefing.error.status === 404)) return <NotFoundPage />;
  if (briefing.error) return <ErrorAlert error={briefing.error} onRetry={() => void briefing.refetch()} />;
  if (!briefing.data) return <PageLoader />;
  return <BriefingView key={briefing.data.released_at ?? 'open'} briefing={briefing.data} />;
}

type DraftText = { subject: string; body: string };
const versionKey = (v: { variant: string; language: string }) => `${v.variant}\u0000${v.language}`;

function BriefingView({ briefing }: { briefing: Briefing }) {
  const { t, i18n } = useTranslation();
  const campaignId = briefing.campaign.id;
  const [texts, setTexts] = useState<Record<string, DraftText>>(() => Object.fromEntries(briefing.versions.map((v) => [versionKey(v), v.draft ?? v.original])));
  const [active, setActive] = useState<string | null>(briefing.versions[0] ? versionKey(briefing.versions[0]) : null);
  const [confirming, setConfirming] = useState(false);
  const save = useSaveDraft(campaignId);
  const preview = usePreviewDraft(campaignId);
  const release = useReleaseBriefing(campaignId);
  const open = briefing.released_at === null && ['sending', 'paused', 'sent'].includes(briefing.campaign.status);

  /** Only versions the leader changed are their draft; the others stay the communicator's. */
  const draftInput = (): DraftInput => {
    const drafts: DraftInput['drafts'] = {};
    for (const v of briefing.versions) {
      const text = texts[versionKey(v)]!;
      if (text.subject === v.original.subject && text.body === v.original.body && v.draft === null) continue;
      (drafts[v.variant] ??= {})[v.language] = { subject: text.subject, body: text.body };
    }
    return { drafts };
  };
  const doRelease = () =>
    save.mutate(draftInput(), {
      onSuccess: () => release.mutate(undefined, { onSettled: () => setConfirming(false) }),
      onError: () => setConfirming(false),
    });
  const error = save.error ?? preview.error;

  return (
    <Stack gap="md" data-testid="briefing-page">
      <Anchor component={Link} to="/briefings" size="sm">
        {t('briefings.back')}
      </Anchor>
      <Group justify="space-between" align="center">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2}>{briefing.campaign.name}</Title>
            <BriefingStatus briefing={briefing} />
          </Group>
          <Text size="sm" c="dimmed">
            {t('briefings.deadlineLine', { deadline: formatTimestamp(briefing.deadline, i18n.language), count: briefing.team_size })}
          </Text>
        </Stack>
        {open && (
          <Group gap="sm">
            <Button variant="default" onClick={() => save.mutate(draftInput())} loading={save.isPending && !confirming} data-testid="briefing-save">
              {t('briefings.saveDraft')}
            </Button>
            <Button color="red" onClick={() => setConfirming(true)} data-testid="briefing-release">
              {t('briefings.release')}
            </Button>
          </Group>
        )}
      </Group>
      {save.isSuccess && !release.isSuccess && (
        <Text size="sm" c="green" data-testid="briefing-saved">
          {t('briefings.saved')}
        </Text>
      )}
      {briefing.released_at && (
        <Alert color={briefing.released_by === 'leader' ? 'green' : 'orange'} variant="light" data-testid="briefing-released">
          {briefing.released_by === 'leader'
            ? t('briefings.releasedByYou', { at: formatTimestamp(briefing.released_at, i18n.language) })
            : t('briefings.releasedByDeadline', { at: formatTimestamp(briefing.released_at, i18n.language) })}
        </Alert>
      )}
      {!open && !briefing.released_at && (
        <Alert color="gray" variant="light">
          {t('briefings.closed')}
        </Alert>
      )}
      {error && <ProblemAlert error={error} title={t('briefings.saveFailed')} />}
      {release.error && <ProblemAlert error={release.error} title={t('briefings.releaseFailed')} />}

      <Card withBorder radius="md">
        <Title order={3} size="h4" mb="xs">
          {t('briefings.talkingPoints')}
        </Title>
        <FeedMessageFrame html={briefing.talking_points_html} title={t('briefings.talkingPoints')} />
      </Card>

      <Stack gap={4}>
        <Title order={3} size="h4">
          {t('briefings.messageTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('briefings.messageHint', { variables: briefing.variables.slice(0, 3).join(', ') })}
        </Text>
      </Stack>
      <Tabs value={active} onChange={setActive} keepMounted={false} variant="outline">
        <Tabs.List>
          {briefing.versions.map((v) => (
            <Tabs.Tab key={versionKey(v)} value={versionKey(v)} data-testid="briefing-version-tab" data-variant={v.variant} data-language={v.language}>
              {t('briefings.versionTab', { variant: v.variant, language: formatLanguageName(v.language, i18n.language), count: v.people })}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {briefing.versions.map((v) => {
          const key = versionKey(v);
          const text = texts[key]!;
          const at = `/drafts/${v.variant}/${v.language}`;
          const set = (next: Partial<DraftText>) => setTexts((current) => ({ ...current, [key]: { ...text, ...next } }));
          return (
            <Tabs.Panel key={key} value={key} pt="md">
              <Stack gap="sm">
                <TextInput
                  label={t('briefings.subject')}
                  maxLength={CAMPAIGN_LIMITS.subject}
                  value={text.subject}
                  onChange={(e) => set({ subject: e.currentTarget.value })}
                  error={problemAt(error, t, `${at}/subject`) ?? problemAt(error, t, at)}
                  disabled={!open}
                  data-testid="briefing-subject"
                />
                <Textarea
                  label={t('briefings.body')}
                  autosize
                  minRows={6}
                  maxLength={CAMPAIGN_LIMITS.body}
                  value={text.body}
                  onChange={(e) => set({ body: e.currentTarget.value })}
                  error={problemAt(error, t, `${at}/body`)}
                  disabled={!open}
                  data-testid="briefing-body"
                />
                <Group>
                  <Button
                    variant="light"
                    onClick={() => preview.mutate({ variant: v.variant, language: v.language, ...text })}
                    loading={preview.isPending}
                    data-testid="briefing-preview"
                  >
                    {t('briefings.preview')}
                  </Button>
                </Group>
                {preview.data && preview.variables?.variant === v.variant && preview.variables.language === v.language && (
                  <Card withBorder radius="md" data-testid="briefing-preview-result">
                    <Text fw={600} mb="xs" data-testid="briefing-preview-subject">
                      {preview.data.subject}
                    </Text>
                    <FeedMessageFrame html={preview.data.html} title={preview.data.subject} />
                  </Card>
                )}
              </Stack>
            </Tabs.Panel>
          );
        })}
      </Tabs>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('briefings.confirmTitle')}>
        <Stack gap="md">
          <Text size="sm">{t('briefings.confirmText', { count: briefing.team_size })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('actions.cancel')}
            </Button>
            <Button color="red" onClick={doRelease} loading={save.isPending || release.isPending} data-testid="briefing-release-confirm">
              {t('briefings.release')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
